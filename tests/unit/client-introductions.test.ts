/**
 * Acting on suggested introductions without React: the line a list shows after Introduce,
 * Dismiss or an undo, what its Undo does, which suggestions stay hidden meanwhile, and the
 * reasons in words (shared by the Insights panel and the details panel).
 */
import type { IntroductionItem, IntroductionReason } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import { reasonText } from '../../client/src/features/introductions/introduction-reasons.js';
import {
  introductionNoticeReducer,
  otherOf,
  pairKey,
  undoCommand,
  visibleIntroductions,
  type IntroductionNotice,
  type NamedPair,
} from '../../client/src/features/introductions/introductions-state.js';
import { englishI18n } from '../helpers/english-i18n.js';

const i18n = englishI18n();
const t = i18n.t;

const org = (id: string, name = id) => ({ id, name, kind: 'organisation' as const });
const pair = (a: string, b: string): NamedPair => ({ a: org(a), b: org(b) });
const suggestion = (a: string, b: string): IntroductionItem => ({
  ...pair(a, b),
  score: 1,
  reasons: [],
  explanation: `${a} and ${b} might meet`,
});

const linked: IntroductionNotice = { type: 'linked', pair: pair('x', 'y'), linkId: 'l-1' };
const dismissed: IntroductionNotice = { type: 'dismissed', pair: pair('x', 'y') };

describe('introductionNoticeReducer', () => {
  it('reports a link just made, with the id Undo deletes', () => {
    expect(
      introductionNoticeReducer(null, {
        type: 'succeeded',
        outcome: { type: 'linked', pair: pair('x', 'y'), linkId: 'l-1' },
      }),
    ).toEqual(linked);
  });

  it('reports a dismissal, replacing the line before it', () => {
    expect(
      introductionNoticeReducer(linked, {
        type: 'succeeded',
        outcome: { type: 'dismissed', pair: pair('x', 'y') },
      }),
    ).toEqual(dismissed);
  });

  it.each([
    ['unlinked', linked],
    ['restored', dismissed],
  ] as const)('clears the line once an undo (%s) succeeds', (type, before) => {
    expect(
      introductionNoticeReducer(before, {
        type: 'succeeded',
        outcome: { type, pair: pair('x', 'y') },
      }),
    ).toBeNull();
  });

  it('keeps the failed command and its error, for a retry', () => {
    const error = new Error('409');
    const command = { type: 'introduce', pair: pair('x', 'y') } as const;
    expect(introductionNoticeReducer(null, { type: 'failed', command, error })).toEqual({
      type: 'failed',
      command,
      error,
    });
  });

  it('closes the line', () => {
    expect(introductionNoticeReducer(linked, { type: 'close' })).toBeNull();
  });
});

describe('undoCommand', () => {
  it('deletes the link an introduction made', () => {
    expect(undoCommand(linked)).toEqual({ type: 'unlink', pair: pair('x', 'y'), linkId: 'l-1' });
  });

  it('restores a dismissed suggestion', () => {
    expect(undoCommand(dismissed)).toEqual({ type: 'restore', pair: pair('x', 'y') });
  });

  it('offers nothing to undo after a failure or when there is no line', () => {
    const failed: IntroductionNotice = {
      type: 'failed',
      command: { type: 'dismiss', pair: pair('x', 'y') },
      error: new Error('down'),
    };
    expect(undoCommand(failed)).toBeNull();
    expect(undoCommand(null)).toBeNull();
  });
});

describe('pairKey', () => {
  it('is the same in either order and differs between pairs', () => {
    expect(pairKey('a', 'b')).toBe(pairKey('b', 'a'));
    expect(pairKey('a', 'b')).not.toBe(pairKey('a', 'c'));
  });
});

describe('visibleIntroductions', () => {
  const items = [suggestion('a', 'b'), suggestion('y', 'x'), suggestion('x', 'z')];

  it('hides the pair just linked or dismissed, in either order, until the list is read again', () => {
    expect(visibleIntroductions(items, linked)).toEqual([items[0], items[2]]);
    expect(visibleIntroductions(items, dismissed)).toEqual([items[0], items[2]]);
  });

  it('hides nothing when there is no line or the command failed', () => {
    expect(visibleIntroductions(items, null)).toEqual(items);
    const failed: IntroductionNotice = {
      type: 'failed',
      command: { type: 'introduce', pair: pair('x', 'y') },
      error: new Error('409'),
    };
    expect(visibleIntroductions(items, failed)).toEqual(items);
  });
});

describe('otherOf', () => {
  it('names the other organisation of a suggestion, whichever end it is', () => {
    expect(otherOf(pair('a', 'b'), 'a').id).toBe('b');
    expect(otherOf(pair('a', 'b'), 'b').id).toBe('a');
  });
});

describe('reasonText', () => {
  const named: NamedPair = { a: org('o1', 'Food Bank'), b: org('o2', 'Men’s Shed') };
  const cases: [IntroductionReason, string][] = [
    [
      {
        type: 'sharedThemes',
        themes: [
          { id: 't1', name: 'wellbeing', kind: 'theme' },
          { id: 't2', name: 'older people', kind: 'theme' },
        ],
      },
      'Both work on wellbeing and older people',
    ],
    [
      { type: 'samePlace', places: [{ id: 'p1', name: 'Devonport', kind: 'place' }] },
      'Both based in Devonport',
    ],
    [{ type: 'sharedValues', values: ['inclusion'] }, 'Shared values: inclusion'],
    [
      { type: 'offersMeetNeeds', from: 'o2', to: 'o1', tags: ['volunteers', 'transport'] },
      'Men’s Shed offers what Food Bank needs: volunteers and transport',
    ],
    [
      {
        type: 'friendsInCommon',
        friends: [org('f1', 'Library')],
        adamicAdar: 0.7,
      },
      '1 partner in common: Library',
    ],
    [
      {
        type: 'friendsInCommon',
        friends: [org('f1', 'Library'), org('f2', 'Café')],
        adamicAdar: 1.4,
      },
      '2 partners in common: Library and Café',
    ],
  ];

  it.each(cases)('says %j in words', (reason, text) => {
    expect(reasonText(reason, named, t)).toBe(text);
  });
});
