import type { TFunction } from 'i18next';
import type { Command } from './registry';

/** A command's keys as a person reads them: `F or 0`, `Esc`. */
export function shortcutText(command: Command, t: TFunction): string {
  return command.keys
    .map((key) =>
      key === 'Escape'
        ? t('commands.keyName.Escape')
        : key === 'Delete'
          ? t('commands.keyName.Delete')
          : key.toUpperCase(),
    )
    .join(` ${t('commands.or')} `);
}
