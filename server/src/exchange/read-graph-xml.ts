/**
 * Reads a graph written by another tool (Gephi, yEd, NetworkX, …) as GEXF or GraphML
 * (graphology-gexf, graphology-graphml) into the same two tables a workbook gives: elements with
 * `ID`, `Label` and each node attribute under its own name, connections with `ID`, `From`, `To`,
 * `Type`, `Strength` and each other edge attribute. A row is the node's or edge's position in
 * the file. Drawing data (colours, positions, sizes, shapes) is not read: Octograph lays out its
 * own map.
 */
import { DOMParser, type Document } from '@xmldom/xmldom';
import Graph from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import type { AbstractGraph, Attributes } from 'graphology-types';
import {
  CONNECTION_COLUMNS,
  ELEMENT_COLUMNS,
  fieldOfHeader,
  MULTI_VALUE_SEPARATOR,
  normalised,
} from './columns.js';
import { decodeText, errorAt, locationIn, tablesSource, warningAt } from './read-common.js';
import type {
  ImportProblem,
  ImportSource,
  SourceRow,
  SourceTable,
  UploadedFile,
} from './source.js';

export type GraphFormat = 'gexf' | 'graphml';

const FORMAT_NAMES: Readonly<Record<GraphFormat, string>> = { gexf: 'GEXF', graphml: 'GraphML' };

/**
 * Attributes the parsers make of drawing data (GEXF's viz module; GraphML's r, g, b become
 * `color`), and `null`, the name graphology-graphml gives data whose key has no attr.name (such
 * as yEd's node graphics).
 */
const SKIPPED_ATTRIBUTES = new Set([
  'color',
  'size',
  'x',
  'y',
  'z',
  'shape',
  'thickness',
  'null',
  'undefined',
]);

/** An XML document, or why the text is not one (with the line, when the parser knows it). */
export function parseXml(text: string): { document: Document } | { error: string } {
  // An object, not a `let`: TypeScript would keep a `let` narrowed to null past the callback.
  const first: { error: string | null } = { error: null };
  const parser = new DOMParser({
    onError: (level, message, context: unknown) => {
      if (level === 'warning') return;
      const line = lineOf(context);
      first.error ??= line === null ? message : `line ${line}: ${message}`;
      // Stops the parse: an XML file with an error is not read on a guess.
      throw new Error(message);
    },
  });
  try {
    return { document: parser.parseFromString(text, 'text/xml') };
  } catch (error: unknown) {
    return { error: first.error ?? (error instanceof Error ? error.message : String(error)) };
  }
}

/** The line the parser was on, from the handler it passes to onError. */
function lineOf(context: unknown): number | null {
  if (typeof context !== 'object' || context === null || !('locator' in context)) return null;
  const locator: unknown = context.locator;
  return typeof locator === 'object' &&
    locator !== null &&
    'lineNumber' in locator &&
    typeof locator.lineNumber === 'number' &&
    locator.lineNumber > 0
    ? locator.lineNumber
    : null;
}

/** The root element's name without a namespace prefix, e.g. `gexf`; null if there is none. */
export function rootName(document: Document): string | null {
  const root = document.documentElement;
  return root === null ? null : (root.localName ?? root.nodeName);
}

/** Which graph format an XML text is, judging by its root element; null for any other XML. */
export function graphFormatOf(text: string): GraphFormat | null {
  const parsed = parseXml(text);
  if ('error' in parsed) return null;
  const root = rootName(parsed.document)?.toLowerCase();
  return root === 'gexf' || root === 'graphml' ? root : null;
}

function attributeText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(attributeText).join(MULTI_VALUE_SEPARATOR);
  return JSON.stringify(value);
}

/** Attribute names in the order first met. */
function attributeNames(records: readonly Attributes[]): string[] {
  const names = new Set<string>();
  for (const attributes of records) for (const name of Object.keys(attributes)) names.add(name);
  return [...names];
}

