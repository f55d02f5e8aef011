import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommands } from './commands-context';
import { COMMAND_GROUPS, COMMANDS } from './registry';
import { shortcutText } from './shortcut-text';

const WITH_KEYS = COMMANDS.filter((command) => command.keys.length > 0);

/** The `?` overlay: every keyboard shortcut in the registry, by group. A modal dialog. */
export function ShortcutsOverlay() {
  const { t } = useTranslation();
  const { shortcutsOpen, closeShortcuts, offered } = useCommands();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (shortcutsOpen && !dialog.open) dialog.showModal();
    if (!shortcutsOpen && dialog.open) dialog.close();
  }, [shortcutsOpen]);

  return (
    <dialog
      ref={dialogRef}
      className="shortcuts"
      aria-labelledby={titleId}
      // Esc closes a modal dialog natively; keep React's state in step.
      onClose={closeShortcuts}
      onKeyDown={(event) => {
        // The page's own shortcuts stay quiet while the overlay is open.
        event.stopPropagation();
      }}
      onClick={(event) => {
        if (event.target === dialogRef.current) closeShortcuts();
      }}
    >
      <div className="shortcuts__body">
        <h2 id={titleId} className="shortcuts__title">
          {t('commands.shortcutsTitle')}
        </h2>
        {COMMAND_GROUPS.map((group) => {
          const commands = WITH_KEYS.filter(
            (command) => command.group === group && offered(command),
          );
          if (commands.length === 0) return null;
          return (
            <section key={group} className="shortcuts__group">
              <h3 className="shortcuts__heading">{t(`commands.group.${group}`)}</h3>
              <dl className="shortcuts__list">
                {commands.map((command) => (
                  <div key={command.id} className="shortcuts__row">
                    <dt>
                      <kbd>{shortcutText(command, t)}</kbd>
                    </dt>
                    <dd>{t(`commands.hint.${command.id}`)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
        <p className="shortcuts__note muted">{t('commands.shortcutsNote')}</p>
        <button type="button" className="pill-button" onClick={closeShortcuts} autoFocus>
          {t('commands.shortcutsClose')}
        </button>
      </div>
    </dialog>
  );
}
