/**
 * The one place a Cytoscape instance lives. It is created when the container mounts, kept in a
 * ref, and handed to the controllers (children, most render nothing) through context. Nodes are
 * placed at the server's saved positions (`preset` layout): no force layout ever runs here, as
 * one on a 2,000-node map would block the page for tens of seconds.
 */
import cytoscape, { type Core } from 'cytoscape';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { CyContext } from './cy-context';

export interface GraphCanvasProps {
  /** Accessible name of the map. */
  label: string;
  /**
   * A big map: links are hidden while panning and zooming, which keeps the view responsive with
   * thousands of them. A Cytoscape start-up option: changing it makes a new instance.
   */
  large?: boolean;
  /** Controllers and overlays that use the instance. */
  children?: ReactNode;
}

export function GraphCanvas({ label, large = false, children }: GraphCanvasProps) {
  const cyRef = useRef<Core | null>(null);
  // Counts instances, so the controllers start afresh (keyed) whenever a new one is made.
  const [generation, setGeneration] = useState(0);

  const attach = useCallback(
    (container: HTMLDivElement | null) => {
      if (container === null) return undefined;
      const cy = cytoscape({
        container,
        layout: { name: 'preset' },
        minZoom: 0.05,
        maxZoom: 3,
        // Nodes can be dragged; DragController saves where they are dropped.
        autoungrabify: false,
        // The selection lives in React (SelectionController draws it), not in Cytoscape.
        autounselectify: true,
        boxSelectionEnabled: false,
        hideEdgesOnViewport: large,
      });
      cyRef.current = cy;
      // Cytoscape only watches the window; the map also changes size when the details open.
      // Only on a real change: the observer also reports the size it starts with, and a resize
      // redraws everything (over a second on a 5,000-node map).
      const observer = new ResizeObserver(() => {
        if (container.clientWidth !== cy.width() || container.clientHeight !== cy.height()) {
          cy.resize();
        }
      });
      observer.observe(container);
      setGeneration((value) => value + 1);
      return () => {
        observer.disconnect();
        cyRef.current = null;
        cy.destroy();
      };
    },
    [large],
  );

  return (
    <div className="graph-canvas">
      {/* Focusable: arrow keys move between linked nodes (KeyboardNavController). */}
      <div
        className="graph-canvas__surface"
        ref={attach}
        role="img"
        aria-label={label}
        tabIndex={0}
      />
      {generation > 0 && (
        <CyContext key={generation} value={cyRef}>
          {children}
        </CyContext>
      )}
    </div>
  );
}
