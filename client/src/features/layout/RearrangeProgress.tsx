import './layout.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutJob } from '../../api/queries';
import { REARRANGE_POLL_MS, rearrangeNotice } from './rearrange-state';

/**
 * "Re-arranging the map… 42%" with a progress bar while the server re-arranges the map, and why
 * it failed if it did; nothing otherwise. Reads the same job as useRearrange (one query).
 */
export function RearrangeProgress() {
  const { t } = useTranslation();
  const job = useLayoutJob(REARRANGE_POLL_MS).data;
  // A failure shows only for a re-arrange this page saw running (state adjusted while rendering,
  // as React suggests for values derived from earlier renders).
  const [seenRunning, setSeenRunning] = useState(false);
  if (job?.state === 'running' && !seenRunning) setSeenRunning(true);
  const notice = rearrangeNotice(job, seenRunning);

  if (notice === null) return null;
  if (notice.kind === 'failed') {
    return (
      <div className="rearrange-progress rearrange-progress--failed" role="alert">
        {t('layout.failed', { reason: notice.reason })}
      </div>
    );
  }
  return (
    // A polite live region rather than role=status: the page's one status is the header's count.
    <div className="rearrange-progress" aria-live="polite">
      <span>{t('layout.running', { percent: notice.percent })}</span>
      <progress
        className="rearrange-progress__bar"
        max={100}
        value={notice.percent}
        aria-label={t('layout.progressLabel')}
      />
    </div>
  );
}
