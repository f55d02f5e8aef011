import './meetings.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetings } from '../../api/queries';
import { CloseButton } from '../../ui/CloseButton';
import { useFilteredMap } from '../filters/use-filtered-map';
import { useFilters } from '../filters/filters-context';
import { meetingLinkIds } from './meeting-highlight';
import { dispatchMeetingsScreen } from './meetings-screen-store';

/**
 * Over the map while the meeting filter is on (`?meeting=`): which meeting's links stand out and
 * how many the map shows, a way back to the meeting, and × to stop.
 */
export function MeetingFilterBar() {
  const { t } = useTranslation();
  const { filters, setFilters } = useFilters();
  const meetingId = filters.meeting ?? null;
  const map = useFilteredMap().data;
  const meetings = useMeetings();
  const count = useMemo(
    () => (map && meetingId !== null ? meetingLinkIds(map, meetingId).length : null),
    [map, meetingId],
  );
  if (meetingId === null) return null;
  const name =
    meetings.data?.items.find((meeting) => meeting.id === meetingId)?.name ??
    t('meetings.filter.unknown');

  return (
    <div className="meeting-filter" role="group" aria-label={t('meetings.filter.label', { name })}>
      <span className="meeting-filter__swatch" aria-hidden="true" />
      <p className="meeting-filter__text">
        {count === null
          ? t('meetings.filter.label', { name })
          : t('meetings.filter.count', { count, name })}
      </p>
      <button
        type="button"
        className="pill-button"
        aria-label={t('meetings.filter.openLabel')}
        onClick={() => {
          dispatchMeetingsScreen({ type: 'showMeeting', id: meetingId });
        }}
      >
        {t('meetings.filter.open')}
      </button>
      <CloseButton
        label={t('meetings.filter.clear')}
        onClick={() => {
          setFilters(({ meeting: _dropped, ...rest }) => rest);
        }}
      />
    </div>
  );
}
