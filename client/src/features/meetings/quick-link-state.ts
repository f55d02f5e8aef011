/**
 * The "after the meeting" quick link form and the links added with it, as pure state. Two
 * type-ahead pickers (the meeting's people and organisations first, then anyone by name), the
 * kinds of link the rules allow between the two (graph-schema `linkChoices`, the most likely
 * chosen), an optional note, Add.
 *
 * What stays after Add, so the next link is the fastest: the first end and the kind. Links at a
 * meeting cluster around one person or group ("we'll work with X, and with Y"), so keeping the
 * first end turns the next link into "pick the second, Add"; when the next link starts elsewhere,
 * one tap on Change lets it go. The kind is kept when the next pair may have it (an editor who
 * chose "funds" once is likely to record more funding), otherwise the most likely is chosen
 * again. The second end and the note are cleared. The links added in this visit are kept (newest
 * first) so the last ones can be undone.
 */
import {
  linkChoices,
  type Link,
  type LinkChoice,
  type LinkKind,
  type MeetingDetails,
  type MeetingLinkRowInput,
  type NodeKind,
  type OrganisationKind,
} from '@octograph/graph-schema';
import type { PickerNode } from '../editing/picker-choices';

/** The meeting's side of a link made there (GET /api/meetings/:id `linkable`). */
export type Linkable = MeetingDetails['linkable'][number];

/** What a picker knows of a node: enough for the link rules. */
type EndpointOf = { kind: NodeKind; orgKind: OrganisationKind | null };

/** A link made at a meeting joins people and organisations (the rules decide how). */
export function isMeetingEnd(node: EndpointOf): boolean {
  return node.kind === 'person' || node.kind === 'organisation';
}

/**
 * The links the two may have as a link made at the meeting, the most likely first, each with
 * its direction. Attendance is the attendee list's business, never a link added here.
 */
export function meetingLinkChoices<N extends EndpointOf>(first: N, second: N): LinkChoice<N>[] {
  if (!isMeetingEnd(first) || !isMeetingEnd(second)) return [];
  return linkChoices(first, second).filter((choice) => choice.kind !== 'ATTENDED');
}

/** Which nodes a picker lists: those the other end, once chosen, may have a link with. */
export function acceptsOtherEnd(other: PickerNode | null): (node: EndpointOf) => boolean {
  return (node) =>
    isMeetingEnd(node) && (other === null || meetingLinkChoices(other, node).length > 0);
}

export interface QuickLinkForm {
  /** The end picked first ("Who"), and the second ("With"); null while not chosen. */
  first: PickerNode | null;
  second: PickerNode | null;
  /** The kind chosen or last used; offered again while the pair may have it. */
  kind: LinkKind | null;
  notes: string;
}

export const EMPTY_QUICK_LINK: QuickLinkForm = { first: null, second: null, kind: null, notes: '' };

export type QuickLinkAction =
  | { type: 'first'; node: PickerNode }
  | { type: 'second'; node: PickerNode }
  /** "Change": let go of an end to pick another. */
  | { type: 'clear'; end: 'first' | 'second' }
  | { type: 'kind'; kind: LinkKind }
  | { type: 'notes'; notes: string }
  /** The link was added (or was already there): ready for the next one (see the file comment). */
  | { type: 'added'; kind: LinkKind };

/** The link the form would add now: the chosen kind if the pair may have it, else the likeliest. */
export function chosenLink(form: QuickLinkForm): LinkChoice<PickerNode> | null {
  if (form.first === null || form.second === null) return null;
  const choices = meetingLinkChoices(form.first, form.second);
  return choices.find((choice) => choice.kind === form.kind) ?? choices[0] ?? null;
}

export function quickLinkReducer(state: QuickLinkForm, action: QuickLinkAction): QuickLinkForm {
  switch (action.type) {
    case 'first': {
      // A second end that cannot be linked with the new first (or is the same node) is let go
      // rather than sent to be refused.
      const second = state.second;
      const keeps =
        second !== null &&
        second.id !== action.node.id &&
        meetingLinkChoices(action.node, second).length > 0;
      return { ...state, first: action.node, second: keeps ? second : null };
    }
    case 'second':
      return action.node.id === state.first?.id ? state : { ...state, second: action.node };
    case 'clear':
      return { ...state, [action.end]: null };
    case 'kind':
      return { ...state, kind: action.kind };
    case 'notes':
      return { ...state, notes: action.notes };
    case 'added':
      return { ...state, second: null, kind: action.kind, notes: '' };
  }
}

/** What still stops the form from being sent, or null when it can be. */
export function quickLinkProblem(
  form: QuickLinkForm,
  linkable: readonly Linkable[],
): 'chooseSource' | 'chooseTarget' | 'noKind' | 'notAtMeeting' | null {
  if (form.first === null) return 'chooseSource';
  if (form.second === null) return 'chooseTarget';
  if (chosenLink(form) === null) return 'noKind';
  const { first, second } = form;
  const atMeeting = (id: string) => linkable.some((node) => node.id === id);
  if (!atMeeting(first.id) && !atMeeting(second.id)) return 'notAtMeeting';
  return null;
}

/** The row POST /api/meetings/:id/links takes for the form, or null while it cannot be sent. */
export function quickLinkRow(form: QuickLinkForm): MeetingLinkRowInput | null {
  const choice = chosenLink(form);
  if (choice === null) return null;
  const notes = form.notes.trim();
  return {
    source: choice.source.id,
    target: choice.target.id,
    kind: choice.kind,
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
