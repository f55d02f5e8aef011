import { useEffect } from 'react';
import { useFocusMode } from '../focus/focus-context';
import { useMeetingsScreen } from '../meetings/meetings-screen-store';
import { useSelection } from '../selection/selection-context';
import { useFilters } from './filters-context';
import { serialiseViewUrl } from './filter-url';

/**
 * Keeps the URL's query string in step with the filters, the selection, the focus depth and the
 * meetings screen.
 */
export function UrlStateController() {
  const { filters } = useFilters();
  const { state: selection } = useSelection();
  const { state: focus } = useFocusMode();
  const meetings = useMeetingsScreen();

  useEffect(() => {
    const query = serialiseViewUrl({
      filters,
      node: selection.selectedId,
      depth: focus.depth,
      meetings,
    });
    const { pathname, search, hash } = window.location;
    if (query !== search)
      window.history.replaceState(window.history.state, '', pathname + query + hash);
  }, [filters, selection.selectedId, focus.depth, meetings]);

  return null;
}
