/**
 * Import (issue 7): what an upload would do (the preview) and what it did. Files are sent as
 * multipart/form-data to POST /api/import/preview, then the same files to POST /api/import/apply
 * with the preview's revision; applying is all or nothing.
 */
import { z } from 'zod';
import { ORGANISATION_KINDS } from './kinds.js';

/** Where something is in the uploaded files. */
const LocationFields = {
  file: z.string(),
  /** A workbook's sheet; null for CSV, GEXF, GraphML and JSON. */
  sheet: z.string().nullable(),
  /** 1-based row (spreadsheets) or position (graph files); null for a whole file. */
  row: z.int().nullable(),
  /** The column header as written, or the attribute; null for a whole row. */
  column: z.string().nullable(),
};

/** Something wrong (error: the import cannot be applied) or worth knowing (warning). */
export const ImportProblemSchema = z.object({
  ...LocationFields,
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'skipped'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/** How many nodes or links each action concerns. */
export const ImportCountsSchema = z.object({
  create: z.int(),
  update: z.int(),
  unchanged: z.int(),
  skipped: z.int(),
});
export type ImportCounts = z.infer<typeof ImportCountsSchema>;

/** One line of the preview table. */
export const ImportLineSchema = z.object({
  action: z.enum(IMPORT_ACTIONS),
  what: z.enum(['node', 'link']),
  id: z.string(),
  /** A node's name, or "From → To". */
  label: z.string(),
  /** A node's type (as the Elements sheet writes it) or a link's kind. */
  type: z.string(),
  ...LocationFields,
});
export type ImportLine = z.infer<typeof ImportLineSchema>;

/** The most preview lines one answer carries; `linesTotal` counts them all. */
export const IMPORT_PREVIEW_LINES = 1000;

/** POST /api/import/preview. */
export const ImportPreviewSchema = z.object({
  /** The store revision the preview was made at; apply sends it back. */
  revision: z.int(),
  nodes: ImportCountsSchema,
  links: ImportCountsSchema,
  /** False when any problem is an error. */
  canApply: z.boolean(),
  problems: z.array(ImportProblemSchema),
  /** The first IMPORT_PREVIEW_LINES lines, problems' rows first. */
  lines: z.array(ImportLineSchema),
  linesTotal: z.int(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/** POST /api/import/apply. */
export const ImportResultSchema = z.object({
  /** The store revision after the import. */
  revision: z.int(),
  nodes: ImportCountsSchema,
  links: ImportCountsSchema,
  /** The warnings (an import with errors is refused). */
  problems: z.array(ImportProblemSchema),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/**
 * What an element of an unknown or missing `Type` becomes: `organisation` (with `orgKind`),
 * `person`, `project`, `meeting`, `theme` or `place`. Sent as the form field `unknownType`, e.g.
 * `organisation:community_group` or `person`.
 */
export const UNKNOWN_TYPE_CHOICES = [
  ...ORGANISATION_KINDS.map((orgKind) => `organisation:${orgKind}` as const),
  'person',
  'project',
  'meeting',
  'theme',
  'place',
] as const;
export const UnknownTypeSchema = z.enum(UNKNOWN_TYPE_CHOICES);
export type UnknownType = z.infer<typeof UnknownTypeSchema>;

/** The form fields besides the files. */
export const ImportFormSchema = z.strictObject({
  unknownType: UnknownTypeSchema.default('organisation:community_group'),
});
export const ApplyImportFormSchema = ImportFormSchema.extend({
  /** The `revision` of the preview this applies. */
  expectedRevision: z.preprocess(
    (value: unknown) =>
      typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value,
    z.int('must be the revision the preview gave'),
  ),
});

/** The formats GET /api/export writes. */
export const EXPORT_FORMATS = ['json', 'xlsx', 'csv', 'gexf', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
