import type { Link, MeetingDetails } from '@octograph/graph-schema';
import { useId, useReducer, useRef, useState, type Dispatch, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useCanEdit } from '../account/session';
import { useAddMeetingLinks, useUndoLink } from './meeting-mutations';
import {
  EMPTY_QUICK_LINK,
  MEETING_LINK_KINDS,
  quickLinkProblem,
  quickLinkReducer,
  quickLinkRow,
  sourceChoices,
  targetChoices,
  undoableLinks,
  type Linkable,
  type LinkSession,
  type LinkSessionAction,
  type MeetingLinkKind,
} from './quick-link-state';

/** "A works with B", with names from the meeting (or the ids, for a node no longer there). */
function useLinkSentence(names: ReadonlyMap<string, string>) {
  const { t } = useTranslation();
  return (link: Pick<Link, 'source' | 'target' | 'kind'>) =>
    t('meetings.links.sentence', {
      source: names.get(link.source) ?? link.source,
      verb: t(`meetings.links.verb.${link.kind}`),
      target: names.get(link.target) ?? link.target,
    });
}

/** One end of the link (who, or with whom): a labelled select over the choices, empty at first. */
function EndPicker({
  ref,
  id,
  label,
  choices,
  value,
  onChange,
}: {
  ref?: Ref<HTMLSelectElement>;
  id: string;
  label: string;
  choices: readonly Linkable[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <select
        ref={ref}
        id={id}
        className="input"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        <option value="">{t('meetings.links.choose')}</option>
        {choices.map((node) => (
          <option key={node.id} value={node.id}>
            {node.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function isMeetingLinkKind(value: string): value is MeetingLinkKind {
  return MEETING_LINK_KINDS.some((kind) => kind === value);
}

/**
 * The quick link form: who, kind, with whom, an optional note, Add. After Add the pickers clear
 * and the focus goes back to the first one, ready for the next link; the links added in this
 * visit are listed with an Undo each. Only the meeting's linkable people and organisations can be
 * chosen. Editors only (useCanEdit); everyone sees the links formed here.
 */
export function QuickLinkForm({
  details,
  names,
  session,
  onSession,
}: {
  details: MeetingDetails;
  names: ReadonlyMap<string, string>;
  session: LinkSession;
  onSession: Dispatch<LinkSessionAction>;
}) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const id = useId();
  const [form, dispatch] = useReducer(quickLinkReducer, EMPTY_QUICK_LINK);
  const firstPicker = useRef<HTMLSelectElement>(null);
  const add = useAddMeetingLinks(details.meeting.id);
  const undo = useUndoLink();
  const sentence = useLinkSentence(names);
  const [tried, setTried] = useState(false);

  const sources = sourceChoices(form.kind, details.linkable);
  const targets = targetChoices(form.kind, details.linkable, form.source);
  const problem = quickLinkProblem(form);
  const undoable = undoableLinks(session);
  const addedIds = new Set(session.added.map((link) => link.id));
  const earlier = details.links.filter((link) => !addedIds.has(link.id));

  const submit = () => {
    setTried(true);
    if (problem !== null) return;
    add.mutate([quickLinkRow(form)], {
      onSuccess: (result) => {
        onSession({
          type: 'result',
          created: result.created,
          existing: result.existing.map((item) => item.link),
        });
        dispatch({ type: 'added' });
        setTried(false);
        firstPicker.current?.focus();
      },
    });
  };

  const notice = session.notice;

  return (
    <section className="meetings__section" aria-labelledby={`${id}-title`}>
      <h3 className="meetings__section-title" id={`${id}-title`}>
        {t('meetings.links.title')}
      </h3>
      <p className="meetings__hint">
        {t('meetings.links.formedHere', { count: details.links.length })}
      </p>
      {canEdit && details.linkable.length < 2 && (
        <p className="meetings__hint">{t('meetings.links.needTwo')}</p>
      )}
      {canEdit && details.linkable.length >= 2 && (
        <form
          className="quick-link"
          aria-label={t('meetings.links.title')}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <EndPicker
            ref={firstPicker}
            id={`${id}-source`}
            label={t('meetings.links.from')}
            choices={sources}
            value={form.source}
            onChange={(source) => {
              dispatch({ type: 'source', id: source });
            }}
          />
          <div className="form-field">
            <label htmlFor={`${id}-kind`}>{t('meetings.links.kind')}</label>
            <select
              id={`${id}-kind`}
              className="input"
              value={form.kind}
              onChange={(event) => {
                const kind = event.target.value;
                if (isMeetingLinkKind(kind)) {
                  dispatch({ type: 'kind', kind, linkable: details.linkable });
                }
              }}
            >
              {MEETING_LINK_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`meetings.links.verb.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <EndPicker
            id={`${id}-target`}
            label={t('meetings.links.to')}
            choices={targets}
            value={form.target}
            onChange={(target) => {
              dispatch({ type: 'target', id: target });
            }}
          />
          <div className="form-field">
            <label htmlFor={`${id}-notes`}>{t('meetings.links.notes')}</label>
            <input
              id={`${id}-notes`}
              className="input"
              type="text"
              autoComplete="off"
              placeholder={t('meetings.links.notesPlaceholder')}
              value={form.notes}
              onChange={(event) => {
                dispatch({ type: 'notes', notes: event.target.value });
              }}
            />
          </div>
          {tried && problem !== null && (
            <p className="form-field__problem" role="alert">
              {t(`meetings.links.${problem}`)}
            </p>
          )}
          <button
            type="submit"
            className="button button--primary button--wide"
            disabled={add.isPending}
          >
            {add.isPending ? t('meetings.links.adding') : t('meetings.links.add')}
          </button>
          {add.isError && <ErrorNotice error={add.error} compact />}
        </form>
      )}
      <p className="quick-link__notice" aria-live="polite">
        {notice &&
          t(`meetings.links.${notice.type}`, {
            source: names.get(notice.link.source) ?? notice.link.source,
            target: names.get(notice.link.target) ?? notice.link.target,
          })}
      </p>
      {undoable.length > 0 && (
        <>
          <h4 className="meetings__subheading">{t('meetings.links.sessionTitle')}</h4>
          <ul className="link-list" aria-label={t('meetings.links.sessionTitle')}>
            {undoable.map((link) => (
              <li key={link.id} className="link-list__item">
                <span className="link-list__text">{sentence(link)}</span>
                {canEdit && (
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-label={t('meetings.links.undoLabel', {
                      source: names.get(link.source) ?? link.source,
                      target: names.get(link.target) ?? link.target,
                    })}
                    disabled={undo.isPending}
                    onClick={() => {
                      undo.mutate(link.id, {
                        onSuccess: (undoneId) => {
                          onSession({ type: 'undone', id: undoneId });
                        },
                      });
                    }}
                  >
                    {t('meetings.links.undo')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {undo.isError && <ErrorNotice error={undo.error} compact />}
        </>
      )}
      {earlier.length > 0 && (
        <details className="meetings__fold">
          <summary>{t('meetings.links.earlierTitle')}</summary>
          <ul className="link-list">
            {earlier.map((link) => (
              <li key={link.id} className="link-list__item">
                <span className="link-list__text">{sentence(link)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
