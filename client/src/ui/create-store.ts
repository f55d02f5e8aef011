import { useSyncExternalStore } from 'react';

/**
 * A small store of UI state outside React's tree, for state that two distant parts of the page
 * share without a common provider (the legend beside the map and the map's controllers). The
 * state changes only through a pure reducer, as everywhere else in the client.
 */
export interface Store<S, A> {
  /** Functions, not methods: they are handed around unbound (to useSyncExternalStore). */
  getState: () => S;
  dispatch: (action: A) => void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
}

export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch: (action) => {
      const next = reducer(state, action);
      // An action that changes nothing returns the same state and wakes nobody.
      if (Object.is(next, state)) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** A store's state in a component, re-rendering it on every change. */
export function useStoreState<S, A>(store: Store<S, A>): S {
  return useSyncExternalStore(store.subscribe, store.getState);
}
