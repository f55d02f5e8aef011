/**
 * Where the view's export meets the rest of the page. Making a picture needs the Cytoscape
 * instance, which only GraphCanvas's children can reach (useCyRef); what starts an export (the
 * command registry's toolbar, shortcuts and menus) lives outside the canvas. So ExportController,
 * mounted inside the canvas, registers an exporter here, and anything on the page runs it through
 * useViewExport(). Plain TypeScript, no React: unit-tested in tests/unit/client-export.test.ts.
 */
import { createStore } from '../../ui/create-store';
import type { ExportFormat } from './export-texts';

/** Makes the picture in `format` and downloads it. */
export type Exporter = (format: ExportFormat) => Promise<void>;

export interface ViewExportState {
  /** Whether an export can run now: the map is on screen and has registered its exporter. */
  available: boolean;
  /** The format being made, or null when idle. */
  busy: ExportFormat | null;
  /** Why the last export failed; null once one succeeds. */
  error: Error | null;
}

export interface ViewExportStore {
  /** The current state; the same object until something changes (for useSyncExternalStore). */
  getState: () => ViewExportState;
  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
  /** Makes `exporter` the one that runs; returns the unregister (a no-op once replaced). */
  register: (exporter: Exporter) => () => void;
  /**
   * Runs the registered exporter. Never rejects: a failure is kept in `error`. While one export
   * runs, asking again does nothing; without an exporter it records an error.
   */
  run: (format: ExportFormat) => Promise<void>;
}

/** Any thrown value as an Error. */
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export function createViewExportStore(): ViewExportStore {
  let exporter: Exporter | null = null;
  // The page's small-store helper holds the state and its listeners; a change merges fields in.
  const store = createStore<ViewExportState, Partial<ViewExportState>>(
    (state, change) => ({ ...state, ...change }),
    { available: false, busy: null, error: null },
  );
  const update = store.dispatch;
  const state = () => store.getState();

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    register: (next) => {
      exporter = next;
      if (!state().available) update({ available: true });
      return () => {
        // React may mount a newer controller before it unmounts the old one: keep the newer.
        if (exporter !== next) return;
        exporter = null;
        update({ available: false });
      };
    },
    run: async (format) => {
      if (state().busy !== null) return;
      const current = exporter;
      if (current === null) {
        update({ error: new Error('the map is not on screen yet') });
        return;
      }
      update({ busy: format, error: null });
      try {
        await current(format);
        update({ busy: null });
      } catch (error: unknown) {
        update({ busy: null, error: asError(error) });
      }
    },
  };
}

/** The page's one export store. */
export const viewExportStore = createViewExportStore();
