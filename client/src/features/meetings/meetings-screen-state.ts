/**
 * Whether the main area shows the meetings (their list, or one meeting) instead of the map, as
 * pure state with its place in the URL (`?view=meetings&openMeeting=ID`), so a reload on a phone
 * right after a meeting comes back to the same screen.
 */
import { IdSchema } from '@octograph/graph-schema';

export interface MeetingsScreen {
  /** The meetings take the map's place. */
  open: boolean;
  /** The meeting shown; null: the list of meetings. */
  meetingId: string | null;
}

export type MeetingsScreenAction =
  | { type: 'toggle' }
  | { type: 'showList' }
  | { type: 'showMeeting'; id: string }
  | { type: 'close' };

export const CLOSED_MEETINGS: MeetingsScreen = { open: false, meetingId: null };

export function meetingsScreenReducer(
  state: MeetingsScreen,
  action: MeetingsScreenAction,
): MeetingsScreen {
  switch (action.type) {
    case 'toggle':
      // Coming back to the meetings finds the meeting left open; leaving keeps it for then.
      return { ...state, open: !state.open };
    case 'showList':
      return state.open && state.meetingId === null ? state : { open: true, meetingId: null };
    case 'showMeeting':
      return state.open && state.meetingId === action.id
        ? state
        : { open: true, meetingId: action.id };
    case 'close':
      return state.open ? { ...state, open: false } : state;
  }
}

/** The meetings screen a query string asks for; closed unless `view=meetings`. */
export function readMeetingsScreen(search: URLSearchParams): MeetingsScreen {
  if (search.get('view') !== 'meetings') return CLOSED_MEETINGS;
  const id = search.get('openMeeting');
  return { open: true, meetingId: id !== null && IdSchema.safeParse(id).success ? id : null };
}

/** Writes the meetings screen into a query string; nothing while the map shows. */
export function writeMeetingsScreen(search: URLSearchParams, screen: MeetingsScreen): void {
  if (!screen.open) return;
  search.set('view', 'meetings');
  if (screen.meetingId !== null) search.set('openMeeting', screen.meetingId);
}
