import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandsProvider } from '../commands/CommandsProvider';
import { useViewExport } from '../features/export/use-view-export';
import { RearrangeProgress } from '../features/layout/RearrangeProgress';
import { useRearrange } from '../features/layout/use-rearrange';
import { ErrorNotice } from '../ui/ErrorNotice';

/** The command registry bound to this page, with the features that carry out its commands. */
export function PageCommands({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const exporter = useViewExport();
  const rearrange = useRearrange();

  return (
    <CommandsProvider
      rearranging={rearrange.running}
      rearrange={rearrange.start}
      exporting={exporter.busy !== null || !exporter.available}
      exportView={(format) => {
        void exporter.exportView(format);
      }}
    >
      {children}
      <RearrangeProgress />
      {rearrange.error !== null && (
        <div className="page-notice">
          <ErrorNotice error={rearrange.error} onRetry={rearrange.start} compact />
        </div>
      )}
      {exporter.error !== null && (
        <p className="page-notice page-notice--error" role="alert">
          {t('exportView.failed')}
        </p>
      )}
    </CommandsProvider>
  );
}
