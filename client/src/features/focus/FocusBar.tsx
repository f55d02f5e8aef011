import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error';
import { CommandButton } from '../../commands/CommandButton';
import { commandsFor } from '../../commands/registry';
import { useFilteredFocus } from '../filters/use-filtered-map';
import { useSelection } from '../selection/selection-context';
import { useFocusMode } from './focus-context';

// The same commands as the toolbar's focus group and the node's context menu.
const FOCUS_COMMANDS = commandsFor('nodeMenu').filter((command) => command.group === 'focus');

/** The details panel's focus buttons: 1, 2 or 3 steps out from the selected node, or none. */
export function FocusBar() {
  const { t } = useTranslation();
  const { state: selection } = useSelection();
  const { state } = useFocusMode();
  const focus = useFilteredFocus(selection.selectedId, state.depth);

  return (
    <div className="focus-bar" role="group" aria-label={t('focus.label')}>
      {FOCUS_COMMANDS.map((command) =>
        command.id === 'clear' && state.depth === null ? null : (
          <CommandButton key={command.id} command={command} />
        ),
      )}
      {state.depth !== null && focus.isPending && (
        <span className="focus-bar__note muted">{t('focus.loading')}</span>
      )}
      {focus.isError && (
        <span className="focus-bar__note" role="alert">
          {t(describeError(focus.error).title)}
        </span>
      )}
    </div>
  );
}
