/**
 * The data exports offered beside the pictures (PNG/SVG): every format GET /api/export writes, in
 * the order the Export dialog lists them, and where each is downloaded from for the whole network
 * or for the view the filters make. Pure, unit-tested in tests/unit/client-import-export.test.ts.
 */
import { EXPORT_FORMATS, type ExportFormat as DataExportFormat } from '@octograph/graph-schema';
import { exportUrl } from '../../api/client';
import type { MapFilters } from '../filters/filter-state';
import { toMapParams } from '../filters/filter-url';

export type { DataExportFormat };

/** The whole network, or what the map shows with the current filters (timeline date included). */
export type ExportScope = 'whole' | 'view';

/** Spreadsheets first (what most people keep), then graph tools, then the lossless file. */
export const DATA_EXPORT_ORDER: readonly DataExportFormat[] = [
  'xlsx',
  'csv',
  'gexf',
  'graphml',
  'json',
];

/** The file extension each format downloads with (the CSV pair comes as one zip). */
export const DATA_EXPORT_EXTENSIONS: Readonly<Record<DataExportFormat, string>> = {
  xlsx: 'xlsx',
  csv: 'zip',
  gexf: 'gexf',
  graphml: 'graphml',
  json: 'json',
};

/** Whether every format the server writes is offered (checked by the unit test). */
export function offersEveryFormat(): boolean {
  return EXPORT_FORMATS.every((format) => DATA_EXPORT_ORDER.includes(format));
}

/** Where the export of `scope` in `format` is downloaded from. */
export function dataExportUrl(
  format: DataExportFormat,
  scope: ExportScope,
  filters: MapFilters,
): string {
  return exportUrl(format, scope === 'view' ? toMapParams(filters) : {});
}

/**
 * Whether the view is less than the whole network: some filter the server applies is set (a
 * highlighted meeting only changes how the map is drawn, not what is on it).
 */
export function viewIsNarrowed(filters: MapFilters): boolean {
  return Object.keys(toMapParams(filters)).length > 0;
}