/** The first of `candidates` that some record has (not empty), if any. */
function firstPresent(
  records: readonly Attributes[],
  candidates: readonly string[],
): string | null {
  return (
    candidates.find((name) =>
      records.some((attributes) => attributeText(attributes[name]) !== ''),
    ) ?? null
  );
}

/**
 * The headers for the attributes that are not already a fixed column. An attribute whose name is
 * one of the fixed columns' headers or aliases (a node attribute `name` besides its label, say)
 * would make two columns of one field, so it is left out with a warning.
 */
function extraHeaders<F extends string>(
  file: string,
  columns: Readonly<Record<F, { header: string; aliases: readonly string[] }>>,
  fixed: readonly { header: string; source: string | null }[],
  names: readonly string[],
  problems: ImportProblem[],
): string[] {
  const sources = new Set(fixed.map(({ source }) => source));
  const fixedFields = new Map(
    fixed.map(({ header, source }) => [fieldOfHeader(columns, header), { header, source }]),
  );
  const used = new Set(fixed.map(({ header }) => normalised(header)));
  const extra: string[] = [];
  for (const name of names) {
    if (sources.has(name) || SKIPPED_ATTRIBUTES.has(name.toLowerCase())) continue;
    const field = fieldOfHeader(columns, name);
    const taken = field === null ? undefined : fixedFields.get(field);
    if (taken !== undefined || used.has(normalised(name))) {
      const from =
        taken?.source === null || taken === undefined ? '' : ` (it comes from '${taken.source}')`;
      problems.push(
        warningAt(
          locationIn(file, { column: name }),
          `attribute '${name}' is not read: the ${taken?.header ?? name} column is already filled${from}`,
        ),
      );
      continue;
    }
    used.add(normalised(name));
    extra.push(name);
  }
  return extra;
}

function rowOf(file: string, row: number, cells: readonly [string, string][]): SourceRow {
  return { location: locationIn(file, { row }), cells: new Map(cells) };
}

/** The elements table: the nodes the file declares, in its order. */
function elementsTable(
  file: string,
  graph: AbstractGraph,
  declared: readonly string[],
  problems: ImportProblem[],
): SourceTable {
  const nodes = [...new Set(declared)].filter((key) => graph.hasNode(key));
  const records = nodes.map((key) => graph.getNodeAttributes(key));
  // The label: GEXF's label, GraphML's `label` key, or else a name or title attribute.
  const labelSource =
    firstPresent(records, ['label']) ??
    firstPresent(
      records,
      attributeNames(records).filter((name) => fieldOfHeader(ELEMENT_COLUMNS, name) === 'name'),
    );
  const fixed = [
    { header: ELEMENT_COLUMNS.id.header, source: null },
    { header: ELEMENT_COLUMNS.name.header, source: labelSource },
  ];
  const extra = extraHeaders(file, ELEMENT_COLUMNS, fixed, attributeNames(records), problems);
  const rows = nodes.map((key, index) => {
    const attributes = graph.getNodeAttributes(key);
    const label = labelSource === null ? '' : attributeText(attributes[labelSource]);
    return rowOf(file, index + 1, [
      [ELEMENT_COLUMNS.id.header, key.trim()],
      [ELEMENT_COLUMNS.name.header, label === '' ? key.trim() : label],
      ...extra.map((name): [string, string] => [name, attributeText(attributes[name])]),
    ]);
  });
  return {
    headers: [...fixed.map(({ header }) => header), ...extra],
    rows,
    location: locationIn(file),
  };
}

