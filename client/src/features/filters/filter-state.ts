/**
 * The map's filters as plain data, with pure changes. The server does the filtering (GET
 * /api/map); the browser only remembers what is asked for.
 */
import type { LinkKind, NodeKind, NodeStatus, OrganisationKind } from '@octograph/graph-schema';

export interface MapFilters {
  kind: readonly NodeKind[];
  orgKind: readonly OrganisationKind[];
  /** Theme node ids. */
  theme: readonly string[];
  /** Place node ids. */
  place: readonly string[];
  status: readonly NodeStatus[];
  linkKind: readonly LinkKind[];
  /** `YYYY-MM-DD`: the network as it was on that day; null for today. */
  asOf: string | null;
  /**
   * A meeting whose links stand out on the map (the rest fades); left out for none. Drawn by the
   * browser from the map's links (their meetingId), not sent to the server.
   */
  meeting?: string;
}

/** The filter lists one can tick values in. */
export type FilterListKey = Exclude<keyof MapFilters, 'asOf' | 'meeting'>;

export const EMPTY_FILTERS: MapFilters = {
  kind: [],
  orgKind: [],
  theme: [],
  place: [],
  status: [],
  linkKind: [],
  asOf: null,
};

/** The filters with `value` ticked in (or, if it was, out of) the list `key`. */
export function toggleFilter<K extends FilterListKey>(
  filters: MapFilters,
  key: K,
  value: MapFilters[K][number],
): MapFilters {
  const list: readonly string[] = filters[key];
  const next = list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
  return { ...filters, [key]: next };
}

/** How many filters are set (ticked values plus the date and the meeting). */
export function activeFilterCount(filters: MapFilters): number {
  const lists: FilterListKey[] = ['kind', 'orgKind', 'theme', 'place', 'status', 'linkKind'];
  const single = (filters.asOf === null ? 0 : 1) + (filters.meeting === undefined ? 0 : 1);
  return lists.reduce((sum, key) => sum + filters[key].length, single);
}
