import { describe, expect, it } from 'vitest';
import {
  initialSelection,
  selectionReducer,
  startingSelection,
  type SelectionAction,
  type SelectionSource,
  type SelectionState,
} from '../../client/src/features/selection/selection-state.js';

const selected = (id: string, centreRequest = 0): SelectionState => ({
  selectedId: id,
  centreRequest,
});

describe('selectionReducer', () => {
  it('starts with nothing selected and no request to centre', () => {
    expect(initialSelection).toEqual({ selectedId: null, centreRequest: 0 });
  });

  it('selects a node clicked on the map without centring on it (it is already in view)', () => {
    const next = selectionReducer(initialSelection, { type: 'select', id: 'org-1', source: 'map' });
    expect(next).toEqual({ selectedId: 'org-1', centreRequest: 0 });
  });

  it.each<[SelectionSource]>([['search'], ['details']])(
    'selects a node chosen in %s and asks the map to centre on it',
    (source) => {
      const next = selectionReducer(initialSelection, { type: 'select', id: 'org-1', source });
      expect(next).toEqual({ selectedId: 'org-1', centreRequest: 1 });
    },
  );

  it('moves to a neighbour picked in the details panel and centres on it', () => {
    const next = selectionReducer(selected('org-1', 3), {
      type: 'select',
      id: 'org-2',
      source: 'details',
    });
    expect(next).toEqual({ selectedId: 'org-2', centreRequest: 4 });
  });

  it('moves to another node clicked on the map without centring', () => {
    const next = selectionReducer(selected('org-1', 3), {
      type: 'select',
      id: 'org-2',
      source: 'map',
    });
    expect(next).toEqual({ selectedId: 'org-2', centreRequest: 3 });
  });

  it('leaves the state untouched when the selected node is clicked again on the map', () => {
    const state = selected('org-1', 2);
    expect(selectionReducer(state, { type: 'select', id: 'org-1', source: 'map' })).toBe(state);
  });

  it('centres again when the selected node is chosen again in search', () => {
    const next = selectionReducer(selected('org-1', 2), {
      type: 'select',
      id: 'org-1',
      source: 'search',
    });
    expect(next).toEqual({ selectedId: 'org-1', centreRequest: 3 });
  });

  it('clears the selection and keeps the centre counter', () => {
    expect(selectionReducer(selected('org-1', 5), { type: 'clear' })).toEqual({
      selectedId: null,
      centreRequest: 5,
    });
  });

  it('leaves the state untouched when clearing with nothing selected', () => {
    expect(selectionReducer(initialSelection, { type: 'clear' })).toBe(initialSelection);
  });

  it('counts one centre request per choice across a sequence of selections', () => {
    const actions: SelectionAction[] = [
      { type: 'select', id: 'a', source: 'search' },
      { type: 'select', id: 'b', source: 'map' },
      { type: 'select', id: 'c', source: 'details' },
      { type: 'clear' },
      { type: 'select', id: 'a', source: 'search' },
    ];
    const final = actions.reduce(selectionReducer, initialSelection);
    expect(final).toEqual({ selectedId: 'a', centreRequest: 3 });
  });
});

describe('startingSelection', () => {
  it('starts with nothing selected when the URL names no node', () => {
    expect(startingSelection(null)).toEqual(initialSelection);
  });

  it('selects the node a pasted URL names and asks the map to centre on it', () => {
    const state = startingSelection('org-1');
    expect(state.selectedId).toBe('org-1');
    expect(state.centreRequest).toBeGreaterThan(initialSelection.centreRequest);
  });
});
