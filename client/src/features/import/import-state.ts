/**
 * The Import dialog's state and what is shown from it, as pure functions (unit-tested in
 * tests/unit/client-import.test.ts): choosing files and what an unknown type becomes, the preview
 * (the server's dry run), applying it, and the preview's table with each problem on its row.
 */
import {
  UNKNOWN_TYPE_CHOICES,
  type ImportCounts,
  type ImportLine,
  type ImportPreview,
  type ImportProblem,
  type ImportResult,
  type NodeKind,
  type OrganisationKind,
  type UnknownType,
} from '@octograph/graph-schema';

/** What the server takes (client/README, issue 7); the file picker offers only these. */
export const IMPORT_FILE_TYPES = ['.xlsx', '.csv', '.gexf', '.graphml', '.json'] as const;

/** The server's default for elements of an unknown type. */
export const DEFAULT_UNKNOWN_TYPE: UnknownType = 'organisation:community_group';

/**
 * choose: picking files (a preview, once made, is shown until the files or the choice change);
 * previewing / applying: a request is under way; conflict: the network changed since the
 * preview, which must be made again before applying.
 */
export type ImportStep = 'choose' | 'previewing' | 'applying' | 'conflict';

export interface ImportState<F = File> {
  files: readonly F[];
  unknownType: UnknownType;
  step: ImportStep;
  /** The dry run of exactly these files and this choice; null before it or once they change. */
  preview: ImportPreview | null;
  /** How much of the upload has gone (0–1) while a request sends it; null when not known. */
  upload: number | null;
  /** Why the last request failed; null after a success or a new choice. */
  error: unknown;
  /** Counts requests, so an answer to an older one (files changed meanwhile) is dropped. */
  request: number;
}

export type ImportAction<F = File> =
  | { type: 'chooseFiles'; files: readonly F[] }
  | { type: 'chooseUnknownType'; unknownType: UnknownType }
  | { type: 'previewStarted' }
  | { type: 'applyStarted' }
  | { type: 'uploadProgress'; request: number; fraction: number }
  | { type: 'previewed'; request: number; preview: ImportPreview }
  | { type: 'conflict'; request: number }
  | { type: 'failed'; request: number; error: unknown }
  | { type: 'reset' };

export function initialImportState<F = File>(): ImportState<F> {
  return {
    files: [],
    unknownType: DEFAULT_UNKNOWN_TYPE,
    step: 'choose',
    preview: null,
    upload: null,
    error: null,
    request: 0,
  };
}

/** Whether a request is under way (the form is locked, the dialog stays open). */
export function isBusy(state: ImportState<unknown>): boolean {
  return state.step === 'previewing' || state.step === 'applying';
}

export function importReducer<F>(state: ImportState<F>, action: ImportAction<F>): ImportState<F> {
  switch (action.type) {
    case 'chooseFiles':
    case 'chooseUnknownType': {
      if (isBusy(state)) return state;
      // A preview describes the files and choice it was made of: a new choice makes it stale.
      const choice =
        action.type === 'chooseFiles'
          ? { files: action.files }
          : { unknownType: action.unknownType };
      return { ...state, ...choice, step: 'choose', preview: null, error: null };
    }
    case 'previewStarted':
      if (isBusy(state) || state.files.length === 0) return state;
      return {
        ...state,
        step: 'previewing',
        preview: null,
        upload: null,
        error: null,
        request: state.request + 1,
      };
    case 'applyStarted':
      if (!canApply(state)) return state;
      return { ...state, step: 'applying', upload: null, error: null, request: state.request + 1 };
    case 'uploadProgress':
      if (action.request !== state.request || !isBusy(state)) return state;
      return { ...state, upload: Math.min(1, Math.max(0, action.fraction)) };
    case 'previewed':
      if (action.request !== state.request || state.step !== 'previewing') return state;
      return { ...state, step: 'choose', preview: action.preview, upload: null };
    case 'conflict':
      if (action.request !== state.request || state.step !== 'applying') return state;
      return { ...state, step: 'conflict', upload: null };
    case 'failed':
      if (action.request !== state.request || !isBusy(state)) return state;
      // A failed apply leaves its preview on screen: the problems it lists may explain why.
      return { ...state, step: 'choose', upload: null, error: action.error };
    case 'reset':
      return { ...initialImportState<F>(), request: state.request + 1 };
  }
}

/** Whether Preview can be pressed: files chosen and no request under way. */
export function canPreview(state: ImportState<unknown>): boolean {
  return state.files.length > 0 && !isBusy(state);
}

/** Whether Import can be pressed: a preview of these files without errors, nothing under way. */
export function canApply(state: ImportState<unknown>): boolean {
  return state.step === 'choose' && state.preview?.canApply === true;
}

/** What an unknown-type choice names: a kind of node, and for organisations, which kind. */
export type UnknownTypeParts =
  { kind: 'organisation'; orgKind: OrganisationKind } | { kind: Exclude<NodeKind, 'organisation'> };

const ORGANISATION_PREFIX = 'organisation:';

