/**
 * The ids of the nodes cut off from the map's main network (apart-ring.ts nodesApart), worked
 * out again only when the map changes.
 */
import type { MapResponse } from '@octograph/graph-schema';
import { useMemo } from 'react';
import { nodesApart } from './apart-ring';

export function useNodesApart(map: MapResponse): Set<string> {
  return useMemo(
    () =>
      nodesApart(
        map.nodes.map((node) => node.id),
        map.links,
      ),
    [map],
  );
}
