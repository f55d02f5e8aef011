import type { Attendee, MeetingDetails } from '@octograph/graph-schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useCanEdit } from '../account/session';
import { AddAttendee } from './AddAttendee';
import { useRemoveAttendee, useSetAttendee } from './meeting-mutations';

/** When and by whom a person's consent was recorded, or that it was not. */
function ConsentRecord({
  attendee,
  recorders,
}: {
  attendee: Attendee;
  recorders: MeetingDetails['recorders'];
}) {
  const { t, i18n } = useTranslation();
  const consent = attendee.consent;
  if (!consent) return <p className="attendee__recorded">{t('meetings.attendees.notRecorded')}</p>;
  const when = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(consent.recordedAt));
  return (
    <p className="attendee__recorded">
      {consent.recordedBy !== null && consent.recordedBy in recorders
        ? t('meetings.attendees.recordedBy', { when, who: recorders[consent.recordedBy] })
        : t('meetings.attendees.recorded', { when })}
    </p>
  );
}

/**
 * Who came: each person with their workplaces and two consent switches (share email, share
 * phone; both off until the person says yes), each organisation by name; editors can take someone
 * off the list or add someone (AddAttendee).
 */
export function AttendeeList({ details }: { details: MeetingDetails }) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const id = useId();
  const meetingId = details.meeting.id;
  const setAttendee = useSetAttendee(meetingId);
  const remove = useRemoveAttendee(meetingId);

  return (
    <section className="meetings__section" aria-labelledby={`${id}-title`}>
      <h3 className="meetings__section-title" id={`${id}-title`}>
        {t('meetings.attendees.title')}
        <span className="meetings__count">
          {t('meetings.attendees.count', { count: details.attendees.length })}
        </span>
      </h3>
      {details.attendees.length === 0 && <p className="muted">{t('meetings.attendees.none')}</p>}
      {canEdit && <AddAttendee details={details} />}
      {(setAttendee.isError || remove.isError) && (
        <ErrorNotice error={setAttendee.error ?? remove.error} compact />
      )}
      <ul className="attendee-list">
        {details.attendees.map((attendee) => {
          const consent = attendee.consent;
          const share = (field: 'shareEmail' | 'sharePhone', on: boolean) => {
            setAttendee.mutate({
              nodeId: attendee.id,
              body: {
                shareEmail: consent?.shareEmail ?? false,
                sharePhone: consent?.sharePhone ?? false,
                [field]: on,
              },
            });
          };
          return (
            <li key={attendee.id} className="attendee">
              <div className="attendee__head">
                <div className="attendee__who">
                  <span className="attendee__name">{attendee.name}</span>
                  <span className="attendee__detail">
                    {attendee.kind === 'organisation'
                      ? t('meetings.attendees.organisation')
                      : [
                          attendee.role,
                          attendee.organisations.length > 0
                            ? t('meetings.attendees.worksAt', {
                                names: attendee.organisations.map((org) => org.name),
                              })
                            : null,
                        ]
                          .filter((part) => part !== null && part !== '')
                          .join(' · ')}
                  </span>
                </div>
                {canEdit && (
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t('meetings.attendees.removeLabel', { name: attendee.name })}
                    disabled={remove.isPending}
                    onClick={() => {
                      remove.mutate(attendee.id);
                    }}
                  >
                    {t('meetings.attendees.remove')}
                  </button>
                )}
              </div>
              {attendee.kind === 'person' && (
                <fieldset
                  className="attendee__consent"
                  aria-label={t('meetings.attendees.consentLabel', { name: attendee.name })}
                  disabled={!canEdit || setAttendee.isPending}
                >
                  <label className="switch">
                    <input
                      type="checkbox"
                      role="switch"
                      checked={consent?.shareEmail ?? false}
                      onChange={(event) => {
                        share('shareEmail', event.target.checked);
                      }}
                    />
                    <span>{t('meetings.attendees.shareEmail')}</span>
                  </label>
                  <label className="switch">
                    <input
                      type="checkbox"
                      role="switch"
                      checked={consent?.sharePhone ?? false}
                      onChange={(event) => {
                        share('sharePhone', event.target.checked);
                      }}
                    />
                    <span>{t('meetings.attendees.sharePhone')}</span>
                  </label>
                  <ConsentRecord attendee={attendee} recorders={details.recorders} />
                </fieldset>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
