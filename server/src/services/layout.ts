/**
 * Map positions computed on the server, so the browser never runs a force layout on its main
 * thread. `computeLayout` lays out a whole network (ForceAtlas2 from graphology; the re-arrange
 * job runs it in a worker thread, see layout-job.ts); the result is saved. `placeNodes` gives a
 * spot to nodes that have none (next to their neighbours, or on the ring of unconnected nodes)
 * without moving any other node, which is what keeps the map still as the network grows.
 */
import type { Link, Position } from '@octograph/graph-schema';
import Graph from 'graphology';
import { connectedComponents } from 'graphology-components';
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { mulberry32 } from '@octograph/seed';

/** A spot on the map. */
export interface Point {
  x: number;
  y: number;
}

/** What a layout needs of a link. */
export type LayoutLink = Pick<Link, 'id' | 'kind' | 'source' | 'target' | 'strength'>;

/** Options of computeLayout. */
export interface LayoutOptions {
  /** Called as the work goes on with the share done, 0 to 1 (last with 1). */
  onProgress?: (progress: number) => void;
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

/** Node spacing, in layout units: the median distance to the nearest other node after a layout. */
export const SPACING = 40;

/** How close a placed node may come to another one. */
const CLEARANCE = SPACING * 0.75;
/** Points in one grid cell beyond which it counts as full (see SpotGrid.isFree). */
const CROWDED = 6;

/** ForceAtlas2 runs in this many steps, so a caller can show progress between them. */
const PROGRESS_STEPS = 20;

/** A stable number in [0, 1) from an id, so placement is the same on every run. */
function unitHash(text: string, salt = 0): number {
  let hash = 0x811c9dc5 ^ salt;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32;
}

/**
 * The centre of the box around some points, half its diagonal, and how far the farthest point
 * is from that centre (at most the half diagonal; much less for a round network).
 */
interface Area {
  cx: number;
  cy: number;
  radius: number;
  reach: number;
}

function bounds(iterable: Iterable<Point>): Area {
  const points = [...iterable];
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
  if (minX === Infinity) return { cx: 0, cy: 0, radius: 0, reach: 0 };
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  let reach = 0;
  for (const { x, y } of points) reach = Math.max(reach, Math.hypot(x - cx, y - cy));
  return { cx, cy, radius: Math.hypot(maxX - minX, maxY - minY) / 2, reach };
}

/**
 * Radius of the ring of unconnected nodes and islands around an area: three spacings outside its
 * farthest node, close enough that fitting the map to the screen leaves the network big.
 */
function ringRadius(area: Area): number {
  return Math.max(area.reach + SPACING * 3, SPACING * 6);
}

/**
 * Whether a spot lies set apart from the linked part of the map (`linkedSpots`), out where the
 * ring of unconnected nodes is: further from the part's centre than the ring's radius less two
 * spacings. The ring is drawn three spacings outside the part's farthest node (ringRadius), so a
 * node placed on it still counts as apart while the part grows by up to two spacings; a node put
 * inside the map (created at a spot, or dragged there) does not. Decided from positions alone, so
 * every server and every restart answers the same.
 */
export function isApart(spot: Point, linkedSpots: Iterable<Point>): boolean {
  const area = bounds(linkedSpots);
  return Math.hypot(spot.x - area.cx, spot.y - area.cy) > ringRadius(area) - SPACING * 2;
}

/** Spreads ids evenly on a circle (the members of an island). */
function circle(ids: readonly string[], center: Point, radius: number): Map<string, Point> {
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

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Lays out a whole network. The largest connected part is laid out by ForceAtlas2; everything
 * cut off from it (small islands, and nodes without any link) is set apart on a ring around it,
 * each island as a little circle of its own, where a coordinator sees at once who is not yet
 * connected to the main network. Deterministic: the same nodes and links give the same
 * positions, whatever order they come in.
 */
export function computeLayout(
  nodeIds: readonly string[],
  links: readonly LayoutLink[],
  options: LayoutOptions = {},
): Position[] {
  const graph = new Graph({ type: 'undirected', multi: false });
  // Sorted, so that the order the store lists things in does not change the result.
  for (const id of [...nodeIds].sort(byText)) {
    graph.addNode(id, { x: (unitHash(id, 1) - 0.5) * 100, y: (unitHash(id, 2) - 0.5) * 100 });
  }
  for (const link of [...links].sort((a, b) => byText(a.id, b.id))) {
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
    (a, b) => b.length - a.length || byText(a[0] ?? '', b[0] ?? ''),
  );
  const [main = [], ...apart] = components;
  const placed = layOutMain(subgraph(graph, main), options.onProgress);
  const area = bounds(placed.values());
  for (const [id, point] of layOutApart(apart, area)) placed.set(id, point);
  options.onProgress?.(1);
  return nodeIds.flatMap((id) => {
    const point = placed.get(id);
    return point ? [{ id, x: round(point.x), y: round(point.y) }] : [];
  });
}

/** How much stronger a link pulls between two members of one community than across two. */
const COMMUNITY_PULL = 3;
/** Louvain's random choices are seeded, so the same network is laid out the same every time. */
const COMMUNITY_SEED = 20_261_207;

/**
 * Keeps communities together (an "octopus" overview: hubs with their members around them, each
 * group apart from the next): Louvain communities of the part, each started around its own spot
 * on a circle, and links inside a community pulling COMMUNITY_PULL times harder in ForceAtlas2.
 */
function gatherCommunities(graph: Graph): void {
  if (graph.size === 0) return;
  const communities = louvain(graph, {
    getEdgeWeight: 'weight',
    rng: mulberry32(COMMUNITY_SEED),
  });
  const sizes = new Map<number, number>();
  for (const community of Object.values(communities)) {
    sizes.set(community, (sizes.get(community) ?? 0) + 1);
  }
  // Largest community first, each at its own angle; bigger ones further apart.
  const order = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
  const spread = Math.sqrt(graph.order) * 10;
  graph.forEachNode((id) => {
    const index = order.indexOf(communities[id] ?? 0);
    const angle = (2 * Math.PI * index) / Math.max(order.length, 1);
    graph.mergeNodeAttributes(id, {
      x: spread * Math.cos(angle) + (unitHash(id, 1) - 0.5) * 20,
      y: spread * Math.sin(angle) + (unitHash(id, 2) - 0.5) * 20,
    });
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (communities[source] === communities[target]) {
      graph.setEdgeAttribute(edge, 'weight', Number(attributes.weight) * COMMUNITY_PULL);
    }
  });
}

function layOutMain(graph: Graph, onProgress?: (progress: number) => void): Map<string, Point> {
  if (graph.order > 1) {
    gatherCommunities(graph);
    const large = graph.order > 2000;
    const iterations = large ? 150 : 1000;
    const settings = {
      ...forceAtlas2.inferSettings(graph),
      barnesHutOptimize: graph.order > 500,
      // Plain attraction with hubs' pull spread over their links keeps communities apart
      // (the English and the Polish networks of the demo) without a hub swallowing its members.
      linLogMode: false,
      outboundAttractionDistribution: true,
      gravity: 0.5,
      scalingRatio: 20,
    };
    // Always in the same steps, with or without a progress callback, so that a re-arrange
    // gives exactly what seeding gives for the same network.
    const step = Math.ceil(iterations / PROGRESS_STEPS);
    for (let done = 0; done < iterations; done += step) {
      const now = Math.min(step, iterations - done);
      forceAtlas2.assign(graph, { iterations: now, getEdgeWeight: 'weight', settings });
      // The last few per cent are the rescaling and the ring.
      onProgress?.(((done + now) / iterations) * 0.95);
    }
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
function layOutApart(groups: readonly string[][], area: Area): Map<string, Point> {
  const placed = new Map<string, Point>();
  if (groups.length === 0) return placed;
  const radius = ringRadius(area);
  groups.forEach((group, index) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / groups.length;
    const center = { x: area.cx + radius * Math.cos(angle), y: area.cy + radius * Math.sin(angle) };
    const members = [...group].sort(byText);
    const islandRadius =
      members.length > 1 ? (SPACING * members.length) / (2 * Math.PI) + SPACING / 2 : 0;
    for (const [id, point] of circle(members, center, islandRadius)) placed.set(id, point);
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

/** Points bucketed by square cells, to ask quickly whether a spot is free. */
class SpotGrid {
  private readonly cells = new Map<number, Point[]>();

  // One number per cell (columns and rows well within ±2^20 on any map), cheaper than a string.
  private static key(column: number, row: number): number {
    return (column + 2 ** 20) * 2 ** 21 + (row + 2 ** 20);
  }

  add(point: Point): void {
    const key = SpotGrid.key(Math.floor(point.x / SPACING), Math.floor(point.y / SPACING));
    const cell = this.cells.get(key);
    if (cell) cell.push(point);
    else this.cells.set(key, [point]);
  }

  /**
   * Whether no point is closer than CLEARANCE (< SPACING, so the next cells are enough). Next to
   * a cell holding CROWDED points or more (at CLEARANCE apart a cell holds about four) the answer
   * is no at once, so a place where a large import piled nodes up stays cheap to ask about.
   */
  isFree(spot: Point): boolean {
    const column = Math.floor(spot.x / SPACING);
    const row = Math.floor(spot.y / SPACING);
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        const cell = this.cells.get(SpotGrid.key(column + dx, row + dy)) ?? [];
        if (cell.length >= CROWDED) return false;
        for (const point of cell) {
          if (Math.hypot(point.x - spot.x, point.y - spot.y) < CLEARANCE) return false;
        }
      }
    }
    return true;
  }
}

/** The first free spot around `center`, trying rings further and further out. */
function spotNear(id: string, center: Point, grid: SpotGrid): Point {
  const start = unitHash(id, 3) * 2 * Math.PI;
  const directions = 12;
  let spot = center;
  for (let ring = 0; ring < 12; ring += 1) {
    const distance = SPACING * (1 + ring / 2);
    for (let index = 0; index < directions; index += 1) {
      const angle = start + (2 * Math.PI * index) / directions;
      spot = { x: center.x + distance * Math.cos(angle), y: center.y + distance * Math.sin(angle) };
      if (grid.isFree(spot)) return spot;
    }
  }
  return spot;
}

/**
 * Rings of unconnected nodes found full during one placeNodes pass: later nodes start their
 * search further out. Spots only fill up during a pass, so a ring once full stays (nearly) full,
 * and placing n nodes on the ring costs about n probes rather than n² (issue 15: 20,000 new
 * unconnected nodes took 94 s when each searched every full ring again).
 */
interface RingState {
  /** How many rings, counted from the innermost, are known to be full. */
  full: number;
}

/** A free spot on the ring of unconnected nodes, starting from an angle the id picks. */
function spotOnRing(id: string, area: Area, grid: SpotGrid, rings: RingState): Point {
  const start = unitHash(id, 4) * 2 * Math.PI;
  // Rings only grow outwards and the grid holds finitely many points, so this ends.
  for (let ring = rings.full; ; ring += 1) {
    const radius = ringRadius(area) + ring * SPACING;
    // Steps of one node spacing along the ring, alternately either side of the start.
    const steps = Math.max(6, Math.floor((2 * Math.PI * radius) / SPACING));
    for (let index = 0; index < steps; index += 1) {
      const side = index % 2 === 0 ? 1 : -1;
      const angle = start + (side * Math.ceil(index / 2) * 2 * Math.PI) / steps;
      const spot = { x: area.cx + radius * Math.cos(angle), y: area.cy + radius * Math.sin(angle) };
      if (grid.isFree(spot)) return spot;
    }
    // A full ring: nobody in this pass looks at it again.
    rings.full = Math.max(rings.full, ring + 1);
  }
}

/** What placeNodes needs. */
export interface PlacementInput {
  /** The nodes to place. */
  ids: readonly string[];
  /** The neighbours of each node to place (others may be missing). */
  neighbours: ReadonlyMap<string, readonly string[]>;
  /**
   * Where nodes are. Those not in `ids` do not move. A node in `ids` that has a spot here (a node
   * on the ring getting its first link) keeps it only if none of its neighbours has one: the
   * first of a new pair stays where it was and the other comes next to it.
   */
  positions: ReadonlyMap<string, Point>;
  /** Nodes that have links: the ring of unconnected nodes goes around them. */
  linked: (id: string) => boolean;
}

/**
 * Spots for nodes that need one, moving nothing else: a node with placed neighbours goes to a
 * free spot next to them (nodes placed in this pass count, so a new group lands together); a node
 * with none keeps its spot if it had one, or else takes a free spot on the ring of unconnected
 * nodes around the linked part of the map. Deterministic.
 */
export function placeNodes(input: PlacementInput): Map<string, Point> {
  const pending = new Set([...input.ids].sort(byText));
  const grid = new SpotGrid();
  const linkedSpots: Point[] = [];
  for (const [id, point] of input.positions) {
    if (pending.has(id)) continue;
    grid.add(point);
    if (input.linked(id)) linkedSpots.push(point);
  }
  const area = bounds(linkedSpots);
  const rings: RingState = { full: 0 };
  const placed = new Map<string, Point>();
  const spotOf = (id: string) =>
    placed.get(id) ?? (pending.has(id) ? undefined : input.positions.get(id));
  const neighboursOf = (id: string) => input.neighbours.get(id) ?? [];

  const put = (id: string, point: Point, queue: string[]) => {
    const spot = { x: round(point.x), y: round(point.y) };
    placed.set(id, spot);
    grid.add(spot);
    pending.delete(id);
    for (const other of neighboursOf(id)) if (pending.has(other)) queue.push(other);
  };

  // Breadth first from what is already on the map, so each node lands next to placed neighbours.
  const queue = [...pending].filter((id) => neighboursOf(id).some((other) => spotOf(other)));
  let head = 0;
  for (;;) {
    for (; head < queue.length; head += 1) {
      const next = queue[head];
      if (next === undefined || !pending.has(next)) continue;
      const anchors = neighboursOf(next).flatMap((other) => {
        const point = spotOf(other);
        return point ? [point] : [];
      });
      const center = {
        x: anchors.reduce((sum, point) => sum + point.x, 0) / anchors.length,
        y: anchors.reduce((sum, point) => sum + point.y, 0) / anchors.length,
      };
      put(next, spotNear(next, center, grid), queue);
    }
    const [first] = pending;
    if (first === undefined) break;
    put(first, input.positions.get(first) ?? spotOnRing(first, area, grid, rings), queue);
  }
  return placed;
}

/**
 * Positions for every node: saved ones as they are; a node without one is placed by placeNodes
 * (next to its neighbours, or on the ring of unconnected nodes).
 */
export function placeNewNodes(
  nodeIds: readonly string[],
  links: readonly Pick<Link, 'source' | 'target'>[],
  saved: ReadonlyMap<string, Point>,
): Map<string, Point> {
  const fixed = new Map<string, Point>();
  for (const id of nodeIds) {
    const point = saved.get(id);
    if (point) fixed.set(id, point);
  }
  const missing = nodeIds.filter((id) => !fixed.has(id));
  if (missing.length === 0) return fixed;
  const neighbours = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const list = neighbours.get(from);
    if (list) list.push(to);
    else neighbours.set(from, [to]);
  };
  for (const link of links) {
    add(link.source, link.target);
    add(link.target, link.source);
  }
  const placed = placeNodes({
    ids: missing,
    neighbours,
    positions: fixed,
    linked: (id) => neighbours.has(id),
  });
  return new Map([...fixed, ...placed]);
}
