import { useTranslation } from 'react-i18next';
import { useInsightPage } from '../../api/queries';
import { COMMUNITY_COLOURS, communityName } from '../insights/insights-state';
import { useInsightsMap } from '../insights/insights-store';

/** Every community at once (as CommunityColourController colours them). */
const ALL_COMMUNITIES = { limit: 500 };

/**
 * While the map is coloured by community (Insights panel), what each colour means: the
 * community's name (the theme or place most of it shares) and how many it holds. Nothing
 * otherwise.
 */
export function CommunitiesLegend() {
  const { t } = useTranslation();
  const { colourByCommunity } = useInsightsMap();
  const communities = useInsightPage('communities', colourByCommunity ? ALL_COMMUNITIES : null);
  const items = colourByCommunity ? (communities.data?.items ?? []) : [];
  if (items.length === 0) return null;
  return (
    <section>
      <h2 className="legend__heading">{t('legend.communities')}</h2>
      <ul className="legend__list">
        {items.map((item) => (
          <li key={item.id} className="legend__entry legend__entry--static">
            <svg className="swatch" viewBox="0 0 18 18" aria-hidden="true">
              <circle
                cx="9"
                cy="9"
                r="6"
                fill={COMMUNITY_COLOURS[item.id % COMMUNITY_COLOURS.length]}
              />
            </svg>
            <span className="legend__label">{communityName(item, t)}</span>
            <span className="legend__count">{t('legend.count', { value: item.size })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
