import { useEffect } from 'react';
import { useCyRef } from '../cy-context';

/**
 * A small READ-ONLY handle for the browser test (tests/e2e/map.test.ts), which needs to know
 * where a node is drawn in order to click it and to check the map centred on it. It exposes
 * positions only: nothing here changes the app. Not an API for anything else.
 */
export interface OctographTestHandle {
  /** Where a node is drawn, in page (CSS pixel) coordinates; null if it is not on the map. */
  nodeScreenPosition(id: string): { x: number; y: number } | null;
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
    };
    window.__octograph = handle;
    return () => {
      if (window.__octograph === handle) delete window.__octograph;
    };
  }, [cyRef]);

  return null;
}
