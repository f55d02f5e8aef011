import { createContext, useContext, type Dispatch, type SetStateAction } from 'react';
import type { MapFilters } from './filter-state';

export interface FiltersContextValue {
  filters: MapFilters;
  setFilters: Dispatch<SetStateAction<MapFilters>>;
}

export const FiltersContext = createContext<FiltersContextValue | null>(null);

/** The map's filters and their setter; only inside FiltersProvider. */
export function useFilters(): FiltersContextValue {
  const value = useContext(FiltersContext);
  if (value === null) throw new Error('useFilters must be used inside <FiltersProvider>');
  return value;
}
