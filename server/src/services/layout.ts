/**
 * Map positions computed on the server, so the browser never runs a force layout on its main
 * thread. `computeLayout` lays out a whole network once (ForceAtlas2 from graphology); the result
 * is saved, and `placeNewNodes` puts nodes without a saved position next to their neighbours so
 * adding one link or node moves nothing else.
 */
import type { Link, Position } from '@octograph/graph-schema';
import Graph from 'graphology';
import { connectedComponents } from 'graphology-components';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/** A spot on the map. */
export interface Point {
  x: number;
  y: number;
}

// Theme and place links join almost everything; weighted fully they would pull the map into one
// ball, so they count for little and the shape follows who works with whom.
const WEIGHT_BY_KIND: Readonly<Record<Link['kind'], number>> = {
  COLLABORATES_WITH: 1,
  MEMBER_OF: 1,
  PARTNER_IN: 1,
  WORKS_AT: 0.6,
  VOLUNTEERS_AT: 0.6,
  FUNDS: 0.8,
  ATTENDED: 0.4,
  FOCUSES_ON: 0.1,
  BASED_IN: 0.1,
};

/** A stable number in [0, 1) from an id, so placement is the same on every run. */
function unitHash(text: string, salt = 0): number {
  let hash = 0x811c9dc5 ^ salt;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32;
}

function bounds(points: Iterable<Point>): { cx: number; cy: number; radius: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { x, y } of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  if (minX === Infinity) return { cx: 0, cy: 0, radius: 0 };
  return {
    cx: (minX + maxX) / 2,
    cy: (minY + maxY) / 2,
    radius: Math.hypot(maxX - minX, maxY - minY) / 2,
  };
}

/** Spreads ids evenly on a circle (used for nodes nothing is connected to). */
function ring(ids: readonly string[], center: Point, radius: number): Map<string, Point> {
  const placed = new Map<string, Point>();
  ids.forEach((id, index) => {
    const angle = (2 * Math.PI * index) / Math.max(ids.length, 1);
    placed.set(id, {
      x: center.x + radius * Math.cos(angle),
      y: center.y + radius * Math.sin(angle),
    });
  });
  return placed;
}

/**
 * Lays out a whole network. The largest connected part is laid out by ForceAtlas2; everything
 * cut off from it (small islands, and nodes without any link) is set apart on a ring around it,
 * each island as a little circle of its own, where a coordinator sees at once who is not yet
 * connected to the main network.
 */
export function computeLayout(nodeIds: readonly string[], links: readonly Link[]): Position[] {
  const graph = new Graph({ type: 'undirected', multi: false });
  for (const id of nodeIds) {
    graph.addNode(id, { x: (unitHash(id, 1) - 0.5) * 100, y: (unitHash(id, 2) - 0.5) * 100 });
  }
  for (const link of links) {
    if (!graph.hasNode(link.source) || !graph.hasNode(link.target)) continue;
    const weight = WEIGHT_BY_KIND[link.kind] * link.strength;
    if (graph.hasEdge(link.source, link.target)) {
      graph.updateEdgeAttribute(link.source, link.target, 'weight', (old: unknown) =>
        typeof old === 'number' ? old + weight : weight,
      );
    } else {
      graph.addEdge(link.source, link.target, { weight });
    }
  }
  const components = connectedComponents(graph).sort(
    (a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''),
  );
  const [main = [], ...apart] = components;
  const placed = layOutMain(subgraph(graph, main));
  const area = bounds(placed.values());
  for (const [id, point] of layOutApart(apart, area)) placed.set(id, point);
  return nodeIds.flatMap((id) => {
    const point = placed.get(id);
    return point ? [{ id, x: round(point.x), y: round(point.y) }] : [];
  });
}

// Node spacing of the main layout, in layout units; clients scale the map to the screen.
const SPACING = 40;

function layOutMain(graph: Graph): Map<string, Point> {
  if (graph.order > 1) {
    const large = graph.order > 2000;
    forceAtlas2.assign(graph, {
      iterations: large ? 150 : 1000,
      getEdgeWeight: 'weight',
      settings: {
        ...forceAtlas2.inferSettings(graph),
        barnesHutOptimize: graph.order > 500,
        // Plain attraction with hubs' pull spread over their links keeps communities apart
        // (the English and the Polish networks of the demo) without a hub swallowing its members.
        linLogMode: false,
        outboundAttractionDistribution: true,
        gravity: 0.5,
        scalingRatio: 20,
      },
    });
  }
  const placed = new Map<string, Point>();
  graph.forEachNode((id, attributes) => {
    placed.set(id, { x: Number(attributes.x), y: Number(attributes.y) });
  });
  return rescale(placed, SPACING);
}

