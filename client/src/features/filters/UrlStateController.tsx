import { useEffect } from 'react';
import { useFocusMode } from '../focus/focus-context';
import { useSelection } from '../selection/selection-context';
import { useFilters } from './filters-context';
import { serialiseViewUrl } from './filter-url';

/** Keeps the URL's query string in step with the filters, the selection and the focus depth. */
export function UrlStateController() {
  const { filters } = useFilters();
  const { state: selection } = useSelection();
  const { state: focus } = useFocusMode();

  useEffect(() => {
    const query = serialiseViewUrl({ filters, node: selection.selectedId, depth: focus.depth });
    const { pathname, search, hash } = window.location;
    if (query !== search)
      window.history.replaceState(window.history.state, '', pathname + query + hash);
  }, [filters, selection.selectedId, focus.depth]);

  return null;
}
