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

const ref = (id: string) => ({ id, name: id, kind: 'organisation' as const });

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
    const community = {
      id: 0,
      size: 3,
      members: [ref('a'), ref('b'), ref('c')],
      namedAfter: null,
      explanation: '',
    };
    expect([...highlightedIds(groupHighlight(community))].sort()).toEqual(['a', 'b', 'c']);
  });

  it('highlights both organisations of an introduction', () => {
    const introduction = { a: ref('a'), b: ref('b'), score: 1, reasons: [], explanation: '' };
    expect(introductionHighlight(introduction)).toEqual({ primary: ['a', 'b'], members: [] });
  });

  it('highlights a bridge organisation with exactly the ids the server says hang on it', () => {
    const item = {
      type: 'organisation' as const,
      id: 'hub',
      name: 'Hub',
      cutOff: 4,
      cutOffIds: ['a', 'b', 'c', 'd'],
      groupsCutOff: 2,
      explanation: '',
    };
    expect(bridgeHighlight(item)).toEqual({ primary: ['hub'], members: ['a', 'b', 'c', 'd'] });
  });

  it('highlights a bridge link with its two ends and the rest of the side hanging on it', () => {
    const item = {
      type: 'link' as const,
      id: 'l5',
      source: ref('hub'),
      target: ref('m1'),
      cutOff: 4,
      // The side hanging on the link holds its end m1 too, which is drawn as the link's own.
      cutOffIds: ['m1', 'm2', 'm3', 'p'],
      groupsCutOff: 1 as const,
      explanation: '',
    };
    expect(bridgeHighlight(item)).toEqual({ primary: ['hub', 'm1'], members: ['m2', 'm3', 'p'] });
    const single = { ...item, target: ref('m3'), cutOff: 1, cutOffIds: ['m3'] };
    expect(bridgeHighlight(single)).toEqual({ primary: ['hub', 'm3'], members: [] });
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
