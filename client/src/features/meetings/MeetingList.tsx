import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetings } from '../../api/queries';
import { formatDate } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useCanEdit } from '../account/session';
import { MeetingEditor } from './MeetingEditor';
import { MeetingsPage } from './MeetingsPage';
import { dispatchMeetingsScreen } from './meetings-screen-store';

/** Every meeting, the latest first, each opening its screen; "New meeting" for editors. */
export function MeetingList() {
  const { t, i18n } = useTranslation();
  const canEdit = useCanEdit();
  const meetings = useMeetings();
  const [creating, setCreating] = useState(false);
  const items = meetings.data?.items ?? [];

  return (
    <MeetingsPage
      bar={
        <>
          <div className="meetings__heading">
            <h2 className="meetings__title">{t('meetings.title')}</h2>
            {meetings.data && (
              <p className="meetings__subtitle">
                {t('meetings.count', { count: meetings.data.items.length })}
              </p>
            )}
          </div>
          {canEdit && !creating && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setCreating(true);
              }}
            >
              {t('meetings.newMeeting')}
            </button>
          )}
        </>
      }
    >
      {creating && (
        <MeetingEditor
          meeting={null}
          onDone={(id) => {
            setCreating(false);
            if (id !== null) dispatchMeetingsScreen({ type: 'showMeeting', id });
          }}
        />
      )}
      {meetings.isPending && <p className="muted">{t('meetings.loading')}</p>}
      {meetings.isError && (
        <ErrorNotice
          error={meetings.error}
          onRetry={() => {
            void meetings.refetch();
          }}
        />
      )}
      {meetings.data && items.length === 0 && <p className="muted">{t('meetings.empty')}</p>}
      <ul className="meeting-list">
        {items.map((meeting) => (
          <li key={meeting.id}>
            <button
              type="button"
              className="meeting-list__item"
              onClick={() => {
                dispatchMeetingsScreen({ type: 'showMeeting', id: meeting.id });
              }}
            >
              <span className="meeting-list__name">{meeting.name}</span>
              <span className="meeting-list__when">
                {meeting.venue
                  ? t('meetings.whenWhere', {
                      date: formatDate(meeting.date, i18n.language),
                      venue: meeting.venue,
                    })
                  : t('meetings.when', { date: formatDate(meeting.date, i18n.language) })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </MeetingsPage>
  );
}
