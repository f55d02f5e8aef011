/**
 * Creating and editing a meeting (title, date, place, organiser, notes) as pure steps: the form's
 * draft from a stored meeting, what is missing, and the bodies of POST and PATCH /api/nodes.
 */
import type { CreateNodeInput, Meeting, UpdateNodeBody } from '@octograph/graph-schema';

export interface MeetingDraft {
  name: string;
  /** `YYYY-MM-DD` (a date input's value). */
  date: string;
  venue: string;
  organiser: string;
  notes: string;
}

/** The draft for editing `meeting`, or for a new meeting held on `today`. */
export function meetingDraft(meeting: Meeting | null, today: string): MeetingDraft {
  if (!meeting) return { name: '', date: today, venue: '', organiser: '', notes: '' };
  return {
    name: meeting.name,
    date: meeting.date,
    venue: meeting.venue ?? '',
    organiser: meeting.organiser ?? '',
    notes: meeting.notes,
  };
}

/** The fields that must be filled in before the meeting can be saved. */
export function missingFields(draft: MeetingDraft): ('name' | 'date')[] {
  const missing: ('name' | 'date')[] = [];
  if (draft.name.trim() === '') missing.push('name');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) missing.push('date');
  return missing;
}

function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** The fields both bodies carry: blanks become null (or '' for notes). */
function fieldsOf(draft: MeetingDraft) {
  return {
    name: draft.name.trim(),
    date: draft.date,
    venue: orNull(draft.venue),
    organiser: orNull(draft.organiser),
    notes: draft.notes.trim(),
  };
}

/** POST /api/nodes for a new meeting. */
export function createMeetingBody(draft: MeetingDraft): CreateNodeInput {
  return { kind: 'meeting', ...fieldsOf(draft) };
}

/** PATCH /api/nodes/:id for a changed meeting. */
export function updateMeetingBody(draft: MeetingDraft): UpdateNodeBody {
  return { kind: 'meeting', ...fieldsOf(draft) };
}
