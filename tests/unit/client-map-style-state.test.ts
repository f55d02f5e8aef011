import { describe, expect, it, vi } from 'vitest';
import {
  INITIAL_MAP_STYLE,
  mapStyleReducer,
} from '../../client/src/features/map-style/map-style-state.js';
import { createStore } from '../../client/src/ui/create-store.js';

describe('mapStyleReducer', () => {
  it('starts sized by collaborations with everything shown', () => {
    expect(INITIAL_MAP_STYLE).toEqual({
      sizeBy: 'collaborations',
      legend: { org: [], node: [], link: [], attributesAsNodes: false },
    });
  });

  it('changes what size shows and keeps what the legend hides', () => {
    const hidden = mapStyleReducer(INITIAL_MAP_STYLE, {
      type: 'legend',
      action: { type: 'toggle', entry: { group: 'org', kind: 'charity' } },
    });
    const state = mapStyleReducer(hidden, { type: 'sizeBy', metric: 'members' });
    expect(state).toEqual({
      sizeBy: 'members',
      legend: { org: ['charity'], node: [], link: [], attributesAsNodes: false },
    });
  });

  it('returns the same state for a change that changes nothing', () => {
    expect(mapStyleReducer(INITIAL_MAP_STYLE, { type: 'sizeBy', metric: 'collaborations' })).toBe(
      INITIAL_MAP_STYLE,
    );
    expect(
      mapStyleReducer(INITIAL_MAP_STYLE, { type: 'legend', action: { type: 'showAll' } }),
    ).toBe(INITIAL_MAP_STYLE);
  });
});

describe('createStore', () => {
  const counter = () => createStore((state: number, by: number) => state + by, 0);

  it('applies each action through the reducer', () => {
    const store = counter();
    store.dispatch(2);
    store.dispatch(3);
    expect(store.getState()).toBe(5);
  });

  it('tells its listeners about a change, and not about an action that changes nothing', () => {
    const store = counter();
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch(0);
    expect(listener).not.toHaveBeenCalled();
    store.dispatch(1);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stops telling a listener once it unsubscribes', () => {
    const store = counter();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    unsubscribe();
    store.dispatch(1);
    expect(listener).not.toHaveBeenCalled();
  });
});
