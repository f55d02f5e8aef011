import { useTranslation } from 'react-i18next';
import { useFilteredFocus, useFilteredMap } from '../features/filters/use-filtered-map';
import { useFocusMode } from '../features/focus/focus-context';
import { useSelection } from '../features/selection/selection-context';
import { ErrorNotice } from '../ui/ErrorNotice';
import { ExportController } from '../features/export/ExportController';
import { ContextMenuController } from '../commands/ContextMenuController';
import { DragController } from './controllers/DragController';
import { FrameController } from './controllers/FrameController';
import { KeyboardNavController } from './controllers/KeyboardNavController';
import { LinkDrawController } from './controllers/LinkDrawController';
import { CommunityColourController } from './controllers/CommunityColourController';
import { ElementsController } from './controllers/ElementsController';
import { HighlightController } from './controllers/HighlightController';
import { HoverController } from './controllers/HoverController';
import { LabelController } from './controllers/LabelController';
import { LabelsOffController } from './controllers/LabelsOffController';
import { MapStyleController } from './controllers/MapStyleController';
import { RingLabelController } from './controllers/RingLabelController';
import { MapHandleController } from './controllers/MapHandleController';
import { SelectionController } from './controllers/SelectionController';
import { StyleController } from './controllers/StyleController';
import { TestHandleController } from './controllers/TestHandleController';
import { GraphCanvas } from './GraphCanvas';
import { MapSummary } from './MapSummary';
import { ViewportControls } from './ViewportControls';
import { LiveFlashController } from './controllers/LiveFlashController';

/**
 * The browser tests' read-only handle is built into the test build only: Vite replaces the
 * setting when it builds, so the production bundle does not even contain the controller.
 */
const WITH_TEST_HANDLE = import.meta.env.VITE_TEST_HANDLE === 'true';

/** Above this many links the canvas hides them while the view moves (see GraphCanvas). */
const LARGE_MAP_LINKS = 3000;

/** The map area: the canvas with its controllers, or a loading or error message. */
export function MapView() {
  const { t } = useTranslation();
  const mapQuery = useFilteredMap();
  const { state, dispatch } = useSelection();
  const { state: focusState } = useFocusMode();
  // While a depth loads, the plain selection shows; never a neighbourhood worked out here.
  const focus = useFilteredFocus(state.selectedId, focusState.depth).data ?? null;
  const map = mapQuery.data;
  const large = (map?.links.length ?? 0) > LARGE_MAP_LINKS;

  return (
    <section className="map-view" aria-label={t('map.label')} aria-busy={mapQuery.isPending}>
      <GraphCanvas label={t('map.label')} large={large}>
        {map && (
          <>
            <StyleController linkCount={map.links.length} />
            <ElementsController map={map} />
            <MapStyleController map={map} />
            <RingLabelController map={map} dimmed={state.selectedId !== null} />
            <SelectionController
              map={map}
              selectedId={state.selectedId}
              focus={focus}
              centreRequest={state.centreRequest}
              onSelect={(id) => {
                dispatch(id === null ? { type: 'clear' } : { type: 'select', id, source: 'map' });
              }}
            />
            <HighlightController map={map} selectedId={state.selectedId} />
            <FrameController map={map} focus={focus} />
            <KeyboardNavController
              selectedId={state.selectedId}
              onSelect={(id) => {
                dispatch({ type: 'select', id, source: 'details' });
              }}
            />
            <CommunityColourController map={map} />
            <LiveFlashController />
            <LabelController map={map} selectedId={state.selectedId} focus={focus} />
            <LabelsOffController map={map} />
            <HoverController />
            <DragController />
            <LinkDrawController selectedId={state.selectedId} />
            {WITH_TEST_HANDLE && <TestHandleController />}
            <MapHandleController />
            <ContextMenuController
              onSelect={(id) => {
                dispatch({ type: 'select', id, source: 'map' });
              }}
            />
            <ViewportControls />
            <ExportController map={map} />
          </>
        )}
      </GraphCanvas>
      {map && <MapSummary map={map} selectedId={state.selectedId} />}
      {mapQuery.isPending && (
        <div className="map-view__overlay">
          <span className="spinner" aria-hidden="true" />
          {t('map.loading')}
        </div>
      )}
      {mapQuery.isError && (
        <div className="map-view__overlay">
          <ErrorNotice
            error={mapQuery.error}
            onRetry={() => {
              void mapQuery.refetch();
            }}
          />
        </div>
      )}
      {map?.nodes.length === 0 && <div className="map-view__overlay">{t('map.empty')}</div>}
    </section>
  );
}
