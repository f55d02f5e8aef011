/**
 * The "after the meeting" quick link form and the links added with it, as pure state: pick two
 * of the meeting's linkable people and organisations, a kind, an optional note, Add; the form
 * then clears its pickers and stays ready for the next link. The links added in this visit are
 * kept (newest first) so the last ones can be undone.
 */
import type { Link, MeetingDetails, MeetingLinkRowInput } from '@octograph/graph-schema';

/** The kinds of link that form between people and organisations at a meeting, the usual first. */
export const MEETING_LINK_KINDS = [
  'COLLABORATES_WITH',
  'MEMBER_OF',
  'FUNDS',
  'WORKS_AT',
  'VOLUNTEERS_AT',
] as const;
export type MeetingLinkKind = (typeof MEETING_LINK_KINDS)[number];

/** Something a link made at the meeting may join (GET /api/meetings/:id `linkable`). */
export type Linkable = MeetingDetails['linkable'][number];

type EndKind = Linkable['kind'];

/** Which kinds of node each end of a kind of link may be (graph-schema LINK_RULES, in short). */
const ENDS: Record<MeetingLinkKind, { source: readonly EndKind[]; target: readonly EndKind[] }> = {
  COLLABORATES_WITH: { source: ['organisation'], target: ['organisation'] },
  FUNDS: { source: ['organisation'], target: ['organisation'] },
  MEMBER_OF: { source: ['person', 'organisation'], target: ['organisation'] },
  WORKS_AT: { source: ['person'], target: ['organisation'] },
  VOLUNTEERS_AT: { source: ['person'], target: ['organisation'] },
};

export interface QuickLinkForm {
  /** Node ids; '' while not chosen. */
  source: string;
  target: string;
  kind: MeetingLinkKind;
  notes: string;
}

export const EMPTY_QUICK_LINK: QuickLinkForm = {
  source: '',
  target: '',
  kind: 'COLLABORATES_WITH',
  notes: '',
};

export type QuickLinkAction =
  | { type: 'source'; id: string }
  | { type: 'target'; id: string }
  | { type: 'kind'; kind: MeetingLinkKind; linkable: readonly Linkable[] }
  | { type: 'notes'; notes: string }
  /** The link was added (or was already there): ready for the next one, same kind. */
  | { type: 'added' }
  /** A suggestion fills the form in. */
  | { type: 'fill'; source: string; target: string };

/** The choices for the first end of a link of this kind, by name. */
export function sourceChoices(kind: MeetingLinkKind, linkable: readonly Linkable[]): Linkable[] {
  return linkable.filter((node) => ENDS[kind].source.includes(node.kind));
}

/** The choices for the second end: of the right kind, and not the first end. */
export function targetChoices(
  kind: MeetingLinkKind,
  linkable: readonly Linkable[],
  source: string,
): Linkable[] {
  return linkable.filter((node) => ENDS[kind].target.includes(node.kind) && node.id !== source);
}

export function quickLinkReducer(state: QuickLinkForm, action: QuickLinkAction): QuickLinkForm {
  switch (action.type) {
    case 'source':
      // The same node cannot be both ends.
      return {
        ...state,
        source: action.id,
        target: state.target === action.id ? '' : state.target,
      };
    case 'target':
      return { ...state, target: action.id };
    case 'kind': {
      // An end that this kind cannot join is let go rather than sent to be refused.
      const fits = (id: string, choices: Linkable[]) =>
        choices.some((node) => node.id === id) ? id : '';
      const source = fits(state.source, sourceChoices(action.kind, action.linkable));
      const target = fits(state.target, targetChoices(action.kind, action.linkable, source));
      return { ...state, kind: action.kind, source, target };
    }
    case 'notes':
      return { ...state, notes: action.notes };
    case 'added':
      return { ...EMPTY_QUICK_LINK, kind: state.kind };
    case 'fill':
      return { ...EMPTY_QUICK_LINK, source: action.source, target: action.target };
  }
}

/** What still stops the form from being sent, or null when it can be. */
export function quickLinkProblem(form: QuickLinkForm): 'chooseSource' | 'chooseTarget' | null {
  if (form.source === '') return 'chooseSource';
  if (form.target === '' || form.target === form.source) return 'chooseTarget';
  return null;
}

/** The row POST /api/meetings/:id/links takes for the form. */
export function quickLinkRow(form: QuickLinkForm): MeetingLinkRowInput {
  const notes = form.notes.trim();
  return {
    source: form.source,
    target: form.target,
    kind: form.kind,
    ...(notes === '' ? {} : { notes }),
  };
}

/** The links added in this visit, newest first, and what the last answer was. */
export interface LinkSession {
  added: readonly Link[];
  /** What to tell the user about the last Add or Undo. */
  notice:
    | { type: 'added'; link: Link }
    | { type: 'existing'; link: Link }
    | { type: 'undone'; link: Link }
    | null;
}

export const EMPTY_SESSION: LinkSession = { added: [], notice: null };

export type LinkSessionAction =
  /** The answer of POST /api/meetings/:id/links for one or more rows. */
  | { type: 'result'; created: readonly Link[]; existing: readonly Link[] }
  /** DELETE /api/links/:id succeeded. */
  | { type: 'undone'; id: string };

export function linkSessionReducer(state: LinkSession, action: LinkSessionAction): LinkSession {
  switch (action.type) {
    case 'result': {
      const [firstExisting] = action.existing;
      const lastCreated = action.created[action.created.length - 1];
      const notice: LinkSession['notice'] = firstExisting
        ? { type: 'existing', link: firstExisting }
        : lastCreated
          ? { type: 'added', link: lastCreated }
          : state.notice;
      return { added: [...[...action.created].reverse(), ...state.added], notice };
    }
    case 'undone': {
      const link = state.added.find((item) => item.id === action.id);
      if (!link) return state;
      return {
        added: state.added.filter((item) => item.id !== action.id),
        notice: { type: 'undone', link },
      };
    }
  }
}

/** How many of the latest links keep an Undo button: the last few, not the whole evening. */
export const UNDOABLE_LINKS = 5;

/** The links of the session that may still be undone, newest first. */
export function undoableLinks(session: LinkSession): readonly Link[] {
  return session.added.slice(0, UNDOABLE_LINKS);
}
