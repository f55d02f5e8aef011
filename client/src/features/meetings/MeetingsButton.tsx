import './meetings.css';
import { useTranslation } from 'react-i18next';
import { dispatchMeetingsScreen, useMeetingsScreen } from './meetings-screen-store';

/** The header's switch between the map and the meetings (pressed while the meetings show). */
export function MeetingsButton() {
  const { t } = useTranslation();
  const { open } = useMeetingsScreen();
  return (
    <button
      type="button"
      className="pill-button meetings-button"
      aria-pressed={open}
      title={open ? t('meetings.backToMap') : t('meetings.open')}
      onClick={() => {
        dispatchMeetingsScreen({ type: 'toggle' });
      }}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <rect x="2.5" y="3.5" width="11" height="10" rx="1.5" />
        <path d="M2.5 6.5h11M5.5 2v3M10.5 2v3" />
      </svg>
      <span className="meetings-button__text">{t('meetings.title')}</span>
    </button>
  );
}
