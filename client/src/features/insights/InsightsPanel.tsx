import { escapeCloses } from '../../ui/escape-closes';
import './insights.css';
import type { InsightFinding, IntroductionItem } from '@octograph/graph-schema';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightPages } from '../../api/client';
import { useInsightPage, useInsightsSummary } from '../../api/queries';
import { CloseButton } from '../../ui/CloseButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SheetSection } from '../../ui/SheetSection';
import { NARROW_SCREEN } from '../../ui/narrow-screen';
import { IntroductionButtons } from '../introductions/IntroductionButtons';
import { IntroductionNoticeLine } from '../introductions/IntroductionNoticeLine';
import { IntroductionReasons } from '../introductions/IntroductionReasons';
import { useIntroductionActions } from '../introductions/introduction-queries';
import { visibleIntroductions } from '../introductions/introductions-state';
import { useSelection } from '../selection/selection-context';
import {
  bridgeHighlight,
  COMMUNITY_COLOURS,
  communityName,
  groupHighlight,
  introductionHighlight,
  type Highlight,
} from './insights-state';
import { DismissedIntroductions } from './DismissedIntroductions';
import { dispatchInsightsMap, useInsightsMap } from './insights-store';
import { ShowMore } from './ShowMore';

/** Items shown at first, and how many more each "Show more" adds. */
const PAGE_STEP = 10;

/** What clicking an item does: select one node, or highlight several. */
type ItemAction = { type: 'select'; id: string } | { type: 'highlight'; highlight: Highlight };

/**
 * The Insights panel: each finding of GET /api/insights as a section with its count; opened, its
 * first items (GET /api/insights/<finding>), ten more at a time. Every sentence is built here from
 * the items' fields, never from the server's English `explanation`. Clicking an item shows it on
 * the map (selects it, or highlights it and what belongs with it).
 */
export function InsightsPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const summary = useInsightsSummary();
  const { highlight, colourByCommunity } = useInsightsMap();
  const { dispatch } = useSelection();

  const act = (action: ItemAction) => {
    // On a phone the panel is a sheet over most of the map: it steps aside to show the item.
    if (window.matchMedia(NARROW_SCREEN).matches) onClose();
    if (action.type === 'select') {
      // 'search' rather than 'map': chosen away from the canvas, so the map centres on it.
      dispatch({ type: 'select', id: action.id, source: 'search' });
      return;
    }
    // The highlight replaces the selection (it fades with the same classes).
    dispatch({ type: 'clear' });
    dispatchInsightsMap({ type: 'highlight', highlight: action.highlight });
  };
  const data = summary.data;

  return (
    <aside
      className="insights"
      id={id}
      aria-label={t('insights.label')}
      // Escape first ends a highlight (the page's clear command), then closes the panel.
      onKeyDown={highlight === null ? escapeCloses(onClose) : undefined}
    >
      <header className="sheet__header">
        <h2 className="sheet__title">{t('insights.label')}</h2>
        <button
          type="button"
          className="sheet__action"
          disabled={highlight === null}
          onClick={() => {
            dispatchInsightsMap({ type: 'clearHighlight' });
          }}
        >
          {t('insights.clearHighlight')}
        </button>
        <CloseButton label={t('insights.close')} onClick={onClose} />
      </header>
      <label className="insights__switch">
        <input
          type="checkbox"
          checked={colourByCommunity}
          onChange={(event) => {
            dispatchInsightsMap({ type: 'colourByCommunity', on: event.target.checked });
          }}
        />
        <span>{t('insights.colourByCommunity')}</span>
      </label>
      {summary.isPending && <p className="insights__note muted">{t('insights.loading')}</p>}
      {summary.isError && (
        <div className="insights__note">
          <ErrorNotice
            error={summary.error}
            onRetry={() => {
              void summary.refetch();
            }}
          />
        </div>
      )}
      {data && (
        <>
          <FindingSection
            finding="notConnected"
            title={t('insights.notConnected.title')}
            total={data.counts.notConnected}
            renderItem={(item: InsightPages['notConnected']['items'][number]) => (
              <ItemButton
                key={item.id}
                title={item.name}
                text={t('insights.notConnected.item')}
                onClick={() => {
                  act({ type: 'select', id: item.id });
                }}
              />
            )}
          />
          <FindingSection
            finding="islands"
            title={t('insights.islands.title')}
            total={data.counts.islands}
            renderItem={(item: InsightPages['islands']['items'][number]) => (
              <ItemButton
                key={item.id}
                title={t('insights.islands.item', { count: item.size })}
                text={t('insights.names', { names: item.members.map((member) => member.name) })}
                onClick={() => {
                  act({ type: 'highlight', highlight: groupHighlight(item) });
                }}
              />
            )}
          />
          <FindingSection
            finding="bridges"
            title={t('insights.bridges.title')}
            total={data.counts.bridges}
            renderItem={(item: InsightPages['bridges']['items'][number]) => (
              <ItemButton
                key={`${item.type}:${item.id}`}
                title={
                  item.type === 'organisation'
                    ? item.name
                    : t('insights.bridges.link', {
                        source: item.source.name,
                        target: item.target.name,
                      })
                }
                text={
                  item.type === 'organisation'
                    ? t('insights.bridges.organisation', {
                        count: item.cutOff,
                        groups: t('insights.bridges.groups', { count: item.groupsCutOff }),
                      })
                    : t('insights.bridges.linkItem', { count: item.cutOff })
                }
                onClick={() => {
                  act({ type: 'highlight', highlight: bridgeHighlight(item) });
                }}
              />
            )}
          />
          <FindingSection
            finding="brokers"
            title={t('insights.brokers.title')}
            total={data.counts.brokers}
            note={
              data.brokersApproximate && data.brokersSampleSize !== null
                ? t('insights.brokers.approximate', { count: data.brokersSampleSize })
                : undefined
            }
            renderItem={(item: InsightPages['brokers']['items'][number]) => (
              <ItemButton
                key={item.id}
                title={item.name}
                text={t('insights.brokers.item', { rank: item.rank })}
                onClick={() => {
                  act({ type: 'select', id: item.id });
                }}
              />
            )}
          />
          <FindingSection
            finding="siloedThemes"
            title={t('insights.siloedThemes.title')}
            total={data.counts.siloedThemes}
            renderItem={(item: InsightPages['siloedThemes']['items'][number]) => (
              <ItemButton
                key={item.id}
                title={item.name}
                text={t('insights.siloedThemes.item', {
                  count: item.organisations,
                  links: t('insights.siloedThemes.links', { count: item.links }),
                })}
                onClick={() => {
                  act({ type: 'select', id: item.id });
                }}
              />
            )}
          />
          <IntroductionsFinding
            total={data.counts.introductions}
            onItem={(item) => {
              act({ type: 'highlight', highlight: introductionHighlight(item) });
            }}
          />
          <FindingSection
            finding="communities"
            title={t('insights.communities.title')}
            total={data.counts.communities}
            renderItem={(item: InsightPages['communities']['items'][number]) => (
              <ItemButton
                key={item.id}
                swatch={
                  colourByCommunity
                    ? COMMUNITY_COLOURS[item.id % COMMUNITY_COLOURS.length]
                    : undefined
                }
                title={communityName(item, t)}
                text={t('insights.communities.item', { count: item.size })}
                onClick={() => {
                  act({ type: 'highlight', highlight: groupHighlight(item) });
                }}
              />
            )}
          />
        </>
      )}
    </aside>
  );
}

