import type { MapResponse } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import {
  bridgeHighlight,
  COMMUNITY_COLOURS,
  communityColours,
  groupHighlight,
  highlightedIds,
  INITIAL_INSIGHTS_MAP,
  insightsMapReducer,
  introductionHighlight,
} from '../../client/src/features/insights/insights-state.js';
import { mapLink, mapNode, mapOrg } from './client-fixtures.js';

const ref = (id: string) => ({ id, name: id, kind: 'organisation' as const });

/**
 * hub joins a–b (a chain) and c to the main part m1–m2–m3; d hangs off c. p is a project partner
 * of m1; t is a theme (not part of the collaboration network) linked to a.
 */
const MAP: MapResponse = {
  revision: 1,
  nodes: [
    ...['hub', 'a', 'b', 'c', 'd', 'm1', 'm2', 'm3'].map((id) => mapOrg(id, 'charity')),
    mapNode('p', 'project'),
    mapNode('t', 'theme'),
  ],
  links: [
    mapLink('l1', 'COLLABORATES_WITH', 'hub', 'a'),
    mapLink('l2', 'COLLABORATES_WITH', 'a', 'b'),
    mapLink('l3', 'MEMBER_OF', 'c', 'hub'),
    mapLink('l4', 'COLLABORATES_WITH', 'c', 'd'),
    mapLink('l5', 'COLLABORATES_WITH', 'hub', 'm1'),
    mapLink('l6', 'COLLABORATES_WITH', 'm1', 'm2'),
    mapLink('l7', 'COLLABORATES_WITH', 'm2', 'm3'),
    mapLink('l8', 'PARTNER_IN', 'm1', 'p'),
    mapLink('l9', 'FOCUSES_ON', 'a', 't'),
    mapLink('l10', 'FOCUSES_ON', 'm3', 't'),
  ],
};

describe('insightsMapReducer', () => {
  it('starts with no highlight and kind colours', () => {
    expect(INITIAL_INSIGHTS_MAP).toEqual({ highlight: null, colourByCommunity: false });
  });

  it('sets and clears a highlight, keeping the colouring', () => {
    const coloured = insightsMapReducer(INITIAL_INSIGHTS_MAP, {
      type: 'colourByCommunity',
      on: true,
    });
    const highlight = { primary: ['a'], members: ['b'] };
    const lit = insightsMapReducer(coloured, { type: 'highlight', highlight });
    expect(lit).toEqual({ highlight, colourByCommunity: true });
    expect(insightsMapReducer(lit, { type: 'clearHighlight' })).toEqual(coloured);
  });

  it('returns the same state for a change that changes nothing', () => {
    expect(insightsMapReducer(INITIAL_INSIGHTS_MAP, { type: 'clearHighlight' })).toBe(
      INITIAL_INSIGHTS_MAP,
    );
    expect(insightsMapReducer(INITIAL_INSIGHTS_MAP, { type: 'colourByCommunity', on: false })).toBe(
      INITIAL_INSIGHTS_MAP,
    );
  });
});

describe('highlights of findings', () => {
  it('highlights exactly the members of an island or a community', () => {
    const island = { id: 'x', size: 2, members: [ref('x'), ref('y')], explanation: '' };
    expect(groupHighlight(island)).toEqual({ primary: [], members: ['x', 'y'] });
    const community = { id: 0, size: 3, members: [ref('a'), ref('b'), ref('c')], explanation: '' };
    expect([...highlightedIds(groupHighlight(community))].sort()).toEqual(['a', 'b', 'c']);
  });

  it('highlights both organisations of an introduction', () => {
    const introduction = { a: ref('a'), b: ref('b'), score: 1, reasons: [], explanation: '' };
    expect(introductionHighlight(introduction)).toEqual({ primary: ['a', 'b'], members: [] });
  });

  it('highlights a bridge organisation with the parts it would cut off, not the main part', () => {
    const highlight = bridgeHighlight({ type: 'organisation', id: 'hub' }, MAP);
    expect(highlight.primary).toEqual(['hub']);
    // Without hub: m1, m2, m3, p (4) stay the main part; a–b and c–d are cut off. The theme t
    // joins a and m3 but is no collaboration link.
    expect([...highlight.members].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('highlights a bridge link with its two ends and the smaller side', () => {
    const link = { type: 'link' as const, id: 'l2', source: ref('a'), target: ref('b') };
    expect(bridgeHighlight(link, MAP)).toEqual({ primary: ['a', 'b'], members: [] });
    const toM1 = { type: 'link' as const, id: 'l5', source: ref('hub'), target: ref('m1') };
    const highlight = bridgeHighlight(toM1, MAP);
    expect(highlight.primary).toEqual(['hub', 'm1']);
    // hub's side (hub, a, b, c, d) is bigger than m1's (m1, m2, m3, p).
    expect([...highlight.members].sort()).toEqual(['m2', 'm3', 'p']);
  });

  it('highlights only the organisation when it is not on the map', () => {
    expect(bridgeHighlight({ type: 'organisation', id: 'gone' }, MAP)).toEqual({
      primary: ['gone'],
      members: [],
    });
  });
});

describe('communityColours', () => {
  it('gives every member its community colour, a different one per community', () => {
    const colours = communityColours([
      { id: 0, members: [ref('a'), ref('b')] },
      { id: 1, members: [ref('c')] },
    ]);
    expect(colours.get('a')).toBe(COMMUNITY_COLOURS[0]);
    expect(colours.get('b')).toBe(COMMUNITY_COLOURS[0]);
    expect(colours.get('c')).toBe(COMMUNITY_COLOURS[1]);
    expect(colours.has('d')).toBe(false);
  });

  it('repeats the palette past its end', () => {
    const colours = communityColours([{ id: COMMUNITY_COLOURS.length, members: [ref('z')] }]);
    expect(colours.get('z')).toBe(COMMUNITY_COLOURS[0]);
  });

  it('has distinct colours', () => {
    expect(new Set(COMMUNITY_COLOURS).size).toBe(COMMUNITY_COLOURS.length);
  });
});
