/**
 * Builds /api/map responses from the store and keeps the serialised JSON of recent queries for
 * the current revision: the map is read far more often than it changes, and serialising a large
 * network costs more than sending it.
 */
import {
  orgKindOf,
  statusOf,
  lifetimeOf,
  type MapQuery,
  type MapResponse,
} from '@octograph/graph-schema';
import { serialised } from '../json.js';
import type { GraphStore } from '../store/graph-store.js';
import { placeNewNodes, type Point } from './layout.js';

const MAX_CACHED_QUERIES = 64;

/** A map response ready to send. */
export interface MapJson {
  revision: number;
  /** The MapResponse, already serialised (see json.ts). */
  body: MapResponse;
}

function cacheKey(query: MapQuery): string {
  const sorted = Object.entries(query as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(
      ([key, value]) =>
        [key, Array.isArray(value) ? [...(value as string[])].sort() : value] as const,
    )
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(sorted);
}

/** Reads maps for the API, caching by store revision. */
export class MapView {
  private cachedRevision = -1;
  private readonly cache = new Map<string, MapResponse>();

  constructor(private readonly store: GraphStore) {}

  /** The map for a query, as JSON. */
  async json(query: MapQuery): Promise<MapJson> {
    const key = cacheKey(query);
    const revision = await this.store.revision();
    if (revision === this.cachedRevision) {
      const body = this.cache.get(key);
      if (body !== undefined) return { revision, body };
    }
    const response = await this.build(query);
    const body = serialised(response);
    if (response.revision !== this.cachedRevision) {
      this.cache.clear();
      this.cachedRevision = response.revision;
    }
    if (this.cache.size >= MAX_CACHED_QUERIES) this.cache.clear();
    this.cache.set(key, body);
    return { revision: response.revision, body };
  }

  /** The map for a query, as an object. */
  async build(query: MapQuery): Promise<MapResponse> {
    const subgraph = await this.store.mapSubgraph(query);
    const degree = new Map<string, number>();
    for (const link of subgraph.links) {
      degree.set(link.source, (degree.get(link.source) ?? 0) + 1);
      degree.set(link.target, (degree.get(link.target) ?? 0) + 1);
    }
    const saved = new Map<string, Point>(
      subgraph.positions.map((position) => [position.id, position]),
    );
    const placed = placeNewNodes(
      subgraph.nodes.map((node) => node.id),
      subgraph.links,
      saved,
    );
    return {
      revision: subgraph.revision,
      nodes: subgraph.nodes.map((node) => {
        const lifetime = lifetimeOf(node);
        const point = placed.get(node.id) ?? { x: 0, y: 0 };
        return {
          id: node.id,
          kind: node.kind,
          name: node.name,
          orgKind: orgKindOf(node),
          status: statusOf(node),
          from: lifetime.from,
          until: lifetime.until,
          degree: degree.get(node.id) ?? 0,
          x: point.x,
          y: point.y,
        };
      }),
      links: subgraph.links.map((link) => ({
        id: link.id,
        kind: link.kind,
        source: link.source,
        target: link.target,
        since: link.since,
        until: link.until,
        strength: link.strength,
        meetingId: link.meetingId,
      })),
    };
  }
}
