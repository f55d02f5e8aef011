import './import.css';
import type { ImportResult, UnknownType } from '@octograph/graph-schema';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { applyImport, previewImport } from '../../api/client';
import { invalidateAfterWrite } from '../../api/queries';
import { CloseButton } from '../../ui/CloseButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import {
  canApply,
  canPreview,
  changesAnything,
  IMPORT_FILE_TYPES,
  importReducer,
  initialImportState,
  isBusy,
  UNKNOWN_TYPE_OPTIONS,
  unknownTypeParts,
  type ImportState,
} from './import-state';
import { ImportPreviewView } from './ImportPreviewView';

export interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  /** After a successful import (the dialog has closed itself and the maps are being re-read). */
  onImported: (result: ImportResult) => void;
}

/** The option's label: "Organisation: Community group", "Person", … */
function useUnknownTypeLabel(): (choice: UnknownType) => string {
  const { t } = useTranslation();
  return (choice) => {
    const parts = unknownTypeParts(choice);
    return parts.kind === 'organisation'
      ? t('import.unknownOrganisation', { kind: t(`kinds.org.${parts.orgKind}`) })
      : t(`kinds.node.${parts.kind}`);
  };
}

/** Under the buttons: the request under way, with a bar; what went wrong; or what the preview says. */
function ImportStatus({ state, onPreview }: { state: ImportState; onPreview: () => void }) {
  const { t } = useTranslation();
  if (isBusy(state)) {
    const sending = state.upload !== null && state.upload < 1;
    const percent = Math.round((state.upload ?? 0) * 100);
    const text = sending
      ? t('import.uploading', { percent })
      : t(state.step === 'applying' ? 'import.applying' : 'import.reading');
    return (
      <div className="import-progress">
        <span>{text}</span>
        {/* Determinate while the files go up; the server's work after that has no measure. */}
        <progress
          className="import-progress__bar"
          aria-label={t('import.progressLabel')}
          max={1}
          {...(sending ? { value: state.upload ?? 0 } : {})}
        />
      </div>
    );
  }
  if (state.step === 'conflict') {
    return (
      <div className="import-conflict" role="alert">
        <p>{t('import.conflict')}</p>
        <button type="button" className="button" onClick={onPreview}>
          {t('import.previewAgain')}
        </button>
      </div>
    );
  }
  if (state.error !== null) return <ErrorNotice error={state.error} compact />;
  const preview = state.preview;
  if (preview === null) return null;
  return (
    <p className={preview.canApply ? 'import-verdict' : 'import-verdict import-verdict--blocked'}>
      {!preview.canApply
        ? t('import.blocked')
        : changesAnything(preview)
          ? t('import.ready')
          : t('import.nothing')}
    </p>
  );
}

/**
 * The Import dialog: pick files and what an element of an unknown type becomes, Preview (the
 * server's dry run: counts, and every problem on its row), then Import (all or nothing) with a
 * progress bar. A modal <dialog>: focus moves in and back out, Esc closes it (not while an import
 * is being written), and the page's shortcuts stay quiet while it is open.
 */
export function ImportDialog({ open, onClose, onImported }: ImportDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(importReducer<File>, undefined, initialImportState<File>);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const introId = useId();
  const filesId = useId();
  const typeId = useId();
  const typeHintId = useId();
  const unknownTypeLabel = useUnknownTypeLabel();
  const busy = isBusy(state);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      fileRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // The picker keeps its own list of files, which a fresh start must forget too.
  const clearPicker = () => {
    if (fileRef.current) fileRef.current.value = '';
  };

  const upload = { files: state.files, unknownType: state.unknownType };

  const preview = async () => {
    if (!canPreview(state)) return;
    const request = state.request + 1;
    dispatch({ type: 'previewStarted' });
    try {
      const answer = await previewImport(upload, (fraction) => {
        dispatch({ type: 'uploadProgress', request, fraction });
      });
      dispatch({ type: 'previewed', request, preview: answer });
    } catch (error: unknown) {
      dispatch({ type: 'failed', request, error });
    }
  };

  const apply = async () => {
    const previewed = state.preview;
    if (!canApply(state) || previewed === null) return;
    const request = state.request + 1;
    dispatch({ type: 'applyStarted' });
    try {
      const result = await applyImport(upload, previewed.revision, (fraction) => {
        dispatch({ type: 'uploadProgress', request, fraction });
      });
      dispatch({ type: 'reset' });
      clearPicker();
      onImported(result);
      void invalidateAfterWrite(queryClient);
    } catch (error: unknown) {
      if (error instanceof ApiError && error.statusCode === 409) {
        dispatch({ type: 'conflict', request });
      } else {
        dispatch({ type: 'failed', request, error });
      }
    }
  };

  const close = () => {
    if (state.step === 'applying') return;
    dispatch({ type: 'reset' });
    clearPicker();
    onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog import-dialog"
      aria-labelledby={titleId}
      aria-describedby={introId}
      onCancel={(event) => {
        // Esc: an import being written cannot be called back, so the dialog stays to tell its end.
        event.preventDefault();
        close();
      }}
      onKeyDown={(event) => {
        // The page's own shortcuts stay quiet while the dialog is open.
        event.stopPropagation();
      }}
    >
      <div className="modal-dialog__head">
        <h2 id={titleId} className="modal-dialog__title">
          {t('import.title')}
        </h2>
        <CloseButton label={t('import.close')} onClick={close} />
      </div>
      <div className="import-dialog__body">
        <p id={introId} className="import-dialog__intro">
          {t('import.intro')}
        </p>
        <div className="import-field">
          <label htmlFor={filesId} className="import-field__label">
            {t('import.files')}
          </label>
          <input
            ref={fileRef}
            id={filesId}
            type="file"
            multiple
            accept={IMPORT_FILE_TYPES.join(',')}
            disabled={busy}
            onChange={(event) => {
              dispatch({ type: 'chooseFiles', files: [...(event.target.files ?? [])] });
            }}
          />
        </div>
        <div className="import-field">
          <label htmlFor={typeId} className="import-field__label">
            {t('import.unknownType')}
          </label>
          <select
            id={typeId}
            value={state.unknownType}
            aria-describedby={typeHintId}
            disabled={busy}
            onChange={(event) => {
              const choice = UNKNOWN_TYPE_OPTIONS.find((option) => option === event.target.value);
              if (choice !== undefined)
                dispatch({ type: 'chooseUnknownType', unknownType: choice });
            }}
          >
            {UNKNOWN_TYPE_OPTIONS.map((choice) => (
              <option key={choice} value={choice}>
                {unknownTypeLabel(choice)}
              </option>
            ))}
          </select>
          <p id={typeHintId} className="import-field__hint">
            {t('import.unknownTypeHint')}
          </p>
        </div>
        {/* Polite: what the preview found, or how the import goes, is read out as it comes. */}
        <div className="import-dialog__status" aria-live="polite">
          <ImportStatus
            state={state}
            onPreview={() => {
              void preview();
            }}
          />
        </div>
        {state.preview !== null && <ImportPreviewView preview={state.preview} />}
      </div>
      <div className="import-dialog__actions">
        <button
          type="button"
          className="pill-button"
          onClick={close}
          disabled={state.step === 'applying'}
        >
          {t('import.cancel')}
        </button>
        <button
          type="button"
          className="pill-button"
          disabled={!canPreview(state)}
          onClick={() => {
            void preview();
          }}
        >
          {state.preview === null ? t('import.preview') : t('import.previewAgain')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!canApply(state)}
          onClick={() => {
            void apply();
          }}
        >
          {t('import.apply')}
        </button>
      </div>
    </dialog>
  );
}
