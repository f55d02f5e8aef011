import { useEffect } from 'react';
import { useCyRef } from '../cy-context';

/**
 * A small READ-ONLY handle for the browser test (tests/e2e/map.test.ts), which needs to know
 * where a node is drawn in order to click it and to check the map centred on it, and how many
 * nodes and links the canvas really holds, and
 * which nodes are faded (selection, focus mode). It exposes positions and counts only: nothing here
 * changes the app. Exists for the tests only; not an API for anything else.
 */
export interface OctographTestHandle {
  /** Where a node is drawn, in page (CSS pixel) coordinates; null if it is not on the map. */
  nodeScreenPosition(id: string): { x: number; y: number } | null;
  /**
   * How many nodes and links (edges) the Cytoscape instance holds right now, i.e. what the canvas
   * draws, not what the map response says; null before the canvas exists.
   */
  elementCounts(): { nodes: number; links: number } | null;
  /** Ids of the nodes drawn NOT faded (the selection or focus and what stands out with it). */
  focusedIds(): string[];
  /** Ids of the nodes drawn faded (by the selection or the focus). */
  fadedIds(): string[];
}

declare global {
  interface Window {
    /** See TestHandleController: read-only, for the browser test. */
    __octograph?: OctographTestHandle;
  }
}

export function TestHandleController() {
  const cyRef = useCyRef();

  useEffect(() => {
    const handle: OctographTestHandle = {
      nodeScreenPosition(id) {
        const cy = cyRef.current;
        const container = cy?.container();
        const node = cy?.getElementById(id);
        if (!cy || !container || !node || node.empty()) return null;
        const box = container.getBoundingClientRect();
        const position = node.renderedPosition();
        return { x: box.left + position.x, y: box.top + position.y };
      },
      elementCounts() {
        const cy = cyRef.current;
        if (!cy) return null;
        return { nodes: cy.nodes().length, links: cy.edges().length };
      },
      focusedIds() {
        const nodes = cyRef.current?.nodes().filter((node) => !node.hasClass('faded'));
        return (nodes ?? []).map((node) => node.id()).sort();
      },
      fadedIds() {
        const nodes = cyRef.current?.nodes().filter((node) => node.hasClass('faded'));
        return (nodes ?? []).map((node) => node.id()).sort();
      },
    };
    window.__octograph = handle;
    return () => {
      if (window.__octograph === handle) delete window.__octograph;
    };
  }, [cyRef]);

  return null;
}
