/**
 * The map's view in the URL's query string: the filters sent to GET /api/map, the meeting whose
 * links stand out, the selected node, the focus depth and whether the meetings screen shows, e.g.
 * `?orgKind=charity,network&asOf=2022-01-01&node=org-x&depth=2`. Pure functions, so a pasted URL
 * reproduces the view and they can be tested without a browser. Values outside the closed sets of
 * @octograph/graph-schema, malformed ids and invalid dates are dropped.
 */
import {
  DateSchema,
  IdSchema,
  LINK_KINDS,
  NODE_KINDS,
  NODE_STATUSES,
  ORGANISATION_KINDS,
} from '@octograph/graph-schema';
import type { MapParams } from '../../api/client';
import { FOCUS_DEPTHS, type FocusDepth } from '../focus/focus-state';
import {
  readMeetingsScreen,
  writeMeetingsScreen,
  type MeetingsScreen,
} from '../meetings/meetings-screen-state';
import type { MapFilters } from './filter-state';

/** Everything about the view that the URL carries. */
export interface UrlView {
  filters: MapFilters;
  /** The selected node. */
  node: string | null;
  /** The focus depth; only with a node. */
  depth: FocusDepth | null;
  /** The meetings screen, when it takes the map's place (`view=meetings`); closed if left out. */
  meetings?: MeetingsScreen;
}

/** The list keys of MapFilters, in the order they appear in a URL. */
const LIST_KEYS = ['kind', 'orgKind', 'theme', 'place', 'status', 'linkKind'] as const;
type ListKey = (typeof LIST_KEYS)[number];

const isId = (value: string) => IdSchema.safeParse(value).success;

/** Which values each list accepts. */
const ACCEPTS: { [K in ListKey]: (value: string) => value is MapFilters[K][number] } = {
  kind: (value): value is MapFilters['kind'][number] => NODE_KINDS.some((kind) => kind === value),
  orgKind: (value): value is MapFilters['orgKind'][number] =>
    ORGANISATION_KINDS.some((kind) => kind === value),
  theme: (value): value is string => isId(value),
  place: (value): value is string => isId(value),
  status: (value): value is MapFilters['status'][number] =>
    NODE_STATUSES.some((status) => status === value),
  linkKind: (value): value is MapFilters['linkKind'][number] =>
    LINK_KINDS.some((kind) => kind === value),
};

/** `a,b` (or a repeated key) as a de-duplicated list of the accepted values. */
function readList<K extends ListKey>(search: URLSearchParams, key: K): MapFilters[K] {
  const values = search
    .getAll(key)
    .flatMap((part) => part.split(','))
    .map((value) => value.trim())
    .filter(ACCEPTS[key]);
  return [...new Set(values)] as MapFilters[K];
}

/** The view a query string (`?…` or without the `?`) describes. */
export function parseViewUrl(query: string): UrlView {
  const search = new URLSearchParams(query);
  const asOf = search.get('asOf');
  const meeting = search.get('meeting');
  const node = search.get('node');
  const depthText = search.get('depth');
  const filters: MapFilters = {
    kind: readList(search, 'kind'),
    orgKind: readList(search, 'orgKind'),
    theme: readList(search, 'theme'),
    place: readList(search, 'place'),
    status: readList(search, 'status'),
    linkKind: readList(search, 'linkKind'),
    asOf: asOf !== null && DateSchema.safeParse(asOf).success ? asOf : null,
    ...(meeting !== null && isId(meeting) ? { meeting } : {}),
  };
  const nodeId = node !== null && isId(node) ? node : null;
  const depth = FOCUS_DEPTHS.find((value) => String(value) === depthText) ?? null;
  const meetings = readMeetingsScreen(search);
  return {
    filters,
    node: nodeId,
    depth: nodeId === null ? null : depth,
    ...(meetings.open ? { meetings } : {}),
  };
}

/** The query string (with its `?`) for a view; '' when nothing is set. */
export function serialiseViewUrl(view: UrlView): string {
  const search = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const values = view.filters[key];
    if (values.length > 0) search.set(key, values.join(','));
  }
  if (view.filters.asOf !== null) search.set('asOf', view.filters.asOf);
  if (view.filters.meeting !== undefined) search.set('meeting', view.filters.meeting);
  if (view.node !== null) {
    search.set('node', view.node);
    if (view.depth !== null) search.set('depth', String(view.depth));
  }
  if (view.meetings) writeMeetingsScreen(search, view.meetings);
  // Commas are safe in a query string; keep them readable.
  const text = search.toString().replace(/%2C/g, ',');
  return text === '' ? '' : `?${text}`;
}

/** The filters as GET /api/map parameters, leaving out what is not set. */
export function toMapParams(filters: MapFilters): MapParams {
  const params: MapParams = {};
  for (const key of LIST_KEYS) {
    if (filters[key].length > 0) Object.assign(params, { [key]: filters[key] });
  }
  if (filters.asOf !== null) params.asOf = filters.asOf;
  return params;
}
