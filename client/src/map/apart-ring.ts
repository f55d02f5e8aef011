/**
 * The ring of nodes set apart: the server lays out the largest connected part of the network in
 * the middle and puts everything cut off from it (islands, and nodes with no link at all) on a
 * ring around it (server/src/services/layout.ts). This finds that ring on a drawn map so the map
 * can label it "not yet connected". Pure: ids, links and positions in, geometry out.
 */
import Graph from 'graphology';
import { largestConnectedComponent } from 'graphology-components';

export interface Point {
  x: number;
  y: number;
}

/**
 * The ids of the nodes outside the largest connected part of the map (graphology's connected
 * components; linear in nodes and links, so a 5,000-node map costs milliseconds). Links whose
 * ends are not on the map are ignored.
 */
export function nodesApart(
  nodeIds: readonly string[],
  links: readonly { source: string; target: string }[],
): Set<string> {
  const graph = new Graph({ type: 'undirected', multi: true });
  for (const id of nodeIds) graph.mergeNode(id);
  for (const link of links) {
    if (graph.hasNode(link.source) && graph.hasNode(link.target)) {
      graph.addEdge(link.source, link.target);
    }
  }
  const main = new Set(largestConnectedComponent(graph));
  return new Set(nodeIds.filter((id) => !main.has(id)));
}

/** The ring of nodes set apart, in the coordinates of the points it was found from. */
export interface ApartRing {
  centre: Point;
  radius: number;
  /** The nodes on it. */
  ids: string[];
  /**
   * Where its label goes, as an angle on the ring in radians (0 to the right, y down, so -π/2 is
   * the top): in the middle of a wide gap between the nodes, as near the top as may be.
   */
  labelAngle: number;
}

/** A node set apart counts as on the ring when it is this much farther out than the main part. */
const OUTSIDE_MAIN = 1.05;
/** ... and within this share of the ring's radius from it (so scattered nodes are not a ring). */
const RING_TOLERANCE = 0.3;
/** Gaps at least this share of the widest one are wide enough for the label. */
const WIDE_GAP = 0.75;

/** The smallest turn from angle `a` to angle `b`, in radians (0 to π). */
function angleBetween(a: number, b: number): number {
  const turn = Math.abs(a - b) % (2 * Math.PI);
  return Math.min(turn, 2 * Math.PI - turn);
}

/**
 * The ring the nodes set apart (`apart`) lie on around the others, or null if they do not lie on
 * one (none apart; or the layout is not the server's ring, e.g. a filtered map whose own islands
 * are drawn inside the network): the ring's centre is that of the main part's bounding box (as the
 * server's), its radius the median distance of the nodes set apart that lie outside the main part.
 */
export function apartRing(
  points: ReadonlyMap<string, Point>,
  apart: ReadonlySet<string>,
): ApartRing | null {
  const main = [...points].filter(([id]) => !apart.has(id)).map(([, point]) => point);
  if (main.length === 0 || apart.size === 0) return null;
  const box = main.reduce(
    (sofar, point) => ({
      left: Math.min(sofar.left, point.x),
      right: Math.max(sofar.right, point.x),
      top: Math.min(sofar.top, point.y),
      bottom: Math.max(sofar.bottom, point.y),
    }),
    { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity },
  );
  const centre = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
  const distance = (point: Point) => Math.hypot(point.x - centre.x, point.y - centre.y);
  const reach = main.reduce((sofar, point) => Math.max(sofar, distance(point)), 0);
  const outside = [...points]
    .filter(([id, point]) => apart.has(id) && distance(point) > reach * OUTSIDE_MAIN)
    .map(([id, point]) => ({ id, distance: distance(point), point }));
  if (outside.length === 0) return null;
  const sorted = outside.map((node) => node.distance).sort((a, b) => a - b);
  const radius = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const onRing = outside.filter(
    (node) => Math.abs(node.distance - radius) <= radius * RING_TOLERANCE,
  );
  const angles = onRing
    .map(({ point }) => Math.atan2(point.y - centre.y, point.x - centre.x))
    .sort((a, b) => a - b);
  return {
    centre,
    radius,
    ids: onRing.map((node) => node.id),
    labelAngle: labelAngle(angles),
  };
}

/** The middle of the widest gaps between these angles (sorted) that is nearest the top. */
function labelAngle(angles: readonly number[]): number {
  const gaps = angles.map((start, index) => {
    const next = angles[(index + 1) % angles.length] ?? start;
    // The last gap wraps round through ±π (one angle alone: a full turn back to itself).
    const width = index === angles.length - 1 ? next + 2 * Math.PI - start : next - start;
    return { width, middle: start + width / 2 };
  });
  const widest = Math.max(...gaps.map((gap) => gap.width));
  const top = -Math.PI / 2;
  const best = gaps
    .filter((gap) => gap.width >= widest * WIDE_GAP)
    .reduce<{ width: number; middle: number } | null>(
      (chosen, gap) =>
        chosen === null || angleBetween(gap.middle, top) < angleBetween(chosen.middle, top)
          ? gap
          : chosen,
      null,
    );
  return best === null ? top : Math.atan2(Math.sin(best.middle), Math.cos(best.middle));
}

/** The ring as drawn on the screen (CSS pixels within the map), and where its label is. */
export interface RingOnScreen {
  centre: Point;
  radius: number;
  /** The label's centre; null when its place is out of view. */
  label: Point | null;
}

/** Keep the label this far from the map's edges (half a label, roughly, plus a margin). */
const LABEL_HALF_WIDTH = 110;
const LABEL_HALF_HEIGHT = 26;

/**
 * The ring at this zoom and pan (Cytoscape's rendered = model × zoom + pan) in a map of this
 * size. The label is kept inside the map when its place is near an edge (the ring runs close to
 * the edges when the whole map is in view) and left out when its place is out of view.
 */
export function ringOnScreen(
  ring: Pick<ApartRing, 'centre' | 'radius' | 'labelAngle'>,
  view: { zoom: number; pan: Point; width: number; height: number },
): RingOnScreen {
  const centre = {
    x: ring.centre.x * view.zoom + view.pan.x,
    y: ring.centre.y * view.zoom + view.pan.y,
  };
  const radius = ring.radius * view.zoom;
  const anchor = {
    x: centre.x + radius * Math.cos(ring.labelAngle),
    y: centre.y + radius * Math.sin(ring.labelAngle),
  };
  const inView =
    anchor.x >= 0 && anchor.y >= 0 && anchor.x <= view.width && anchor.y <= view.height;
  const clamp = (value: number, half: number, size: number) =>
    size < 2 * half ? size / 2 : Math.min(Math.max(value, half), size - half);
  return {
    centre,
    radius,
    label: inView
      ? {
          x: clamp(anchor.x, LABEL_HALF_WIDTH, view.width),
          y: clamp(anchor.y, LABEL_HALF_HEIGHT, view.height),
        }
      : null,
  };
}
