/**
 * The canvas draws the server's positions multiplied by one scale (positionScale in
 * map-elements.ts), fixed at the first map. ElementsController records it on the Cytoscape
 * instance (its scratch pad), so that turning a drawn position back into the server's layout
 * units (a dragged node) uses exactly the same factor.
 */
import type { NodePosition } from '@octograph/graph-schema';
import type { Core } from 'cytoscape';

const SCRATCH_KEY = 'octograph.positionScale';

/** Records the scale the canvas draws server positions at. */
export function setModelScale(cy: Core, scale: number): void {
  cy.scratch(SCRATCH_KEY, scale);
}

/** The scale the canvas draws server positions at (1 before any map was drawn). */
export function modelScaleOf(cy: Core): number {
  const scale: unknown = cy.scratch(SCRATCH_KEY);
  return typeof scale === 'number' && scale > 0 ? scale : 1;
}

/**
 * A node's drawn (model) position in the server's layout units, rounded to hundredths as the
 * server's own layouts are.
 */
export function toServerPosition(
  id: string,
  model: { x: number; y: number },
  scale: number,
): NodePosition {
  const round = (value: number) => Math.round((value / scale) * 100) / 100;
  return { id, x: round(model.x), y: round(model.y) };
}
