import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SIZE_METRICS, isSizeMetricId } from '../../map/size-metrics';
import { dispatchMapStyle, useMapStyle } from './map-style-store';

/** "Size by: …": what node size shows on the map, one choice per metric in the registry. */
export function SizeMetricMenu() {
  const { t } = useTranslation();
  const { sizeBy } = useMapStyle();
  const id = useId();
  return (
    <div className="size-menu">
      <label className="size-menu__label" htmlFor={id}>
        {t('style.sizeBy')}
      </label>
      <select
        id={id}
        className="size-menu__select"
        value={sizeBy}
        onChange={(event) => {
          const metric = event.target.value;
          if (isSizeMetricId(metric)) dispatchMapStyle({ type: 'sizeBy', metric });
        }}
      >
        {SIZE_METRICS.map((metric) => (
          <option key={metric.id} value={metric.id}>
            {t(`style.metric.${metric.id}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
