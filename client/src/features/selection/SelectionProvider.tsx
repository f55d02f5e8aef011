import { useMemo, useReducer, type ReactNode } from 'react';
import { SelectionContext } from './selection-context';
import { selectionReducer, startingSelection } from './selection-state';

/**
 * Holds the selection for the map, the search box and the details panel; `initialId` is the node
 * selected at start-up (from the URL).
 */
export function SelectionProvider({
  initialId = null,
  children,
}: {
  initialId?: string | null;
  children: ReactNode;
}) {
  const [state, dispatch] = useReducer(selectionReducer, initialId, startingSelection);
  const value = useMemo(() => ({ state, dispatch }), [state]);
  return <SelectionContext value={value}>{children}</SelectionContext>;
}
