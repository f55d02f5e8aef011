/**
 * The translated texts of an export (title with the date, the active filters, the legend's
 * names) and its file name. Pure given `t`, so it is unit-tested with an i18next instance.
 */
import type { TFunction } from 'i18next';
import { formatDate } from '../../i18n/format';
import type { FilterListKey, MapFilters } from '../filters/filter-state';
import type { ExportLegendTexts } from './legend-layout';

export type ExportFormat = 'png' | 'svg';

/** `2026-11-21`: the day in the reader's own time zone (what their calendar says). */
export function localIsoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `octograph-map-2026-11-21.png`. */
export function exportFileName(format: ExportFormat, isoDate: string): string {
  return `octograph-map-${isoDate}.${format}`;
}

/**
 * One line per active filter, in the filters panel's order: "Organisation kind: Charity,
 * Network", "As of: 1 Jan 2022". Themes and places are node ids; `nameOf` gives their names.
 */
export function describeFilters(
  filters: MapFilters,
  t: TFunction,
  language: string,
  nameOf: (id: string) => string,
): string[] {
  const list = new Intl.ListFormat(language, { style: 'short', type: 'unit' });
  const values: [FilterListKey, string[]][] = [
    ['kind', filters.kind.map((kind) => t(`kinds.nodePlural.${kind}`))],
    ['orgKind', filters.orgKind.map((kind) => t(`kinds.org.${kind}`))],
    ['theme', filters.theme.map(nameOf)],
    ['place', filters.place.map(nameOf)],
    ['status', filters.status.map((status) => t(`kinds.status.${status}`))],
    ['linkKind', filters.linkKind.map((kind) => t(`kinds.link.${kind}`))],
  ];
  const lines = values.flatMap(([key, names]) =>
    names.length === 0
      ? []
      : [t('exportView.filter', { name: t(`filters.${key}`), values: list.format(names) })],
  );
  if (filters.asOf !== null) {
    const date = formatDate(filters.asOf, language);
    lines.push(t('exportView.filter', { name: t('filters.asOf'), values: date }));
  }
  return lines;
}

/** Every text of the exported legend, in the reader's language, dated `isoDate`. */
export function exportLegendTexts(
  t: TFunction,
  language: string,
  isoDate: string,
  filterLines: readonly string[],
): ExportLegendTexts {
  return {
    title: t('exportView.title', { app: t('app.name'), date: formatDate(isoDate, language) }),
    filters: filterLines,
    headings: {
      filters: t('exportView.filters'),
      organisations: t('legend.organisations'),
      otherNodes: t('legend.otherNodes'),
      links: t('legend.links'),
    },
    orgKind: (kind) => t(`kinds.org.${kind}`),
    nodeKind: (kind) => t(`kinds.nodePlural.${kind}`),
    linkKind: (kind) => t(`kinds.link.${kind}`),
    count: (value) => t('legend.count', { value }),
    hubNote: t('legend.hub'),
  };
}
