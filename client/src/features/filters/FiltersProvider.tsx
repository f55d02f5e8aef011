import { useMemo, useState, type ReactNode } from 'react';
import { EMPTY_FILTERS, type MapFilters } from './filter-state';
import { FiltersContext } from './filters-context';

/** Holds the map's filters (read from the URL at start-up) for every map query. */
export function FiltersProvider({
  initial = EMPTY_FILTERS,
  children,
}: {
  initial?: MapFilters;
  children: ReactNode;
}) {
  const [filters, setFilters] = useState(initial);
  const value = useMemo(() => ({ filters, setFilters }), [filters]);
  return <FiltersContext value={value}>{children}</FiltersContext>;
}
