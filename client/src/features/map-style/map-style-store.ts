/**
 * The map style's one store, shared by the legend (beside the map) and the map's controllers
 * (inside the canvas), which have no provider in common.
 */
import { createStore, useStoreState } from '../../ui/create-store';
import {
  INITIAL_MAP_STYLE,
  mapStyleReducer,
  type MapStyleAction,
  type MapStyleState,
} from './map-style-state';

export const mapStyleStore = createStore<MapStyleState, MapStyleAction>(
  mapStyleReducer,
  INITIAL_MAP_STYLE,
);

/** The map style, re-rendering on change. */
export function useMapStyle(): MapStyleState {
  return useStoreState(mapStyleStore);
}

/** Changes the map style. */
export const dispatchMapStyle = (action: MapStyleAction): void => {
  mapStyleStore.dispatch(action);
};
