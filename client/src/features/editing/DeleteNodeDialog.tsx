import { useTranslation } from 'react-i18next';
import { useNeighbourhood, useNode } from '../../api/queries';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Modal } from '../../ui/Modal';
import { useSelection } from '../selection/selection-context';
import { dispatchEditor } from './editor-store';
import { useDeleteNode } from './editing-mutations';

/**
 * "Delete Harbour Lights Choir and its 4 links?": the count comes from the node's neighbourhood,
 * so the editor knows what goes with it. Afterwards a notice offers Undo.
 */
export function DeleteNodeDialog({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const node = useNode(nodeId);
  const neighbourhood = useNeighbourhood(nodeId);
  const remove = useDeleteNode();
  const { state, dispatch } = useSelection();
  const close = () => {
    dispatchEditor({ type: 'close' });
  };
  const name = node.data?.name ?? '';
  const count =
    neighbourhood.data?.links.filter((link) => link.source === nodeId || link.target === nodeId)
      .length ?? null;
  const question =
    count === 0
      ? t('editing.deleteConfirmNoLinks', { name })
      : t('editing.deleteConfirm', { name, count: count ?? 0 });

  return (
    <Modal title={t('editing.delete')} onClose={close} className="edit-dialog">
      {(node.isError || neighbourhood.isError) && (
        <ErrorNotice error={node.error ?? neighbourhood.error} compact />
      )}
      {node.data !== undefined && count !== null && (
        <p className="edit-form__sentence">{question}</p>
      )}
      {remove.error !== null && <ErrorNotice error={remove.error} compact />}
      <div className="form-actions">
        <button
          type="button"
          className="button button--danger"
          data-autofocus=""
          disabled={node.data === undefined || count === null || remove.isPending}
          onClick={() => {
            remove.mutate(nodeId, {
              onSuccess: (deleted) => {
                const links = deleted.deletedLinkIds?.length ?? 0;
                dispatchEditor({
                  type: 'notice',
                  message:
                    links === 0
                      ? t('editing.deletedNoLinks', { name })
                      : t('editing.deleted', { name, count: links }),
                  auditId: deleted.auditId,
                });
                if (state.selectedId === nodeId) dispatch({ type: 'clear' });
                close();
              },
            });
          }}
        >
          {t('editing.delete')}
        </button>
        <button type="button" className="button" onClick={close}>
          {t('editing.cancel')}
        </button>
      </div>
    </Modal>
  );
}
