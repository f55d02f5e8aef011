import { today, type Meeting } from '@octograph/graph-schema';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { meetingDraft, missingFields, type MeetingDraft } from './meeting-draft';
import { useSaveMeeting } from './meeting-mutations';

/**
 * Creates a meeting or edits one: title, date, place, organiser, notes. `onDone` gets the
 * meeting's id once saved, or null when cancelled.
 */
export function MeetingEditor({
  meeting,
  onDone,
}: {
  meeting: Meeting | null;
  onDone: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<MeetingDraft>(() => meetingDraft(meeting, today()));
  const [tried, setTried] = useState(false);
  const save = useSaveMeeting(meeting?.id ?? null);
  const id = useId();
  const missing = missingFields(draft);

  const field = (key: keyof MeetingDraft) => ({
    id: `${id}-${key}`,
    value: draft[key],
    onChange: (event: { target: { value: string } }) => {
      setDraft((value) => ({ ...value, [key]: event.target.value }));
    },
  });
  const problem = (key: 'name' | 'date') =>
    tried && missing.includes(key) ? (
      <span className="form-field__problem">{t('meetings.editor.required')}</span>
    ) : null;

  return (
    <form
      className="meeting-editor"
      aria-label={meeting ? t('meetings.editor.editTitle') : t('meetings.editor.newTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (missing.length > 0) return;
        save.mutate(draft, {
          onSuccess: (savedId) => {
            onDone(savedId);
          },
        });
      }}
    >
      <h3 className="meetings__section-title">
        {meeting ? t('meetings.editor.editTitle') : t('meetings.editor.newTitle')}
      </h3>
      <div className="form-field">
        <label htmlFor={`${id}-name`}>{t('meetings.editor.name')}</label>
        <input className="input" type="text" required autoComplete="off" {...field('name')} />
        {problem('name')}
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-date`}>{t('meetings.editor.date')}</label>
        <input className="input" type="date" required {...field('date')} />
        {problem('date')}
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-venue`}>{t('meetings.editor.venue')}</label>
        <input className="input" type="text" autoComplete="off" {...field('venue')} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-organiser`}>{t('meetings.editor.organiser')}</label>
        <input className="input" type="text" autoComplete="off" {...field('organiser')} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-notes`}>{t('meetings.editor.notes')}</label>
        <textarea className="input" rows={3} {...field('notes')} />
      </div>
      {save.isError && <ErrorNotice error={save.error} compact />}
      <div className="meeting-editor__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('meetings.editor.saving') : t('meetings.editor.save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            onDone(null);
          }}
        >
          {t('meetings.editor.cancel')}
        </button>
      </div>
    </form>
  );
}
