import type { FormField } from '@octograph/graph-schema';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import type { OpenConflict, VersionedForm } from './use-versioned-form';

/**
 * Someone else saved while the editor was editing (409): what they changed, which of those the
 * editor changed too, and the two ways on — keep my changes on top of theirs, or take theirs.
 */
export function ConflictPanel({
  open,
  labelOf,
  busy,
  onKeepMine,
  onTakeTheirs,
}: {
  open: OpenConflict;
  labelOf: (field: FormField) => string;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t, i18n } = useTranslation();
  const both = new Set(open.conflict.both.map((field) => field.name));
  return (
    <div className="conflict" role="alert">
      <p className="conflict__title">{t('editing.conflict.title')}</p>
      <p className="conflict__detail">
        {t('editing.conflict.detail', { time: formatDateTime(open.version, i18n.language) })}
      </p>
      <ul className="conflict__fields">
        {open.conflict.theirs.map((field) => {
          const value = open.theirs[field.name] ?? '';
          return (
            <li key={field.name}>
              {t('editing.conflict.field', {
                field: labelOf(field),
                value: value === '' ? t('editing.conflict.empty') : value,
              })}
              {both.has(field.name) && (
                <strong className="conflict__both"> — {t('editing.conflict.both')}</strong>
              )}
            </li>
          );
        })}
      </ul>
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={onKeepMine}
        >
          {t('editing.conflict.keepMine')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onTakeTheirs}>
          {t('editing.conflict.takeTheirs')}
        </button>
      </div>
    </div>
  );
}

/**
 * The conflict choice of a versioned form, when it has one: "keep mine" saves the editor's
 * changes on top of theirs (with `save`), "take theirs" shows what is stored and drops the save's
 * error (`dropError`).
 */
export function FormConflict({
  form,
  labelOf,
  busy,
  save,
  dropError,
}: {
  form: VersionedForm;
  labelOf: (field: FormField) => string;
  busy: boolean;
  save: (patch: { fields: Record<string, unknown>; expectedVersion: string }) => void;
  dropError: () => void;
}) {
  const open = form.conflict;
  if (open === null) return null;
  return (
    <ConflictPanel
      open={open}
      labelOf={labelOf}
      busy={busy}
      onKeepMine={() => {
        save(form.keepMine(open));
      }}
      onTakeTheirs={() => {
        form.takeTheirs(open);
        dropError();
      }}
    />
  );
}
