import type { FormField } from '@octograph/graph-schema';
import { useTranslation } from 'react-i18next';
import { useMeetings } from '../../api/queries';
import { visibilityKey, type FormValues } from './form-values';

export interface FormFieldsProps {
  /** Prefix of the inputs' ids (each is `<prefix>-<field>`). */
  idPrefix: string;
  fields: readonly FormField[];
  values: FormValues;
  onChange: (key: string, value: string) => void;
  /** The server's problems by field name. */
  problems: ReadonlyMap<string, readonly string[]>;
  /** A label other than the field's own (a link's `since` is "Since", not "In the network since"). */
  labelOf?: (field: FormField) => string;
  /** The first field takes the focus when the form opens. */
  autoFocus?: boolean;
}

function MeetingOptions() {
  const { t } = useTranslation();
  const meetings = useMeetings();
  return (
    <>
      <option value="">{t('fields.none')}</option>
      {(meetings.data?.items ?? []).map((meeting) => (
        <option key={meeting.id} value={meeting.id}>
          {meeting.name} · {meeting.date}
        </option>
      ))}
    </>
  );
}

/**
 * The inputs of a form, one per declared field (graph-schema forms.ts): the right control for
 * each widget, its label, and the server's problem under it, tied to it for screen readers.
 */
export function FormFields({
  idPrefix,
  fields,
  values,
  onChange,
  problems,
  labelOf,
  autoFocus = false,
}: FormFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      {fields.map((field, index) => {
        const id = `${idPrefix}-${field.name}`;
        const problem = problems.get(field.name);
        const problemId = `${id}-problem`;
        const value = values[field.name] ?? '';
        const common = {
          id,
          className: 'input',
          value,
          'aria-invalid': problem === undefined ? undefined : true,
          'aria-describedby': problem === undefined ? undefined : problemId,
          'aria-required': field.required === true ? true : undefined,
          autoFocus: autoFocus && index === 0,
          'data-autofocus': autoFocus && index === 0 ? '' : undefined,
        };
        const set = (next: string) => {
          onChange(field.name, next);
        };
        const { widget } = field;
        let control;
        switch (widget.type) {
          case 'text':
            control = (
              <textarea
                {...common}
                rows={3}
                onChange={(event) => {
                  set(event.target.value);
                }}
              />
            );
            break;
          case 'choice':
            control = (
              <select
                {...common}
                onChange={(event) => {
                  set(event.target.value);
                }}
              >
                {widget.nullable && <option value="">{t('fields.none')}</option>}
                {widget.options.map((option) => (
                  <option key={option} value={option}>
                    {t(`kinds.${widget.group}.${option}` as 'kinds.org.charity')}
                  </option>
                ))}
              </select>
            );
            break;
          case 'strength':
            control = (
              <select
                {...common}
                onChange={(event) => {
                  set(event.target.value);
                }}
              >
                {(['1', '2', '3'] as const).map((level) => (
                  <option key={level} value={level}>
                    {t(`fields.strengthLevel.${level}`)}
                  </option>
                ))}
              </select>
            );
            break;
          case 'meeting':
            control = (
              <select
                {...common}
                onChange={(event) => {
                  set(event.target.value);
                }}
              >
                <MeetingOptions />
              </select>
            );
            break;
          case 'contact': {
            const key = visibilityKey(field.name);
            control = (
              <div className="contact-input">
                <input
                  {...common}
                  type={field.name === 'email' ? 'email' : 'tel'}
                  autoComplete="off"
                  onChange={(event) => {
                    set(event.target.value);
                  }}
                />
                <select
                  className="input"
                  aria-label={t('fields.visibility')}
                  value={values[key] ?? 'private'}
                  onChange={(event) => {
                    onChange(key, event.target.value);
                  }}
                >
                  {widget.visibilities.map((visibility) => (
                    <option key={visibility} value={visibility}>
                      {t(
                        `fields.visibilityLevel.${visibility}` as 'fields.visibilityLevel.private',
                      )}
                    </option>
                  ))}
                </select>
              </div>
            );
            break;
          }
          default: {
            const type =
              widget.type === 'date'
                ? 'date'
                : widget.type === 'url'
                  ? 'url'
                  : widget.type === 'year'
                    ? 'text'
                    : 'text';
            control = (
              <input
                {...common}
                type={type}
                inputMode={widget.type === 'year' ? 'numeric' : undefined}
                autoComplete="off"
                onChange={(event) => {
                  set(event.target.value);
                }}
              />
            );
          }
        }
        return (
          <div key={field.name} className="form-field">
            <label htmlFor={id}>
              {labelOf ? labelOf(field) : t(`fields.${field.name}` as 'fields.name')}
            </label>
            {control}
            {widget.type === 'tags' && <p className="form-field__hint">{t('fields.tagsHint')}</p>}
            {problem !== undefined && (
              <p className="form-field__problem" id={problemId}>
                {problem.join('; ')}
              </p>
            )}
          </div>
        );
      })}
    </>
  );
}
