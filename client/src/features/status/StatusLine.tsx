import { useTranslation } from 'react-i18next';
import { useFilteredFocus, useFilteredMap } from '../filters/use-filtered-map';
import { useFocusMode } from '../focus/focus-context';
import { useSelection } from '../selection/selection-context';

/**
 * "N nodes · M links" of what is on the map, "Showing N of M nodes" while focused on a node's
 * neighbourhood, or that the map is loading or failed.
 */
export function StatusLine() {
  const { t } = useTranslation();
  const { data, isError } = useFilteredMap();
  const { state: selection } = useSelection();
  const { state: focus } = useFocusMode();
  const { data: focused } = useFilteredFocus(selection.selectedId, focus.depth);

  let text: string;
  if (data && focused && focus.depth !== null) {
    text = t('status.showing', { shown: focused.nodes.length, count: data.nodes.length });
  } else if (data) {
    text = t('status.summary', {
      nodes: t('status.nodes', { count: data.nodes.length }),
      links: t('status.links', { count: data.links.length }),
    });
  } else if (isError) {
    text = t('status.failed');
  } else {
    text = t('status.loading');
  }

  return (
    <p className="status-line" role="status" aria-live="polite">
      {text}
    </p>
  );
}
