import './data-export.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommands } from '../../commands/commands-context';
import { commandById } from '../../commands/registry';
import { CloseButton } from '../../ui/CloseButton';
import { useFilters } from '../filters/filters-context';
import {
  DATA_EXPORT_EXTENSIONS,
  DATA_EXPORT_ORDER,
  dataExportUrl,
  viewIsNarrowed,
  type ExportScope,
} from './data-export';

const PICTURE_COMMANDS = [commandById('exportPng'), commandById('exportSvg')];

/**
 * The Export menu, as a modal dialog (it opens from the toolbar and from the map's context menu
 * alike): the whole network or this view, as a Kumu-layout workbook, CSV, GEXF, GraphML or
 * Octograph JSON (downloaded from the server), or a picture of the screen (the registry's PNG and
 * SVG commands). Choosing one starts the download and closes the dialog.
 */
export function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { filters } = useFilters();
  const { state, run } = useCommands();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const scopeName = useId();
  const narrowed = viewIsNarrowed(filters);
  // null: not chosen since the dialog opened, so the view when filters narrow it, else the whole.
  const [chosenScope, setChosenScope] = useState<ExportScope | null>(null);
  const scope: ExportScope = chosenScope ?? (narrowed ? 'view' : 'whole');

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const close = () => {
    setChosenScope(null);
    onClose();
  };

  const scopes: { value: ExportScope; label: string; hint: string; disabled: boolean }[] = [
    {
      value: 'whole',
      label: t('exportData.whole'),
      hint: t('exportData.wholeHint'),
      disabled: false,
    },
    {
      value: 'view',
      label: t('exportData.view'),
      hint: narrowed ? t('exportData.viewHint') : t('exportData.noFilters'),
      disabled: !narrowed,
    },
  ];

  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog export-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onKeyDown={(event) => {
        // The page's own shortcuts stay quiet while the dialog is open.
        event.stopPropagation();
      }}
      onClick={(event) => {
        if (event.target === dialogRef.current) close();
      }}
    >
      <div className="modal-dialog__head">
        <h2 id={titleId} className="modal-dialog__title">
          {t('exportData.title')}
        </h2>
        <CloseButton label={t('exportData.close')} onClick={close} />
      </div>
      <div className="export-dialog__body">
        <fieldset className="export-scope">
          <legend className="export-dialog__heading">{t('exportData.scope')}</legend>
          {scopes.map((option) => (
            <label
              key={option.value}
              className={option.disabled ? 'export-scope__option muted' : 'export-scope__option'}
            >
              <input
                type="radio"
                name={scopeName}
                value={option.value}
                checked={scope === option.value}
                disabled={option.disabled}
                onChange={() => {
                  setChosenScope(option.value);
                }}
              />
              <span>
                <span className="export-scope__label">{option.label}</span>
                <span className="export-item__hint">{option.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <section aria-labelledby={`${titleId}-data`}>
          <h3 id={`${titleId}-data`} className="export-dialog__heading">
            {t('exportData.data')}
          </h3>
          <ul className="export-list">
            {DATA_EXPORT_ORDER.map((format) => (
              <li key={format}>
                <a
                  className="export-item"
                  href={dataExportUrl(format, scope, filters)}
                  download
                  data-format={format}
                  onClick={close}
                >
                  <span className="export-item__label">{t(`exportData.format.${format}`)}</span>
                  <span className="export-item__hint">{t(`exportData.hint.${format}`)}</span>
                  <span className="export-item__ext" aria-hidden="true">
                    .{DATA_EXPORT_EXTENSIONS[format]}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby={`${titleId}-pictures`}>
          <h3 id={`${titleId}-pictures`} className="export-dialog__heading">
            {t('exportData.pictures')}
          </h3>
          <ul className="export-list">
            {PICTURE_COMMANDS.map((command) => (
              <li key={command.id}>
                <button
                  type="button"
                  className="export-item"
                  data-command={command.id}
                  disabled={!command.isEnabled(state)}
                  onClick={() => {
                    close();
                    run(command);
                  }}
                >
                  <span className="export-item__label">{t(`commands.label.${command.id}`)}</span>
                  <span className="export-item__hint">{t(`commands.hint.${command.id}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </dialog>
  );
}
