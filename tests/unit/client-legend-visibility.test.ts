import { describe, expect, it } from 'vitest';
import {
  ALL_SHOWN,
  hiddenElements,
  isAllShown,
  isEntryHidden,
  isNodeHidden,
  legendVisibilityReducer,
  type LegendEntry,
  type LegendVisibility,
} from '../../client/src/features/legend/legend-visibility.js';
import { mapLink, mapNode, mapOrg } from './client-fixtures.js';

const CHARITY: LegendEntry = { group: 'org', kind: 'charity' };
const PEOPLE: LegendEntry = { group: 'node', kind: 'person' };
const THEMES: LegendEntry = { group: 'link', kind: 'FOCUSES_ON' };

const toggle = (state: LegendVisibility, entry: LegendEntry) =>
  legendVisibilityReducer(state, { type: 'toggle', entry });

describe('legendVisibilityReducer', () => {
  it('shows everything at first', () => {
    expect(isAllShown(ALL_SHOWN)).toBe(true);
  });

  it.each([CHARITY, PEOPLE, THEMES])('hides $kind on the first click', (entry) => {
    const state = toggle(ALL_SHOWN, entry);
    expect(isEntryHidden(state, entry)).toBe(true);
    expect(isAllShown(state)).toBe(false);
  });

  it.each([CHARITY, PEOPLE, THEMES])('shows $kind again on the second click', (entry) => {
    expect(toggle(toggle(ALL_SHOWN, entry), entry)).toEqual(ALL_SHOWN);
  });

  it('keeps entries of different groups apart', () => {
    const state = toggle(toggle(ALL_SHOWN, CHARITY), PEOPLE);
    expect(state).toEqual({ org: ['charity'], node: ['person'], link: [] });
    expect(isEntryHidden(state, THEMES)).toBe(false);
  });

  it('shows everything again on show all', () => {
    const state = toggle(toggle(ALL_SHOWN, CHARITY), THEMES);
    expect(legendVisibilityReducer(state, { type: 'showAll' })).toEqual(ALL_SHOWN);
  });

  it('returns the same state when show all has nothing to show', () => {
    expect(legendVisibilityReducer(ALL_SHOWN, { type: 'showAll' })).toBe(ALL_SHOWN);
  });
});

describe('isNodeHidden', () => {
  const state = toggle(toggle(ALL_SHOWN, CHARITY), PEOPLE);

  it.each([
    { node: mapOrg('c', 'charity'), hidden: true },
    { node: mapOrg('n', 'network'), hidden: false },
    { node: mapNode('p', 'person'), hidden: true },
    { node: mapNode('t', 'theme'), hidden: false },
    { node: mapNode('o', 'organisation', { orgKind: null }), hidden: false },
  ])('hides $node.id: $hidden', ({ node, hidden }) => {
    expect(isNodeHidden(state, node)).toBe(hidden);
  });
});

describe('hiddenElements', () => {
  const map = {
    nodes: [
      mapOrg('c', 'charity'),
      mapOrg('n', 'network'),
      mapNode('p', 'person'),
      mapNode('t', 'theme'),
    ],
    links: [
      mapLink('cn', 'MEMBER_OF', 'c', 'n'),
      mapLink('pn', 'WORKS_AT', 'p', 'n'),
      mapLink('nt', 'FOCUSES_ON', 'n', 't'),
      mapLink('ct', 'FOCUSES_ON', 'c', 't'),
    ],
  };
  const ids = (state: LegendVisibility) => {
    const hidden = hiddenElements(state, map);
    return { nodes: [...hidden.nodes].sort(), links: [...hidden.links].sort() };
  };

  it('hides nothing while everything is shown', () => {
    expect(ids(ALL_SHOWN)).toEqual({ nodes: [], links: [] });
  });

  it('hides the nodes of a hidden kind and every link that ends at one', () => {
    expect(ids(toggle(ALL_SHOWN, CHARITY))).toEqual({ nodes: ['c'], links: ['cn', 'ct'] });
  });

  it('hides the links of a hidden kind and leaves their ends', () => {
    expect(ids(toggle(ALL_SHOWN, THEMES))).toEqual({ nodes: [], links: ['ct', 'nt'] });
  });

  it('counts a link hidden for two reasons once', () => {
    expect(ids(toggle(toggle(ALL_SHOWN, CHARITY), THEMES))).toEqual({
      nodes: ['c'],
      links: ['cn', 'ct', 'nt'],
    });
  });
});
