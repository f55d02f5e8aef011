/**
 * No circle drawn over another: the saved positions come from a force layout (or a spreadsheet,
 * or a person's drag) that knows nothing of how big each node is drawn, which the client decides
 * (the "Size by" metric). Before drawing, graphology-layout-noverlap pushes apart the nodes whose
 * circles would overlap, by the least it takes, and leaves every other node where it was saved.
 * Pure and deterministic: the same map and sizes give the same spots, on every reload.
 */
import Graph from 'graphology';
import noverlap from 'graphology-layout-noverlap';

/**
 * A node to space: its centre and the diameter of the room it keeps free around it, in model
 * units: its drawn circle, or more for a hub, whose members then gather around it with room for
 * its name between them (see map-elements.ts HUB_ROOM).
 */
export interface SpacedNode {
  id: string;
  x: number;
  y: number;
  size: number;
}

/** Room kept between two circles, in model units. */
export const CIRCLE_GAP = 4;
/**
 * Passes of noverlap at most; each costs about a millisecond per thousand nodes, and it stops as
 * soon as nothing overlaps (a few passes on a laid-out map).
 */
const MAX_PASSES = 300;

/** Whether two circles overlap (closer than their radii and the gap, less a rounding). */
function overlap(a: SpacedNode, b: SpacedNode): boolean {
  return Math.hypot(a.x - b.x, a.y - b.y) < (a.size + b.size) / 2 + CIRCLE_GAP / 2 - 0.01;
}

/** Whether any two circles overlap (a sweep along x, so near-linear on a spread-out map). */
export function anyOverlap(nodes: readonly SpacedNode[]): boolean {
  const sorted = [...nodes].sort((a, b) => a.x - b.x);
  const widest = Math.max(0, ...nodes.map((node) => node.size));
  for (let i = 0; i < sorted.length; i += 1) {
    const a = sorted[i];
    if (!a) continue;
    for (let j = i + 1; j < sorted.length; j += 1) {
      const b = sorted[j];
      if (!b || b.x - a.x > widest + CIRCLE_GAP) break;
      if (overlap(a, b)) return true;
    }
  }
  return false;
}

/** A small step in a direction of its own for a node, from its id (a stable hash). */
function nudgeOf(id: string): { x: number; y: number } {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) {
    hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193);
  }
  const angle = ((hash >>> 0) / 2 ** 32) * 2 * Math.PI;
  return { x: Math.cos(angle), y: Math.sin(angle) };
}

/**
 * Where each node is drawn so that no two circles overlap: its own spot if it overlaps nothing,
 * else pushed apart from those it overlaps. Returns only the nodes that moved.
 */
export function spreadApart(nodes: readonly SpacedNode[]): Map<string, { x: number; y: number }> {
  const moved = new Map<string, { x: number; y: number }>();
  if (nodes.length < 2 || !anyOverlap(nodes)) return moved;
  const graph = new Graph({ type: 'undirected' });
  // noverlap pulls nodes on the very same spot apart at random; a nudge from the id keeps the
  // result the same on every load.
  const taken = new Set<string>();
  for (const node of nodes) {
    const spot = `${String(node.x)}:${String(node.y)}`;
    const nudge = taken.has(spot) ? nudgeOf(node.id) : { x: 0, y: 0 };
    taken.add(spot);
    graph.mergeNode(node.id, { x: node.x + nudge.x, y: node.y + nudge.y, size: node.size });
  }
  const spots = noverlap(graph, {
    maxIterations: MAX_PASSES,
    // noverlap reads `size` as a radius, as sigma.js draws it.
    inputReducer: (_key, attributes) => ({ ...attributes, size: (attributes.size ?? 0) / 2 }),
    settings: { margin: CIRCLE_GAP, ratio: 1, expansion: 1.1, speed: 3, gridSize: 20 },
  });
  for (const node of nodes) {
    const spot = spots[node.id];
    if (spot && (spot.x !== node.x || spot.y !== node.y)) moved.set(node.id, spot);
  }
  return moved;
}
