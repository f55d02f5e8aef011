/**
 * MapResponse → Cytoscape elements. Pure: sizes and label sizes are computed here, so the
 * stylesheet only maps data fields and the numbers can be tested without a canvas.
 */
import type { MapLink, MapNode, MapResponse } from '@octograph/graph-schema';
import type { ElementDefinition } from 'cytoscape';
import { DEFAULT_SIZE_METRIC, measureNodes, sizeMetric, type SizeMetricId } from './size-metrics';
import { spreadApart } from './spacing';

export const MIN_NODE_SIZE = 12;
export const MAX_NODE_SIZE = 48;
/** Network organisations are hubs: never drawn smaller than this. */
export const MIN_HUB_SIZE = 32;

/**
 * How far apart neighbouring nodes are drawn, in model units, once positions are scaled. Saved
 * layouts come at any scale; scaling them so that a typical node's nearest neighbour is this far
 * keeps node and label sizes (model units too) in proportion to the layout.
 */
export const TARGET_NEIGHBOUR_DISTANCE = 70;
/**
 * The room a hub keeps free around it when circles are spaced (spacing.ts), in model units, as a
 * diameter: its members gather around it just outside, with room for its name between them.
 */
export const HUB_ROOM = TARGET_NEIGHBOUR_DISTANCE * 5;
/** Nodes sampled to measure the layout (all of them on small maps). */
const SCALE_SAMPLE = 300;

/**
 * The factor that makes the median nearest-neighbour distance TARGET_NEIGHBOUR_DISTANCE. A median
 * of nearest neighbours, not the bounding box, so that a few outliers (isolated groups drawn far
 * out on purpose) do not squeeze the rest of the network together.
 */
export function positionScale(nodes: readonly Pick<MapNode, 'x' | 'y'>[]): number {
  if (nodes.length < 2) return 1;
  const step = Math.max(1, Math.floor(nodes.length / SCALE_SAMPLE));
  const nearest: number[] = [];
  for (let i = 0; i < nodes.length; i += step) {
    const a = nodes[i];
    if (!a) continue;
    let best = Infinity;
    for (let j = 0; j < nodes.length; j += 1) {
      const b = nodes[j];
      if (j === i || !b) continue;
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      // Nodes saved at the very same spot say nothing about the spacing.
      if (d > 0 && d < best) best = d;
    }
    if (Number.isFinite(best)) nearest.push(best);
  }
  nearest.sort((a, b) => a - b);
  const median = nearest[Math.floor(nearest.length / 2)];
  return median && median > 0 ? TARGET_NEIGHBOUR_DISTANCE / median : 1;
}

/** Smallest label of the selected node and its neighbours, in model units. */
export const FOCUS_LABEL_SIZE = 11;
/**
 * Largest label of the selected node and its neighbours: the map zooms in on a selection, where
 * the biggest nodes' labels would be huge and crowd out the neighbours' names.
 */
export const FOCUS_LABEL_MAX = 16;

/** Node diameter in model units: square root of its share of the biggest value on the map. */
export function nodeSize(value: number, maxValue: number): number {
  if (maxValue <= 0) return MIN_NODE_SIZE;
  const share = Math.sqrt(Math.max(0, value) / maxValue);
  return Math.round(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.min(1, share));
}

/**
 * Label size in model units, 7 to 22. Bigger nodes get much bigger labels; with the stylesheet's
 * `min-zoomed-font-size`, the largest nodes are labelled when the whole map is in view and the
 * rest appear as one zooms in.
 */
export function labelSize(size: number): number {
  const share = (size - MIN_NODE_SIZE) / (MAX_NODE_SIZE - MIN_NODE_SIZE);
  return Math.round(7 + 15 * Math.min(1, Math.max(0, share)) ** 1.3);
}

/** Size of every node when the metric draws them all alike ("Same size"). */
export const UNIFORM_NODE_SIZE = 24;

/** Network organisations' labels are at least this big, so hubs are named from afar. */
export const HUB_LABEL_SIZE = 16;

export function isHub(node: Pick<MapNode, 'kind' | 'orgKind'>): boolean {
  return node.kind === 'organisation' && node.orgKind === 'network';
}

/** How big a node and its label are drawn, in model units. */
export interface NodeSizing {
  size: number;
  fontSize: number;
  /** Label size when it is selected or next to the selection: never too small to read. */
  focusFontSize: number;
  /** Its level in the drawing order: bigger labels on top (see style.ts, drawOrder). */
  z: number;
}

/**
 * A node's sizing from its value under the size metric and the biggest value on the map (value
 * null: the metric draws every node alike). Hubs are never drawn small, whatever the metric.
 */
