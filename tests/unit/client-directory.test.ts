import type { MapResponse } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import {
  directoryReducer,
  directoryRows,
  foldText,
  initialDirectoryState,
  pageOf,
  searchRows,
  sortRows,
  textComparer,
  type DirectoryColumn,
  type DirectoryRow,
  type DirectoryState,
  type SortDirection,
} from '../../client/src/features/directory/directory-rows.js';
import { mapLink, mapNode, mapOrg } from './client-fixtures.js';

const compareEnglish = textComparer('en');

/** A small town's map: five organisations of several kinds, a person, a theme and links. */
const TOWN: MapResponse = {
  revision: 3,
  nodes: [
    mapOrg('org-zeta', 'charity', {
      name: 'Zeta Trust',
      status: 'active',
      degree: 2,
      from: '2021-05-01',
    }),
    mapNode('person-ann', 'person', { name: 'Ann Able', degree: 1 }),
    mapOrg('org-cafe', 'social_enterprise', {
      name: 'Dockside Café CIC',
      status: 'dormant',
      degree: 5,
      from: '2018-02-10',
    }),
    mapOrg('org-zlota', 'informal_group', {
      name: 'Klub Seniora „Złota Jesień”',
      status: 'closed',
      degree: 2,
      from: null,
    }),
    mapNode('theme-food', 'theme', { name: 'Food cafe', degree: 1 }),
    mapOrg('org-alder', 'network', {
      name: 'alder network',
      status: null,
      degree: 0,
      from: '2020-01-01',
    }),
    mapOrg('org-eastbrook', 'charity', {
      name: 'Eastbrook Repair Café',
      status: 'active',
      degree: 2,
      from: '2021-05-01',
    }),
  ],
  links: [mapLink('l1', 'WORKS_AT', 'person-ann', 'org-zeta')],
};

const ROWS = directoryRows(TOWN);
const ids = (rows: readonly DirectoryRow[]) => rows.map((row) => row.id);

/** `count` organisations org-001, org-002, … named "Group 001", … */
function manyRows(count: number): DirectoryRow[] {
  return directoryRows({
    revision: 1,
    links: [],
    nodes: Array.from({ length: count }, (_, index) => {
      const number = String(index + 1).padStart(3, '0');
      return mapOrg(`org-${number}`, 'charity', { name: `Group ${number}` });
    }),
  });
}

describe('directoryRows', () => {
  it('lists every organisation on the map, and nothing else, in the map order', () => {
    expect(ids(ROWS)).toEqual(['org-zeta', 'org-cafe', 'org-zlota', 'org-alder', 'org-eastbrook']);
  });

  it('counts exactly the organisations of the map', () => {
    const organisations = TOWN.nodes.filter((node) => node.kind === 'organisation');
    expect(ROWS).toHaveLength(organisations.length);
  });

  it('carries the kind, status, connections and since date the map has for each', () => {
    expect(ROWS.find((row) => row.id === 'org-cafe')).toMatchObject({
      name: 'Dockside Café CIC',
      orgKind: 'social_enterprise',
      status: 'dormant',
      degree: 5,
      since: '2018-02-10',
    });
  });

  it('gives an empty list for a map without organisations', () => {
    expect(directoryRows({ revision: 1, nodes: [mapNode('p', 'person')], links: [] })).toEqual([]);
  });
});

