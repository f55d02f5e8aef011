/**
 * TanStack Query hooks over the API client. Query keys live here only, so invalidation after a
 * write (invalidateAfterWrite) has one place to look.
 */
import {
  keepPreviousData,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { InsightFinding, NodeKind } from '@octograph/graph-schema';
import {
  getInsightPage,
  getInsightsSummary,
  getLayoutJob,
  getMap,
  getMeeting,
  getMeetings,
  getMeetingSuggestions,
  getSimilarNodes,
  getNeighbourhood,
  getNode,
  getLink,
  listNodes,
  savePositions,
  searchNodes,
  startRearrange,
  type AuditParams,
  type InsightPageParams,
  type MapParams,
  type NodeSearchParams,
  type SimilarKind,
} from './client';

/** The audit log's filters (its paging is the query's own). */
export type AuditFilters = Omit<AuditParams, 'limit' | 'before'>;

export const queryKeys = {
  /** Every map query (the map and the focus), for invalidation after positions change. */
  maps: () => ['map'] as const,
  map: (params: MapParams) => ['map', params] as const,
  layoutJob: () => ['layout', 'job'] as const,
  focus: (id: string | null, depth: number | null, params: MapParams) =>
    ['map', 'focus', id, depth, params] as const,
  nodeOptions: (kind: NodeKind) => ['nodes', 'options', kind] as const,
  nodeSearch: (params: NodeSearchParams) => ['nodes', 'search', params] as const,
  node: (id: string | null) => ['nodes', 'one', id] as const,
  /** Every single-link query, for reading again after a write. */
  links: () => ['links'] as const,
  link: (id: string | null) => ['links', 'one', id] as const,
  neighbourhood: (id: string | null, depth: number) =>
    ['nodes', 'neighbourhood', id, depth] as const,
  insightsSummary: () => ['insights', 'summary'] as const,
  insightPage: (finding: InsightFinding, params: InsightPageParams) =>
    ['insights', finding, params] as const,
  /** Under 'insights', so that reading the insights again after a write reads these too. */
  dismissedIntroductions: (params: { limit: number }) =>
    ['insights', 'dismissedIntroductions', params] as const,
  insights: () => ['insights'] as const,
  nodes: () => ['nodes', 'one'] as const,
  neighbourhoods: () => ['nodes', 'neighbourhood'] as const,
  /** Every meeting query (list, one meeting, its suggestions), for invalidation after a write. */
  meetings: () => ['meetings'] as const,
  meetingList: () => ['meetings', 'list'] as const,
  meeting: (id: string | null) => ['meetings', 'one', id] as const,
  meetingSuggestions: (id: string | null) => ['meetings', 'suggestions', id] as const,
  similarNodes: (name: string, kind: SimilarKind | undefined) =>
    ['nodes', 'similar', name, kind ?? null] as const,
  /** Who is signed in; every other query is read again when that changes. */
  session: () => ['session'] as const,
  users: () => ['users'] as const,
  invitation: (token: string) => ['invitation', token] as const,
  /** Every page of the audit log, for reading again after a write or an undo. */
  audit: () => ['audit'] as const,
  auditPages: (params: AuditFilters) => ['audit', params] as const,
};

/**
 * Reads again everything a write to the graph changes (it moves the store's revision): the maps
 * and the status line's counts, every insight finding and its counts, the selected node's
 * details and neighbours, the meetings (attendees, links, suggestions) and the audit log. Name
 * search and filter choices stay.
 */
export function invalidateAfterWrite(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.maps() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.insights() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.nodes() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.links() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.neighbourhoods() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.meetings() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit() }),
  ]).then(() => undefined);
}

/** A write to the graph whose success reads again what the store's new revision changed. */
export function useGraphWrite<V, R>(write: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => invalidateAfterWrite(queryClient),
  });
}

