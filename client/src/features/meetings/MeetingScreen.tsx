import { useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attendeePackUrl } from '../../api/client';
import { useMeeting } from '../../api/queries';
import { formatDate } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFilters } from '../filters/filters-context';
import { useCanEdit } from '../account/session';
import { AttendeeList } from './AttendeeList';
import { MeetingEditor } from './MeetingEditor';
import { MeetingSuggestions } from './MeetingSuggestions';
import { MeetingsPage } from './MeetingsPage';
import { QuickLinkForm } from './QuickLinkForm';
import { EMPTY_SESSION, linkSessionReducer } from './quick-link-state';
import { dispatchMeetingsScreen } from './meetings-screen-store';
import { pickLanguage } from '../../i18n/languages';

/**
 * One meeting, laid out for a phone right after it: the quick link form first (with the links
 * added in this visit and their Undo), then suggestions among the attendees, who came (with what
 * each person shares), and the attendee list to send round.
 */
export function MeetingScreen({ meetingId }: { meetingId: string }) {
  const { t, i18n } = useTranslation();
  const canEdit = useCanEdit();
  const details = useMeeting(meetingId);
  const { setFilters } = useFilters();
  const [editing, setEditing] = useState(false);
  // The links added in this visit; the suggestions add into it too, so they can be undone.
  const [session, dispatchSession] = useReducer(linkSessionReducer, EMPTY_SESSION);
  const data = details.data;
  const names = useMemo(
    () =>
      new Map(
        [...(data?.linkable ?? []), ...(data?.others ?? [])].map((node) => [node.id, node.name]),
      ),
    [data],
  );

  const showOnMap = () => {
    setFilters((filters) => ({ ...filters, meeting: meetingId }));
    dispatchMeetingsScreen({ type: 'close' });
  };

  return (
    <MeetingsPage
      bar={
        <button
          type="button"
          className="meetings__back"
          onClick={() => {
            dispatchMeetingsScreen({ type: 'showList' });
          }}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M10 3 5 8l5 5" />
          </svg>
          {t('meetings.backToList')}
        </button>
      }
    >
      {details.isPending && <p className="muted">{t('meetings.loading')}</p>}
      {details.isError && (
        <ErrorNotice
          error={details.error}
          onRetry={() => {
            void details.refetch();
          }}
        />
      )}
      {data && (
        <>
          {editing ? (
            <MeetingEditor
              meeting={data.meeting}
              onDone={() => {
                setEditing(false);
              }}
            />
          ) : (
            <div className="meeting-head">
              <h2 className="meetings__title">{data.meeting.name}</h2>
              <p className="meetings__subtitle">
                {data.meeting.venue
                  ? t('meetings.whenWhere', {
                      date: formatDate(data.meeting.date, i18n.language),
                      venue: data.meeting.venue,
                    })
                  : t('meetings.when', { date: formatDate(data.meeting.date, i18n.language) })}
              </p>
              {data.meeting.organiser && (
                <p className="meetings__subtitle">
                  {t('meetings.organisedBy', { organiser: data.meeting.organiser })}
                </p>
              )}
              {data.meeting.notes !== '' && (
                <p className="meeting-head__notes">{data.meeting.notes}</p>
              )}
              <div className="meeting-head__actions">
                <button type="button" className="button button--secondary" onClick={showOnMap}>
                  {t('meetings.showOnMap')}
                </button>
                {canEdit && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => {
                      setEditing(true);
                    }}
                  >
                    {t('meetings.edit')}
                  </button>
                )}
              </div>
            </div>
          )}
          <QuickLinkForm
            details={data}
            names={names}
            session={session}
            onSession={dispatchSession}
          />
          <MeetingSuggestions meetingId={meetingId} onSession={dispatchSession} />
          <AttendeeList details={data} />
          <section className="meetings__section" aria-labelledby={`${meetingId}-pack`}>
            <h3 className="meetings__section-title" id={`${meetingId}-pack`}>
              {t('meetings.pack.title')}
            </h3>
            <p className="meetings__hint">{t('meetings.pack.hint')}</p>
            <div className="meeting-pack">
              <a
                className="button button--secondary"
                href={attendeePackUrl(meetingId, 'csv', pickLanguage([i18n.language]))}
                download
              >
                {t('meetings.pack.csv')}
              </a>
              <a
                className="button button--secondary"
                href={attendeePackUrl(meetingId, 'html', pickLanguage([i18n.language]))}
                target="_blank"
                rel="noopener"
              >
                {t('meetings.pack.html')}
              </a>
            </div>
          </section>
        </>
      )}
    </MeetingsPage>
  );
}
