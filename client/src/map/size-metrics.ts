/**
 * What a node's size shows, as descriptor objects in one registry: the "Size by" menu is
 * generated from SIZE_METRICS, and each descriptor says which links it counts. Pure: values are
 * computed from the map's links in the browser, so changing the metric asks nothing of the server.
 */
import type { LinkKind, MapLink, MapNode } from '@octograph/graph-schema';

/** Which end of a link is counted: the node it starts from, the node it points to, or both. */
export type LinkEnd = 'source' | 'target' | 'both';

/** How a metric measures a node. */
export type Measure =
  /** Every link of the node on this map (the server's `degree`). */
  | { type: 'degree' }
  /** The links of these kinds, counted at these ends. */
  | { type: 'links'; ends: Readonly<Partial<Record<LinkKind, LinkEnd>>> }
  /** Nothing: every node is drawn the same size. */
  | { type: 'uniform' };

export const SIZE_METRIC_IDS = ['links', 'collaborations', 'members', 'people', 'same'] as const;
export type SizeMetricId = (typeof SIZE_METRIC_IDS)[number];

/** One entry of the "Size by" menu. Its texts are `style.metric.<id>` and `style.note.<id>`. */
export interface SizeMetric {
  id: SizeMetricId;
  measure: Measure;
}

/** The metrics, in menu order. */
export const SIZE_METRICS: readonly SizeMetric[] = [
  { id: 'links', measure: { type: 'degree' } },
  {
    // Working together: directly, or as partners in a shared project.
    id: 'collaborations',
    measure: { type: 'links', ends: { COLLABORATES_WITH: 'both', PARTNER_IN: 'both' } },
  },
  // Members point at the network (or organisation) they belong to.
  { id: 'members', measure: { type: 'links', ends: { MEMBER_OF: 'target' } } },
  {
    id: 'people',
    measure: { type: 'links', ends: { WORKS_AT: 'target', VOLUNTEERS_AT: 'target' } },
  },
  { id: 'same', measure: { type: 'uniform' } },
];

/** What the map is sized by until one chooses otherwise: how much each group works with others. */
export const DEFAULT_SIZE_METRIC: SizeMetricId = 'collaborations';

/** The descriptor of a metric. */
export function sizeMetric(id: SizeMetricId): SizeMetric {
  const metric = SIZE_METRICS.find((candidate) => candidate.id === id);
  if (!metric) throw new Error(`unknown size metric ${id}`);
  return metric;
}

/** Whether a value (from a URL, storage, a menu) names a metric. */
export function isSizeMetricId(value: unknown): value is SizeMetricId {
  return SIZE_METRIC_IDS.some((id) => id === value);
}

/**
 * Each node's value under `measure`, by id (0 for a node nothing counts for); null for the
 * uniform measure, which has no values. Links whose ends are not on the map count for the end
 * that is.
 */
export function measureNodes(
  measure: Measure,
  nodes: readonly Pick<MapNode, 'id' | 'degree'>[],
  links: readonly Pick<MapLink, 'kind' | 'source' | 'target'>[],
): Map<string, number> | null {
  if (measure.type === 'uniform') return null;
  if (measure.type === 'degree') return new Map(nodes.map((node) => [node.id, node.degree]));
  const values = new Map(nodes.map((node) => [node.id, 0]));
  const add = (id: string) => {
    const value = values.get(id);
    if (value !== undefined) values.set(id, value + 1);
  };
  for (const link of links) {
    const end = measure.ends[link.kind];
    if (end === 'source' || end === 'both') add(link.source);
    if (end === 'target' || end === 'both') add(link.target);
  }
  return values;
}
