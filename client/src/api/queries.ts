/**
 * TanStack Query hooks over the API client. Query keys live here only, so invalidation after a
 * write (later) has one place to look.
 */
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import {
  getMap,
  getNeighbourhood,
  getNode,
  searchNodes,
  type MapParams,
  type NodeSearchParams,
} from './client';

export const queryKeys = {
  map: (params: MapParams) => ['map', params] as const,
  focus: (id: string | null, depth: number | null) => ['map', 'focus', id, depth] as const,
  nodeSearch: (params: NodeSearchParams) => ['nodes', 'search', params] as const,
  node: (id: string | null) => ['nodes', 'one', id] as const,
  neighbourhood: (id: string | null, depth: number) =>
    ['nodes', 'neighbourhood', id, depth] as const,
};

/** The map: nodes with positions and links, filtered by `params`. */
export function useMap(params: MapParams = {}) {
  return useQuery({
    queryKey: queryKeys.map(params),
    queryFn: ({ signal }) => getMap(params, signal),
    // A big map is costly to redraw; refetch it when asked, not on every focus.
    refetchOnWindowFocus: false,
  });
}

/** Type-ahead name search; idle while the text is blank. Keeps the last results while typing. */
export function useNodeSearch(text: string, limit = 8) {
  const q = text.trim();
  const params: NodeSearchParams = { q, limit };
  return useQuery({
    queryKey: queryKeys.nodeSearch(params),
    queryFn: q === '' ? skipToken : ({ signal }) => searchNodes(params, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** One node with all its fields; idle when `id` is null. */
export function useNode(id: string | null) {
  return useQuery({
    queryKey: queryKeys.node(id),
    queryFn: id === null ? skipToken : ({ signal }) => getNode(id, signal),
  });
}

/** A node's neighbours within `depth` steps and the links between them; idle when `id` is null. */
export function useNeighbourhood(id: string | null, depth = 1) {
  return useQuery({
    queryKey: queryKeys.neighbourhood(id, depth),
    queryFn: id === null ? skipToken : ({ signal }) => getNeighbourhood(id, depth, signal),
  });
}

/**
 * The map around a node: what lies within `depth` steps of `id`, exactly as the server walks it
 * (GET /api/map?focus=&depth=). Idle when `id` or `depth` is null.
 */
export function useFocus(id: string | null, depth: number | null) {
  return useQuery({
    queryKey: queryKeys.focus(id, depth),
    queryFn:
      id === null || depth === null
        ? skipToken
        : ({ signal }) => getMap({ focus: id, depth }, signal),
    refetchOnWindowFocus: false,
  });
}
