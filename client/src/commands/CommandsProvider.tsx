import { useEffect, useEffectEvent, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudience } from '../features/account/session';
import { dispatchEditor, editorState } from '../features/editing/editor-store';
import { useFilteredMap } from '../features/filters/use-filtered-map';
import { useFocusMode } from '../features/focus/focus-context';
import { dispatchInsightsMap, useInsightsMap } from '../features/insights/insights-store';
import { SEARCH_INPUT_ID } from '../features/search/search-input';
import { useSelection } from '../features/selection/selection-context';
import { MapDisplayContext } from '../map/display-context';
import { fitAnimated } from '../map/fit-view';
import { MapHandleContext, type MapHandle } from '../map/map-handle';
import { isTyping } from '../ui/is-typing';
import { CommandsContext, type CommandsValue } from './commands-context';
import {
  commandForKey,
  isOffered,
  type Command,
  type CommandEffects,
  type CommandState,
} from './registry';

const ANIMATION = { duration: 250, easing: 'ease-out' } as const;

/** What the page plugs in for the commands that need more than the map. */
export interface CommandsProviderProps {
  rearranging: boolean;
  rearrange: () => void;
  exporting: boolean;
  exportView: (format: 'png' | 'svg') => void;
  openImport: () => void;
  openExport: () => void;
  openHistory: () => void;
  children: ReactNode;
}

/**
 * Binds the command registry to the page: the state commands look at, what they do, and the
 * keyboard shortcuts (one window listener for all of them). Also holds the map handle and the
 * display options (labels on or off) that commands change.
 */
export function CommandsProvider({
  rearranging,
  rearrange,
  exporting,
  exportView,
  openImport,
  openExport,
  openHistory,
  children,
}: CommandsProviderProps) {
  const { t } = useTranslation();
  const { state: selection, dispatch: selectionDispatch } = useSelection();
  const { state: focus, dispatch: focusDispatch } = useFocusMode();
  const map = useFilteredMap().data;
  const insightsMap = useInsightsMap();
  const audience = useAudience();
  const mapRef = useMemo<MapHandle>(() => ({ current: null }), []);
  const [labelsShown, setLabelsShown] = useState(true);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  const state: CommandState = {
    selectedId: selection.selectedId,
    focusDepth: focus.depth,
    highlighted: insightsMap.highlight !== null,
    mapReady: (map?.nodes.length ?? 0) > 0,
    labelsShown,
    rearranging,
    exporting,
  };

  const effects: CommandEffects = {
    selection: selectionDispatch,
    focus: focusDispatch,
    clearHighlight: () => {
      dispatchInsightsMap({ type: 'clearHighlight' });
    },
    fit: () => {
      const cy = mapRef.current;
      if (cy) fitAnimated(cy);
    },
    zoomBy: (factor) => {
      const cy = mapRef.current;
      if (!cy) return;
      cy.stop(true, true);
      cy.animate(
        {
          zoom: {
            level: cy.zoom() * factor,
            renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
          },
        },
        ANIMATION,
      );
    },
    toggleLabels: () => {
      setLabelsShown((shown) => !shown);
    },
    rearrange: () => {
      if (window.confirm(t('commands.rearrangeConfirm'))) rearrange();
    },
    exportView,
    openImport,
    openExport,
    openHistory,
    showShortcuts: () => {
      setShortcutsOpen(true);
    },
    focusSearch: () => {
      document.getElementById(SEARCH_INPUT_ID)?.focus();
    },
    openCreate: () => {
      dispatchEditor({
        type: 'open',
        dialog: {
          type: 'create',
          kind: 'organisation',
          name: '',
          at: editorState().menuSpot,
          linkTo: null,
        },
      });
    },
    editSelected: () => {
      dispatchEditor({ type: 'editNode', id: selection.selectedId });
    },
    linkFromSelected: () => {
      const source = selection.selectedId;
      if (source !== null) {
        dispatchEditor({ type: 'open', dialog: { type: 'link', source, target: null } });
      }
    },
    deleteSelected: () => {
      const nodeId = selection.selectedId;
      if (nodeId !== null) dispatchEditor({ type: 'open', dialog: { type: 'deleteNode', nodeId } });
    },
  };

  const offered = (command: Command) => isOffered(command, audience);
  const run = (command: Command) => {
    if (offered(command) && command.isEnabled(state)) command.run({ ...state, ...effects });
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const command = commandForKey(
      {
        key: event.key,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        typing: isTyping(event.target),
      },
      state,
    );
    if (command === null || !offered(command)) return;
    // `/` would otherwise be typed into the search box it focuses.
    event.preventDefault();
    run(command);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      onKey(event);
    };
    window.addEventListener('keydown', listener);
    return () => {
      window.removeEventListener('keydown', listener);
    };
  }, []);

  // After a re-arrange, the map is fitted once its new positions have arrived: the new layout
  // may lie elsewhere than the old one. (The canvas's own effects, below this one, run first.)
  const fitPending = useRef(false);
  const wasRearranging = useRef(rearranging);
  useEffect(() => {
    if (wasRearranging.current && !rearranging) fitPending.current = true;
    wasRearranging.current = rearranging;
  }, [rearranging]);
  const fitAfterRearrange = useEffectEvent(() => {
    if (!fitPending.current) return;
    fitPending.current = false;
    effects.fit();
  });
  useEffect(() => {
    if (map) fitAfterRearrange();
  }, [map]);

  const value: CommandsValue = {
    state,
    run,
    offered,
    shortcutsOpen,
    closeShortcuts: () => {
      setShortcutsOpen(false);
    },
  };
  const display = useMemo(() => ({ labelsShown }), [labelsShown]);

  return (
    <MapHandleContext value={mapRef}>
      <MapDisplayContext value={display}>
        <CommandsContext value={value}>{children}</CommandsContext>
      </MapDisplayContext>
    </MapHandleContext>
  );
}
