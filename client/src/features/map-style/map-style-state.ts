/**
 * How the map is drawn, as opposed to what is on it (the filters, applied by the server): what
 * node size shows, and which kinds the legend has switched off. Pure state and changes.
 */
import {
  ALL_SHOWN,
  legendVisibilityReducer,
  type LegendVisibility,
  type LegendVisibilityAction,
} from '../legend/legend-visibility';
import { DEFAULT_SIZE_METRIC, type SizeMetricId } from '../../map/size-metrics';

export interface MapStyleState {
  /** What a node's size shows (see map/size-metrics.ts). */
  sizeBy: SizeMetricId;
  /** Kinds switched off in the legend. */
  legend: LegendVisibility;
}

export type MapStyleAction =
  { type: 'sizeBy'; metric: SizeMetricId } | { type: 'legend'; action: LegendVisibilityAction };

export const INITIAL_MAP_STYLE: MapStyleState = {
  sizeBy: DEFAULT_SIZE_METRIC,
  legend: ALL_SHOWN,
};

export function mapStyleReducer(state: MapStyleState, action: MapStyleAction): MapStyleState {
  switch (action.type) {
    case 'sizeBy':
      return action.metric === state.sizeBy ? state : { ...state, sizeBy: action.metric };
    case 'legend': {
      const legend = legendVisibilityReducer(state.legend, action.action);
      return legend === state.legend ? state : { ...state, legend };
    }
  }
}
