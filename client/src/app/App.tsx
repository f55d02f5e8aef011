import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShortcutsOverlay } from '../commands/ShortcutsOverlay';
import { AccountDialogs } from '../features/account/AccountDialogs';
import { AccountMenu } from '../features/account/AccountMenu';
import { SetupBanner } from '../features/account/SetupBanner';
import { Toolbar } from '../commands/Toolbar';
import { DetailsPanel } from '../features/details/DetailsPanel';
import { EditorDialogs } from '../features/editing/EditorDialogs';
import { DirectoryButton } from '../features/directory/DirectoryButton';
import { DirectoryView } from '../features/directory/DirectoryView';
import { useDirectoryMode } from '../features/directory/use-directory-mode';
import { activeFilterCount } from '../features/filters/filter-state';
import { useFilters } from '../features/filters/filters-context';
import { FiltersPanel } from '../features/filters/FiltersPanel';
import { UrlStateController } from '../features/filters/UrlStateController';
import { InsightsButton } from '../features/insights/InsightsButton';
import { InsightsPanel } from '../features/insights/InsightsPanel';
import { Legend } from '../features/legend/Legend';
import { MeetingFilterBar } from '../features/meetings/MeetingFilterBar';
import { MeetingsButton } from '../features/meetings/MeetingsButton';
import { MeetingsView } from '../features/meetings/MeetingsView';
import {
  dispatchMeetingsScreen,
  useMeetingsScreen,
} from '../features/meetings/meetings-screen-store';
import { SearchBox } from '../features/search/SearchBox';
import { useSelection } from '../features/selection/selection-context';
import { PresenceLine } from '../features/status/PresenceLine';
import { StatusLine } from '../features/status/StatusLine';
import { TimelineBar } from '../features/timeline/TimelineBar';
import { MapView } from '../map/MapView';
import { LanguagePicker } from '../features/language/LanguagePicker';
import { Logo } from './Logo';
import { useLiveUpdates } from '../api/live-updates';
import { useSession } from '../features/account/session';
import { PageCommands } from './PageCommands';

/**
 * The page: header (name, search, Filters, Directory, Meetings, Insights, status, the account
 * menu), the map with its toolbar, legend, timeline, meeting filter, the first-administrator
 * banner and side sheets (or the directory or the meetings in its place), details on the right
 * (a bottom sheet on a phone), and the account dialogs, all inside the command registry
 * (PageCommands).
 */
export function App() {
  const { t } = useTranslation();
  // The page shows the map to whoever got this far: follow other people's changes live, again
  // as whoever signs in or out.
  useLiveUpdates(useSession().data?.user?.id ?? null);
  const { state } = useSelection();
  const hasSelection = state.selectedId !== null;
  const { filters } = useFilters();
  const activeFilters = activeFilterCount(filters);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const [insightsOpen, setInsightsOpen] = useState(false);
  const insightsId = useId();
  const directory = useDirectoryMode();
  const meetings = useMeetingsScreen();
  // The directory and the meetings both take the map's place: opening one leaves the other.
  const closeDirectory = directory.close;
  const directoryOpen = directory.open;
  useEffect(() => {
    if (meetings.open && directoryOpen) closeDirectory();
  }, [meetings.open, directoryOpen, closeDirectory]);
  const directorySwitch = useMemo(
    () => ({
      ...directory,
      toggle: () => {
        dispatchMeetingsScreen({ type: 'close' });
        directory.toggle();
      },
    }),
    [directory],
  );

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  return (
    <PageCommands>
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
          <DirectoryButton mode={directorySwitch} />
          <MeetingsButton />
          <InsightsButton
            open={insightsOpen}
            controls={insightsId}
            onToggle={() => {
              setInsightsOpen((open) => !open);
            }}
          />
          <StatusLine />
          <PresenceLine />
          <LanguagePicker compact />
          <AccountMenu />
        </header>
        <main
          className={
            directory.open
              ? 'app__main app__main--directory'
              : meetings.open
                ? 'app__main app__main--meetings'
                : 'app__main'
          }
        >
          <MeetingsView />
          <DirectoryView
            hidden={!directory.open}
            onShowOnMap={directory.showOnMap}
            onClose={directory.close}
          />
          <MapView />
          <Toolbar />
          <Legend />
          <TimelineBar />
          <MeetingFilterBar />
          <SetupBanner />
          {filtersOpen && (
            <FiltersPanel
              id={filtersId}
              onClose={() => {
                setFiltersOpen(false);
              }}
            />
          )}
          {insightsOpen && (
            <InsightsPanel
              id={insightsId}
              onClose={() => {
                setInsightsOpen(false);
              }}
            />
          )}
        </main>
        <UrlStateController />
        <DetailsPanel />
        <ShortcutsOverlay />
        <AccountDialogs />
        <EditorDialogs />
      </div>
    </PageCommands>
  );
}
