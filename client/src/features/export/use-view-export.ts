import { useSyncExternalStore } from 'react';
import { viewExportStore, type ViewExportState } from './export-store';
import type { ExportFormat } from './export-texts';

export interface ViewExport extends ViewExportState {
  /** Makes the picture of the view in `format` and downloads it; never rejects (see `error`). */
  exportView: (format: ExportFormat) => Promise<void>;
}

/**
 * The view's export, from anywhere on the page (the canvas's ExportController must be mounted
 * for `available` to be true): its state, and the action that starts it.
 */
export function useViewExport(): ViewExport {
  const state = useSyncExternalStore(viewExportStore.subscribe, viewExportStore.getState);
  return { ...state, exportView: viewExportStore.run };
}
