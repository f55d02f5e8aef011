import type { MapResponse, NodeKind } from '@octograph/graph-schema';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { listNodes } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { useCyRef } from '../../map/cy-context';
import type { MapFilters } from '../filters/filter-state';
import { useFilters } from '../filters/filters-context';
import { legendCounts } from '../legend/legend-counts';
import { hiddenElements } from '../legend/legend-visibility';
import { useMapStyle } from '../map-style/map-style-store';
import { viewExportStore } from './export-store';
import { describeFilters, exportFileName, exportLegendTexts, localIsoDate } from './export-texts';
import { downloadBlob, exportPng, exportSvg } from './export-view';
import { legendRows } from './legend-layout';

/**
 * Names of the theme and place nodes the filters name by id: from the map, else from the filter
 * panel's lists (cached by TanStack Query under the same key, fetched if not there yet). An id
 * whose name cannot be had is left out, and its id is shown instead.
 */
async function filterNodeNames(
  queryClient: QueryClient,
  map: MapResponse,
  filters: MapFilters,
): Promise<Map<string, string>> {
  const names = new Map(map.nodes.map((node) => [node.id, node.name]));
  const wanted: [NodeKind, readonly string[]][] = [
    ['theme', filters.theme],
    ['place', filters.place],
  ];
  for (const [kind, ids] of wanted) {
    if (ids.every((id) => names.has(id))) continue;
    try {
      // Cached data of any age will do: names of themes and places rarely change.
      const options = await queryClient.query({
        queryKey: queryKeys.nodeOptions(kind),
        queryFn: ({ signal }) => listNodes({ kind: [kind], limit: 500 }, signal),
        staleTime: 'static',
      });
      for (const node of options.items) names.set(node.id, node.name);
    } catch {
      // A picture with an id instead of a name beats no picture.
    }
  }
  return names;
}

/**
 * Registers the view's export (PNG and SVG of what is on screen, with the legend) with the
 * export store, so the commands outside the canvas can run it. Renders nothing; only inside
 * GraphCanvas. `map` is what the canvas draws (the filtered map).
 */
export function ExportController({ map }: { map: MapResponse }) {
  const cyRef = useCyRef();
  const { t, i18n } = useTranslation();
  const { filters } = useFilters();
  const queryClient = useQueryClient();
  const { legend } = useMapStyle();

  useEffect(
    () =>
      viewExportStore.register(async (format) => {
        const cy = cyRef.current;
        if (!cy) throw new Error('the map is not on screen');
        const isoDate = localIsoDate(new Date());
        const language = i18n.language;
        const names = await filterNodeNames(queryClient, map, filters);
        const filterLines = describeFilters(filters, t, language, (id) => names.get(id) ?? id);
        const texts = exportLegendTexts(t, language, isoDate, filterLines);
        // The legend of the picture lists what it shows: not the kinds switched off, nor
        // themes, places and meetings while they are attributes rather than nodes.
        const hidden = hiddenElements(legend, map);
        const shown = {
          ...map,
          nodes: map.nodes.filter((node) => !hidden.nodes.has(node.id)),
          links: map.links.filter((link) => !hidden.links.has(link.id)),
        };
        const rows = legendRows(legendCounts(shown), texts);
        const blob = format === 'png' ? await exportPng(cy, rows) : exportSvg(cy, rows);
        downloadBlob(blob, exportFileName(format, isoDate));
      }),
    [cyRef, map, filters, legend, t, i18n, queryClient],
  );

  return null;
}
