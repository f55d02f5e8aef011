/**
 * Reads a graph written by another tool (Gephi, yEd, NetworkX, …) as GEXF or GraphML into the same
 * two tables a workbook gives: elements with `ID`, `Label` and each node attribute under its own
 * name, connections with `ID`, `From`, `To`, `Type`, `Strength` and each other edge attribute. A
 * row is the node's or edge's position in the file. Drawing data (colours, positions, sizes,
 * shapes) is not read: Octograph lays out its own map.
 *
 * The file is read as a stream of XML events (saxes), never built as a document in memory, and
 * its elements, their nesting depth, its nodes and edges and its attributes are counted as they
 * come: past a limit (upload-limits.ts) the reading stops with a 413 naming the line and element.
 * The XML parser expands no entities but XML's five, so a small file cannot grow in memory.
 */
import { SaxesParser, type SaxesTag } from 'saxes';
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
import {
  DEFAULT_UPLOAD_LIMITS,
  ImportLimitError,
  overLimit,
  RowBudget,
  type UploadLimits,
} from './upload-limits.js';

/** A node's or edge's attributes by name, as the file gives them (numbers cast by type). */
type Attributes = Record<string, unknown>;

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

/** The root element's name without a namespace prefix, or null when the text has none. */
function rootElementOf(text: string): string | null {
  const parser = new SaxesParser({ position: false });
  const found: { name: string | null } = { name: null };
  const stop = new Error('root found');
  parser.on('opentag', (tag) => {
    found.name = localName(tag.name);
    throw stop;
  });
  try {
    parser.write(text).close();
  } catch {
    // The root was found (or the text is not XML, and then there is none).
  }
  return found.name;
}

/**
 * Which graph format an XML text is, judging by its root element (the rest is not read); null
 * for any other XML.
 */
