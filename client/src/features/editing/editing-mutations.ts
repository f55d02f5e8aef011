/**
 * The writes of editing on the map, each followed by reading again what the store's new
 * revision changed (invalidateAfterWrite), and the undo of a write by its audit entry.
 */
import {
  applyBatch,
  createLink,
  createNodeAt,
  deleteLinkForUndo,
  deleteNodeForUndo,
  undoAuditEntry,
  updateLink,
  updateNode,
  type FormBody,
  type Spot,
} from '../../api/client';
import { useGraphWrite } from '../../api/queries';

/** A new node, and what it is linked to first (in the same write). */
export interface NewNode {
  /** The create body, with the id the first link names. */
  body: FormBody & { id: string };
  at: Spot | null;
  /** A link to make with it, its `source` or `target` the new node's id. */
  firstLink: FormBody | null;
}

/**
 * Adds a node: at the spot asked for, or, with a first link, as one batch (node and link
 * together or not at all) so the server places it beside the node it is linked to.
 */
export function useCreateNode() {
  return useGraphWrite(async ({ body, at, firstLink }: NewNode) => {
    if (firstLink === null) return (await createNodeAt(body, at)).id;
    await applyBatch([
      { op: 'createNode', node: body },
      { op: 'createLink', link: firstLink },
    ]);
    return body.id;
  });
}

export function useUpdateNode() {
  return useGraphWrite(({ id, patch }: { id: string; patch: FormBody }) => updateNode(id, patch));
}

export function useDeleteNode() {
  return useGraphWrite(deleteNodeForUndo);
}

export function useCreateLink() {
  return useGraphWrite(createLink);
}

export function useUpdateLink() {
  return useGraphWrite(({ id, patch }: { id: string; patch: FormBody }) => updateLink(id, patch));
}

export function useDeleteLink() {
  return useGraphWrite(deleteLinkForUndo);
}

/**
 * A link of another kind between the same two nodes: the stored one goes and the new one comes
 * in one batch (a link's kind never changes in place), so either both happen or neither.
 */
export function useChangeLinkKind() {
  return useGraphWrite(({ id, link }: { id: string; link: FormBody }) =>
    applyBatch([
      { op: 'deleteLink', id },
      { op: 'createLink', link },
    ]),
  );
}

/** Undoes one audit entry (the "Undo" of a notice). */
export function useUndoEntry() {
  return useGraphWrite(undoAuditEntry);
}
