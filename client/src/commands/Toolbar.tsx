import { useTranslation } from 'react-i18next';
import { CommandButton } from './CommandButton';
import { useCommands } from './commands-context';
import { COMMAND_GROUPS, commandsFor } from './registry';

const TOOLBAR_COMMANDS = commandsFor('toolbar');

/**
 * The map's toolbar, generated from the command registry, one group after another; only the
 * commands offered to the person using the page (a viewer sees none that write).
 */
export function Toolbar() {
  const { t } = useTranslation();
  const { offered } = useCommands();
  return (
    <div className="toolbar" data-map-overlay role="toolbar" aria-label={t('commands.toolbar')}>
      {COMMAND_GROUPS.map((group) => {
        const commands = TOOLBAR_COMMANDS.filter(
          (command) => command.group === group && offered(command),
        );
        if (commands.length === 0) return null;
        return (
          <div
            key={group}
            className="toolbar__group"
            role="group"
            aria-label={t(`commands.group.${group}`)}
          >
            {commands.map((command) => (
              <CommandButton key={command.id} command={command} />
            ))}
          </div>
        );
      })}
    </div>
  );
}
