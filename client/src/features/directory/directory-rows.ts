/**
 * The directory's table as pure functions: its rows are the organisations of the map the user is
 * looking at (the same GET /api/map answer, so the two always count the same), narrowed by a
 * name search, sorted by a column, and cut into pages. Its state (search, sort, page) changes
 * through `directoryReducer`. No React here, so all of it is unit-tested directly.
 */
import {
  NODE_STATUSES,
  ORGANISATION_KINDS,
  type MapResponse,
  type NodeStatus,
  type OrganisationKind,
} from '@octograph/graph-schema';
import { foldText, textComparer, type CompareText } from '../../i18n/collation';

/** One organisation, as a row of the directory. */
export interface DirectoryRow {
  id: string;
  name: string;
  orgKind: OrganisationKind | null;
  status: NodeStatus | null;
  /** Links it has on this map. */
  degree: number;
  /** `YYYY-MM-DD`: since when it is in the network, if known. */
  since: string | null;
  /** The name folded for searching (see foldText). */
  searchText: string;
}

/** The columns one can sort by. */
export const DIRECTORY_COLUMNS = ['name', 'orgKind', 'status', 'degree', 'since'] as const;
export type DirectoryColumn = (typeof DIRECTORY_COLUMNS)[number];

/** The words of `aria-sort`, so the table can pass them on as they are. */
export type SortDirection = 'ascending' | 'descending';

export interface DirectorySort {
  column: DirectoryColumn;
  direction: SortDirection;
}

/**
 * The direction a column sorts in when first chosen: most connections first (who are the hubs?),
 * everything else from the top of the alphabet or the oldest date.
 */
export const FIRST_DIRECTION: Readonly<Record<DirectoryColumn, SortDirection>> = {
  name: 'ascending',
  orgKind: 'ascending',
  status: 'ascending',
  degree: 'descending',
  since: 'ascending',
};

export const PAGE_SIZES = [25, 50] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** The organisations on the map, in the map's order. */
export function directoryRows(map: MapResponse): DirectoryRow[] {
  return map.nodes.flatMap((node) =>
    node.kind === 'organisation'
      ? [
          {
            id: node.id,
            name: node.name,
            orgKind: node.orgKind,
            status: node.status,
            degree: node.degree,
            since: node.from,
            searchText: foldText(node.name),
          },
        ]
      : [],
  );
}

// Folding for search and the language's alphabet for sorting live with the translations.
export { foldText, textComparer, type CompareText };

/**
 * The rows whose name holds every word of `query` (in any order, ignoring case and accents); all
 * rows for an empty query.
 */
export function searchRows(rows: readonly DirectoryRow[], query: string): readonly DirectoryRow[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => words.every((word) => row.searchText.includes(word)));
}

// Kinds and statuses sort in schema order, the order the legend and the filters list them in,
// so that a sorted table groups them the way the rest of the page does, in every language.
const KIND_ORDER = new Map<string, number>(ORGANISATION_KINDS.map((kind, index) => [kind, index]));
const STATUS_ORDER = new Map<string, number>(NODE_STATUSES.map((status, index) => [status, index]));

/** Compares two known values of a column; unknown (null) values are handled by sortRows. */
function compareValues(
  column: DirectoryColumn,
  a: DirectoryRow,
  b: DirectoryRow,
  compareText: CompareText,
): number {
  switch (column) {
    case 'name':
      return compareText(a.name, b.name);
    case 'orgKind':
      return (KIND_ORDER.get(a.orgKind ?? '') ?? 0) - (KIND_ORDER.get(b.orgKind ?? '') ?? 0);
    case 'status':
      return (STATUS_ORDER.get(a.status ?? '') ?? 0) - (STATUS_ORDER.get(b.status ?? '') ?? 0);
    case 'degree':
      return a.degree - b.degree;
    case 'since':
      // ISO dates sort as text.
      return (a.since ?? '').localeCompare(b.since ?? '');
  }
}

function isUnknown(column: DirectoryColumn, row: DirectoryRow): boolean {
  if (column === 'orgKind') return row.orgKind === null;
  if (column === 'status') return row.status === null;
  if (column === 'since') return row.since === null;
  return false;
}

/**
 * The rows sorted by a column. Rows without a value for it come last in either direction (what
 * is known matters more); equal values fall back to the name, A to Z, then the id, so the order
 * never depends on the order the server sent.
 */
export function sortRows(
  rows: readonly DirectoryRow[],
  sort: DirectorySort,
  compareText: CompareText,
): DirectoryRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const unknownA = isUnknown(sort.column, a);
    const unknownB = isUnknown(sort.column, b);
    if (unknownA !== unknownB) return unknownA ? 1 : -1;
    const byColumn = unknownA ? 0 : sign * compareValues(sort.column, a, b, compareText);
    if (byColumn !== 0) return byColumn;
    return compareText(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/** One page of rows. */
export interface DirectoryPage<T> {
  items: readonly T[];
  /** Zero-based, always a page that exists (0 when there are no rows). */
  pageIndex: number;
  /** At least 1: an empty table is one empty page. */
  pageCount: number;
  /** How many rows there are on all pages. */
  total: number;
}

/**
 * The page `pageIndex` of `rows`. An index past the end (the rows shrank: a filter or a search
 * narrowed them) is clamped to the last page, a negative one to the first.
 */
export function pageOf<T>(
  rows: readonly T[],
  pageIndex: number,
  pageSize: PageSize,
): DirectoryPage<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const index = Math.min(Math.max(0, Math.floor(pageIndex)), pageCount - 1);
  return {
    items: rows.slice(index * pageSize, (index + 1) * pageSize),
    pageIndex: index,
    pageCount,
    total: rows.length,
  };
}

/** What the user has asked of the table. */
export interface DirectoryState {
  query: string;
  sort: DirectorySort;
  /** The page asked for; pageOf clamps it to the pages there are. */
  pageIndex: number;
  pageSize: PageSize;
}

export const initialDirectoryState: DirectoryState = {
  query: '',
  sort: { column: 'name', direction: 'ascending' },
  pageIndex: 0,
  pageSize: 25,
};

export type DirectoryAction =
  | { type: 'search'; query: string }
  | { type: 'sort'; column: DirectoryColumn }
  | { type: 'page'; pageIndex: number }
  /** `shownPageIndex`: the page on screen, which may be clamped from the one asked for. */
  | { type: 'pageSize'; pageSize: PageSize; shownPageIndex: number };

export function directoryReducer(state: DirectoryState, action: DirectoryAction): DirectoryState {
  switch (action.type) {
    case 'search':
      // A new search starts from its first match.
      return { ...state, query: action.query, pageIndex: 0 };
    case 'sort': {
      // The sorted column again reverses it; another column starts in its own first direction.
      const { sort } = state;
      const direction =
        sort.column === action.column
          ? sort.direction === 'ascending'
            ? 'descending'
            : 'ascending'
          : FIRST_DIRECTION[action.column];
      return { ...state, sort: { column: action.column, direction }, pageIndex: 0 };
    }
    case 'page':
      return { ...state, pageIndex: Math.max(0, action.pageIndex) };
    case 'pageSize': {
      // Keep the first row on screen in view: it lands on the page of the new size that holds it.
      const firstRow = Math.max(0, action.shownPageIndex) * state.pageSize;
      return {
        ...state,
        pageSize: action.pageSize,
        pageIndex: Math.floor(firstRow / action.pageSize),
      };
    }
  }
}
