import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseButton } from '../../ui/CloseButton';
import { dispatchMeetingsScreen } from './meetings-screen-store';

/**
 * One page of the meetings screen (the list, or one meeting): a bar with the page's own heading
 * or back button and, always last, the way back to the map; below it the scrolling body.
 */
export function MeetingsPage({ bar, children }: { bar: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="meetings__scroll">
      <header className="meetings__bar">
        {bar}
        <CloseButton
          label={t('meetings.backToMap')}
          onClick={() => {
            dispatchMeetingsScreen({ type: 'close' });
          }}
        />
      </header>
      <div className="meetings__body">{children}</div>
    </div>
  );
}