/** Scales points so that the median distance to the nearest other point is `spacing`. */
function rescale(points: Map<string, Point>, spacing: number): Map<string, Point> {
  const list = [...points.values()];
  if (list.length < 2) return points;
  const sample = list.slice(0, 400);
  const nearest = sample
    .map((point) =>
      list.reduce(
        (best, other) =>
          other === point ? best : Math.min(best, Math.hypot(other.x - point.x, other.y - point.y)),
        Infinity,
      ),
    )
    .sort((a, b) => a - b);
  const median = nearest[Math.floor(nearest.length / 2)] ?? 0;
  if (!(median > 0)) return points;
  const factor = spacing / median;
  return new Map(
    [...points].map(([id, point]) => [id, { x: point.x * factor, y: point.y * factor }]),
  );
}

/** Islands and unconnected nodes on a ring outside the main network, each island together. */
function layOutApart(
  groups: readonly string[][],
  area: { cx: number; cy: number; radius: number },
): Map<string, Point> {
  const placed = new Map<string, Point>();
  if (groups.length === 0) return placed;
  const radius = Math.max(area.radius + SPACING * 4, SPACING * 6);
  groups.forEach((group, index) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / groups.length;
    const center = { x: area.cx + radius * Math.cos(angle), y: area.cy + radius * Math.sin(angle) };
    const members = [...group].sort();
    const islandRadius =
      members.length > 1 ? (SPACING * members.length) / (2 * Math.PI) + SPACING / 2 : 0;
    for (const [id, point] of ring(members, center, islandRadius)) placed.set(id, point);
  });
  return placed;
}

function subgraph(graph: Graph, ids: readonly string[]): Graph {
  const keep = new Set(ids);
  const part = new Graph({ type: 'undirected', multi: false });
  for (const id of ids) part.addNode(id, graph.getNodeAttributes(id));
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (keep.has(source) && keep.has(target)) part.addEdge(source, target, attributes);
  });
  return part;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Positions for every node: saved ones as they are; a node without one goes next to its placed
 * neighbours, or, with none, onto a ring outside the map with the other unconnected nodes.
 */
export function placeNewNodes(
  nodeIds: readonly string[],
  links: readonly Pick<Link, 'source' | 'target'>[],
  saved: ReadonlyMap<string, Point>,
): Map<string, Point> {
  const placed = new Map<string, Point>();
  for (const id of nodeIds) {
    const point = saved.get(id);
    if (point) placed.set(id, point);
  }
  const missing = nodeIds.filter((id) => !placed.has(id));
  if (missing.length === 0) return placed;
  const neighbours = new Map<string, string[]>();
  for (const link of links) {
    neighbours.set(link.source, [...(neighbours.get(link.source) ?? []), link.target]);
    neighbours.set(link.target, [...(neighbours.get(link.target) ?? []), link.source]);
  }
  const area = bounds(placed.values());
  const lonely: string[] = [];
  // Nodes placed in this pass count as neighbours for the next one, so a new pair lands together.
  for (const id of missing) {
    const anchors = (neighbours.get(id) ?? []).flatMap((other) => {
      const point = placed.get(other);
      return point ? [point] : [];
    });
    if (anchors.length === 0) {
      lonely.push(id);
      continue;
    }
    const x = anchors.reduce((sum, point) => sum + point.x, 0) / anchors.length;
    const y = anchors.reduce((sum, point) => sum + point.y, 0) / anchors.length;
    const angle = unitHash(id, 3) * 2 * Math.PI;
    const distance = 30 + unitHash(id, 4) * 30;
    placed.set(id, {
      x: round(x + distance * Math.cos(angle)),
      y: round(y + distance * Math.sin(angle)),
    });
  }
  const outer = ring(lonely, { x: area.cx, y: area.cy }, Math.max(area.radius * 1.35, 200));
  for (const [id, point] of outer) placed.set(id, { x: round(point.x), y: round(point.y) });
  return placed;
}
