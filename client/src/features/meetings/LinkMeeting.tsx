import { useTranslation } from 'react-i18next';
import { useMeetings } from '../../api/queries';
import { dispatchMeetingsScreen } from './meetings-screen-store';

/**
 * "at <meeting>" beside a link in the details panel: the meeting it formed at, opening that
 * meeting. The name comes from the list of meetings (one cached query for every link).
 */
export function LinkMeeting({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const meetings = useMeetings();
  const meeting = meetings.data?.items.find((item) => item.id === meetingId);
  if (!meeting) return null;
  return (
    <button
      type="button"
      className="link-meeting"
      title={t('meetings.linkMeetingLabel', { name: meeting.name })}
      onClick={() => {
        dispatchMeetingsScreen({ type: 'showMeeting', id: meetingId });
      }}
    >
      {t('meetings.linkMeeting', { name: meeting.name })}
    </button>
  );
}