describe('foldText', () => {
  it.each([
    ['Café', 'cafe'],
    ['ZŁOTA Jesień', 'zlota jesien'],
    ['Straße', 'strasse'],
    ['Søren', 'soren'],
    ['Spółdzielnia', 'spoldzielnia'],
  ])('folds %s to %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe('searchRows', () => {
  it('finds names whatever the case and accents on either side', () => {
    expect(ids(searchRows(ROWS, 'CAFE'))).toEqual(['org-cafe', 'org-eastbrook']);
    expect(ids(searchRows(ROWS, 'café'))).toEqual(['org-cafe', 'org-eastbrook']);
    expect(ids(searchRows(ROWS, 'zlota'))).toEqual(['org-zlota']);
    expect(ids(searchRows(ROWS, 'Złota'))).toEqual(['org-zlota']);
  });

  it('needs every word, in any order', () => {
    expect(ids(searchRows(ROWS, 'café repair'))).toEqual(['org-eastbrook']);
    expect(ids(searchRows(ROWS, 'café garden'))).toEqual([]);
  });

  it('searches names only, not kinds or statuses', () => {
    expect(ids(searchRows(ROWS, 'charity'))).toEqual([]);
  });

  it('keeps every row, in order, for an empty or blank query', () => {
    expect(searchRows(ROWS, '')).toEqual(ROWS);
    expect(searchRows(ROWS, '   ')).toEqual(ROWS);
  });
});

describe('sortRows', () => {
  const sort = (column: DirectoryColumn, direction: SortDirection) =>
    ids(sortRows(ROWS, { column, direction }, compareEnglish));

  it.each<[DirectoryColumn, SortDirection, string[]]>([
    // Case does not split the alphabet: "alder" comes first, not after "Z".
    ['name', 'ascending', ['org-alder', 'org-cafe', 'org-eastbrook', 'org-zlota', 'org-zeta']],
    ['name', 'descending', ['org-zeta', 'org-zlota', 'org-eastbrook', 'org-cafe', 'org-alder']],
    // Most connections first; the three with 2 links by name.
    ['degree', 'descending', ['org-cafe', 'org-eastbrook', 'org-zlota', 'org-zeta', 'org-alder']],
    ['degree', 'ascending', ['org-alder', 'org-eastbrook', 'org-zlota', 'org-zeta', 'org-cafe']],
    // Kinds in the legend's order: charity, social enterprise, informal group, network.
    ['orgKind', 'ascending', ['org-eastbrook', 'org-zeta', 'org-cafe', 'org-zlota', 'org-alder']],
    // Oldest first; the one with no date last; the same date by name.
    ['since', 'ascending', ['org-cafe', 'org-alder', 'org-eastbrook', 'org-zeta', 'org-zlota']],
    // Unknown values stay last in the other direction too.
    ['since', 'descending', ['org-eastbrook', 'org-zeta', 'org-alder', 'org-cafe', 'org-zlota']],
    ['status', 'ascending', ['org-eastbrook', 'org-zeta', 'org-cafe', 'org-zlota', 'org-alder']],
    ['status', 'descending', ['org-zlota', 'org-cafe', 'org-eastbrook', 'org-zeta', 'org-alder']],
  ])('sorts by %s, %s', (column, direction, expected) => {
    expect(sort(column, direction)).toEqual(expected);
  });

  it('gives the same order whatever order the server sent', () => {
    const reversed = [...ROWS].reverse();
    for (const column of ['name', 'degree', 'since', 'orgKind', 'status'] as const) {
      const sorted = (rows: readonly DirectoryRow[]) =>
        ids(sortRows(rows, { column, direction: 'ascending' }, compareEnglish));
      expect(sorted(reversed)).toEqual(sorted(ROWS));
    }
  });

  it('sorts names the way the language does', () => {
    const rows = directoryRows({
      revision: 1,
      links: [],
      nodes: [
        mapOrg('s', 'charity', { name: 'Sąsiedzi' }),
        mapOrg('z', 'charity', { name: 'Zespół' }),
        mapOrg('t', 'charity', { name: 'Towarzystwo' }),
        mapOrg('l', 'charity', { name: 'Łowcy' }),
        mapOrg('m', 'charity', { name: 'Młodzi' }),
      ],
    });
    const byName = sortRows(rows, { column: 'name', direction: 'ascending' }, textComparer('pl'));
    // In Polish, Ł is a letter of its own after L: before M, not at the end (code point order).
    expect(ids(byName)).toEqual(['l', 'm', 's', 't', 'z']);
  });

  it('puts numbers in names in number order', () => {
    const rows = directoryRows({
      revision: 1,
      links: [],
      nodes: [
        mapOrg('ten', 'charity', { name: 'Ward 10 group' }),
        mapOrg('two', 'charity', { name: 'Ward 2 group' }),
      ],
    });
    const byName = sortRows(rows, { column: 'name', direction: 'ascending' }, compareEnglish);
    expect(ids(byName)).toEqual(['two', 'ten']);
  });

  it('does not change the rows it is given', () => {
    const before = ids(ROWS);
    sortRows(ROWS, { column: 'degree', direction: 'descending' }, compareEnglish);
    expect(ids(ROWS)).toEqual(before);
  });
});

describe('pageOf', () => {
  const rows = manyRows(60);

  it('cuts the rows into pages of the chosen size', () => {
    const second = pageOf(rows, 1, 25);
    expect(second.pageCount).toBe(3);
    expect(second.pageIndex).toBe(1);
    expect(second.total).toBe(60);
    expect(ids(second.items)).toEqual(ids(rows.slice(25, 50)));
  });

  it('gives the last page only what is left', () => {
    expect(pageOf(rows, 2, 25).items).toHaveLength(10);
    expect(pageOf(rows, 1, 50).items).toHaveLength(10);
  });

  it('clamps a page past the end to the last page (the rows shrank)', () => {
    const page = pageOf(rows.slice(0, 30), 4, 25);
    expect(page.pageIndex).toBe(1);
    expect(page.pageCount).toBe(2);
    expect(ids(page.items)).toEqual(ids(rows.slice(25, 30)));
  });

  it('clamps a negative page to the first', () => {
    expect(pageOf(rows, -1, 25).pageIndex).toBe(0);
  });

  it('has one empty page when there are no rows', () => {
    expect(pageOf([], 3, 25)).toEqual({ items: [], pageIndex: 0, pageCount: 1, total: 0 });
  });

  it('has exactly one page for exactly one page of rows', () => {
    expect(pageOf(manyRows(25), 0, 25).pageCount).toBe(1);
    expect(pageOf(manyRows(26), 0, 25).pageCount).toBe(2);
  });
});

describe('directoryReducer', () => {
  const onPage = (pageIndex: number): DirectoryState => ({ ...initialDirectoryState, pageIndex });

  it('starts sorted by name, A to Z, on the first page of 25, without a search', () => {
    expect(initialDirectoryState).toEqual({
      query: '',
      sort: { column: 'name', direction: 'ascending' },
      pageIndex: 0,
      pageSize: 25,
    });
  });

  it('goes back to the first page when the search changes', () => {
    expect(directoryReducer(onPage(3), { type: 'search', query: 'café' })).toMatchObject({
      query: 'café',
      pageIndex: 0,
    });
  });

  it('reverses the sorted column when it is chosen again', () => {
    const once = directoryReducer(initialDirectoryState, { type: 'sort', column: 'name' });
    expect(once.sort).toEqual({ column: 'name', direction: 'descending' });
    const twice = directoryReducer(once, { type: 'sort', column: 'name' });
    expect(twice.sort).toEqual({ column: 'name', direction: 'ascending' });
  });

  it('sorts a newly chosen column most connected first, or A to Z and oldest first', () => {
    const sortBy = (column: DirectoryColumn) =>
      directoryReducer(initialDirectoryState, { type: 'sort', column }).sort.direction;
    expect(sortBy('degree')).toBe('descending');
    expect(sortBy('orgKind')).toBe('ascending');
    expect(sortBy('since')).toBe('ascending');
  });

  it('goes back to the first page when the sort changes', () => {
    expect(directoryReducer(onPage(2), { type: 'sort', column: 'degree' }).pageIndex).toBe(0);
  });

  it('moves to the page asked for, never below the first', () => {
    expect(directoryReducer(onPage(0), { type: 'page', pageIndex: 2 }).pageIndex).toBe(2);
    expect(directoryReducer(onPage(0), { type: 'page', pageIndex: -1 }).pageIndex).toBe(0);
  });

  it('keeps the first row on screen in view when the page size changes', () => {
    // Rows 51–75 on screen; with 50 a page, row 51 is on the second page.
    const bigger = directoryReducer(onPage(2), {
      type: 'pageSize',
      pageSize: 50,
      shownPageIndex: 2,
    });
    expect(bigger).toMatchObject({ pageSize: 50, pageIndex: 1 });
    // Rows 51–100 on screen; with 25 a page, row 51 starts the third page.
    const smaller = directoryReducer(
      { ...initialDirectoryState, pageSize: 50, pageIndex: 1 },
      { type: 'pageSize', pageSize: 25, shownPageIndex: 1 },
    );
    expect(smaller).toMatchObject({ pageSize: 25, pageIndex: 2 });
  });

  it('counts from the page on screen, not a page asked for that no longer exists', () => {
    // Page 5 was asked for, but the rows shrank and the last page, the second, is on screen.
    const next = directoryReducer(onPage(4), { type: 'pageSize', pageSize: 50, shownPageIndex: 1 });
    expect(next.pageIndex).toBe(0);
  });
});
