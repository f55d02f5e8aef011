/**
 * The server state of introductions beyond the suggestions themselves (those come from
 * useInsightPage('introductions', …)): the dismissed ones, and the commands that link, dismiss and
 * undo, each followed by reading again what the store's new revision changed.
 */
import {
  keepPreviousData,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useReducer } from 'react';
import {
  acceptIntroduction,
  deleteLink,
  dismissIntroduction,
  getDismissedIntroductions,
  restoreIntroduction,
} from '../../api/client';
import { invalidateAfterWrite, queryKeys } from '../../api/queries';
import {
  introductionNoticeReducer,
  type IntroductionCommand,
  type IntroductionNotice,
  type IntroductionOutcome,
} from './introductions-state';

/** Paging of the dismissed introductions. */
export interface DismissedParams {
  limit: number;
}

/** The dismissed introductions, newest first; idle when `params` is null. */
export function useDismissedIntroductions(params: DismissedParams | null) {
  return useQuery({
    queryKey: queryKeys.dismissedIntroductions(params ?? { limit: 0 }),
    queryFn:
      params === null ? skipToken : ({ signal }) => getDismissedIntroductions(params, signal),
    // "Show more" keeps the shown ones on screen while the longer page loads.
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

/** Sends one command to the server and says what came of it. */
async function perform(command: IntroductionCommand): Promise<IntroductionOutcome> {
  const ids = { a: command.pair.a.id, b: command.pair.b.id };
  switch (command.type) {
    case 'introduce': {
      const link = await acceptIntroduction(ids);
      return { type: 'linked', pair: command.pair, linkId: link.id };
    }
    case 'dismiss':
      await dismissIntroduction(ids);
      return { type: 'dismissed', pair: command.pair };
    case 'unlink':
      await deleteLink(command.linkId);
      return { type: 'unlinked', pair: command.pair };
    case 'restore':
      await restoreIntroduction(ids);
      return { type: 'restored', pair: command.pair };
  }
}

/** What a list of suggestions needs to act on them. */
export interface IntroductionActions {
  /** What the last command did (with its undo), or why it failed; null when there is nothing. */
  notice: IntroductionNotice | null;
  /** True while a command is on its way: the buttons wait. */
  busy: boolean;
  run: (command: IntroductionCommand) => void;
  closeNotice: () => void;
}

/** Link, dismiss and undo for one list (each list has its own notice). */
export function useIntroductionActions(): IntroductionActions {
  const queryClient = useQueryClient();
  const [notice, dispatch] = useReducer(introductionNoticeReducer, null);
  const mutation = useMutation({
    mutationFn: perform,
    onSuccess: (outcome) => {
      dispatch({ type: 'succeeded', outcome });
    },
    onError: (error, command) => {
      dispatch({ type: 'failed', command, error });
    },
    // After a failure too: a 409 (already linked) or 404 means the lists on screen are stale.
    onSettled: () => {
      void invalidateAfterWrite(queryClient);
    },
  });
  return {
    notice,
    busy: mutation.isPending,
    run: (command) => {
      mutation.mutate(command);
    },
    closeNotice: () => {
      dispatch({ type: 'close' });
    },
  };
}
