import { describe, expect, it } from 'vitest';
import {
  ALL_SHOWN,
  hiddenElements,
  isAllShown,
  isEntryHidden,
  isNodeHidden,
  legendVisibilityReducer,
  switchedOff,
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
    expect(state).toEqual({
      org: ['charity'],
      node: ['person'],
      link: [],
      attributesAsNodes: false,
    });
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

/** Themes and places drawn as nodes (the legend's checkbox), so only the switches hide. */
const AS_NODES: LegendVisibility = { ...ALL_SHOWN, attributesAsNodes: true };

describe('themes and places as attributes', () => {
  it('draws themes and places by default not as nodes, nor the lines to them', () => {
    const map = {
      nodes: [mapOrg('c', 'charity'), mapNode('t', 'theme'), mapNode('w', 'place')],
      links: [mapLink('ct', 'FOCUSES_ON', 'c', 't'), mapLink('cw', 'BASED_IN', 'c', 'w')],
    };
    const hidden = hiddenElements(ALL_SHOWN, map);
    expect([...hidden.nodes].sort()).toEqual(['t', 'w']);
    expect([...hidden.links].sort()).toEqual(['ct', 'cw']);
    expect(hiddenElements(AS_NODES, map).nodes.size).toBe(0);
  });

  it('counts as switched off only what a switch takes away from what is drawn', () => {
    const map = {
      nodes: [mapOrg('c', 'charity'), mapOrg('n', 'network'), mapNode('t', 'theme')],
      links: [mapLink('cn', 'MEMBER_OF', 'c', 'n'), mapLink('ct', 'FOCUSES_ON', 'c', 't')],
    };
    const off = switchedOff(toggle(ALL_SHOWN, CHARITY), map);
    expect([...off.nodes]).toEqual(['c']);
    expect([...off.links]).toEqual(['cn']);
    const asNodes = switchedOff(toggle(AS_NODES, CHARITY), map);
    expect([...asNodes.links].sort()).toEqual(['cn', 'ct']);
  });

  it('shows them as nodes on the checkbox, and show all leaves that choice alone', () => {
    const shown = legendVisibilityReducer(ALL_SHOWN, { type: 'attributesAsNodes', shown: true });
    expect(shown).toEqual(AS_NODES);
    expect(legendVisibilityReducer(shown, { type: 'attributesAsNodes', shown: true })).toBe(shown);
    const withCharityOff = toggle(shown, CHARITY);
    expect(legendVisibilityReducer(withCharityOff, { type: 'showAll' })).toEqual(AS_NODES);
  });
});

describe('isNodeHidden', () => {
  const state = toggle(toggle(AS_NODES, CHARITY), PEOPLE);

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
    expect(ids(AS_NODES)).toEqual({ nodes: [], links: [] });
  });

  it('hides the nodes of a hidden kind and every link that ends at one', () => {
    expect(ids(toggle(AS_NODES, CHARITY))).toEqual({ nodes: ['c'], links: ['cn', 'ct'] });
  });

  it('hides the links of a hidden kind and leaves their ends', () => {
    expect(ids(toggle(AS_NODES, THEMES))).toEqual({ nodes: [], links: ['ct', 'nt'] });
  });

  it('counts a link hidden for two reasons once', () => {
    expect(ids(toggle(toggle(AS_NODES, CHARITY), THEMES))).toEqual({
      nodes: ['c'],
      links: ['cn', 'ct', 'nt'],
    });
  });
});
