import {
  LINK_KINDS,
  NODE_KINDS,
  ORGANISATION_KINDS,
  type LinkKind,
  type MapResponse,
  type NodeKind,
  type OrganisationKind,
} from '@octograph/graph-schema';

/** One row of the legend. */
export interface LegendRow<K extends string> {
  kind: K;
  count: number;
}

export interface LegendCounts {
  /** Organisations by kind, in schema order, only kinds on the map. */
  organisations: LegendRow<OrganisationKind>[];
  /** Other nodes by kind, in schema order, only kinds on the map. */
  otherNodes: LegendRow<Exclude<NodeKind, 'organisation'>>[];
  /** Links by kind, in schema order, only kinds on the map. */
  links: LegendRow<LinkKind>[];
  /** Closed nodes (drawn pale, with a dashed outline). */
  closed: number;
}

function countBy<K extends string>(
  order: readonly K[],
  values: readonly (K | null)[],
): LegendRow<K>[] {
  const counts = new Map<K, number>();
  for (const value of values) {
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return order.flatMap((kind) => {
    const count = counts.get(kind) ?? 0;
    return count > 0 ? [{ kind, count }] : [];
  });
}

/** What the legend lists: every colour and shape on this map, with how many of each. */
export function legendCounts(map: MapResponse): LegendCounts {
  const others = NODE_KINDS.filter(
    (kind): kind is Exclude<NodeKind, 'organisation'> => kind !== 'organisation',
  );
  return {
    organisations: countBy(
      ORGANISATION_KINDS,
      map.nodes.map((node) => (node.kind === 'organisation' ? node.orgKind : null)),
    ),
    otherNodes: countBy(
      others,
      map.nodes.map((node) => (node.kind === 'organisation' ? null : node.kind)),
    ),
    links: countBy(
      LINK_KINDS,
      map.links.map((link) => link.kind),
    ),
    closed: map.nodes.filter((node) => node.status === 'closed').length,
  };
}
