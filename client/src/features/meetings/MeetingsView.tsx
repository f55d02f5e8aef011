import './meetings.css';
import { useTranslation } from 'react-i18next';
import { MeetingList } from './MeetingList';
import { MeetingScreen } from './MeetingScreen';
import { useMeetingsScreen } from './meetings-screen-store';

/**
 * The meetings in the map's place: their list, or one meeting. Kept mounted while the map shows
 * (only hidden), so the links added in this visit, with their Undo, are still there after a
 * look at the map.
 */
export function MeetingsView() {
  const { t } = useTranslation();
  const { open, meetingId } = useMeetingsScreen();
  return (
    <section className="meetings" aria-label={t('meetings.title')} hidden={!open}>
      {meetingId === null ? (
        <MeetingList />
      ) : (
        // A new session (form, links added, undo) for each meeting.
        <MeetingScreen key={meetingId} meetingId={meetingId} />
      )}
    </section>
  );
}
