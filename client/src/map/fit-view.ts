/**
 * Fitting the whole map, or a part of it, in view. Cytoscape's own `fit` (and even a bounding box
 * without labels) works out every node's style, which on a 5,000-node map blocks the page for
 * over a second; a node's position and its size (element data, see map-elements.ts) are enough
 * to frame it, and the padding leaves room for labels.
 */
import type { Core } from 'cytoscape';

/**
 * Padding around the whole map, in screen pixels: room for the names at its edge, and, above and
 * below, for the toolbar and the timeline that float over the map.
 */
export const FIT_PADDING = { x: 40, y: 76 };

/** How a part of the map is framed. */
export interface FrameOptions {
  /** Room around the framed nodes, in screen pixels: for their labels and the panels over the map. */
  padding: number | { x: number; y: number };
  /** Never zoom in further than this (one node would fill the map). */
  maxZoom: number;
}

/** Framing a filter's result, a focus or an Insights highlight. */
export const FRAME: FrameOptions = { padding: 90, maxZoom: 1.6 };

/**
 * The zoom and pan that frame the nodes `keep` accepts (every node when left out), or null when
 * there are none or the canvas has no size. A loop over positions and sizes: no style or label is
 * looked at.
 */
function viewportFor(
  cy: Core,
  { padding, maxZoom }: FrameOptions,
  keep: (id: string) => boolean = () => true,
) {
  if (cy.width() <= 0 || cy.height() <= 0) return null;
  const pad = typeof padding === 'number' ? { x: padding, y: padding } : padding;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  cy.nodes().forEach((node) => {
    if (!keep(node.id())) return;
    const { x, y } = node.position();
    const half = Number(node.data('size') ?? 0) / 2;
    x1 = Math.min(x1, x - half);
    y1 = Math.min(y1, y - half);
    x2 = Math.max(x2, x + half);
    y2 = Math.max(y2, y + half);
  });
  if (x1 === Infinity) return null;
  const width = Math.max(x2 - x1, 1);
  const height = Math.max(y2 - y1, 1);
  const zoom = Math.min(
    maxZoom,
    cy.maxZoom(),
    Math.max(
      cy.minZoom(),
      Math.min((cy.width() - 2 * pad.x) / width, (cy.height() - 2 * pad.y) / height),
    ),
  );
  const pan = {
    x: cy.width() / 2 - (x1 + width / 2) * zoom,
    y: cy.height() / 2 - (y1 + height / 2) * zoom,
  };
  return { zoom, pan };
}

/** The zoom and pan that frame every node, or null for an empty map or canvas. */
export function fittedViewport(cy: Core, padding: FrameOptions['padding'] = FIT_PADDING) {
  return viewportFor(cy, { padding, maxZoom: cy.maxZoom() });
}

/** Frames every node at once. */
export function fitNow(cy: Core): void {
  const viewport = fittedViewport(cy);
  if (viewport) cy.viewport(viewport);
}

/** Frames every node with a short animation. */
export function fitAnimated(cy: Core): void {
  const viewport = fittedViewport(cy);
  if (!viewport) return;
  cy.stop(true, true);
  cy.animate(viewport, { duration: 250, easing: 'ease-out' });
}

/** Brings the nodes `keep` accepts into view, with a short animation; nothing if none is kept. */
export function frameNodes(
  cy: Core,
  keep: (id: string) => boolean,
  options: FrameOptions = FRAME,
): void {
  const viewport = viewportFor(cy, options, keep);
  if (!viewport) return;
  cy.stop(true, true);
  cy.animate(viewport, { duration: 350, easing: 'ease-in-out-cubic' });
}
