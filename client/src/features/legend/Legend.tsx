import type { ReactNode } from 'react';
import { useId, useMemo, useState } from 'react';
import { NARROW_SCREEN } from '../../ui/narrow-screen';
import { useTranslation } from 'react-i18next';
import { useFilteredMap } from '../filters/use-filtered-map';
import { dispatchMapStyle, useMapStyle } from '../map-style/map-style-store';
import { SizeMetricMenu } from '../map-style/SizeMetricMenu';
import { CommunitiesLegend } from './CommunitiesLegend';
import {
  NODE_KIND_COLOURS,
  NODE_KIND_SHAPES,
  ORG_KIND_COLOURS,
  ORG_KIND_SHAPES,
} from '../../map/palette';
import { LinkSwatch, NodeSwatch } from './KindSwatch';
import { legendCounts } from './legend-counts';
import { ATTRIBUTE_KINDS, isEntryHidden, switchedOff, type LegendEntry } from './legend-visibility';
import './legend.css';

/**
 * What every colour, shape and line on the map means, with how many of each there are. Each
 * entry is also a switch (as in Kumu): clicking it hides that kind from the map, clicking again
 * shows it; the legend says how much is hidden and can show everything again. Below the entries,
 * what node size shows, and the menu to change it.
 */
export function Legend() {
  const { t } = useTranslation();
  const { data: map } = useFilteredMap();
  const { sizeBy, legend: visibility } = useMapStyle();
  // Open beside the map; folded on a phone, where it would cover half of it.
  const [open, setOpen] = useState(() => !window.matchMedia(NARROW_SCREEN).matches);
  const bodyId = useId();
  const counts = useMemo(() => (map ? legendCounts(map) : null), [map]);
  // What the legend's own switches hide (themes and places as attributes are not "hidden").
  const hidden = useMemo(() => (map ? switchedOff(visibility, map) : null), [visibility, map]);
  if (!counts || !hidden) return null;

  const entry = (which: LegendEntry, swatch: ReactNode, label: string, value: number) => {
    const off = isEntryHidden(visibility, which);
    return (
      <li key={which.kind}>
        <button
          type="button"
          className="legend__entry"
          aria-pressed={!off}
          title={t(off ? 'legend.entryHidden' : 'legend.entryShown')}
          onClick={() => {
            dispatchMapStyle({ type: 'legend', action: { type: 'toggle', entry: which } });
          }}
        >
          {swatch}
          <span className="legend__label">{label}</span>
          <span className="legend__count">{t('legend.count', { value })}</span>
        </button>
      </li>
    );
  };
  const hiddenNodes = t('legend.hiddenNodes', { count: hidden.nodes.size });
  const hiddenLinks = t('legend.hiddenLinks', { count: hidden.links.size });
  let hiddenText: string | null = null;
  if (hidden.nodes.size > 0 && hidden.links.size > 0) {
    hiddenText = t('legend.hiddenBoth', { nodes: hiddenNodes, links: hiddenLinks });
  } else if (hidden.nodes.size > 0 || hidden.links.size > 0) {
    hiddenText = hidden.nodes.size > 0 ? hiddenNodes : hiddenLinks;
  }

  return (
    <aside className="legend" data-map-overlay aria-label={t('legend.title')}>
      <button
        type="button"
        className="legend__toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => {
          setOpen((value) => !value);
        }}
      >
        <span>{t('legend.title')}</span>
        <svg className="legend__chevron" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M3 4.5 6 7.5 9 4.5" />
        </svg>
      </button>
      {/* Outside the collapsible body, so what is hidden stays in sight with the legend closed;
          the live region is always there, so a change in it is announced. */}
      <div aria-live="polite">
        {hiddenText !== null && (
          <p className="legend__hidden">
            <span>{t('legend.hidden', { what: hiddenText })}</span>
            <button
              type="button"
              className="link-button legend__show-all"
              onClick={() => {
                dispatchMapStyle({ type: 'legend', action: { type: 'showAll' } });
              }}
            >
              {t('legend.showAll')}
            </button>
          </p>
        )}
      </div>
      {open && (
        <div className="legend__body" id={bodyId}>
          <CommunitiesLegend />
          {counts.organisations.length > 0 && (
            <section>
              <h2 className="legend__heading">{t('legend.organisations')}</h2>
              <ul className="legend__list">
                {counts.organisations.map(({ kind, count }) =>
                  entry(
                    { group: 'org', kind },
                    <NodeSwatch
                      swatch={ORG_KIND_COLOURS[kind]}
                      shape={ORG_KIND_SHAPES[kind]}
                      hub={kind === 'network'}
                    />,
                    t(`kinds.org.${kind}`),
                    count,
                  ),
                )}
              </ul>
            </section>
          )}
          {counts.otherNodes.length > 0 && (
            <section>
              <h2 className="legend__heading">{t('legend.otherNodes')}</h2>
              <ul className="legend__list">
                {counts.otherNodes
                  .filter(
                    ({ kind }) => visibility.attributesAsNodes || !ATTRIBUTE_KINDS.includes(kind),
                  )
                  .map(({ kind, count }) =>
                    entry(
                      { group: 'node', kind },
                      <NodeSwatch
                        swatch={NODE_KIND_COLOURS[kind]}
                        shape={NODE_KIND_SHAPES[kind]}
                      />,
                      t(`kinds.nodePlural.${kind}`),
                      count,
                    ),
                  )}
              </ul>
              <label className="legend__attributes">
                <input
                  type="checkbox"
                  checked={visibility.attributesAsNodes}
                  onChange={(event) => {
                    dispatchMapStyle({
                      type: 'legend',
                      action: { type: 'attributesAsNodes', shown: event.target.checked },
                    });
                  }}
                />
                {t('legend.attributesAsNodes')}
              </label>
            </section>
          )}
          {counts.links.length > 0 && (
            <details className="legend__links">
              <summary className="legend__heading">{t('legend.links')}</summary>
              <ul className="legend__list">
                {counts.links.map(({ kind, count }) =>
                  entry(
                    { group: 'link', kind },
                    <LinkSwatch kind={kind} />,
                    t(`kinds.link.${kind}`),
                    count,
                  ),
                )}
              </ul>
            </details>
          )}
          <section className="legend__size">
            <SizeMetricMenu />
            <p className="legend__note">
              {t(`style.note.${sizeBy}`)}
              {counts.organisations.some(({ kind }) => kind === 'network') && (
                <>
                  <br />
                  {t('legend.hub')}
                </>
              )}
              {counts.closed > 0 && (
                <>
                  <br />
                  {t('legend.closed')}
                </>
              )}
            </p>
          </section>
        </div>
      )}
    </aside>
  );
}
