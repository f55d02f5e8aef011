import type { Core } from 'cytoscape';
import { createContext, useContext, type RefObject } from 'react';

/**
 * The ref holding GraphCanvas's Cytoscape instance. Controllers read `.current` inside effects
 * and event handlers only; the instance itself never enters React state.
 */
export const CyContext = createContext<RefObject<Core | null> | null>(null);

/** The canvas's Cytoscape ref; only inside GraphCanvas's children. */
export function useCyRef(): RefObject<Core | null> {
  const ref = useContext(CyContext);
  if (ref === null) throw new Error('useCyRef must be used inside <GraphCanvas>');
  return ref;
}
