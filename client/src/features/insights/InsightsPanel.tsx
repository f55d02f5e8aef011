import './insights.css';
import type { InsightFinding, IntroductionReason } from '@octograph/graph-schema';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightPages } from '../../api/client';
import { useInsightPage, useInsightsSummary } from '../../api/queries';
import { CloseButton } from '../../ui/CloseButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SheetSection } from '../../ui/SheetSection';
import { NARROW_SCREEN } from '../../ui/narrow-screen';
import { useFilteredMap } from '../filters/use-filtered-map';
import { useSelection } from '../selection/selection-context';
import {
  bridgeHighlight,
  COMMUNITY_COLOURS,
  groupHighlight,
  introductionHighlight,
  type Highlight,
} from './insights-state';
import { dispatchInsightsMap, useInsightsMap } from './insights-store';

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
  const map = useFilteredMap().data;

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
    <aside className="insights" id={id} aria-label={t('insights.label')}>
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
                  if (map) act({ type: 'highlight', highlight: bridgeHighlight(item, map) });
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
          <FindingSection
            finding="introductions"
            title={t('insights.introductions.title')}
            total={data.counts.introductions}
            renderItem={(item: InsightPages['introductions']['items'][number]) => (
              <ItemButton
                key={`${item.a.id}:${item.b.id}`}
                title={t('insights.introductions.pair', { a: item.a.name, b: item.b.name })}
                text={
                  <ul className="insights__reasons">
                    {item.reasons.map((reason) => (
                      <li key={reason.type}>
                        <ReasonText reason={reason} names={{ a: item.a, b: item.b }} />
                      </li>
                    ))}
                  </ul>
                }
                onClick={() => {
                  act({ type: 'highlight', highlight: introductionHighlight(item) });
                }}
              />
            )}
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
                title={t('insights.communities.name', { number: item.id + 1 })}
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

/** One reason two organisations might meet, in words. */
function ReasonText({
  reason,
  names,
}: {
  reason: IntroductionReason;
  names: { a: { id: string; name: string }; b: { id: string; name: string } };
}) {
  const { t } = useTranslation();
  const nameOf = (id: string) => (id === names.a.id ? names.a.name : names.b.name);
  switch (reason.type) {
    case 'sharedThemes':
      return t('insights.introductions.sharedThemes', {
        names: reason.themes.map((theme) => theme.name),
      });
    case 'samePlace':
      return t('insights.introductions.samePlace', {
        names: reason.places.map((place) => place.name),
      });
    case 'sharedValues':
      return t('insights.introductions.sharedValues', { names: reason.values });
    case 'offersMeetNeeds':
      return t('insights.introductions.offersMeetNeeds', {
        from: nameOf(reason.from),
        to: nameOf(reason.to),
        names: reason.tags,
      });
    case 'friendsInCommon':
      return t('insights.introductions.friendsInCommon', {
        count: reason.friends.length,
        names: reason.friends.map((friend) => friend.name),
      });
  }
}

/** One item: a button with its name and a sentence about it. */
function ItemButton({
  title,
  text,
  swatch,
  onClick,
}: {
  title: string;
  text: ReactNode;
  swatch?: string | undefined;
  onClick: () => void;
}) {
  return (
    <li>
      <button type="button" className="insights__item" onClick={onClick}>
        <span className="insights__item-title">
          {swatch !== undefined && (
            <span className="insights__swatch" style={{ background: swatch }} aria-hidden="true" />
          )}
          {title}
        </span>
        <span className="insights__item-text">{text}</span>
      </button>
    </li>
  );
}

/** A finding: its title and count; opened, its items, PAGE_STEP more at a time. */
function FindingSection<F extends InsightFinding>({
  finding,
  title,
  total,
  note,
  renderItem,
}: {
  finding: F;
  title: string;
  total: number;
  note?: string | undefined;
  renderItem: (item: InsightPages[F]['items'][number]) => ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(PAGE_STEP);
  const page = useInsightPage(finding, open && total > 0 ? { limit } : null);
  const items: readonly InsightPages[F]['items'][number][] = page.data?.items ?? [];

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
      {items.length > 0 && items.length < total && (
        <div className="insights__more">
          <span className="muted">{t('insights.shown', { shown: items.length, total })}</span>
          <button
            type="button"
            className="sheet__action"
            disabled={page.isFetching}
            onClick={() => {
              setLimit((value) => value + PAGE_STEP);
            }}
          >
            {t('insights.more')}
          </button>
        </div>
      )}
    </SheetSection>
  );
}
