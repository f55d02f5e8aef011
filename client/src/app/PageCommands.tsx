import type { ImportResult } from '@octograph/graph-schema';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandsProvider } from '../commands/CommandsProvider';
import { ExportDialog } from '../features/export/ExportDialog';
import { useViewExport } from '../features/export/use-view-export';
import { openAccountDialog } from '../features/account/account-store';
import { ImportDialog } from '../features/import/ImportDialog';
import { ImportedNotice } from '../features/import/ImportedNotice';
import { RearrangeProgress } from '../features/layout/RearrangeProgress';
import { useRearrange } from '../features/layout/use-rearrange';
import { ErrorNotice } from '../ui/ErrorNotice';

/** The command registry bound to this page, with the features that carry out its commands. */
export function PageCommands({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const exporter = useViewExport();
  const rearrange = useRearrange();
  const [dialog, setDialog] = useState<'import' | 'export' | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const closeDialog = () => {
    setDialog(null);
  };

  return (
    <CommandsProvider
      rearranging={rearrange.running}
      rearrange={rearrange.start}
      exporting={exporter.busy !== null || !exporter.available}
      exportView={(format) => {
        void exporter.exportView(format);
      }}
      openImport={() => {
        setImported(null);
        setDialog('import');
      }}
      openExport={() => {
        setDialog('export');
      }}
      openHistory={() => {
        openAccountDialog('history');
      }}
    >
      {children}
      <RearrangeProgress />
      {rearrange.error !== null && (
        <div className="page-notice">
          <ErrorNotice error={rearrange.error} onRetry={rearrange.start} compact />
        </div>
      )}
      <ImportDialog
        open={dialog === 'import'}
        onClose={closeDialog}
        onImported={(result) => {
          setDialog(null);
          setImported(result);
        }}
      />
      <ExportDialog open={dialog === 'export'} onClose={closeDialog} />
      <ImportedNotice
        result={imported}
        onDismiss={() => {
          setImported(null);
        }}
      />
      {exporter.error !== null && (
        <p className="page-notice page-notice--error" role="alert">
          {t('exportView.failed')}
        </p>
      )}
    </CommandsProvider>
  );
}
