import './introductions.css';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CloseButton } from '../../ui/CloseButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useCanEdit } from '../account/session';
import type { IntroductionActions } from './introduction-queries';
import { undoCommand, type IntroductionCommand } from './introductions-state';

/** "Could not link A and B", and the like: what failed, above the error itself. */
function failedText(command: IntroductionCommand, t: TFunction): string {
  const names = { a: command.pair.a.name, b: command.pair.b.name };
  switch (command.type) {
    case 'introduce':
      return t('insights.introductions.failed.introduce', names);
    case 'dismiss':
      return t('insights.introductions.failed.dismiss', names);
    case 'unlink':
      return t('insights.introductions.failed.unlink', names);
    case 'restore':
      return t('insights.introductions.failed.restore', names);
  }
}

/**
 * What the last Introduce or Dismiss did, with an Undo: "Linked A and B · Undo". When a command
 * failed, why, with a retry. Read out when it changes (aria-live; not role="status", which is the
 * page's status line).
 */
export function IntroductionNoticeLine({ actions }: { actions: IntroductionActions }) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const { notice } = actions;
  const undo = undoCommand(notice);
  return (
    <div className="introduction-notice" aria-live="polite">
      {notice !== null && (
        <div className="introduction-notice__line">
          {notice.type === 'failed' ? (
            <div className="introduction-notice__failed">
              <p className="introduction-notice__text">{failedText(notice.command, t)}</p>
              <ErrorNotice
                compact
                error={notice.error}
                onRetry={() => {
                  actions.run(notice.command);
                }}
              />
            </div>
          ) : (
            <p className="introduction-notice__text">
              {t(
                notice.type === 'linked'
                  ? 'insights.introductions.linked'
                  : 'insights.introductions.dismissed',
                { a: notice.pair.a.name, b: notice.pair.b.name },
              )}
            </p>
          )}
          {undo !== null && canEdit && (
            <button
              type="button"
              className="sheet__action"
              disabled={actions.busy}
              onClick={() => {
                actions.run(undo);
              }}
            >
              {t('insights.introductions.undo')}
            </button>
          )}
          <CloseButton
            label={t('insights.introductions.closeNotice')}
            onClick={actions.closeNotice}
          />
        </div>
      )}
    </div>
  );
}
