import {
  UNKNOWN_TYPE_CHOICES,
  type ImportLine,
  type ImportPreview,
  type ImportProblem,
} from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import {
  DATA_EXPORT_EXTENSIONS,
  DATA_EXPORT_ORDER,
  dataExportUrl,
  offersEveryFormat,
  viewIsNarrowed,
} from '../../client/src/features/export/data-export.js';
import { EMPTY_FILTERS } from '../../client/src/features/filters/filter-state.js';
import {
  canApply,
  canPreview,
  changesAnything,
  importReducer,
  importSummary,
  initialImportState,
  placeLabel,
  previewTable,
  unknownTypeParts,
  type ImportAction,
  type ImportState,
} from '../../client/src/features/import/import-state.js';

/** Files are only carried along by the state, so names stand in for them. */
type Name = string;

const NONE = { create: 0, update: 0, unchanged: 0, skipped: 0 };

function line(row: number, label: string, extra: Partial<ImportLine> = {}): ImportLine {
  return {
    action: 'create',
    what: 'node',
    id: `id-${label}`,
    label,
    type: 'Charity',
    file: 'network.xlsx',
    sheet: 'Elements',
    row,
    column: null,
    ...extra,
  };
}

function problem(
  row: number | null,
  severity: ImportProblem['severity'],
  extra: Partial<ImportProblem> = {},
): ImportProblem {
  return {
    file: 'network.xlsx',
    sheet: 'Elements',
    row,
    column: 'Type',
    severity,
    message: `${severity} at ${String(row)}`,
    ...extra,
  };
}

function preview(extra: Partial<ImportPreview> = {}): ImportPreview {
  const lines = extra.lines ?? [line(2, 'Harbour Larder')];
  return {
    revision: 7,
    nodes: { ...NONE, create: 1 },
    links: NONE,
    canApply: true,
    problems: [],
    lines,
    linesTotal: lines.length,
    ...extra,
  };
}

function run(
  actions: readonly ImportAction<Name>[],
  from = initialImportState<Name>(),
): ImportState<Name> {
  return actions.reduce(importReducer<Name>, from);
}

const chosen = run([{ type: 'chooseFiles', files: ['network.xlsx'] }]);
/** Previewed: the preview request was number 1. */
const previewed = run(
  [{ type: 'previewStarted' }, { type: 'previewed', request: 1, preview: preview() }],
  chosen,
);

describe('the Import dialog state', () => {
  it('previews only once files are chosen', () => {
    expect(canPreview(initialImportState())).toBe(false);
    expect(run([{ type: 'previewStarted' }]).step).toBe('choose');
    expect(canPreview(chosen)).toBe(true);
  });

  it('enables Import after a preview without errors, not before and not with errors', () => {
    expect(canApply(chosen)).toBe(false);
    expect(canApply(previewed)).toBe(true);
    const withErrors = run(
      [
        { type: 'previewStarted' },
        {
          type: 'previewed',
          request: 1,
          preview: preview({ canApply: false, problems: [problem(3, 'error')] }),
        },
      ],
      chosen,
    );
    expect(withErrors.preview).not.toBeNull();
    expect(canApply(withErrors)).toBe(false);
  });

  it('forgets the preview when the files or the unknown-type choice change', () => {
    expect(run([{ type: 'chooseFiles', files: ['other.csv'] }], previewed).preview).toBeNull();
    const retyped = run([{ type: 'chooseUnknownType', unknownType: 'person' }], previewed);
    expect(retyped.preview).toBeNull();
    expect(retyped.unknownType).toBe('person');
    expect(canApply(retyped)).toBe(false);
  });

  it('drops the answer to an older request', () => {
    // Preview, then preview again before the first answer: only the second answer counts.
    const twice = run(
      [
        { type: 'previewStarted' },
        { type: 'failed', request: 1, error: new Error('gone') },
        { type: 'previewStarted' },
        { type: 'previewed', request: 1, preview: preview({ revision: 1 }) },
      ],
      chosen,
    );
    expect(twice.step).toBe('previewing');
    expect(twice.preview).toBeNull();
    const answered = run([{ type: 'previewed', request: 2, preview: preview() }], twice);
    expect(answered.preview?.revision).toBe(7);
  });

  it('ignores an answer that comes after the dialog was closed (reset)', () => {
    const closed = run([{ type: 'previewStarted' }, { type: 'reset' }], chosen);
    const late = run([{ type: 'previewed', request: 1, preview: preview() }], closed);
    expect(late).toBe(closed);
    expect(late.files).toEqual([]);
  });

  it('locks the choices while a request is under way', () => {
    const applying = run([{ type: 'applyStarted' }], previewed);
    expect(applying.step).toBe('applying');
    expect(canPreview(applying)).toBe(false);
    expect(canApply(applying)).toBe(false);
    expect(run([{ type: 'chooseFiles', files: [] }], applying)).toBe(applying);
  });

  it('shows the upload progress of the current request, kept within 0–1', () => {
    const applying = run([{ type: 'applyStarted' }], previewed);
    expect(run([{ type: 'uploadProgress', request: 2, fraction: 0.4 }], applying).upload).toBe(0.4);
    expect(run([{ type: 'uploadProgress', request: 2, fraction: 1.5 }], applying).upload).toBe(1);
    expect(
      run([{ type: 'uploadProgress', request: 1, fraction: 0.4 }], applying).upload,
    ).toBeNull();
  });

  it('asks for a new preview when the network changed since this one (409)', () => {
    const conflict = run([{ type: 'applyStarted' }, { type: 'conflict', request: 2 }], previewed);
    expect(conflict.step).toBe('conflict');
    expect(canApply(conflict)).toBe(false);
    expect(canPreview(conflict)).toBe(true);
    const again = run(
      [
        { type: 'previewStarted' },
        { type: 'previewed', request: 3, preview: preview({ revision: 9 }) },
      ],
      conflict,
    );
    expect(again.step).toBe('choose');
    expect(canApply(again)).toBe(true);
  });

  it('keeps the preview and the error when applying fails', () => {
    const error = new Error('refused');
    const failed = run(
      [{ type: 'applyStarted' }, { type: 'failed', request: 2, error }],
      previewed,
    );
    expect(failed.error).toBe(error);
    expect(failed.preview).not.toBeNull();
  });
});

