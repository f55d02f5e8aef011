import type { LayoutJobState } from '@octograph/graph-schema';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { ApiError } from '../../api/api-error';
import { queryKeys, useLayoutJob, useStartRearrange } from '../../api/queries';
import { REARRANGE_POLL_MS, savedSince } from './rearrange-state';

/** The re-arrange, for a command or a button. */
export interface Rearrange {
  /** Starts re-arranging the whole map on the server (or follows the one already running). */
  start: () => void;
  /** How the latest re-arrange stands; 'idle' until the server has said. */
  state: LayoutJobState;
  /** Share done, 0 to 1. */
  progress: number;
  /** A re-arrange is being started or runs: offer no second one. */
  running: boolean;
  /** Why it could not be started or followed (show with ErrorNotice); null if nothing failed. */
  error: unknown;
}

/** The server says one is running already: then this page simply follows it. */
function isAlreadyRunning(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'CONFLICT';
}

/**
 * Re-arranging the map: `start()` asks the server (POST /api/layout), the job is then asked about
 * every REARRANGE_POLL_MS while it runs, and once it has saved the new positions every map is
 * read again. Use it once per page (the map refresh lives here); <RearrangeProgress/> shows it.
 */
export function useRearrange(): Rearrange {
  const queryClient = useQueryClient();
  const job = useLayoutJob(REARRANGE_POLL_MS);
  const starting = useStartRearrange();
  const state = job.data?.state;
  const previous = useRef<LayoutJobState | undefined>(undefined);

  useEffect(() => {
    if (savedSince(previous.current, state)) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.maps() });
    }
    previous.current = state;
  }, [state, queryClient]);

  const { mutate } = starting;
  const { refetch } = job;
  const start = useCallback(() => {
    mutate(undefined, {
      onError: (error) => {
        if (isAlreadyRunning(error)) void refetch();
      },
    });
  }, [mutate, refetch]);

  const startError = isAlreadyRunning(starting.error) ? null : starting.error;
  return {
    start,
    state: state ?? 'idle',
    progress: job.data?.progress ?? 0,
    running: starting.isPending || state === 'running',
    error: startError ?? job.error,
  };
}
