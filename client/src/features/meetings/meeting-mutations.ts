/**
 * The writes of the meetings screen, each followed by reading again what the store's new
 * revision changed (invalidateAfterWrite: the maps, insights, details and meetings).
 */
import type { AttendeeBody, CreateNodeInput, MeetingLinkRowInput } from '@octograph/graph-schema';
import {
  addMeetingLinks,
  createNode,
  deleteLink,
  removeAttendee,
  setAttendee,
  updateNode,
} from '../../api/client';
import { useGraphWrite } from '../../api/queries';
import type { AttendeeKind } from './attendee-choices';
import { createMeetingBody, updateMeetingBody, type MeetingDraft } from './meeting-draft';

/** Adds links formed at the meeting (POST /api/meetings/:id/links). */
export function useAddMeetingLinks(meetingId: string) {
  return useGraphWrite((links: readonly MeetingLinkRowInput[]) =>
    addMeetingLinks(meetingId, links),
  );
}

/** Undoes a link added here (DELETE /api/links/:id); resolves to its id. */
export function useUndoLink() {
  return useGraphWrite(async (id: string) => {
    await deleteLink(id);
    return id;
  });
}

/** Adds an attendee or changes what a person shares. */
export function useSetAttendee(meetingId: string) {
  return useGraphWrite(({ nodeId, body }: { nodeId: string; body: AttendeeBody }) =>
    setAttendee(meetingId, nodeId, body),
  );
}

/** Takes an attendee off the list. */
export function useRemoveAttendee(meetingId: string) {
  return useGraphWrite((nodeId: string) => removeAttendee(meetingId, nodeId));
}

/** What a new organisation or person needs: a name, and an organisation its kind. */
export interface NewAttendee {
  name: string;
  kind: AttendeeKind;
  orgKind: Extract<CreateNodeInput, { kind: 'organisation' }>['orgKind'];
}

/** Adds a new organisation or person to the directory, then to the meeting's attendees. */
export function useAddNewAttendee(meetingId: string) {
  return useGraphWrite(async (draft: NewAttendee) => {
    const body: CreateNodeInput =
      draft.kind === 'organisation'
        ? { kind: 'organisation', name: draft.name.trim(), orgKind: draft.orgKind }
        : { kind: 'person', name: draft.name.trim() };
    const node = await createNode(body);
    return setAttendee(meetingId, node.id, {});
  });
}

/** Creates a meeting (POST /api/nodes) or saves changes to one (PATCH); resolves to its id. */
export function useSaveMeeting(meetingId: string | null) {
  return useGraphWrite(async (draft: MeetingDraft) => {
    const node =
      meetingId === null
        ? await createNode(createMeetingBody(draft))
        : await updateNode(meetingId, updateMeetingBody(draft));
    return node.id;
  });
}