/** The connections table: every edge, in the file's order. */
function connectionsTable(
  file: string,
  graph: AbstractGraph,
  writtenIds: ReadonlySet<string>,
  problems: ImportProblem[],
): SourceTable {
  const edges = graph.edges();
  const records = edges.map((key) => graph.getEdgeAttributes(key));
  const typeSource = firstPresent(records, ['type', 'kind', 'label']);
  const weightSource = firstPresent(records, ['weight']);
  // Keys graphology made up for edges without an id are not worth a column.
  const hasIds = edges.some((key) => writtenIds.has(key));
  const fixed = [
    ...(hasIds ? [{ header: CONNECTION_COLUMNS.id.header, source: null }] : []),
    { header: CONNECTION_COLUMNS.from.header, source: null },
    { header: CONNECTION_COLUMNS.to.header, source: null },
    ...(typeSource === null
      ? []
      : [{ header: CONNECTION_COLUMNS.type.header, source: typeSource }]),
    ...(weightSource === null
      ? []
      : [{ header: CONNECTION_COLUMNS.strength.header, source: weightSource }]),
  ];
  const extra = extraHeaders(file, CONNECTION_COLUMNS, fixed, attributeNames(records), problems);
  const rows = edges.map((key, index) => {
    const attributes = graph.getEdgeAttributes(key);
    const fixedCells = fixed.map(({ header, source }): [string, string] => {
      if (source !== null) return [header, attributeText(attributes[source])];
      if (header === CONNECTION_COLUMNS.from.header) return [header, graph.source(key).trim()];
      if (header === CONNECTION_COLUMNS.to.header) return [header, graph.target(key).trim()];
      return [header, writtenIds.has(key) ? key.trim() : ''];
    });
    return rowOf(file, index + 1, [
      ...fixedCells,
      ...extra.map((name): [string, string] => [name, attributeText(attributes[name])]),
    ]);
  });
  return {
    headers: [...fixed.map(({ header }) => header), ...extra],
    rows,
    location: locationIn(file),
  };
}

function idsOf(document: Document, tag: 'node' | 'edge'): string[] {
  return Array.from(document.getElementsByTagName(tag)).flatMap((element) => {
    const id = element.getAttribute('id');
    return id === null ? [] : [id];
  });
}

/** Reads a GEXF or GraphML file. Problems, never an exception, for a file that is not one. */
function readGraphXml(file: UploadedFile, format: GraphFormat): ImportSource {
  const name = FORMAT_NAMES[format];
  const refuse = (message: string): ImportSource =>
    tablesSource([], [], [errorAt(locationIn(file.name), message)]);
  const decoded = decodeText(file.bytes);
  if (decoded === null) return refuse(`'${file.name}' is not a ${name} file: it is not text`);
  const parsed = parseXml(decoded.text);
  if ('error' in parsed) {
    return refuse(
      `'${file.name}' is not a ${name} file: it is not well-formed XML (${parsed.error})`,
    );
  }
  const root = rootName(parsed.document);
  if (root?.toLowerCase() !== format) {
    return refuse(
      `'${file.name}' is not a ${name} file: its root element is <${root ?? ''}>, not <${format}>`,
    );
  }

  let graph: AbstractGraph;
  try {
    // Edges to nodes the file does not declare are kept, so that the import names each such
    // edge's missing end, rather than the whole file failing on the first one.
    graph =
      format === 'gexf'
        ? gexf.parse(Graph, decoded.text, {
            addMissingNodes: true,
            allowUndeclaredAttributes: true,
          })
        : graphml.parse(Graph, decoded.text, { addMissingNodes: true });
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(
      `'${file.name}' could not be read as ${name}: ${reason.replace(/^graphology[\w-]*\/parser: /, '')}`,
    );
  }
  const problems: ImportProblem[] = [];
  const elements = elementsTable(file.name, graph, idsOf(parsed.document, 'node'), problems);
  const connections = connectionsTable(
    file.name,
    graph,
    new Set(idsOf(parsed.document, 'edge')),
    problems,
  );
  return tablesSource([elements], [connections], problems);
}

export function readGexf(file: UploadedFile): ImportSource {
  return readGraphXml(file, 'gexf');
}

export function readGraphml(file: UploadedFile): ImportSource {
  return readGraphXml(file, 'graphml');
}
