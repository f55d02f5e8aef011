import type { MapResponse } from '@octograph/graph-schema';
import type { Core, EventObject, EventObjectNode, NodeSingular } from 'cytoscape';
import { useEffect, useEffectEvent, useRef } from 'react';
import { useCyRef } from '../cy-context';

/** Zoom at least this far in when bringing a chosen node into view. */
const CENTRE_MIN_ZOOM = 1.4;
const CENTRE_DURATION_MS = 450;
const SELECTION_CLASSES = 'selected-node neighbour highlighted faded';

export interface SelectionControllerProps {
  map: MapResponse;
  selectedId: string | null;
  /**
   * Focus mode: the server's map around the selected node (GET /api/map?focus=&depth=); every
   * element not in it fades. Null: the selected node and its direct links stand out.
   */
  focus: MapResponse | null;
  /** Bumped when the map should centre on the selected node. */
  centreRequest: number;
  /** A node was tapped (its id), or the background (null). */
  onSelect: (id: string | null) => void;
}

function drawSelection(cy: Core, selectedId: string | null, focus: MapResponse | null): void {
  cy.batch(() => {
    cy.elements().removeClass(SELECTION_CLASSES);
    if (selectedId === null) return;
    const node = cy.getElementById(selectedId);
    if (node.empty()) return;
    node.addClass('selected-node');
    if (focus) {
      // Focus mode: exactly what the server says lies within the chosen depth stands out.
      const kept = new Set([...focus.nodes, ...focus.links].map((element) => element.id));
      const outside = cy.elements().filter((element) => !kept.has(element.id()));
      outside.addClass('faded');
      cy.edges().difference(outside).addClass('highlighted');
      cy.nodes().difference(outside).difference(node).addClass('neighbour');
      return;
    }
    const links = node.connectedEdges();
    const neighbours = links.connectedNodes().difference(node);
    neighbours.addClass('neighbour');
    links.addClass('highlighted');
    cy.elements().difference(node.union(neighbours).union(links)).addClass('faded');
  });
}

function centreOn(cy: Core, node: NodeSingular): void {
  // The details panel may just have opened and narrowed the map: measure before centring.
  cy.resize();
  cy.stop(true, true);
  const zoom = Math.min(cy.maxZoom(), Math.max(cy.zoom(), CENTRE_MIN_ZOOM));
  const { x, y } = node.position();
  // A pan worked out from the node's position, not `center: { eles }`: that one centres the node
  // with its label, and measuring the label right after the selection restyled it caches a stale
  // size in Cytoscape (the label is then drawn clipped).
  cy.animate(
    { zoom, pan: { x: cy.width() / 2 - x * zoom, y: cy.height() / 2 - y * zoom } },
    { duration: CENTRE_DURATION_MS, easing: 'ease-in-out-cubic' },
  );
}

/**
 * Turns taps into selections, draws the selection (or the focus around it), and centres on
 * request. Renders nothing.
 */
export function SelectionController({
  map,
  selectedId,
  focus,
  centreRequest,
  onSelect,
}: SelectionControllerProps) {
  const cyRef = useCyRef();
  const handledCentreRequest = useRef(0);
  const select = useEffectEvent((id: string | null) => {
    onSelect(id);
  });

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return undefined;
    const onNodeTap = (event: EventObjectNode) => {
      select(event.target.id());
    };
    const onBackgroundTap = (event: EventObject) => {
      const target: unknown = event.target;
      if (target === cy) select(null);
    };
    cy.on('tap', 'node', onNodeTap);
    cy.on('tap', onBackgroundTap);
    return () => {
      cy.off('tap', 'node', onNodeTap);
      cy.off('tap', onBackgroundTap);
    };
  }, [cyRef]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy) drawSelection(cy, selectedId, focus);
  }, [cyRef, map, selectedId, focus]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || selectedId === null || handledCentreRequest.current === centreRequest) return;
    const node = cy.getElementById(selectedId);
    // Not on this map (filtered out): the details still show, there is nothing to centre on.
    if (node.empty()) return;
    handledCentreRequest.current = centreRequest;
    centreOn(cy, node);
  }, [cyRef, map, selectedId, centreRequest]);

  return null;
}
