import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { useFilters } from '../filters/filters-context';
import { useFilteredMap } from '../filters/use-filtered-map';
import {
  asOfAt,
  earliestDate,
  localToday,
  playStart,
  stepOf,
  timelineSteps,
} from './timeline-state';

/** How long Play shows each month (after it has loaded). */
const PLAY_STEP_MS = 700;

/**
 * The timeline under the map: a slider over the months since the network's first date, which
 * sets the map's as-of date (the same filter as in the Filters panel, so it is in the URL too),
 * and Play, which walks it month by month up to today so the network grows on screen.
 */
export function TimelineBar() {
  const { t, i18n } = useTranslation();
  const { filters, setFilters } = useFilters();
  const map = useFilteredMap();
  const sliderId = useId();
  const [playing, setPlaying] = useState(false);
  const [today] = useState(localToday);

  // The first date only ever moves earlier: maps as of an early date hold fewer of the early
  // things (some have ended), and the slider should not change its scale under the hand.
  const [first, setFirst] = useState<string | null>(null);
  const seen = map.data ? earliestDate(map.data) : null;
  if (seen !== null && (first === null || seen < first)) setFirst(seen);

  const steps = useMemo(
    () => (first === null ? null : timelineSteps(first, today)),
    [first, today],
  );
  const index = steps === null ? 0 : stepOf(steps, filters.asOf);
  const loading = map.isFetching;

  const goTo = (step: number) => {
    if (steps === null) return;
    const asOf = asOfAt(steps, step);
    setFilters((current) => (current.asOf === asOf ? current : { ...current, asOf }));
  };

  // Play: once the current month's map has loaded and been shown a moment, the next month.
  useEffect(() => {
    if (!playing || steps === null || loading) return undefined;
    const timer = setTimeout(() => {
      const next = index + 1;
      if (next >= steps.length - 1) setPlaying(false);
      const asOf = asOfAt(steps, next);
      setFilters((current) => ({ ...current, asOf }));
    }, PLAY_STEP_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [playing, steps, index, loading, setFilters]);

  if (steps === null || steps.length < 2) return null;
  const label =
    filters.asOf === null ? t('timeline.today') : formatDate(filters.asOf, i18n.language);

  return (
    <div className="timeline" data-map-overlay role="group" aria-label={t('timeline.label')}>
      <button
        type="button"
        className="pill-button timeline__play"
        aria-pressed={playing}
        onClick={() => {
          if (playing) {
            setPlaying(false);
            return;
          }
          goTo(playStart(steps, index));
          setPlaying(true);
        }}
      >
        {playing ? t('timeline.pause') : t('timeline.play')}
      </button>
      <label className="visually-hidden" htmlFor={sliderId}>
        {t('timeline.slider')}
      </label>
      <input
        id={sliderId}
        className="timeline__slider"
        type="range"
        min={0}
        max={steps.length - 1}
        step={1}
        value={index}
        aria-valuetext={label}
        onChange={(event) => {
          setPlaying(false);
          goTo(Number(event.target.value));
        }}
      />
      <span className="timeline__date">{label}</span>
      {loading && <span className="spinner timeline__spinner" aria-hidden="true" />}
    </div>
  );
}
