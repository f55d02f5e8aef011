import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseButton } from './CloseButton';

export interface ModalProps {
  title: string;
  onClose: () => void;
  /** An extra class for the dialog (its width). */
  className?: string;
  children: ReactNode;
}

/**
 * The frame of the page's dialogs (accounts, editing): a modal <dialog> (shown while mounted) with the shared
 * `.modal-dialog` head. Focus moves in and back out, Esc closes it, and the page's shortcuts stay
 * quiet while it is open.
 */
export function Modal({ title, onClose, className, children }: ModalProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // showModal() focuses the first button (Close); a form's first field is where typing starts.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => {
      dialog?.close();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className={`modal-dialog account-dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // React's state says what is open: the dialog closes by being unmounted.
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        event.stopPropagation();
      }}
    >
      <div className="modal-dialog__head">
        <h2 id={titleId} className="modal-dialog__title">
          {title}
        </h2>
        <CloseButton label={t('account.close')} onClick={onClose} />
      </div>
      <div className="account-dialog__body">{children}</div>
    </dialog>
  );
}
