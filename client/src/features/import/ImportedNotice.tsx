import type { ImportResult } from '@octograph/graph-schema';
import { useTranslation } from 'react-i18next';
import { importSummary } from './import-state';

/**
 * "Imported: 3 new nodes, 4 new links" after an import, until dismissed. The live region is
 * always there (empty without a result), so that screen readers read the notice when it comes.
 */
export function ImportedNotice({
  result,
  onDismiss,
}: {
  result: ImportResult | null;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const summary = result === null ? null : importSummary(result);
  return (
    <div aria-live="polite">
      {summary !== null && (
        <div className="page-notice imported-notice">
          <p>
            {t('import.done', {
              nodes: t('import.newNodes', { count: summary.nodes }),
              links: t('import.newLinks', { count: summary.links }),
            })}
            {summary.updated > 0 && ` ${t('import.doneUpdated', { count: summary.updated })}`}
            {summary.warnings > 0 && ` ${t('import.doneWarnings', { count: summary.warnings })}`}
          </p>
          <button type="button" className="pill-button" onClick={onDismiss}>
            {t('import.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
