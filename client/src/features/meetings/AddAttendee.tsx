import { ORGANISATION_KINDS, type MeetingDetails } from '@octograph/graph-schema';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNodeSearch, useSimilarNodes } from '../../api/queries';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { attendeeChoices, didYouMean, type AttendeeKind } from './attendee-choices';
import { useAddNewAttendee, useSetAttendee, type NewAttendee } from './meeting-mutations';

const SEARCH_DELAY_MS = 150;
const RESULT_LIMIT = 12;

/**
 * Adds an attendee: type a name, tap someone from the directory; or, when they are not in it,
 * add them as a new organisation or person. Before a new one is made the directory is asked for
 * similar names ("did you mean …?"), and choosing one adds that one instead of a duplicate.
 */
export function AddAttendee({ details }: { details: MeetingDetails }) {
  const { t } = useTranslation();
  const id = useId();
  const meetingId = details.meeting.id;
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const [kind, setKind] = useState<AttendeeKind>('organisation');
  const [orgKind, setOrgKind] = useState<NewAttendee['orgKind']>('community_group');
  const query = useDebouncedValue(text, SEARCH_DELAY_MS);
  const search = useNodeSearch(query, RESULT_LIMIT);
  const similar = useSimilarNodes(creating ? text : '', kind);
  const addExisting = useSetAttendee(meetingId);
  const addNew = useAddNewAttendee(meetingId);

  const name = text.trim();
  const choices = name === '' ? [] : attendeeChoices(search.data?.items ?? [], details.attendees);
  const alike = creating
    ? didYouMean(name, kind, similar.data?.items ?? [], details.attendees)
    : [];
  const busy = addExisting.isPending || addNew.isPending;

  const reset = () => {
    setText('');
    setCreating(false);
  };
  const chooseExisting = (nodeId: string) => {
    addExisting.mutate({ nodeId, body: {} }, { onSuccess: reset });
  };

  return (
    <div className="add-attendee">
      <label className="add-attendee__label" htmlFor={`${id}-name`}>
        {t('meetings.attendees.add')}
      </label>
      <input
        id={`${id}-name`}
        className="input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('meetings.attendees.addPlaceholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setCreating(false);
        }}
      />
      {name !== '' && !creating && (
        <div className="add-attendee__results">
          {search.isSuccess && choices.length === 0 && (
            <p className="muted">{t('meetings.attendees.noMatches')}</p>
          )}
          <ul className="choice-list" aria-label={t('meetings.attendees.add')}>
            {choices.map((choice) => (
              <li key={choice.id}>
                <button
                  type="button"
                  className="choice-list__item"
                  disabled={busy}
                  onClick={() => {
                    chooseExisting(choice.id);
                  }}
                >
                  <span className="choice-list__name">{choice.name}</span>
                  <span className="choice-list__kind">{t(`kinds.node.${choice.kind}`)}</span>
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--secondary button--wide"
            onClick={() => {
              setCreating(true);
            }}
          >
            {t('meetings.attendees.addNew', { name })}
          </button>
        </div>
      )}
      {name !== '' && creating && (
        <div className="add-attendee__new" role="group" aria-labelledby={`${id}-new`}>
          <p className="add-attendee__new-title" id={`${id}-new`}>
            {t('meetings.attendees.newTitle', { name })}
          </p>
          <div className="segmented" role="radiogroup" aria-label={t('meetings.attendees.newKind')}>
            {(['organisation', 'person'] as const).map((value) => (
              <label key={value} className="segmented__option">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  checked={kind === value}
                  onChange={() => {
                    setKind(value);
                  }}
                />
                <span>{t(`kinds.node.${value}`)}</span>
              </label>
            ))}
          </div>
          {kind === 'organisation' && (
            <div className="form-field">
              <label htmlFor={`${id}-orgKind`}>{t('meetings.attendees.orgKind')}</label>
              <select
                id={`${id}-orgKind`}
                className="input"
                value={orgKind}
                onChange={(event) => {
                  const value = ORGANISATION_KINDS.find((item) => item === event.target.value);
                  if (value) setOrgKind(value);
                }}
              >
                {ORGANISATION_KINDS.map((value) => (
                  <option key={value} value={value}>
                    {t(`kinds.org.${value}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {alike.length > 0 && (
            <div className="did-you-mean" role="alert">
              <p className="did-you-mean__title">{t('meetings.attendees.didYouMean')}</p>
              <p className="did-you-mean__hint">{t('meetings.attendees.didYouMeanHint')}</p>
              <ul className="choice-list">
                {alike.map((choice) => (
                  <li key={choice.id}>
                    <button
                      type="button"
                      className="choice-list__item"
                      disabled={busy || choice.attending}
                      onClick={() => {
                        chooseExisting(choice.id);
                      }}
                    >
                      <span className="choice-list__name">
                        {choice.attending
                          ? t('meetings.attendees.alreadyAttending', { name: choice.name })
                          : t('meetings.attendees.useExisting', { name: choice.name })}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="add-attendee__actions">
            <button
              type="button"
              className="button button--primary"
              // Not before the directory has been asked: a near-duplicate must be seen first.
              disabled={busy || similar.isFetching}
              onClick={() => {
                addNew.mutate({ name, kind, orgKind }, { onSuccess: reset });
              }}
            >
              {t(
                alike.length > 0
                  ? 'meetings.attendees.createAnyway'
                  : 'meetings.attendees.createNew',
                { name, kind: t(`meetings.attendees.kindName.${kind}`) },
              )}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setCreating(false);
              }}
            >
              {t('meetings.attendees.cancel')}
            </button>
          </div>
        </div>
      )}
      {(addExisting.isError || addNew.isError) && (
        <ErrorNotice error={addExisting.error ?? addNew.error} compact />
      )}
    </div>
  );
}