export function unknownTypeParts(choice: UnknownType): UnknownTypeParts {
  // The choices are `organisation:<kind>` or a node kind (graph-schema UNKNOWN_TYPE_CHOICES).
  if (choice.startsWith(ORGANISATION_PREFIX)) {
    return {
      kind: 'organisation',
      orgKind: choice.slice(ORGANISATION_PREFIX.length) as OrganisationKind,
    };
  }
  return { kind: choice as Exclude<NodeKind, 'organisation'> };
}

/** Every choice, in the schema's order (organisations first). */
export const UNKNOWN_TYPE_OPTIONS: readonly UnknownType[] = UNKNOWN_TYPE_CHOICES;

export type Severity = ImportProblem['severity'];

/** The lines and problems of one place in the files (a sheet's row, a graph file's element). */
export interface PreviewRow {
  key: string;
  file: string;
  sheet: string | null;
  row: number | null;
  lines: ImportLine[];
  problems: ImportProblem[];
  /** The worst of its problems; null when it has none. */
  severity: Severity | null;
}

export interface PreviewTable {
  /** Problems about a whole file (no row): listed above the table. */
  general: ImportProblem[];
  /** Rows with an error first, then those with a warning, then the rest, each in file order. */
  rows: PreviewRow[];
  /** Lines the server left out of the preview (it sends at most IMPORT_PREVIEW_LINES). */
  hiddenLines: number;
}

function placeKey(place: { file: string; sheet: string | null; row: number | null }): string {
  return JSON.stringify([place.file, place.sheet, place.row]);
}

function worst(problems: readonly ImportProblem[]): Severity | null {
  if (problems.some((problem) => problem.severity === 'error')) return 'error';
  return problems.length > 0 ? 'warning' : null;
}

const SEVERITY_ORDER: Readonly<Record<Severity | 'none', number>> = {
  error: 0,
  warning: 1,
  none: 2,
};

/**
 * The preview as a table: the lines grouped by the place they come from, each group with the
 * problems found there. A problem at a row that produced no line (a connection to an unknown
 * element is not imported at all) still gets its row, so every problem is shown where it is.
 */
export function previewTable(preview: ImportPreview): PreviewTable {
  const rows = new Map<string, PreviewRow>();
  const rowAt = (place: { file: string; sheet: string | null; row: number | null }) => {
    const key = placeKey(place);
    let row = rows.get(key);
    if (row === undefined) {
      row = {
        key,
        file: place.file,
        sheet: place.sheet,
        row: place.row,
        lines: [],
        problems: [],
        severity: null,
      };
      rows.set(key, row);
    }
    return row;
  };
  for (const line of preview.lines) rowAt(line).lines.push(line);
  const general: ImportProblem[] = [];
  for (const problem of preview.problems) {
    if (problem.row === null) general.push(problem);
    else rowAt(problem).problems.push(problem);
  }
  const ordered = [...rows.values()].map((row) => ({ ...row, severity: worst(row.problems) }));
  // Array.prototype.sort is stable: rows of the same severity keep the server's order.
  ordered.sort(
    (a, b) => SEVERITY_ORDER[a.severity ?? 'none'] - SEVERITY_ORDER[b.severity ?? 'none'],
  );
  return {
    general,
    rows: ordered,
    hiddenLines: Math.max(0, preview.linesTotal - preview.lines.length),
  };
}

/** How many problems of each severity. */
export function problemCounts(problems: readonly ImportProblem[]): Record<Severity, number> {
  return {
    error: problems.filter((problem) => problem.severity === 'error').length,
    warning: problems.filter((problem) => problem.severity === 'warning').length,
  };
}

/** Whether a preview (or result) changes anything at all. */
export function changesAnything(counts: { nodes: ImportCounts; links: ImportCounts }): boolean {
  return counts.nodes.create + counts.nodes.update + counts.links.create + counts.links.update > 0;
}

/** The extensions of files whose places are spreadsheet rows (others number graph elements). */
const TABULAR = ['.xlsx', '.csv'];

/**
 * How a place is named: a spreadsheet or CSV row ("Row 5", as the spreadsheet numbers it) or the
 * n-th element of a graph file ("Item 5"), and the file and sheet it is in ("a.xlsx · Elements").
 */
export function placeLabel(place: { file: string; sheet: string | null; row: number | null }): {
  unit: 'row' | 'item' | null;
  row: number | null;
  source: string;
} {
  const lower = place.file.toLowerCase();
  const tabular = place.sheet !== null || TABULAR.some((extension) => lower.endsWith(extension));
  return {
    unit: place.row === null ? null : tabular ? 'row' : 'item',
    row: place.row,
    source: place.sheet === null ? place.file : `${place.file} · ${place.sheet}`,
  };
}

/** What the "Imported" notice says: how many nodes and links are new, how many were updated. */
export function importSummary(result: ImportResult): {
  nodes: number;
  links: number;
  updated: number;
  warnings: number;
} {
  return {
    nodes: result.nodes.create,
    links: result.links.create,
    updated: result.nodes.update + result.links.update,
    warnings: problemCounts(result.problems).warning,
  };
}