export function graphFormatOf(text: string): GraphFormat | null {
  const root = rootElementOf(text)?.toLowerCase();
  return root === 'gexf' || root === 'graphml' ? root : null;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
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

/** A node as read: its id and attributes. */
interface NodeRecord {
  id: string;
  attributes: Attributes;
}

/** An edge as read: its id (null when the file gives none), ends and attributes. */
interface EdgeRecord {
  id: string | null;
  source: string;
  target: string;
  attributes: Attributes;
}

/** The elements table: the nodes the file declares, in its order. */
function elementsTable(
  file: string,
  nodes: readonly NodeRecord[],
  problems: ImportProblem[],
): SourceTable {
  const records = nodes.map((node) => node.attributes);
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
  const rows = nodes.map(({ id, attributes }, index) => {
    const label = labelSource === null ? '' : attributeText(attributes[labelSource]);
    return rowOf(file, index + 1, [
      [ELEMENT_COLUMNS.id.header, id.trim()],
      [ELEMENT_COLUMNS.name.header, label === '' ? id.trim() : label],
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
  edges: readonly EdgeRecord[],
  problems: ImportProblem[],
): SourceTable {
  const records = edges.map((edge) => edge.attributes);
  const typeSource = firstPresent(records, ['type', 'kind', 'label']);
  const weightSource = firstPresent(records, ['weight']);
  const hasIds = edges.some((edge) => edge.id !== null);
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
  const rows = edges.map((edge, index) => {
    const fixedCells = fixed.map(({ header, source }): [string, string] => {
      if (source !== null) return [header, attributeText(edge.attributes[source])];
      if (header === CONNECTION_COLUMNS.from.header) return [header, edge.source.trim()];
      if (header === CONNECTION_COLUMNS.to.header) return [header, edge.target.trim()];
      return [header, (edge.id ?? '').trim()];
    });
    return rowOf(file, index + 1, [
      ...fixedCells,
      ...extra.map((name): [string, string] => [name, attributeText(edge.attributes[name])]),
    ]);
  });
  return {
    headers: [...fixed.map(({ header }) => header), ...extra],
    rows,
    location: locationIn(file),
  };
}

/** An attribute (GEXF) or key (GraphML) as the file declares it. */
interface Declared {
  name: string;
  type: string;
  default: string | null;
}

/** A value cast as its declared type: numbers as numbers, booleans as booleans. */
function typed(value: string, type: string): unknown {
  switch (type.toLowerCase()) {
    case 'int':
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
    case 'short':
    case 'byte': {
      const number = Number(value);
      return value.trim() === '' || Number.isNaN(number) ? value : number;
    }
    case 'boolean':
      return value.trim() === 'true' ? true : value.trim() === 'false' ? false : value;
    default:
      return value;
  }
}

/** Attribute names of GraphML nodes that are drawing data (graphology-graphml's colour). */
const GRAPHML_DRAWING = new Set(['r', 'g', 'b']);

/** What one file holds, read as a stream of elements. */
class GraphXmlReader {
  readonly nodes: NodeRecord[] = [];
  readonly edges: EdgeRecord[] = [];
  /** The root element's local name. */
  root: string | null = null;
  private readonly nodeIndex = new Map<string, number>();
  /** GEXF attributes / GraphML keys by class (node, edge) and id. */
  private readonly declared = {
    node: new Map<string, Declared>(),
    edge: new Map<string, Declared>(),
  };
  private readonly names = { node: new Set<string>(), edge: new Set<string>() };
  private elements = 0;
  private depth = 0;
  /** What the element being read belongs to. */
  private current: { kind: 'node' | 'edge'; attributes: Attributes } | null = null;
  /** Where text goes: a GraphML data value or a declaration's default. */
  private text: { into: (text: string) => void; value: string } | null = null;
  /** The class of the GEXF attributes being declared. */
  private attributeClass: 'node' | 'edge' = 'node';
  private declaring: Declared | null = null;
  /** Nodes and edges together count as rows. */
  private readonly budget: RowBudget;

  constructor(
    private readonly file: string,
    private readonly format: GraphFormat,
    private readonly limits: UploadLimits,
    private readonly parser: SaxesParser,
  ) {
    this.budget = new RowBudget(limits);
  }

  private over(what: string, limit: keyof UploadLimits): ImportLimitError {
    return overLimit(this.file, `${what} (line ${String(this.parser.line)})`, this.limits, limit);
  }

  open(tag: SaxesTag): void {
    const name = localName(tag.name);
    this.elements += 1;
    this.depth += 1;
    if (this.elements > this.limits.maxXmlElements) {
      throw this.over(
        `has more than ${String(this.limits.maxXmlElements)} elements, at <${tag.name}>`,
        'maxXmlElements',
      );
    }
    if (this.depth > this.limits.maxXmlDepth) {
      throw this.over(
        `nests elements more than ${String(this.limits.maxXmlDepth)} deep, at <${tag.name}>`,
        'maxXmlDepth',
      );
    }
    this.root ??= name;
    const attribute = (key: string): string | null => {
      const value = tag.attributes[key];
      return typeof value === 'string' ? value : null;
    };
    if (this.format === 'gexf') this.openGexf(name, attribute);
    else this.openGraphml(name, attribute);
  }

  close(tag: SaxesTag): void {
    const name = localName(tag.name);
    this.depth -= 1;
    if ((name === 'node' || name === 'edge') && this.current?.kind === name) this.current = null;
    if (name === 'attribute' || name === 'key') this.declaring = null;
    if (this.text !== null && (name === 'data' || name === 'default')) {
      this.text.into(this.text.value);
      this.text = null;
    }
  }

  addText(text: string): void {
    if (this.text !== null) this.text.value += text;
  }

  private declare(kind: 'node' | 'edge', id: string, declared: Declared, tag: string): void {
    this.declared[kind].set(id, declared);
    this.name(kind, declared.name, tag);
  }

  /** Counts an attribute name against IMPORT_MAX_COLUMNS. */
  private name(kind: 'node' | 'edge', name: string, tag: string): void {
    const names = this.names[kind];
    if (names.has(name)) return;
    names.add(name);
    if (names.size > this.limits.maxColumns) {
      throw this.over(
        `has more than ${String(this.limits.maxColumns)} ${kind} attributes, at <${tag}>`,
        'maxColumns',
      );
    }
  }

  private startNode(id: string, attributes: Attributes): void {
    const known = this.nodeIndex.get(id);
    if (known !== undefined) {
      // A node declared twice is one node; what the second says is added to the first.
      const node = this.nodes[known];
      if (node) {
        Object.assign(node.attributes, attributes);
        this.current = { kind: 'node', attributes: node.attributes };
      }
      return;
    }
    this.budget.take(this.file, `<node> (line ${String(this.parser.line)})`);
    const node = { id, attributes: this.defaults('node', attributes) };
    this.nodeIndex.set(id, this.nodes.length);
    this.nodes.push(node);
    this.current = { kind: 'node', attributes: node.attributes };
  }

  private startEdge(
    id: string | null,
    source: string,
    target: string,
    attributes: Attributes,
  ): void {
    this.budget.take(this.file, `<edge> (line ${String(this.parser.line)})`);
    const edge = { id, source, target, attributes: this.defaults('edge', attributes) };
    this.edges.push(edge);
    this.current = { kind: 'edge', attributes: edge.attributes };
  }

  /** The declared defaults, then what the element itself says. */
  private defaults(kind: 'node' | 'edge', attributes: Attributes): Attributes {
    const withDefaults: Attributes = {};
    for (const declared of this.declared[kind].values()) {
      if (declared.default !== null)
        withDefaults[declared.name] = typed(declared.default, declared.type);
    }
    return Object.assign(withDefaults, attributes);
  }

  private openGexf(name: string, attribute: (key: string) => string | null): void {
    switch (name) {
      case 'attributes':
        this.attributeClass = attribute('class') === 'edge' ? 'edge' : 'node';
        return;
      case 'attribute': {
        const id = attribute('id');
        if (id === null || this.current !== null) return;
        const declared = {
          name: attribute('title') ?? id,
          type: attribute('type') ?? 'string',
          default: null,
        };
        this.declaring = declared;
        this.declare(this.attributeClass, id, declared, 'attribute');
        return;
      }
      case 'default': {
        const declaring = this.declaring;
        if (declaring === null) return;
        this.text = {
          value: '',
          into: (text) => {
            declaring.default = text;
          },
        };
        return;
      }
      case 'node': {
        const id = attribute('id');
        if (id === null) return;
        const label = attribute('label');
        this.startNode(id, label === null ? {} : { label });
        return;
      }
      case 'edge': {
        const attributes: Attributes = {};
        const label = attribute('label');
        const kind = attribute('kind');
        const weight = attribute('weight');
        if (label !== null) attributes.label = label;
        if (kind !== null) attributes.kind = kind;
        if (weight !== null) attributes.weight = typed(weight, 'double');
        this.startEdge(
          attribute('id'),
          attribute('source') ?? '',
          attribute('target') ?? '',
          attributes,
        );
        return;
      }
      case 'attvalue': {
        const current = this.current;
        const key = attribute('for') ?? attribute('id');
        const value = attribute('value');
        if (current === null || key === null || value === null) return;
        const declared = this.declared[current.kind].get(key);
        // An attribute the file does not declare is read under the name it is given.
        if (declared === undefined) this.name(current.kind, key, 'attvalue');
        current.attributes[declared?.name ?? key] =
          declared === undefined ? value : typed(value, declared.type);
        return;
      }
      default:
        return;
    }
  }

  private openGraphml(name: string, attribute: (key: string) => string | null): void {
    switch (name) {
      case 'key': {
        const id = attribute('id');
        const attrName = attribute('attr.name');
        if (id === null) return;
        const declared = {
          name: attrName ?? '',
          type: attribute('attr.type') ?? 'string',
          default: null,
        };
        // A key without attr.name (yEd's graphics, say) is drawing data: not read.
        if (attrName === null) return;
        this.declaring = declared;
        const kinds = attribute('for');
        if (kinds === 'node' || kinds === 'all' || kinds === null)
          this.declare('node', id, declared, 'key');
        if (kinds === 'edge' || kinds === 'all' || kinds === null)
          this.declare('edge', id, declared, 'key');
        return;
      }
      case 'default': {
        const declaring = this.declaring;
        if (declaring === null) return;
        this.text = {
          value: '',
          into: (text) => {
            declaring.default = text;
          },
        };
        return;
      }
      case 'node': {
        const id = attribute('id');
        if (id !== null) this.startNode(id, {});
        return;
      }
      case 'edge':
        this.startEdge(attribute('id'), attribute('source') ?? '', attribute('target') ?? '', {});
        return;
      case 'data': {
        const current = this.current;
        const key = attribute('key');
        if (current === null || key === null || this.text !== null) return;
        const declared = this.declared[current.kind].get(key);
        if (declared === undefined) return;
        if (current.kind === 'node' && GRAPHML_DRAWING.has(declared.name)) return;
        this.text = {
          value: '',
          into: (text) => {
            current.attributes[declared.name] = typed(text, declared.type);
          },
        };
        return;
      }
      default:
        return;
    }
  }
}

/**
 * Reads a GEXF or GraphML file. Problems, never an exception, for a file that is not one;
 * ImportLimitError (413) for one past a limit.
 */
function readGraphXml(file: UploadedFile, format: GraphFormat, limits: UploadLimits): ImportSource {
  const name = FORMAT_NAMES[format];
  const refuse = (message: string): ImportSource =>
    tablesSource([], [], [errorAt(locationIn(file.name), message)]);
  const decoded = decodeText(file.bytes);
  if (decoded === null) return refuse(`'${file.name}' is not a ${name} file: it is not text`);
  const parser = new SaxesParser({ position: true });
  const reader = new GraphXmlReader(file.name, format, limits, parser);
  parser.on('opentag', (tag) => {
    reader.open(tag);
  });
  parser.on('closetag', (tag) => {
    reader.close(tag);
  });
  parser.on('text', (text) => {
    reader.addText(text);
  });
  parser.on('cdata', (text) => {
    reader.addText(text);
  });
  try {
    parser.write(decoded.text).close();
  } catch (error: unknown) {
    if (error instanceof ImportLimitError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(`'${file.name}' is not a ${name} file: it is not well-formed XML (${reason})`);
  }
  if (reader.root?.toLowerCase() !== format) {
    return refuse(
      `'${file.name}' is not a ${name} file: its root element is <${reader.root ?? ''}>, not <${format}>`,
    );
  }
  const problems: ImportProblem[] = [];
  const elements = elementsTable(file.name, reader.nodes, problems);
  const connections = connectionsTable(file.name, reader.edges, problems);
  return tablesSource([elements], [connections], problems);
}

export function readGexf(
  file: UploadedFile,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): ImportSource {
  return readGraphXml(file, 'gexf', limits);
}

export function readGraphml(
  file: UploadedFile,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): ImportSource {
  return readGraphXml(file, 'graphml', limits);
}
