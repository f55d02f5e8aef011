import type { Link, MeetingDetails } from '@octograph/graph-schema';
import { useId, useReducer, useRef, useState, type Dispatch } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useCanEdit } from '../account/session';
import { NodePicker } from '../editing/NodePicker';
import type { PickerNode } from '../editing/picker-choices';
import { useAddMeetingLinks, useUndoLink } from './meeting-mutations';
import {
  acceptsOtherEnd,
  chosenLink,
  EMPTY_QUICK_LINK,
  meetingLinkChoices,
  quickLinkProblem,
  quickLinkReducer,
  quickLinkRow,
  undoableLinks,
  type LinkSession,
  type LinkSessionAction,
  type QuickLinkAction,
} from './quick-link-state';

/** "A works with B", with the names known (or the ids, for a node no longer there). */
function useLinkSentence(nameOf: (id: string) => string) {
  const { t } = useTranslation();
  return (link: Pick<Link, 'source' | 'target' | 'kind'>) =>
    t('meetings.links.sentence', {
      source: nameOf(link.source),
      verb: t(`meetings.links.verb.${link.kind}`),
      target: nameOf(link.target),
    });
}

/** A chosen end of the link: its name and kind, and Change to pick another. */
function ChosenEnd({
  label,
  node,
  onChange,
}: {
  label: string;
  node: PickerNode;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="quick-link__end">
      <span className="quick-link__end-label">{label}</span>
      <span className="quick-link__end-name">
        {node.name}
        <span className="quick-link__end-kind">
          {node.orgKind ? t(`kinds.org.${node.orgKind}`) : t(`kinds.node.${node.kind}`)}
        </span>
      </span>
      <button
        type="button"
        className="button button--secondary"
        aria-label={t('meetings.links.changeLabel', { label, name: node.name })}
        onClick={onChange}
      >
        {t('meetings.links.change')}
      </button>
    </div>
  );
}

/**
 * The quick link form: who (a type-ahead picker: the meeting's people and organisations first,
 * then anyone by name), with whom (only those the rules let the first be linked with), the kind
 * (only the kinds allowed between the two, the most likely chosen), an optional note, Add. After
 * Add the first end and the kind stay and the focus goes to "With" (quick-link-state.ts says why);
 * the links added in this visit are listed with an Undo each. One end must be from the meeting.
 * Editors only (useCanEdit); everyone sees the links formed here.
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
  const firstPicker = useRef<HTMLInputElement>(null);
  const secondPicker = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const add = useAddMeetingLinks(details.meeting.id);
  const undo = useUndoLink();
  // Names of those picked from everyone, until the meeting's details list them too.
  const [picked, setPicked] = useState<ReadonlyMap<string, string>>(new Map());
  const nameOf = (nodeId: string) => names.get(nodeId) ?? picked.get(nodeId) ?? nodeId;
  const sentence = useLinkSentence(nameOf);
  const [tried, setTried] = useState(false);

  const problem = quickLinkProblem(form, details.linkable);
  const choice = chosenLink(form);
  const choices =
    form.first !== null && form.second !== null ? meetingLinkChoices(form.first, form.second) : [];
  const undoable = undoableLinks(session);
  const addedIds = new Set(session.added.map((link) => link.id));
  const earlier = details.links.filter((link) => !addedIds.has(link.id));

  const remember = (node: PickerNode) => {
    if (!names.has(node.id)) setPicked((known) => new Map(known).set(node.id, node.name));
  };
  /**
   * Changes the form and moves the focus to a picker the change shows. The picker is drawn at
   * once (flushSync) so the focus moves inside the tap's own handler: that is when a phone opens
   * its keyboard for a field focused by script.
   */
  const changeThenFocus = (action: QuickLinkAction, next: 'first' | 'second' | 'add' | null) => {
    flushSync(() => {
      dispatch(action);
    });
    if (next === 'add') addButton.current?.focus();
    else if (next !== null) {
      const input = (next === 'first' ? firstPicker : secondPicker).current;
      input?.focus({ preventScroll: true });
      // Both ends go to the top of the screen, so the picker's list shows above a phone's
      // keyboard and the other end's Change stays in reach.
      input?.closest('.quick-link__ends')?.scrollIntoView({ block: 'start' });
    }
  };

  const submit = () => {
    setTried(true);
    const row = quickLinkRow(form);
    if (problem !== null || row === null || choice === null) return;
    add.mutate([row], {
      onSuccess: (result) => {
        onSession({
          type: 'result',
          created: result.created,
          existing: result.existing.map((item) => item.link),
        });
        setTried(false);
        changeThenFocus({ type: 'added', kind: choice.kind }, 'second');
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
      {canEdit && details.linkable.length === 0 && (
        <p className="meetings__hint">{t('meetings.links.needOne')}</p>
      )}
      {canEdit && details.linkable.length > 0 && (
        <form
          className="quick-link"
          aria-label={t('meetings.links.title')}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <p className="meetings__hint">{t('meetings.links.pickHint')}</p>
          <div className="quick-link__ends">
            {form.first === null ? (
              <NodePicker
                ref={firstPicker}
                id={`${id}-first`}
                label={t('meetings.links.from')}
                preferred={details.linkable}
                accepts={acceptsOtherEnd(form.second)}
                exclude={form.second === null ? [] : [form.second.id]}
                onPick={(node) => {
                  remember(node);
                  changeThenFocus({ type: 'first', node }, form.second === null ? 'second' : 'add');
                }}
              />
            ) : (
              <ChosenEnd
                label={t('meetings.links.from')}
                node={form.first}
                onChange={() => {
                  changeThenFocus({ type: 'clear', end: 'first' }, 'first');
                }}
              />
            )}
            {(form.first !== null || form.second !== null) &&
              (form.second === null ? (
                <NodePicker
                  ref={secondPicker}
                  id={`${id}-second`}
                  label={t('meetings.links.to')}
                  preferred={details.linkable}
                  accepts={acceptsOtherEnd(form.first)}
                  exclude={form.first === null ? [] : [form.first.id]}
                  onPick={(node) => {
                    remember(node);
                    // Both ends chosen: Enter (or a tap) on Add is all that is left.
                    changeThenFocus({ type: 'second', node }, 'add');
                  }}
                />
              ) : (
                <ChosenEnd
                  label={t('meetings.links.to')}
                  node={form.second}
                  onChange={() => {
                    changeThenFocus({ type: 'clear', end: 'second' }, 'second');
                  }}
                />
              ))}
          </div>
          {choice !== null && (
            <fieldset className="quick-link__kinds">
              <legend>{t('meetings.links.kind')}</legend>
              {choices.map((option) => (
                <label key={option.kind} className="quick-link__kind">
                  <input
                    type="radio"
                    name={`${id}-kind`}
                    value={option.kind}
                    checked={option.kind === choice.kind}
                    onChange={() => {
                      dispatch({ type: 'kind', kind: option.kind });
                    }}
                  />
                  {sentence({
                    kind: option.kind,
                    source: option.source.id,
                    target: option.target.id,
                  })}
                </label>
              ))}
            </fieldset>
          )}
          {choice !== null && (
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
          )}
          {(tried || problem === 'notAtMeeting') && problem !== null && (
            <p className="form-field__problem" role="alert">
              {t(`meetings.links.${problem}`)}
            </p>
          )}
          <button
            ref={addButton}
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
            source: nameOf(notice.link.source),
            target: nameOf(notice.link.target),
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
                      source: nameOf(link.source),
                      target: nameOf(link.target),
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
