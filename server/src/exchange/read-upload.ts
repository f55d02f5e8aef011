/**
 * Reads an upload: tells each file's format from its content (a file's name can say anything),
 * refuses a file whose content is not what its extension claims, checks that the files make one
 * import (one workbook; one or two CSV files; one GEXF, GraphML or network file) and hands them
 * to their reader. Whatever is wrong comes back as problems, never as an exception.
 */
import { extname } from 'node:path';
import { readCsvFiles } from './read-csv.js';
import { decodeText, errorAt, locationIn, tablesSource } from './read-common.js';
import { graphFormatOf, readGexf, readGraphml } from './read-graph-xml.js';
import { readNetworkJson } from './read-json.js';
import { readWorkbook } from './read-xlsx.js';
import type { ImportProblem, ImportSource, UploadedFile } from './source.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './upload-limits.js';

/** What a file's content is. */
export type ContentKind =
  | 'workbook'
  | 'old-workbook'
  | 'gexf'
  | 'graphml'
  | 'other-xml'
  | 'json'
  | 'csv'
  | 'empty'
  | 'binary';

const CONTENT_NAMES: Readonly<Record<ContentKind, string>> = {
  workbook: 'an Excel workbook (or another zip archive)',
  'old-workbook': 'an Excel 97–2003 workbook (.xls)',
  gexf: 'a GEXF file',
  graphml: 'a GraphML file',
  'other-xml': 'XML, but neither GEXF nor GraphML',
  json: 'JSON',
  csv: 'text (CSV)',
  empty: 'empty',
  binary: 'not text',
};

/** The start of a zip archive, which an .xlsx workbook is. */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The start of an OLE compound file, which an old .xls workbook is. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What a file's content is, from its first bytes and, for text, its first characters. */
export function contentKindOf(bytes: Buffer): ContentKind {
  if (bytes.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) return 'workbook';
  if (bytes.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) return 'old-workbook';
  const decoded = decodeText(bytes);
  if (decoded === null) return 'binary';
  const text = decoded.text.trimStart();
  if (text === '') return 'empty';
  if (text.startsWith('<')) return graphFormatOf(decoded.text) ?? 'other-xml';
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  return 'csv';
}

/** What each extension claims a file is, and the content kinds that make the claim true. */
const CLAIMS: Readonly<Record<string, { name: string; kinds: readonly ContentKind[] }>> = {
  '.xlsx': { name: 'an Excel workbook (.xlsx)', kinds: ['workbook'] },
  '.xlsm': { name: 'an Excel workbook (.xlsm)', kinds: ['workbook'] },
  '.xls': { name: 'an Excel workbook (.xls)', kinds: ['old-workbook', 'workbook'] },
  '.csv': { name: 'a CSV file', kinds: ['csv'] },
  '.tsv': { name: 'a TSV file', kinds: ['csv'] },
  '.txt': { name: 'a text file', kinds: ['csv'] },
  '.gexf': { name: 'a GEXF file', kinds: ['gexf'] },
  '.graphml': { name: 'a GraphML file', kinds: ['graphml'] },
  '.xml': { name: 'an XML file', kinds: ['gexf', 'graphml', 'other-xml'] },
  // Text that is not JSON is read as JSON, so that the parse error says where it goes wrong.
  '.json': { name: 'a JSON file', kinds: ['json', 'csv'] },
};

/** How the files of one import are read, by what their content is. */
type Reading = 'workbook' | 'csv' | 'gexf' | 'graphml' | 'json';

const READING_NAMES: Readonly<Record<Reading, string>> = {
  workbook: 'a workbook',
  csv: 'CSV',
  gexf: 'GEXF',
  graphml: 'GraphML',
  json: 'JSON',
};

/** How one file would be read, or why it cannot be. */
function readingOf(file: UploadedFile): Reading | ImportProblem {
  const kind = contentKindOf(file.bytes);
  const claim = CLAIMS[extname(file.name).toLowerCase()];
  const at = locationIn(file.name);
  if (kind === 'empty') return errorAt(at, `'${file.name}' is empty`);
  if (claim !== undefined && !claim.kinds.includes(kind)) {
    return errorAt(
      at,
      `'${file.name}' is not ${claim.name}: its content is ${CONTENT_NAMES[kind]}`,
    );
  }
  switch (kind) {
    case 'workbook':
      return 'workbook';
    case 'old-workbook':
      return errorAt(
        at,
        `'${file.name}' is an Excel 97–2003 workbook (.xls); save it as an Excel workbook ` +
          '(.xlsx) and upload that',
      );
    case 'gexf':
    case 'graphml':
      return kind;
    case 'other-xml':
    case 'binary':
      return errorAt(
        at,
        `'${file.name}' is not a file Octograph can import: its content is ${CONTENT_NAMES[kind]}`,
      );
    case 'json':
      return 'json';
    case 'csv':
      return claim?.kinds.includes('json') === true ? 'json' : 'csv';
  }
}

/** The files' names, for a problem about all of them. */
function namesOf(files: readonly UploadedFile[]): string {
  return files.map((file) => file.name).join(', ');
}

const ALLOWED_SETS =
  'upload one Excel workbook, one or two CSV files (elements and connections), one GEXF file, ' +
  'one GraphML file or one Octograph network file (JSON)';

/** Reads a file that is imported on its own. */
async function readOne(
  file: UploadedFile,
  reading: Exclude<Reading, 'csv'>,
  limits: UploadLimits,
): Promise<ImportSource> {
  switch (reading) {
    case 'workbook':
      return readWorkbook(file, limits);
    case 'gexf':
      return readGexf(file, limits);
    case 'graphml':
      return readGraphml(file, limits);
    case 'json':
      return readNetworkJson(file, limits);
  }
}

/**
 * Reads the files of one import; ImportLimitError (413) for a file past one of the limits.
 */
export async function readUpload(
  files: readonly UploadedFile[],
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<ImportSource> {
  if (files.length === 0) {
    return tablesSource([], [], [errorAt(locationIn(''), `no file was uploaded: ${ALLOWED_SETS}`)]);
  }
  const readings: { file: UploadedFile; reading: Reading }[] = [];
  const problems: ImportProblem[] = [];
  for (const file of files) {
    const reading = readingOf(file);
    if (typeof reading === 'string') readings.push({ file, reading });
    else problems.push(reading);
  }
  if (problems.length > 0) return tablesSource([], [], problems);

  const kinds = new Set(readings.map(({ reading }) => reading));
  const [first] = readings;
  if (kinds.size === 1 && first !== undefined) {
    if (first.reading === 'csv') {
      if (files.length <= 2) return readCsvFiles(files, limits);
    } else if (files.length === 1) {
      return readOne(first.file, first.reading, limits);
    }
  }
  const described = readings
    .map(({ file, reading }) => `'${file.name}' (${READING_NAMES[reading]})`)
    .join(', ');
  return tablesSource(
    [],
    [],
    [
      errorAt(
        locationIn(namesOf(files)),
        `these files cannot be imported together: ${described}; ${ALLOWED_SETS}`,
      ),
    ],
  );
}