export function nodeSizing(value: number | null, maxValue: number, hub: boolean): NodeSizing {
  const base = value === null ? UNIFORM_NODE_SIZE : nodeSize(value, maxValue);
  const size = Math.max(base, hub ? MIN_HUB_SIZE : 0);
  const fontSize = Math.max(labelSize(size), hub ? HUB_LABEL_SIZE : 0);
  const focusFontSize = Math.min(Math.max(fontSize, FOCUS_LABEL_SIZE), FOCUS_LABEL_MAX);
  return { size, fontSize, focusFontSize, z: fontSize };
}

/** The links of a map whose two ends are on it (the only ones drawn). */
export function linksOnMap(map: Pick<MapResponse, 'nodes' | 'links'>): MapLink[] {
  const ids = new Set(map.nodes.map((node) => node.id));
  return map.links.filter((link) => ids.has(link.source) && ids.has(link.target));
}

/** Every node's sizing under a size metric, by id, counting the links that are drawn. */
export function sizeNodes(
  map: Pick<MapResponse, 'nodes' | 'links'>,
  metric: SizeMetricId = DEFAULT_SIZE_METRIC,
): Map<string, NodeSizing> {
  const values = measureNodes(sizeMetric(metric).measure, map.nodes, linksOnMap(map));
  let maxValue = 0;
  for (const value of values?.values() ?? []) maxValue = Math.max(maxValue, value);
  return new Map(
    map.nodes.map((node) => [
      node.id,
      nodeSizing(values ? (values.get(node.id) ?? 0) : null, maxValue, isHub(node)),
    ]),
  );
}

/** The data Cytoscape keeps for a node. */
export interface NodeData extends NodeSizing {
  id: string;
  label: string;
  kind: MapNode['kind'];
  orgKind: string;
  degree: number;
}

/** The data Cytoscape keeps for a link. */
export interface LinkData {
  id: string;
  source: string;
  target: string;
  kind: MapLink['kind'];
  strength: number;
}

export function toNodeElement(node: MapNode, sizing: NodeSizing, scale = 1): ElementDefinition {
  const data: NodeData = {
    id: node.id,
    label: node.name,
    kind: node.kind,
    orgKind: node.orgKind ?? '',
    degree: node.degree,
    ...sizing,
  };
  const classes = [isHub(node) ? 'hub' : '', node.status === 'closed' ? 'closed' : ''].filter(
    Boolean,
  );
  return {
    group: 'nodes',
    data,
    position: { x: node.x * scale, y: node.y * scale },
    classes: classes.join(' '),
  };
}

export function toLinkElement(link: MapLink): ElementDefinition {
  const data: LinkData = {
    id: link.id,
    source: link.source,
    target: link.target,
    kind: link.kind,
    strength: link.strength,
  };
  return { group: 'edges', data };
}

/**
 * Moves the nodes whose circles would overlap apart, in place (see spacing.ts); a hub keeps
 * HUB_ROOM free around it.
 */
function spaceNodes(nodes: ElementDefinition[]): void {
  const moved = spreadApart(
    nodes.map((element) => ({
      id: String(element.data.id),
      x: element.position?.x ?? 0,
      y: element.position?.y ?? 0,
      size: Math.max(
        Number(element.data.size),
        String(element.classes ?? '')
          .split(' ')
          .includes('hub')
          ? HUB_ROOM
          : 0,
      ),
    })),
  );
  for (const element of nodes) {
    const spot = moved.get(String(element.data.id));
    if (spot) element.position = spot;
  }
}

/**
 * Every element of a map, positions multiplied by `scale` (see positionScale) and then moved
 * apart where circles would overlap, nodes sized by `metric`; links whose ends are not on the map
 * are left out.
 */
export function toElements(
  map: MapResponse,
  scale = 1,
  metric: SizeMetricId = DEFAULT_SIZE_METRIC,
): ElementDefinition[] {
  const sizes = sizeNodes(map, metric);
  const nodes = map.nodes.map((node) =>
    toNodeElement(node, sizes.get(node.id) ?? nodeSizing(0, 0, isHub(node)), scale),
  );
  spaceNodes(nodes);
  return [...nodes, ...linksOnMap(map).map((link) => toLinkElement(link))];
}

/** Where each node of a map is drawn, in model units (see toElements), by id. */
export function drawnSpots(
  map: MapResponse,
  scale = 1,
  metric: SizeMetricId = DEFAULT_SIZE_METRIC,
): Map<string, { x: number; y: number }> {
  const spots = new Map<string, { x: number; y: number }>();
  for (const element of toElements(map, scale, metric)) {
    if (element.group === 'nodes' && element.position) {
      spots.set(String(element.data.id), element.position);
    }
  }
  return spots;
}
