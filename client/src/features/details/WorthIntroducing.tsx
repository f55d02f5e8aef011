import './details.css';
import type { InsightNodeRef } from '@octograph/graph-schema';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInsightPage } from '../../api/queries';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFilteredMap } from '../filters/use-filtered-map';
import { IntroductionButtons } from '../introductions/IntroductionButtons';
import { IntroductionNoticeLine } from '../introductions/IntroductionNoticeLine';
import { IntroductionReasons } from '../introductions/IntroductionReasons';
import { useIntroductionActions } from '../introductions/introduction-queries';
import { otherOf, visibleIntroductions } from '../introductions/introductions-state';
import { NodeChipButton } from './NodeChip';

/** Suggestions shown at first, and how many more each "Show more" adds. */
const PAGE_STEP = 5;

/**
 * "Worth introducing": the organisations the selected one is not linked to yet but might want to
 * meet (GET /api/insights/introductions?for=), best first, each with why and with Introduce and
 * Dismiss, as in the Insights panel.
 */
export function WorthIntroducing({ id }: { id: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const actions = useIntroductionActions();
  const [limit, setLimit] = useState(PAGE_STEP);
  const page = useInsightPage('introductions', { limit, for: id });
  const items = visibleIntroductions(page.data?.items ?? [], actions.notice);
  const total = page.data?.total ?? null;

  return (
    <section className="worth-introducing" aria-labelledby={titleId}>
      <h3 className="connections__title" id={titleId}>
        {t('details.introductions.title')}
        {total !== null && (
          <span className="connections__count">
            {t('details.introductions.count', { count: total })}
          </span>
        )}
      </h3>
      <IntroductionNoticeLine actions={actions} />
      {page.isPending && <p className="muted">{t('details.introductions.loading')}</p>}
      {page.isError && (
        <ErrorNotice
          compact
          error={page.error}
          onRetry={() => {
            void page.refetch();
          }}
        />
      )}
      {total === 0 && <p className="muted">{t('details.introductions.none')}</p>}
      {items.length > 0 && (
        <ul className="worth-introducing__list">
          {items.map((item) => (
            <li key={`${item.a.id}:${item.b.id}`} className="worth-introducing__item">
              <OrganisationButton node={otherOf(item, id)} />
              <IntroductionReasons item={item} />
              <IntroductionButtons pair={item} actions={actions} />
            </li>
          ))}
        </ul>
      )}
      {total !== null && items.length > 0 && items.length < total && (
        <button
          type="button"
          className="sheet__action worth-introducing__more"
          disabled={page.isFetching}
          onClick={() => {
            setLimit((value) => value + PAGE_STEP);
          }}
        >
          {t('details.introductions.more')}
        </button>
      )}
    </section>
  );
}

/** The other organisation of a suggestion: its colour and name; choosing it selects it. */
function OrganisationButton({ node }: { node: InsightNodeRef }) {
  const { t } = useTranslation();
  const { data: map } = useFilteredMap();
  // The suggestion names no kind of organisation; the map knows it when it draws the node.
  const orgKind = useMemo(
    () => map?.nodes.find((mapNode) => mapNode.id === node.id)?.orgKind ?? null,
    [map, node.id],
  );
  return (
    <NodeChipButton
      node={node}
      orgKind={orgKind}
      title={t('details.introductions.select', { name: node.name })}
    />
  );
}
