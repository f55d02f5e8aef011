import type { Dispatch } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingSuggestions } from '../../api/queries';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useCanEdit } from '../account/session';
import { IntroductionReasons } from '../introductions/IntroductionReasons';
import { useAddMeetingLinks } from './meeting-mutations';
import type { LinkSessionAction } from './quick-link-state';

/** How many suggestions show at first, and how many more each "Show more" adds. */
const STEP = 5;

/**
 * Attendee organisations not linked yet, with the reasons they might work together (the same
 * sentences as the Insights panel), each with a one-tap Add that records the link as formed at
 * this meeting (and into this visit's links, so it can be undone).
 */
export function MeetingSuggestions({
  meetingId,
  onSession,
}: {
  meetingId: string;
  onSession: Dispatch<LinkSessionAction>;
}) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const id = useId();
  const suggestions = useMeetingSuggestions(meetingId);
  const add = useAddMeetingLinks(meetingId);
  const [shown, setShown] = useState(STEP);
  const items = suggestions.data?.items ?? [];
  const more = Math.min(STEP, items.length - shown);

  return (
    <section className="meetings__section" aria-labelledby={`${id}-title`}>
      <h3 className="meetings__section-title" id={`${id}-title`}>
        {t('meetings.suggestions.title')}
      </h3>
      <p className="meetings__hint">{t('meetings.suggestions.hint')}</p>
      {suggestions.isError && (
        <ErrorNotice
          error={suggestions.error}
          compact
          onRetry={() => {
            void suggestions.refetch();
          }}
        />
      )}
      {suggestions.data && items.length === 0 && (
        <p className="muted">{t('meetings.suggestions.none')}</p>
      )}
      <ul className="suggestion-list">
        {items.slice(0, shown).map((item) => (
          <li key={`${item.a.id}:${item.b.id}`} className="suggestion-list__item">
            <div className="suggestion-list__text">
              <p className="suggestion-list__pair">
                {t('meetings.links.sentence', {
                  source: item.a.name,
                  verb: '+',
                  target: item.b.name,
                })}
              </p>
              <IntroductionReasons item={item} />
            </div>
            {canEdit && (
              <button
                type="button"
                className="button button--secondary"
                aria-label={t('meetings.suggestions.addLabel', { a: item.a.name, b: item.b.name })}
                disabled={add.isPending}
                onClick={() => {
                  add.mutate([{ source: item.a.id, target: item.b.id }], {
                    onSuccess: (result) => {
                      onSession({
                        type: 'result',
                        created: result.created,
                        existing: result.existing.map((existing) => existing.link),
                      });
                    },
                  });
                }}
              >
                {t('meetings.suggestions.add')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {add.isError && <ErrorNotice error={add.error} compact />}
      {more > 0 && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setShown((value) => value + STEP);
          }}
        >
          {t('meetings.suggestions.more', { count: more })}
        </button>
      )}
    </section>
  );
}
