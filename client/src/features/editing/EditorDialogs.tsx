import './editing.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CreateNodeDialog } from './CreateNodeDialog';
import { DeleteNodeDialog } from './DeleteNodeDialog';
import { dispatchEditor, useEditor } from './editor-store';
import { useUndoEntry } from './editing-mutations';
import { EditLinkDialog, NewLinkDialog } from './LinkDialogs';

/** How long a notice stays when it has no Undo, and when it has one. */
const NOTICE_MS = 5_000;
const UNDO_NOTICE_MS = 12_000;

/** The editing dialog open now (at most one), and the last write's notice with its Undo. */
export function EditorDialogs() {
  const { dialog } = useEditor();
  return (
    <>
      {dialog?.type === 'create' && <CreateNodeDialog dialog={dialog} />}
      {dialog?.type === 'link' && (
        <NewLinkDialog sourceId={dialog.source} targetId={dialog.target} />
      )}
      {dialog?.type === 'editLink' && <EditLinkDialog linkId={dialog.linkId} />}
      {dialog?.type === 'deleteNode' && <DeleteNodeDialog nodeId={dialog.nodeId} />}
      <EditNoticeToast />
    </>
  );
}

/**
 * "Deleted Harbour Lights Choir and its 4 links — Undo": a polite live region, so a screen reader
 * hears it; Undo puts back what the write changed (its audit entry), as History does.
 */
function EditNoticeToast() {
  const { t } = useTranslation();
  const { notice } = useEditor();
  const undo = useUndoEntry();
  const { reset } = undo;
  const serial = notice?.serial;
  const hasUndo = notice?.auditId !== null && notice?.auditId !== undefined;

  useEffect(() => {
    if (serial === undefined) return undefined;
    reset();
    const timer = window.setTimeout(
      () => {
        dispatchEditor({ type: 'clearNotice' });
      },
      hasUndo ? UNDO_NOTICE_MS : NOTICE_MS,
    );
    return () => {
      window.clearTimeout(timer);
    };
  }, [serial, hasUndo, reset]);

  return (
    <div className="edit-notice-region" aria-live="polite">
      {notice !== null && (
        <div className="edit-notice" role="status">
          <span className="edit-notice__text">
            {undo.isSuccess ? t('editing.undone') : notice.message}
          </span>
          {notice.auditId !== null && !undo.isSuccess && (
            <button
              type="button"
              className="button button--small"
              disabled={undo.isPending}
              onClick={() => {
                if (notice.auditId !== null) undo.mutate(notice.auditId);
              }}
            >
              {t('editing.undo')}
            </button>
          )}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              dispatchEditor({ type: 'clearNotice' });
            }}
          >
            {t('editing.dismiss')}
          </button>
          {undo.isError && <ErrorNotice error={undo.error} compact />}
        </div>
      )}
    </div>
  );
}
