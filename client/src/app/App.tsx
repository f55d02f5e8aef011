import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailsPanel } from '../features/details/DetailsPanel';
import { Legend } from '../features/legend/Legend';
import { SearchBox } from '../features/search/SearchBox';
import { useSelection } from '../features/selection/selection-context';
import { StatusLine } from '../features/status/StatusLine';
import { MapView } from '../map/MapView';
import { Logo } from './Logo';

/** The page: header (name, search, status), the map with its legend, details on the right. */
export function App() {
  const { t } = useTranslation();
  const { state, dispatch } = useSelection();
  const hasSelection = state.selectedId !== null;

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  // Escape closes the details (the search box keeps Escape for itself while it has a list open).
  useEffect(() => {
    if (!hasSelection) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') dispatch({ type: 'clear' });
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [hasSelection, dispatch]);

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
        <StatusLine />
      </header>
      <main className="app__main">
        <MapView />
        <Legend />
      </main>
      <DetailsPanel />
    </div>
  );
}
