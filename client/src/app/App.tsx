import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusMode } from '../features/focus/focus-context';
import { depthOfKey } from '../features/focus/focus-state';
import { DetailsPanel } from '../features/details/DetailsPanel';
import { activeFilterCount } from '../features/filters/filter-state';
import { useFilters } from '../features/filters/filters-context';
import { FiltersPanel } from '../features/filters/FiltersPanel';
import { UrlStateController } from '../features/filters/UrlStateController';
import { Legend } from '../features/legend/Legend';
import { SearchBox } from '../features/search/SearchBox';
import { useSelection } from '../features/selection/selection-context';
import { StatusLine } from '../features/status/StatusLine';
import { MapView } from '../map/MapView';
import { isTyping } from '../ui/is-typing';
import { Logo } from './Logo';

/**
 * The page: header (name, search, filters button, status), the map with its legend and filters
 * panel, details on the right.
 */
export function App() {
  const { t } = useTranslation();
  const { state, dispatch } = useSelection();
  const { state: focus, dispatch: focusDispatch } = useFocusMode();
  const hasSelection = state.selectedId !== null;
  const focusing = focus.depth !== null;
  const { filters } = useFilters();
  const activeFilters = activeFilterCount(filters);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  // 1, 2, 3 focus on the selected node's neighbourhood (not while typing, e.g. in the search
  // box). Escape ends the focus first, then closes the details (the search box keeps Escape for
  // itself while it has a list open or text in it).
  useEffect(() => {
    if (!hasSelection) return undefined;
    const onKey = (event: KeyboardEvent) => {
      const typing = event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target);
      const depth = typing ? null : depthOfKey(event.key);
      if (depth !== null) {
        focusDispatch({ type: 'focus', depth });
      } else if (event.key === 'Escape') {
        if (focusing) focusDispatch({ type: 'clear' });
        else dispatch({ type: 'clear' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [hasSelection, focusing, dispatch, focusDispatch]);

  return (
    <div className={hasSelection ? 'app app--details' : 'app'}>
      <header className="app__header">
        <div className="brand">
          <Logo />
          <div>
            <h1 className="brand__name">{t('app.name')}</h1>
            <p className="brand__tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <SearchBox />
        <button
          type="button"
          className="pill-button filters-button"
          aria-expanded={filtersOpen}
          aria-controls={filtersId}
          onClick={() => {
            setFiltersOpen((open) => !open);
          }}
        >
          {activeFilters === 0
            ? t('filters.button')
            : t('filters.buttonActive', { value: activeFilters })}
        </button>
        <StatusLine />
      </header>
      <main className="app__main">
        <MapView />
        <Legend />
        {filtersOpen && (
          <FiltersPanel
            id={filtersId}
            onClose={() => {
              setFiltersOpen(false);
            }}
          />
        )}
      </main>
      <UrlStateController />
      <DetailsPanel />
    </div>
  );
}
