/**
 * What the editing UI has open, shared by the map (right-click, the link handle), the toolbar,
 * the search box, the details panel and the directory: at most one dialog at a time, and the
 * last write's "Undo" notice. State changes only through the reducer, which is unit-tested.
 */
import type { NodeKind } from '@octograph/graph-schema';
import type { Spot } from '../../api/client';
import { createStore, useStoreState } from '../../ui/create-store';

/** The dialog open now. */
export type EditorDialog =
  /** A new node: its kind, a name to start from, where it goes, and what to link it to first. */
  | {
      type: 'create';
      kind: NodeKind;
      name: string;
      at: Spot | null;
      linkTo: string | null;
    }
  /** A new link from `source`; `target` null while it is being picked ("Link to…"). */
  | { type: 'link'; source: string; target: string | null }
  /** A stored link's fields. */
  | { type: 'editLink'; linkId: string }
  /** "Delete this node and its links?" */
  | { type: 'deleteNode'; nodeId: string };

/** A notice after a write, with the audit entry that undoes it (if any). */
export interface EditNotice {
  /** Counts up, so a second notice with the same text still replaces the first. */
  serial: number;
  message: string;
  auditId: number | null;
}

export interface EditorState {
  dialog: EditorDialog | null;
  notice: EditNotice | null;
  /** The node whose details show the edit form instead of its fields. */
  editingNodeId: string | null;
  /** Where the map's background menu was opened: a node made from it goes there. */
  menuSpot: Spot | null;
}

export type EditorAction =
  | { type: 'open'; dialog: EditorDialog }
  | { type: 'close' }
  | { type: 'notice'; message: string; auditId: number | null }
  | { type: 'clearNotice' }
  | { type: 'editNode'; id: string | null }
  | { type: 'menuSpot'; at: Spot | null };

export const INITIAL_EDITOR: EditorState = {
  dialog: null,
  notice: null,
  editingNodeId: null,
  menuSpot: null,
};

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'open':
      return { ...state, dialog: action.dialog };
    case 'close':
      return state.dialog === null ? state : { ...state, dialog: null };
    case 'notice':
      return {
        ...state,
        notice: {
          serial: (state.notice?.serial ?? 0) + 1,
          message: action.message,
          auditId: action.auditId,
        },
      };
    case 'clearNotice':
      return state.notice === null ? state : { ...state, notice: null };
    case 'editNode':
      return state.editingNodeId === action.id ? state : { ...state, editingNodeId: action.id };
    case 'menuSpot':
      return state.menuSpot === action.at ? state : { ...state, menuSpot: action.at };
  }
}

const store = createStore(editorReducer, INITIAL_EDITOR);

export const dispatchEditor = store.dispatch;

/** The state now, for a command run outside React's render (the "New…" command's spot). */
export const editorState = store.getState;

export function useEditor(): EditorState {
  return useStoreState(store);
}
