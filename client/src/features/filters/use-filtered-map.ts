import { useMemo } from 'react';
import { useFocus, useMap } from '../../api/queries';
import { useFilters } from './filters-context';
import { toMapParams } from './filter-url';

/** The map with the active filters applied by the server (GET /api/map?orgKind=…). */
export function useFilteredMap() {
  const { filters } = useFilters();
  return useMap(useMemo(() => toMapParams(filters), [filters]));
}

/** The filtered map around a node (focus mode); idle when `id` or `depth` is null. */
export function useFilteredFocus(id: string | null, depth: number | null) {
  const { filters } = useFilters();
  return useFocus(
    id,
    depth,
    useMemo(() => toMapParams(filters), [filters]),
  );
}
