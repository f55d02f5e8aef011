import './backups.css';
import type { BackUpResult } from '@octograph/graph-schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupDownloadUrl } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Modal } from '../../ui/Modal';
import { FormError } from '../account/FormError';
import { checkState, formatSize } from './backups-format';
import { useBackUpNow, useBackups } from './backups-queries';

/**
 * Backups (admins, issue 22): the schedule and retention, any problem with the last backup, the
 * backups (date, revision, size, check) each with a download link, and "Back up now".
 */
export function BackupsDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const backups = useBackups(true);
  const backUp = useBackUpNow();
  const [outcome, setOutcome] = useState<BackUpResult | null>(null);
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const list = backups.data;

  return (
    <Modal title={t('backups.title')} onClose={onClose} className="backups-dialog">
      <p className="account-form__intro">{t('backups.intro')}</p>
      {backups.isPending && <p className="muted">{t('backups.loading')}</p>}
      {backups.isError && (
        <ErrorNotice
          error={backups.error}
          compact
          onRetry={() => {
            void backups.refetch();
          }}
        />
      )}
      {list && !list.supported && (
        <p className="backups-dialog__note">{t('backups.unsupported')}</p>
      )}
      {list?.supported && (
        <>
          <p className="backups-dialog__schedule muted">
            {list.intervalHours > 0
              ? t('backups.schedule', { count: list.intervalHours })
              : t('backups.unscheduled')}{' '}
            {list.nextAt !== null && t('backups.nextAt', { when: when(list.nextAt) })}{' '}
            {t('backups.keep', list.keep)}
          </p>
          {list.problem !== null && (
            <p className="backups-dialog__problem" role="alert">
              {t('backups.problem', { when: when(list.problem.at), message: list.problem.message })}
            </p>
          )}
          <div className="backups-dialog__actions">
            <button
              type="button"
              className="button"
              disabled={backUp.isPending}
              onClick={() => {
                setOutcome(null);
                backUp.mutate(undefined, { onSuccess: setOutcome });
              }}
            >
              {backUp.isPending ? t('backups.backingUp') : t('backups.backUpNow')}
            </button>
            <span role="status" className="backups-dialog__outcome">
              {outcome?.outcome === 'created' &&
                t('backups.created', { revision: outcome.backup.revision })}
              {outcome?.outcome === 'unchanged' &&
                t('backups.unchanged', { when: when(outcome.backup.takenAt) })}
            </span>
          </div>
          {backUp.isError && <FormError error={backUp.error} title={t('backups.failed')} />}
          <p className="muted">
            {list.items.length === 0
              ? t('backups.none')
              : t('backups.count', { count: list.items.length })}
          </p>
          {list.items.length > 0 && (
            <table className="backups-table">
              <thead>
                <tr>
                  <th scope="col">{t('backups.date')}</th>
                  <th scope="col">{t('backups.revision')}</th>
                  <th scope="col">{t('backups.size')}</th>
                  <th scope="col">{t('backups.checked')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('backups.download')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((backup) => {
                  const check = checkState(backup);
                  return (
                    <tr key={backup.name}>
                      <td>
                        {when(backup.takenAt)}
                        {backup.origin === 'beforeRestore' && (
                          <span className="muted"> ({t('backups.beforeRestore')})</span>
                        )}
                        {backup.counts && (
                          <span className="backups-table__contents muted">
                            {t('backups.contents', backup.counts)}
                          </span>
                        )}
                      </td>
                      <td>{backup.revision}</td>
                      <td>{formatSize(backup.bytes, i18n.language)}</td>
                      <td
                        className={
                          check.state === 'failed' ? 'backups-table__failed' : 'backups-table__ok'
                        }
                      >
                        {check.state === 'ok' && t('backups.ok')}
                        {check.state === 'failed' && t('backups.notOk', { problem: check.problem })}
                        {check.state === 'none' && t('backups.unchecked')}
                      </td>
                      <td>
                        <a
                          className="pill-button"
                          href={backupDownloadUrl(backup.name)}
                          download={backup.name}
                          aria-label={t('backups.downloadLabel', { when: when(backup.takenAt) })}
                        >
                          {t('backups.download')}
                        </a>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </Modal>
  );
}
