/**
 * Reads Octograph's own network file (JSON), checked by the same parseNetworkFile the CLI's
 * import uses, so the upload and the command line accept exactly the same files. Each problem
 * names its place in the file as a JSON path in `column`, e.g. `links[3].target`.
 */
import { NETWORK_FILE_FORMAT } from '@octograph/graph-schema';
import { ValidationError } from '../errors.js';
import { parseNetworkFile } from './import-network.js';
import { decodeText, errorAt, locationIn } from './read-common.js';
import type { ImportProblem, ImportSource, UploadedFile } from './source.js';
import { DEFAULT_UPLOAD_LIMITS, overLimit, type UploadLimits } from './upload-limits.js';

/** Where zod's issues put a problem with the file as a whole. */
const ROOT_PATH = '(root)';

function refused(file: string, problems: readonly ImportProblem[]): ImportSource {
  return { type: 'network', file, content: { nodes: [], links: [], positions: [] }, problems };
}

/**
 * Reads a network file. Problems, never an exception, for a file that is not one; the content is
 * then empty.
 */
export function readNetworkJson(
  file: UploadedFile,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): ImportSource {
  const whole = locationIn(file.name);
  const decoded = decodeText(file.bytes);
  if (decoded?.encoding !== 'utf-8') {
    return refused(file.name, [errorAt(whole, `'${file.name}' is not JSON: it is not UTF-8 text`)]);
  }
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    return refused(file.name, [errorAt(whole, `'${file.name}' is not valid JSON: ${reason}`)]);
  }
  const format: unknown =
    typeof json === 'object' && json !== null && 'format' in json ? json.format : undefined;
  if (format !== NETWORK_FILE_FORMAT) {
    // Other JSON (a D3 graph, say) would fail on every field; one sentence says it better.
    return refused(file.name, [
      errorAt(
        locationIn(file.name, { column: 'format' }),
        `'${file.name}' is not an Octograph network file (its format is not ` +
          `'${NETWORK_FILE_FORMAT}'); other networks can be imported as a workbook, CSV, GEXF ` +
          'or GraphML file',
      ),
    ]);
  }
  // Counted before the records are checked one by one: IMPORT_MAX_ROWS nodes and links in all.
  const count = (list: 'nodes' | 'links' | 'positions'): number => {
    const records: unknown = (json as Record<string, unknown>)[list];
    return Array.isArray(records) ? records.length : 0;
  };
  if (count('nodes') + count('links') > limits.maxRows || count('positions') > limits.maxRows) {
    throw overLimit(
      file.name,
      `has ${String(count('nodes'))} nodes and ${String(count('links'))} links`,
      limits,
      'maxRows',
    );
  }
  try {
    const network = parseNetworkFile(json);
    return {
      type: 'network',
      file: file.name,
      content: { nodes: network.nodes, links: network.links, positions: network.positions },
      problems: [],
    };
  } catch (error: unknown) {
    if (!(error instanceof ValidationError)) throw error;
    return refused(
      file.name,
      error.issues.map((issue) =>
        errorAt(
          locationIn(file.name, { column: issue.path === ROOT_PATH ? null : issue.path }),
          `not an Octograph network file: ${issue.path === ROOT_PATH ? 'the file' : issue.path} ${issue.message}`,
        ),
      ),
    );
  }
}
