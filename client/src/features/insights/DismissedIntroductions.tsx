import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useCanEdit } from '../account/session';
import {
  useDismissedIntroductions,
  type IntroductionActions,
} from '../introductions/introduction-queries';
import { ShowMore } from './ShowMore';

/** Dismissed suggestions shown at first, and how many more each "Show more" adds. */
const PAGE_STEP = 10;

/** When a suggestion was dismissed, as the reader's language writes a date. */
function formatDismissedAt(timestamp: string, language: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

/**
 * "Dismissed (3)": a fold under the suggestions listing the dismissed ones, newest first, each
 * with a Restore that lets it be suggested again. Nothing while none is dismissed.
 */
export function DismissedIntroductions({ actions }: { actions: IntroductionActions }) {
  const { t, i18n } = useTranslation();
  const canEdit = useCanEdit();
  const bodyId = useId();
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(PAGE_STEP);
  const page = useDismissedIntroductions({ limit });
  const total = page.data?.total ?? 0;
  const items = page.data?.items ?? [];

  if (page.isError) {
    return (
      <ErrorNotice
        compact
        error={page.error}
        onRetry={() => {
          void page.refetch();
        }}
      />
    );
  }
  if (total === 0) return null;
  return (
    <div className="dismissed-introductions">
      <button
        type="button"
        className="dismissed-introductions__toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => {
          setOpen((value) => !value);
        }}
      >
        {t('insights.introductions.dismissedFold', { count: total })}
        <svg className="legend__chevron" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M3 4.5 6 7.5 9 4.5" />
        </svg>
      </button>
      {open && (
        <div id={bodyId}>
          <ul className="dismissed-introductions__list">
            {items.map((item) => (
              <li key={`${item.a.id}|${item.b.id}`} className="dismissed-introductions__item">
                <span className="dismissed-introductions__text">
                  <span className="dismissed-introductions__pair">
                    {t('insights.introductions.pair', { a: item.a.name, b: item.b.name })}
                  </span>
                  <span className="muted">
                    {t('insights.introductions.dismissedOn', {
                      date: formatDismissedAt(item.dismissedAt, i18n.language),
                    })}
                  </span>
                </span>
                {canEdit && (
                  <button
                    type="button"
                    className="sheet__action"
                    aria-label={t('insights.introductions.restoreLabel', {
                      a: item.a.name,
                      b: item.b.name,
                    })}
                    title={t('insights.introductions.restoreLabel', {
                      a: item.a.name,
                      b: item.b.name,
                    })}
                    disabled={actions.busy}
                    onClick={() => {
                      actions.run({ type: 'restore', pair: { a: item.a, b: item.b } });
                    }}
                  >
                    {t('insights.introductions.restore')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <ShowMore
            shown={items.length}
            total={total}
            busy={page.isFetching}
            onMore={() => {
              setLimit((value) => value + PAGE_STEP);
            }}
          />
        </div>
      )}
    </div>
  );
}
