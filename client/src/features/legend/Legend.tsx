import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFilteredMap } from '../filters/use-filtered-map';
import { NODE_KIND_COLOURS, NODE_KIND_SHAPES, ORG_KIND_COLOURS } from '../../map/palette';
import { LinkSwatch, NodeSwatch } from './KindSwatch';
import { legendCounts } from './legend-counts';

/** What every colour, shape and line on the map means, with how many of each there are. */
export function Legend() {
  const { t } = useTranslation();
  const { data: map } = useFilteredMap();
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  const counts = useMemo(() => (map ? legendCounts(map) : null), [map]);
  if (!counts) return null;

  const count = (value: number) => (
    <span className="legend__count">{t('legend.count', { value })}</span>
  );

  return (
    <aside className="legend" aria-label={t('legend.title')}>
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
      {open && (
        <div className="legend__body" id={bodyId}>
          {counts.organisations.length > 0 && (
            <section>
              <h2 className="legend__heading">{t('legend.organisations')}</h2>
              <ul className="legend__list">
                {counts.organisations.map(({ kind, count: value }) => (
                  <li key={kind} className="legend__row">
                    <NodeSwatch
                      swatch={ORG_KIND_COLOURS[kind]}
                      shape="ellipse"
                      hub={kind === 'network'}
                    />
                    <span className="legend__label">{t(`kinds.org.${kind}`)}</span>
                    {count(value)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {counts.otherNodes.length > 0 && (
            <section>
              <h2 className="legend__heading">{t('legend.otherNodes')}</h2>
              <ul className="legend__list">
                {counts.otherNodes.map(({ kind, count: value }) => (
                  <li key={kind} className="legend__row">
                    <NodeSwatch swatch={NODE_KIND_COLOURS[kind]} shape={NODE_KIND_SHAPES[kind]} />
                    <span className="legend__label">{t(`kinds.nodePlural.${kind}`)}</span>
                    {count(value)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {counts.links.length > 0 && (
            <details className="legend__links">
              <summary className="legend__heading">{t('legend.links')}</summary>
              <ul className="legend__list">
                {counts.links.map(({ kind, count: value }) => (
                  <li key={kind} className="legend__row">
                    <LinkSwatch kind={kind} />
                    <span className="legend__label">{t(`kinds.link.${kind}`)}</span>
                    {count(value)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <p className="legend__note">
            {t('legend.size')}
            {counts.organisations.some(({ kind }) => kind === 'network') && (
              <>
                <br />
                {t('legend.hub')}
              </>
            )}
          </p>
        </div>
      )}
    </aside>
  );
}
