/**
 * Which node is selected, and whether the map should bring it into view. Pure state changes, so
 * they can be tested without React or a canvas.
 */

/** Where a selection came from: the map itself, the search box, or the details panel. */
export type SelectionSource = 'map' | 'search' | 'details';

export interface SelectionState {
  /** The selected node, or null. */
  selectedId: string | null;
  /**
   * Bumped each time the map should centre on the selected node (a choice in search or details,
   * not a click on the map, where the node is already in view). The map acts when it changes.
   */
  centreRequest: number;
}

export type SelectionAction =
  { type: 'select'; id: string; source: SelectionSource } | { type: 'clear' };

export const initialSelection: SelectionState = { selectedId: null, centreRequest: 0 };

/**
 * The selection at start-up: a node named in a pasted URL is selected and the map centres on it
 * once it is drawn (the URL's zoom target), as if it had been chosen in the search box.
 */
export function startingSelection(id: string | null): SelectionState {
  return id === null ? initialSelection : { selectedId: id, centreRequest: 1 };
}

export function selectionReducer(state: SelectionState, action: SelectionAction): SelectionState {
  switch (action.type) {
    case 'select': {
      const centre = action.source !== 'map';
      if (state.selectedId === action.id && !centre) return state;
      return {
        selectedId: action.id,
        centreRequest: centre ? state.centreRequest + 1 : state.centreRequest,
      };
    }
    case 'clear':
      return state.selectedId === null ? state : { ...state, selectedId: null };
  }
}
