/**
 * Other people's changes, live: the page listens to the change stream (GET /api/events,
 * Server-Sent Events) and, for every write the store commits — through this page, another
 * browser, or another app server on the same database — reads again what a write changes (the
 * maps, the details, the directory, the insights, the meetings, the history). The browser's
 * EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed over a dropped
 * connection; `reload` (too far behind) reads everything again, `signedOut` the session.
 */
import {
  ChangeEventSchema,
  PresenceEventSchema,
  STREAM_EVENTS,
  type ChangeEvent,
  type PresenceEvent,
} from '@octograph/graph-schema';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { invalidateAfterWrite, queryKeys } from './queries';

/** Who has the map open, as the last `presence` event said (signed-in readers only). */
let people: PresenceEvent['people'] = [];
const presenceListeners = new Set<() => void>();

function setPeople(next: PresenceEvent['people']): void {
  people = next;
  for (const listener of presenceListeners) listener();
}

/** The people who have the map open now (on this app server), yourself included. */
export function usePresence(): PresenceEvent['people'] {
  return useSyncExternalStore(
    (listener) => {
      presenceListeners.add(listener);
      return () => presenceListeners.delete(listener);
    },
    () => people,
  );
}

/** Who wants to hear of each change as it comes (an open edit form, for one). */
const changeListeners = new Set<(event: ChangeEvent) => void>();

/** Calls `listener` with every change on the stream; returns the function that stops it. */
export function onGraphChange(listener: (event: ChangeEvent) => void): () => void {
  changeListeners.add(listener);
  return () => {
    changeListeners.delete(listener);
  };
}

/** Writes arriving this close together are read back once. */
const GATHER_MS = 150;

/**
 * Follows the change stream while the page is open, as `reader` (the signed-in user's id, or null
 * for a visitor): a new reader opens a new stream, so one who signs in on the page is told who
 * else is here and who made each change.
 */
export function useLiveUpdates(reader: string | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void invalidateAfterWrite(queryClient);
      }, GATHER_MS);
    };
    const signedOut = () => {
      source.close();
      void queryClient.invalidateQueries({ queryKey: queryKeys.session() });
    };
    source.addEventListener(STREAM_EVENTS.change, (event: MessageEvent<string>) => {
      refresh();
      const parsed = ChangeEventSchema.safeParse(JSON.parse(event.data));
      if (parsed.success) for (const listener of changeListeners) listener(parsed.data);
    });
    source.addEventListener(STREAM_EVENTS.reload, refresh);
    source.addEventListener(STREAM_EVENTS.signedOut, signedOut);
    source.addEventListener(STREAM_EVENTS.presence, (event: MessageEvent<string>) => {
      const parsed = PresenceEventSchema.safeParse(JSON.parse(event.data));
      if (parsed.success) setPeople(parsed.data.people);
    });
    return () => {
      clearTimeout(timer);
      source.close();
      setPeople([]);
    };
  }, [reader, queryClient]);
}
