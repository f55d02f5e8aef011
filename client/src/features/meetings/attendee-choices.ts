/**
 * Adding someone to a meeting's attendees, as pure steps: which search results can be added, and
 * whether a new name is too like one already in the directory ("did you mean …?").
 */
import type { GraphNode, MeetingDetails, SimilarNodes } from '@octograph/graph-schema';

/** A person or organisation that can be added (search results of other kinds are left out). */
export interface AttendeeChoice {
  id: string;
  name: string;
  kind: 'person' | 'organisation';
}

/** The kinds of node that can attend a meeting. */
export type AttendeeKind = AttendeeChoice['kind'];

/** The search results that could attend: people and organisations not already on the list. */
export function attendeeChoices(
  results: readonly GraphNode[],
  attendees: MeetingDetails['attendees'],
): AttendeeChoice[] {
  const attending = new Set(attendees.map((attendee) => attendee.id));
  return results.flatMap((node) =>
    (node.kind === 'person' || node.kind === 'organisation') && !attending.has(node.id)
      ? [{ id: node.id, name: node.name, kind: node.kind }]
      : [],
  );
}

/**
 * The directory's names like the one about to be added as new, of the same kind: what to ask
 * "did you mean …?" about. Empty when the name is blank.
 */
export function didYouMean(
  name: string,
  kind: AttendeeKind,
  similar: SimilarNodes['items'],
  attendees: MeetingDetails['attendees'],
): (AttendeeChoice & { attending: boolean })[] {
  if (name.trim() === '') return [];
  // One already on the list is still named (it answers the question), but not added again:
  // adding a person again would reset what they agreed to share.
  const attending = new Set(attendees.map((attendee) => attendee.id));
  return similar.flatMap((item) =>
    item.kind === kind
      ? [{ id: item.id, name: item.name, kind: item.kind, attending: attending.has(item.id) }]
      : [],
  );
}
