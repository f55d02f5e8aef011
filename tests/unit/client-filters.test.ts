import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  EMPTY_FILTERS,
  toggleFilter,
  type MapFilters,
} from '../../client/src/features/filters/filter-state.js';
import {
  parseViewUrl,
  serialiseViewUrl,
  toMapParams,
  type UrlView,
} from '../../client/src/features/filters/filter-url.js';

const FULL: UrlView = {
  filters: {
    kind: ['organisation', 'project'],
    orgKind: ['charity', 'network'],
    theme: ['theme-food'],
    place: ['place-leith', 'place-gorgie'],
    status: ['active'],
    linkKind: ['FUNDS', 'MEMBER_OF'],
    asOf: '2022-01-01',
  },
  node: 'org-x',
  depth: 2,
};

describe('filters in the URL', () => {
  it('round-trips a full view', () => {
    const query = serialiseViewUrl(FULL);
    expect(query).toBe(
      '?kind=organisation,project&orgKind=charity,network&theme=theme-food' +
        '&place=place-leith,place-gorgie&status=active&linkKind=FUNDS,MEMBER_OF' +
        '&asOf=2022-01-01&node=org-x&depth=2',
    );
    expect(parseViewUrl(query)).toEqual(FULL);
  });

  it('writes no parameters for an empty view, and reads none back', () => {
    const empty: UrlView = { filters: EMPTY_FILTERS, node: null, depth: null };
    expect(serialiseViewUrl(empty)).toBe('');
    expect(parseViewUrl('')).toEqual(empty);
    expect(parseViewUrl('?')).toEqual(empty);
  });

  it('drops unknown values and keeps the known ones', () => {
    const view = parseViewUrl(
      '?kind=organisation,robot&orgKind=charity,pirate_ship&status=asleep&linkKind=LOVES,FUNDS' +
        '&theme=' +
        encodeURIComponent('bad id!') +
        ',theme-food&colour=red',
    );
    expect(view.filters).toEqual({
      ...EMPTY_FILTERS,
      kind: ['organisation'],
      orgKind: ['charity'],
      linkKind: ['FUNDS'],
      theme: ['theme-food'],
    });
  });

  it.each(['2022-13-01', '2022-02-30', 'yesterday', '2022-1-1', ''])(
    'drops the invalid date %j',
    (asOf) => {
      expect(parseViewUrl(`?asOf=${asOf}`).filters.asOf).toBeNull();
    },
  );

  it('reads repeated keys and removes duplicates', () => {
    expect(parseViewUrl('?orgKind=charity&orgKind=network,charity').filters.orgKind).toEqual([
      'charity',
      'network',
    ]);
  });

  it('drops the depth without a node, and a depth out of range', () => {
    expect(parseViewUrl('?depth=2')).toMatchObject({ node: null, depth: null });
    expect(parseViewUrl('?node=org-x&depth=4')).toMatchObject({ node: 'org-x', depth: null });
    expect(parseViewUrl('?node=org-x&depth=3')).toMatchObject({ node: 'org-x', depth: 3 });
  });
});

describe('filter state', () => {
  it('ticks a value in and out', () => {
    const ticked = toggleFilter(EMPTY_FILTERS, 'orgKind', 'charity');
    expect(ticked.orgKind).toEqual(['charity']);
    expect(toggleFilter(ticked, 'orgKind', 'charity')).toEqual(EMPTY_FILTERS);
  });

  it('counts ticked values and the date', () => {
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
    expect(activeFilterCount(FULL.filters)).toBe(11);
  });

  it('sends only what is set to the map query', () => {
    const filters: MapFilters = { ...EMPTY_FILTERS, orgKind: ['charity'], asOf: '2019-01-01' };
    expect(toMapParams(filters)).toEqual({ orgKind: ['charity'], asOf: '2019-01-01' });
    expect(toMapParams(EMPTY_FILTERS)).toEqual({});
  });
});
