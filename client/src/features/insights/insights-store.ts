/**
 * The Insights panel's map state in one small store: the panel (beside the map) sets it, the
 * map's controllers (inside the canvas) draw it, and they have no provider in common.
 */
import { createStore, useStoreState } from '../../ui/create-store';
import {
  INITIAL_INSIGHTS_MAP,
  insightsMapReducer,
  type InsightsMapAction,
  type InsightsMapState,
} from './insights-state';

export const insightsMapStore = createStore<InsightsMapState, InsightsMapAction>(
  insightsMapReducer,
  INITIAL_INSIGHTS_MAP,
);

/** The highlight and the community colouring, re-rendering on change. */
export function useInsightsMap(): InsightsMapState {
  return useStoreState(insightsMapStore);
}

/** Changes the highlight or the community colouring. */
export const dispatchInsightsMap = (action: InsightsMapAction): void => {
  insightsMapStore.dispatch(action);
};