/**
 * Suggested introductions: each pair with its reasons (clicking it highlights both on the map),
 * "Introduce" and "Dismiss" beside it, the line saying what was just done (with its Undo) above
 * them, and the dismissed ones in a fold at the end.
 */
function IntroductionsFinding({
  total,
  onItem,
}: {
  total: number;
  onItem: (item: IntroductionItem) => void;
}) {
  const { t } = useTranslation();
  const actions = useIntroductionActions();
  return (
    <FindingSection
      finding="introductions"
      title={t('insights.introductions.title')}
      total={total}
      header={<IntroductionNoticeLine actions={actions} />}
      footer={<DismissedIntroductions actions={actions} />}
      visibleItems={(items) => visibleIntroductions(items, actions.notice)}
      renderItem={(item: InsightPages['introductions']['items'][number]) => (
        <ItemButton
          key={`${item.a.id}:${item.b.id}`}
          title={t('insights.introductions.pair', { a: item.a.name, b: item.b.name })}
          text={<IntroductionReasons item={item} />}
          actions={<IntroductionButtons pair={item} actions={actions} />}
          onClick={() => {
            onItem(item);
          }}
        />
      )}
    />
  );
}

/** One item: a button with its name and a sentence about it, and what can be done with it. */
function ItemButton({
  title,
  text,
  swatch,
  actions,
  onClick,
}: {
  title: string;
  text: ReactNode;
  swatch?: string | undefined;
  /** Buttons under the item (beside, not inside, its own button). */
  actions?: ReactNode;
  onClick: () => void;
}) {
  return (
    <li className="insights__entry">
      <button type="button" className="insights__item" onClick={onClick}>
        <span className="insights__item-title">
          {swatch !== undefined && (
            <span className="insights__swatch" style={{ background: swatch }} aria-hidden="true" />
          )}
          {title}
        </span>
        <span className="insights__item-text">{text}</span>
      </button>
      {actions}
    </li>
  );
}

/**
 * A finding: its title and count; opened, its items, PAGE_STEP more at a time, between an optional
 * header and footer.
 */
function FindingSection<F extends InsightFinding>({
  finding,
  title,
  total,
  note,
  header,
  footer,
  visibleItems,
  renderItem,
}: {
  finding: F;
  title: string;
  total: number;
  note?: string | undefined;
  header?: ReactNode;
  footer?: ReactNode;
  /** Leaves out items the page still has but that are already gone (just dismissed). */
  visibleItems?: (
    items: readonly InsightPages[F]['items'][number][],
  ) => readonly InsightPages[F]['items'][number][];
  renderItem: (item: InsightPages[F]['items'][number]) => ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(PAGE_STEP);
  const page = useInsightPage(finding, open && total > 0 ? { limit } : null);
  const pageItems: readonly InsightPages[F]['items'][number][] = page.data?.items ?? [];
  const items = visibleItems ? visibleItems(pageItems) : pageItems;

  return (
    <SheetSection
      title={title}
      badge={<span className="insights__count">{t('insights.count', { value: total })}</span>}
      open={open}
      onToggle={() => {
        setOpen((value) => !value);
      }}
      bodyClassName="insights__body"
    >
      {note !== undefined && <p className="muted">{note}</p>}
      {header}
      {total === 0 && <p className="muted">{t('insights.none')}</p>}
      {page.isPending && total > 0 && <p className="muted">{t('insights.loading')}</p>}
      {page.isError && (
        <ErrorNotice
          error={page.error}
          onRetry={() => {
            void page.refetch();
          }}
        />
      )}
      {items.length > 0 && <ul className="insights__list">{items.map(renderItem)}</ul>}
      {items.length > 0 && (
        <ShowMore
          shown={items.length}
          total={total}
          busy={page.isFetching}
          onMore={() => {
            setLimit((value) => value + PAGE_STEP);
          }}
        />
      )}
      {footer}
    </SheetSection>
  );
}
