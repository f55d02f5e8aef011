/**
 * Acting on suggested introductions, as pure state: what a click asks the server to do (a
 * command), what came of it (an outcome), and the one line a list shows afterwards (the notice:
 * "Linked A and B · Undo", or why it failed). Also which suggestions a list leaves out while the
 * server's new answer is on its way.
 */
import type { InsightNodeRef, IntroductionItem } from '@octograph/graph-schema';

/** Two organisations, with their names (a suggestion or a dismissed one). */
export interface NamedPair {
  a: InsightNodeRef;
  b: InsightNodeRef;
}

/** What a click asks the server to do. */
export type IntroductionCommand =
  /** Accept the suggestion: link the pair. */
  | { type: 'introduce'; pair: NamedPair }
  /** Never suggest the pair again. */
  | { type: 'dismiss'; pair: NamedPair }
  /** Undo an introduction: delete the link it created. */
  | { type: 'unlink'; pair: NamedPair; linkId: string }
  /** Undo a dismissal: the pair may be suggested again. */
  | { type: 'restore'; pair: NamedPair };

/** What came of a command that succeeded. */
export type IntroductionOutcome =
  | { type: 'linked'; pair: NamedPair; linkId: string }
  | { type: 'dismissed'; pair: NamedPair }
  | { type: 'unlinked'; pair: NamedPair }
  | { type: 'restored'; pair: NamedPair };

/** The line a list shows after a command: what was done (with its undo), or why it failed. */
export type IntroductionNotice =
  | { type: 'linked'; pair: NamedPair; linkId: string }
  | { type: 'dismissed'; pair: NamedPair }
  | { type: 'failed'; command: IntroductionCommand; error: unknown };

export type IntroductionNoticeAction =
  | { type: 'succeeded'; outcome: IntroductionOutcome }
  | { type: 'failed'; command: IntroductionCommand; error: unknown }
  | { type: 'close' };

export function introductionNoticeReducer(
  state: IntroductionNotice | null,
  action: IntroductionNoticeAction,
): IntroductionNotice | null {
  switch (action.type) {
    case 'succeeded':
      switch (action.outcome.type) {
        case 'linked':
        case 'dismissed':
          return action.outcome;
        // An undo needs no line of its own: the suggestion is back in the list.
        case 'unlinked':
        case 'restored':
          return null;
      }
      break;
    case 'failed':
      return { type: 'failed', command: action.command, error: action.error };
    case 'close':
      return null;
  }
}

/** The command that undoes what the notice reports; null when there is nothing to undo. */
export function undoCommand(notice: IntroductionNotice | null): IntroductionCommand | null {
  if (notice === null) return null;
  switch (notice.type) {
    case 'linked':
      return { type: 'unlink', pair: notice.pair, linkId: notice.linkId };
    case 'dismissed':
      return { type: 'restore', pair: notice.pair };
    case 'failed':
      return null;
  }
}

/** One key per pair, the same in either order. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * The suggestions a list shows: all but the pair just linked or dismissed, which the server's
 * next answer leaves out too; hiding it at once keeps it from being clicked twice meanwhile.
 */
export function visibleIntroductions(
  items: readonly IntroductionItem[],
  notice: IntroductionNotice | null,
): IntroductionItem[] {
  if (notice === null || notice.type === 'failed') return [...items];
  const hidden = pairKey(notice.pair.a.id, notice.pair.b.id);
  return items.filter((item) => pairKey(item.a.id, item.b.id) !== hidden);
}

/** The other organisation of a suggestion for `id`. */
export function otherOf(item: NamedPair, id: string): InsightNodeRef {
  return item.a.id === id ? item.b : item.a;
}
