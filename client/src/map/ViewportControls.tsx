import { useTranslation } from 'react-i18next';
import { useCommands } from '../commands/commands-context';
import { commandById, type CommandId } from '../commands/registry';
import { shortcutText } from '../commands/shortcut-text';

/** The icon of each button, drawn on a 16×16 grid. */
const BUTTONS: readonly { id: CommandId; path: string }[] = [
  { id: 'zoomIn', path: 'M8 3v10M3 8h10' },
  { id: 'zoomOut', path: 'M3 8h10' },
  { id: 'fit', path: 'M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10' },
];

/** Zoom in, zoom out and show-everything buttons over the map's corner (registry commands). */
export function ViewportControls() {
  const { t } = useTranslation();
  const { state, run } = useCommands();

  return (
    <div className="viewport-controls" data-map-overlay>
      {BUTTONS.map(({ id, path }) => {
        const command = commandById(id);
        const hint = t(`commands.hint.${id}`);
        return (
          <button
            key={id}
            type="button"
            disabled={!command.isEnabled(state)}
            onClick={() => {
              run(command);
            }}
            aria-label={hint}
            title={`${hint} (${shortcutText(command, t)})`}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d={path} />
            </svg>
          </button>
        );
      })}
    </div>
  );
}
