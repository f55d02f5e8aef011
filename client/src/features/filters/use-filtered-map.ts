import { useMemo } from 'react';
import { useFocus, useMap } from '../../api/queries';
import { useFilters } from './filters-context';
import { toMapParams } from './filter-url';
import { useMapStyle } from '../map-style/map-style-store';

/** The map with the active filters applied by the server (GET /api/map?orgKind=…). */
export function useFilteredMap() {
  const { filters } = useFilters();
  return useMap(useMemo(() => toMapParams(filters), [filters]));
}

/**
 * The filtered map around a node (focus mode); idle when `id` or `depth` is null. The steps go
 * along working links only, unless themes and places are shown as nodes (then along every link).
 */
export function useFilteredFocus(id: string | null, depth: number | null) {
  const { filters } = useFilters();
  const { attributesAsNodes } = useMapStyle().legend;
  return useFocus(
    id,
    depth,
    useMemo(
      () => ({
        ...toMapParams(filters),
        walk: attributesAsNodes ? ('all' as const) : ('work' as const),
      }),
      [filters, attributesAsNodes],
    ),
  );
}