describe('the preview table', () => {
  it('puts every problem on its row, rows with errors first, then warnings, then the rest', () => {
    const table = previewTable(
      preview({
        lines: [
          line(2, 'Harbour Larder'),
          line(2, 'Harbour Larder → Food', { what: 'link', type: 'FOCUSES_ON' }),
          line(3, 'Tidemark Arts'),
          line(4, 'Mystery Club'),
        ],
        problems: [
          problem(4, 'warning'),
          problem(5, 'error', { sheet: 'Connections', column: 'To' }),
          problem(3, 'error'),
        ],
      }),
    );
    expect(table.rows.map((row) => [row.sheet, row.row, row.severity])).toEqual([
      ['Elements', 3, 'error'],
      // A connection to an unknown element makes no line, but its problem still gets its row.
      ['Connections', 5, 'error'],
      ['Elements', 4, 'warning'],
      ['Elements', 2, null],
    ]);
    expect(table.rows[1]?.lines).toEqual([]);
    expect(table.rows[3]?.lines.map((item) => item.label)).toEqual([
      'Harbour Larder',
      'Harbour Larder → Food',
    ]);
  });

  it('lists problems about a whole file apart, and counts the lines left out', () => {
    const whole = problem(null, 'warning', { sheet: null, column: null, file: 'notes.csv' });
    const table = previewTable(preview({ problems: [whole], linesTotal: 1250 }));
    expect(table.general).toEqual([whole]);
    expect(table.rows.every((row) => row.problems.length === 0)).toBe(true);
    expect(table.hiddenLines).toBe(1249);
  });

  it('tells rows of the same number in different sheets or files apart', () => {
    const table = previewTable(
      preview({
        lines: [
          line(2, 'A'),
          line(2, 'B', { sheet: 'Connections' }),
          line(2, 'C', { file: 'b.xlsx' }),
        ],
      }),
    );
    expect(table.rows).toHaveLength(3);
  });

  it.each([
    [{ file: 'net.xlsx', sheet: 'Elements', row: 4 }, 'row', 'net.xlsx · Elements'],
    [{ file: 'connections.CSV', sheet: null, row: 4 }, 'row', 'connections.CSV'],
    [{ file: 'gephi.gexf', sheet: null, row: 4 }, 'item', 'gephi.gexf'],
    [{ file: 'gephi.gexf', sheet: null, row: null }, null, 'gephi.gexf'],
  ] as const)('names the place %j as a %s in %s', (place, unit, source) => {
    expect(placeLabel(place)).toEqual({ unit, row: place.row, source });
  });
});

describe('what the import says', () => {
  it('splits each unknown-type choice into a kind and an organisation kind', () => {
    expect(unknownTypeParts('organisation:faith_group')).toEqual({
      kind: 'organisation',
      orgKind: 'faith_group',
    });
    expect(unknownTypeParts('theme')).toEqual({ kind: 'theme' });
    for (const choice of UNKNOWN_TYPE_CHOICES) expect(unknownTypeParts(choice).kind).not.toBe('');
  });

  it('sums up a result: new nodes and links, updates, warnings', () => {
    const summary = importSummary({
      revision: 9,
      nodes: { create: 3, update: 1, unchanged: 4, skipped: 0 },
      links: { create: 4, update: 2, unchanged: 0, skipped: 1 },
      problems: [problem(2, 'warning'), problem(3, 'warning')],
    });
    expect(summary).toEqual({ nodes: 3, links: 4, updated: 3, warnings: 2 });
  });

  it('knows when an import would change nothing', () => {
    expect(changesAnything({ nodes: { ...NONE, unchanged: 5 }, links: NONE })).toBe(false);
    expect(changesAnything({ nodes: NONE, links: { ...NONE, update: 1 } })).toBe(true);
  });
});

describe('the data exports', () => {
  it('offers every format the server writes, each once, with its file extension', () => {
    expect(offersEveryFormat()).toBe(true);
    expect(new Set(DATA_EXPORT_ORDER).size).toBe(DATA_EXPORT_ORDER.length);
    expect(DATA_EXPORT_EXTENSIONS.csv).toBe('zip');
  });

  it('exports the whole network without filters, and this view with the map’s filters', () => {
    const filters = {
      ...EMPTY_FILTERS,
      orgKind: ['charity', 'network'] as const,
      asOf: '2022-01-01',
    };
    expect(dataExportUrl('xlsx', 'whole', filters)).toBe('/api/export?format=xlsx');
    expect(dataExportUrl('gexf', 'view', filters)).toBe(
      '/api/export?format=gexf&orgKind=charity%2Cnetwork&asOf=2022-01-01',
    );
  });

  it('calls the view narrowed only when a filter the server applies is set', () => {
    expect(viewIsNarrowed(EMPTY_FILTERS)).toBe(false);
    // A highlighted meeting changes how the map is drawn, not what is on it.
    expect(viewIsNarrowed({ ...EMPTY_FILTERS, meeting: 'meeting-1' })).toBe(false);
    expect(viewIsNarrowed({ ...EMPTY_FILTERS, status: ['active'] })).toBe(true);
  });
});
