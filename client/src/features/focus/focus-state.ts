/**
 * Focus mode: how many steps out from the selected node the map shows (the rest fades). Pure
 * state changes, so they can be tested without React or a canvas. The neighbourhood itself comes
 * from the server (GET /api/map?focus=&depth=), never from the browser.
 */

/** The depths one can focus at: the keys 1, 2, 3 and the details panel's buttons. */
export const FOCUS_DEPTHS = [1, 2, 3] as const;
export type FocusDepth = (typeof FOCUS_DEPTHS)[number];

export interface FocusState {
  /** Steps out from the selected node, or null when the whole map shows. */
  depth: FocusDepth | null;
}

export type FocusAction = { type: 'focus'; depth: FocusDepth } | { type: 'clear' };

export const initialFocus: FocusState = { depth: null };

export function focusReducer(state: FocusState, action: FocusAction): FocusState {
  switch (action.type) {
    case 'focus':
      return state.depth === action.depth ? state : { depth: action.depth };
    case 'clear':
      return state.depth === null ? state : initialFocus;
  }
}

/** The depth a key press asks for ('1', '2', '3'), or null for any other key. */
export function depthOfKey(key: string): FocusDepth | null {
  return FOCUS_DEPTHS.find((depth) => String(depth) === key) ?? null;
}
