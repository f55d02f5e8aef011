import type { Core, EventObjectNode, NodeSingular } from 'cytoscape';
import { useEffect } from 'react';
import { useCyRef } from '../cy-context';
import { LABEL_SCREEN_WIDTH } from '../style';

/** A hovered node's label is drawn at least this big on screen, whatever the zoom. */
const HOVER_LABEL_PX = 13;

/** At least HOVER_LABEL_PX on screen, or the size its name is placed at if bigger. */
function enlargeLabel(cy: Core, node: NodeSingular): void {
  const zoom = cy.zoom();
  const placed: unknown = node.data('labelSize');
  const own = typeof placed === 'number' ? placed : 0;
  node.style({
    'font-size': Math.max(own, HOVER_LABEL_PX / zoom),
    'text-max-width': `${LABEL_SCREEN_WIDTH / zoom}px`,
  });
}

/**
 * Hovering a node shows its name, legibly, even when the map is zoomed out too far for labels,
 * and turns the cursor into a pointer (nodes are clickable). Renders nothing.
 */
export function HoverController() {
  const cyRef = useCyRef();

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return undefined;
    const container = cy.container();
    const onOver = (event: EventObjectNode) => {
      event.target.addClass('hovered');
      enlargeLabel(cy, event.target);
      if (container) container.style.cursor = 'pointer';
    };
    const onOut = (event: EventObjectNode) => {
      event.target.removeClass('hovered');
      event.target.removeStyle('font-size text-max-width');
      if (container) container.style.cursor = '';
    };
    cy.on('mouseover', 'node', onOver);
    cy.on('mouseout', 'node', onOut);
    return () => {
      cy.off('mouseover', 'node', onOver);
      cy.off('mouseout', 'node', onOut);
    };
  }, [cyRef]);

  return null;
}