/** The map: nodes with positions and links, filtered by `params`. */
export function useMap(params: MapParams = {}) {
  return useQuery({
    queryKey: queryKeys.map(params),
    queryFn: ({ signal }) => getMap(params, signal),
    // A big map is costly to redraw; refetch it when asked, not on every focus.
    refetchOnWindowFocus: false,
    // While another filter or timeline date loads, the last map stays on screen (and the canvas
    // then changes only what differs) rather than blanking.
    placeholderData: keepPreviousData,
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

/** One link with all its fields; idle when `id` is null. */
export function useLink(id: string | null) {
  return useQuery({
    queryKey: queryKeys.link(id),
    queryFn: id === null ? skipToken : ({ signal }) => getLink(id, signal),
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
 * (GET /api/map?focus=&depth=), with the same filters as the map. Idle when `id` or `depth` is
 * null.
 */
export function useFocus(id: string | null, depth: number | null, params: MapParams = {}) {
  return useQuery({
    queryKey: queryKeys.focus(id, depth, params),
    queryFn:
      id === null || depth === null
        ? skipToken
        : ({ signal }) => getMap({ ...params, focus: id, depth }, signal),
    refetchOnWindowFocus: false,
  });
}

/** Up to 500 nodes of one kind, by name: the choices of a filter (themes, places). */
export function useNodeOptions(kind: NodeKind) {
  return useQuery({
    queryKey: queryKeys.nodeOptions(kind),
    queryFn: ({ signal }) => listNodes({ kind: [kind], limit: 500 }, signal),
    staleTime: 5 * 60_000,
  });
}

/** How the latest re-arrange of the map stands; asked again every `pollMs` while it runs. */
export function useLayoutJob(pollMs: number) {
  return useQuery({
    queryKey: queryKeys.layoutJob(),
    queryFn: ({ signal }) => getLayoutJob(signal),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? pollMs : false),
    refetchOnWindowFocus: false,
  });
}

/** Starts a re-arrange; its answer (the job, running) becomes useLayoutJob's data at once. */
export function useStartRearrange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startRearrange,
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.layoutJob(), job);
    },
  });
}

/** Saves node positions (PUT /api/positions), then reads the maps again. */
export function useSavePositions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: savePositions,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.maps() }),
  });
}

/** How many items each insight finding has (GET /api/insights). */
export function useInsightsSummary() {
  return useQuery({
    queryKey: queryKeys.insightsSummary(),
    queryFn: ({ signal }) => getInsightsSummary(signal),
    refetchOnWindowFocus: false,
  });
}

/**
 * One page of an insight finding; idle when `params` is null. Keeps the last page on screen while
 * a longer one ("more") loads.
 */
export function useInsightPage<F extends InsightFinding>(
  finding: F,
  params: InsightPageParams | null,
) {
  return useQuery({
    queryKey: queryKeys.insightPage(finding, params ?? { limit: 0 }),
    queryFn: params === null ? skipToken : ({ signal }) => getInsightPage(finding, params, signal),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

/** Every meeting, the latest first. */
export function useMeetings() {
  return useQuery({
    queryKey: queryKeys.meetingList(),
    queryFn: ({ signal }) => getMeetings(signal),
  });
}

/** One meeting: attendees, what may be linked, the links formed there; idle when `id` is null. */
export function useMeeting(id: string | null) {
  return useQuery({
    queryKey: queryKeys.meeting(id),
    queryFn: id === null ? skipToken : ({ signal }) => getMeeting(id, signal),
  });
}

/** Suggested introductions among a meeting's organisations; idle when `id` is null. */
export function useMeetingSuggestions(id: string | null) {
  return useQuery({
    queryKey: queryKeys.meetingSuggestions(id),
    queryFn: id === null ? skipToken : ({ signal }) => getMeetingSuggestions(id, signal),
  });
}

/** Names like `name` already in the directory ("did you mean …?"); idle while it is blank. */
export function useSimilarNodes(name: string, kind?: SimilarKind) {
  const trimmed = name.trim();
  return useQuery({
    queryKey: queryKeys.similarNodes(trimmed, kind),
    queryFn:
      trimmed === ''
        ? skipToken
        : ({ signal }) => getSimilarNodes({ name: trimmed, ...(kind ? { kind } : {}) }, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
