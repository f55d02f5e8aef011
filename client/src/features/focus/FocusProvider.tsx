import { useEffect, useMemo, useReducer, type ReactNode } from 'react';
import { useSelection } from '../selection/selection-context';
import { FocusContext } from './focus-context';
import { focusReducer, initialFocus, type FocusDepth } from './focus-state';

/**
 * Holds the focus depth for the map, the status line and the details panel. Inside
 * SelectionProvider: the focus is on the selected node, keeps its depth when another node is
 * selected, and ends when the selection is cleared. `initialDepth` comes from the URL.
 */
export function FocusProvider({
  initialDepth = null,
  children,
}: {
  initialDepth?: FocusDepth | null;
  children: ReactNode;
}) {
  const [state, dispatch] = useReducer(focusReducer, initialFocus, (initial) =>
    initialDepth === null ? initial : { depth: initialDepth },
  );
  const { state: selection } = useSelection();
  const hasSelection = selection.selectedId !== null;

  useEffect(() => {
    if (!hasSelection) dispatch({ type: 'clear' });
  }, [hasSelection]);

  const value = useMemo(() => ({ state, dispatch }), [state]);
  return <FocusContext value={value}>{children}</FocusContext>;
}
