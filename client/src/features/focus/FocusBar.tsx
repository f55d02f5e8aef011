import { useTranslation } from 'react-i18next';
import { useFilteredFocus } from '../filters/use-filtered-map';
import { describeError } from '../../api/describe-error';
import { useSelection } from '../selection/selection-context';
import { useFocusMode } from './focus-context';
import { FOCUS_DEPTHS } from './focus-state';

/** The details panel's focus buttons: 1, 2 or 3 steps out from the selected node, or none. */
export function FocusBar() {
  const { t } = useTranslation();
  const { state: selection } = useSelection();
  const { state, dispatch } = useFocusMode();
  const focus = useFilteredFocus(selection.selectedId, state.depth);

  return (
    <div className="focus-bar" role="group" aria-label={t('focus.label')}>
      {FOCUS_DEPTHS.map((depth) => (
        <button
          key={depth}
          type="button"
          className="pill-button focus-bar__button"
          aria-pressed={state.depth === depth}
          title={t('focus.depthHint', { count: depth })}
          onClick={() => {
            dispatch({ type: 'focus', depth });
          }}
        >
          {t('focus.depth', { count: depth })}
        </button>
      ))}
      {state.depth !== null && (
        <button
          type="button"
          className="pill-button focus-bar__clear"
          title={t('focus.clearHint')}
          onClick={() => {
            dispatch({ type: 'clear' });
          }}
        >
          {t('focus.clear')}
        </button>
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
