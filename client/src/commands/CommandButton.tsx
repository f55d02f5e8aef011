import { useTranslation } from 'react-i18next';
import { useCommands } from './commands-context';
import type { Command } from './registry';
import { shortcutText } from './shortcut-text';

/** One command as a button: its label, its shortcut in the tooltip, pressed when it is on. */
export function CommandButton({ command, className }: { command: Command; className?: string }) {
  const { t } = useTranslation();
  const { state, run } = useCommands();
  const keys = shortcutText(command, t);
  const hint = t(`commands.hint.${command.id}`);
  return (
    <button
      type="button"
      className={className ?? 'pill-button'}
      data-command={command.id}
      disabled={!command.isEnabled(state)}
      aria-pressed={command.isPressed?.(state)}
      aria-keyshortcuts={command.keys.join(' ') || undefined}
      title={keys === '' ? hint : `${hint} (${keys})`}
      onClick={() => {
        run(command);
      }}
    >
      {t(`commands.label.${command.id}`)}
    </button>
  );
}
