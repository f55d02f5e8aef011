import { useMemo, useReducer, type ReactNode } from 'react';
import { SelectionContext } from './selection-context';
import { initialSelection, selectionReducer } from './selection-state';

/** Holds the selection for the map, the search box and the details panel. */
export function SelectionProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(selectionReducer, initialSelection);
  const value = useMemo(() => ({ state, dispatch }), [state]);
  return <SelectionContext value={value}>{children}</SelectionContext>;
}
