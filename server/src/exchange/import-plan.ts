/**
 * From what the readers found (source.ts) to a plan against the store: which nodes and links an
 * import would create, update, leave unchanged or skip, and every problem with its place in the
 * files. Nothing is written here; apply-import.ts writes a plan in one store batch.
 *
 * Rows match stored nodes by `ID`, or, when a row has none, by exact name among nodes of the same
 * kind (with a warning), so importing the same file twice changes nothing the second time.
 * Connections name their ends by element `ID` or `Label`, as Kumu does. `Tags` that name a theme
 * become FOCUSES_ON links and a `Place` becomes a BASED_IN link (a place not yet known is
 * created), unless a connection row already gives the same link.
 */
import {
  CreateNodeBodySchema,
  CreateLinkBodySchema,
  IdSchema,
  isLinkAllowed,
  linkEndpointProblem,
  toFieldIssues,
  type BatchOpInput,
  type ConsentChoice,
  type CreateLinkInput,
  type CreateNodeInput,
  type GraphNode,
  type Link,
  type LinkKind,
  type NodeKind,
  type OrganisationKind,
  type UpdateLinkBody,
  type UpdateNodeBody,
} from '@octograph/graph-schema';
import { randomUUID } from 'node:crypto';
import type { NetworkContent } from '../store/graph-store.js';
import { isDirected } from '../store/write-rules.js';
import {
  CONNECTION_COLUMNS,
  ELEMENT_COLUMNS,
  MULTI_VALUE_SEPARATOR,
  NODE_TYPE_LABELS,
  ORGANISATION_TYPE_LABELS,
  elementTypeOf,
  fieldOfHeader,
  linkKindOf,
  normalised,
  typeLabelOf,
  type ConnectionField,
  type ElementField,
  type ElementType,
} from './columns.js';
import type { ImportProblem, ImportSource, Location, SourceRow, SourceTable } from './source.js';

/** Choices the user makes for an import. */
export interface ImportOptions {
  /** What an element of an unknown or missing `Type` becomes. */
  unknownType: ElementType;
}

/** What happens to one node or link. */
export type PlanAction = 'create' | 'update' | 'unchanged' | 'skipped';

/** One line of the preview table. */
export interface PlanLine {
  action: PlanAction;
  what: 'node' | 'link';
  id: string;
  /** The node's name, or "From → To" for a link. */
  label: string;
  /** A node's `Type` or a link's kind, as Octograph calls it. */
  type: string;
  location: Location;
}

/** Counts per action. */
export type ActionCounts = Record<PlanAction, number>;

/** The plan of an import: what it would do, and what is wrong. */
export interface ImportPlan {
  /** The store revision the plan was made against. */
  revision: number;
  nodes: ActionCounts;
  links: ActionCounts;
  lines: PlanLine[];
  problems: ImportProblem[];
  /** The writes, in order (nodes before the links that join them). */
  ops: BatchOpInput[];
}

/** The store as the planner sees it. */
export interface StoreState extends NetworkContent {
  revision: number;
}

const LINK_PREFERENCE: readonly LinkKind[] = [
  'COLLABORATES_WITH',
  'MEMBER_OF',
  'PARTNER_IN',
  'WORKS_AT',
  'ATTENDED',
  'FOCUSES_ON',
  'BASED_IN',
  'FUNDS',
  'VOLUNTEERS_AT',
];

/** The connection column of each link field, for problems. */
const LINK_FIELD_COLUMNS: Readonly<Record<string, ConnectionField>> = {
  id: 'id',
  source: 'from',
  target: 'to',
  kind: 'type',
  strength: 'strength',
  since: 'since',
  until: 'until',
  notes: 'notes',
  meetingId: 'meeting',
  collaborationType: 'collaborationType',
  role: 'role',
  consent: 'shareEmail',
};

/** The fields each node kind has, besides `kind`, `id` and `name`. */
const KIND_FIELDS: Readonly<Record<NodeKind, readonly ElementField[]>> = {
  organisation: [
    'since',
    'until',
    'description',
    'status',
    'website',
    'values',
    'offers',
    'needs',
    'founded',
  ],
  person: ['since', 'until', 'role', 'email', 'phone'],
  project: ['since', 'until', 'description', 'status'],
  meeting: ['since', 'until', 'date', 'venue', 'organiser', 'notes'],
  theme: ['since', 'until', 'description'],
  place: ['since', 'until', 'placeType'],
};

/** Columns that hold a part of another field, or links rather than fields. */
const HELPER_FIELDS: ReadonlySet<ElementField> = new Set([
  'emailVisibility',
  'phoneVisibility',
  'tags',
  'place',
  'type',
  'id',
  'name',
]);

function counts(): ActionCounts {
  return { create: 0, update: 0, unchanged: 0, skipped: 0 };
}

function list(text: string): string[] {
  return text
    .split(MULTI_VALUE_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function orNull(text: string): string | null {
  return text === '' ? null : text;
}

/** A table's headers by the field they name (the first header naming it), and the unknown ones. */
function headersOf<F extends string>(
  table: SourceTable,
  columns: Readonly<Record<F, { header: string; aliases: readonly string[] }>>,
): { byField: Map<F, string>; unknown: string[] } {
  const byField = new Map<F, string>();
  const unknown: string[] = [];
  for (const header of table.headers) {
    const field = fieldOfHeader(columns, header);
    if (field === null) unknown.push(header);
    else if (!byField.has(field)) byField.set(field, header);
  }
  return { byField, unknown };
}

/** Adds `value` to the list under `key`. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** What the link rules need to know of a node. */
function endpointOf(node: { kind: NodeKind; orgKind?: OrganisationKind | null }): {
  kind: NodeKind;
  orgKind: OrganisationKind | null;
} {
  return { kind: node.kind, orgKind: node.orgKind ?? null };
}

/** Link fields an import may change. */
const LINK_PATCH_FIELDS = [
  'since',
  'until',
  'strength',
  'notes',
  'meetingId',
  'collaborationType',
  'role',
] as const;

/** What a link as wanted by an import may say: some of its fields, and the consent choice. */
type WantedLink = Partial<Pick<Link, (typeof LINK_PATCH_FIELDS)[number]>> & {
  consent?: ConsentChoice | null | undefined;
};

/** Node fields holding contact details (see nodePatch). */
const CONTACT_FIELDS: ReadonlySet<string> = new Set(['email', 'phone']);

/**
 * What must change in a stored node to match `wanted` (field → value). A contact detail wanted
 * empty keeps the stored one: exports leave out the details their reader may not see, and
 * importing such a file back must not erase them.
 */
function nodePatch(
  existing: GraphNode,
  wanted: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const stored = existing as unknown as Readonly<Record<string, unknown>>;
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(wanted)) {
    if (CONTACT_FIELDS.has(field) && value === null) continue;
    if (JSON.stringify(stored[field] ?? null) !== JSON.stringify(value ?? null)) {
      patch[field] = value;
    }
  }
  return patch;
}

/** What must change in a stored link to match `wanted`; fields `wanted` leaves out stay. */
function linkPatch(stored: Link, wanted: WantedLink): UpdateLinkBody {
  const patch: Record<string, unknown> = {};
  for (const field of LINK_PATCH_FIELDS) {
    const value = wanted[field];
    if (value !== undefined && JSON.stringify(stored[field]) !== JSON.stringify(value)) {
      patch[field] = value;
    }
  }
  if (wanted.consent !== undefined) {
    const now = stored.consent
      ? { shareEmail: stored.consent.shareEmail, sharePhone: stored.consent.sharePhone }
      : null;
    if (JSON.stringify(now) !== JSON.stringify(wanted.consent)) patch.consent = wanted.consent;
  }
  return patch;
}

/** The key two links share when they are the same link (either way round if undirected). */
function linkKey(kind: LinkKind, source: string, target: string): string {
  const ends = isDirected({ kind }) ? [source, target] : [source, target].sort();
  return [kind, ...ends].join('\u0000');
}

/** Plans an import of `source` into a store holding `state`. */
export function planImport(
  source: ImportSource,
  state: StoreState,
  options: ImportOptions,
): ImportPlan {
  return source.type === 'network'
    ? new NetworkPlanner(state).plan(source)
    : new TablePlanner(state, options).plan(source);
}

/** Shared bookkeeping of both planners. */
abstract class Planner {
  protected readonly nodeCounts = counts();
  protected readonly linkCounts = counts();
  protected readonly lines: PlanLine[] = [];
  protected readonly problems: ImportProblem[] = [];
  protected readonly nodeOps: BatchOpInput[] = [];
  protected readonly linkOps: BatchOpInput[] = [];
  protected readonly nodesById: Map<string, GraphNode>;
  protected readonly linksById: Map<string, Link>;
  protected readonly linksByKey: Map<string, Link>;

  constructor(protected readonly state: StoreState) {
    this.nodesById = new Map(state.nodes.map((node) => [node.id, node]));
    this.linksById = new Map(state.links.map((link) => [link.id, link]));
    this.linksByKey = new Map(
      state.links.map((link) => [linkKey(link.kind, link.source, link.target), link]),
    );
  }

  protected error(location: Location, column: string | null, message: string): void {
    this.problems.push({ ...location, column, severity: 'error', message });
  }

  protected warning(location: Location, column: string | null, message: string): void {
    this.problems.push({ ...location, column, severity: 'warning', message });
  }

  protected line(line: PlanLine): void {
    this.lines.push(line);
    (line.what === 'node' ? this.nodeCounts : this.linkCounts)[line.action] += 1;
  }

  protected result(): ImportPlan {
    return {
      revision: this.state.revision,
      nodes: this.nodeCounts,
      links: this.linkCounts,
      lines: this.lines,
      problems: this.problems,
      ops: [...this.nodeOps, ...this.linkOps],
    };
  }
}

/** A node the import will have: stored, or planned by a row. */
interface PlannedNode {
  id: string;
  kind: NodeKind;
  orgKind: OrganisationKind | null;
  name: string;
  location: Location;
}

/** Plans Elements and Connections tables. */
class TablePlanner extends Planner {
  /** Nodes of the import by id, and by normalised name per kind (for Connections and names). */
  private readonly planned = new Map<string, PlannedNode>();
  private readonly plannedByName = new Map<string, PlannedNode[]>();
  /** The first element of the import with each label (normalised), whatever its kind. */
  private readonly plannedByLabel = new Map<string, PlannedNode>();
  /** Stored nodes by exact name per kind. */
  private readonly storedByName = new Map<string, GraphNode[]>();
  /** Stored nodes by exact name, whatever their kind. */
  private readonly storedByLabel = new Map<string, GraphNode[]>();
  /** The first stored node of each kind with each name (normalised), for tags and places. */
  private readonly storedByLooseName = new Map<string, GraphNode>();
  /** Links given by connection rows (tags and places never repeat them). */
  private readonly plannedLinkKeys = new Map<string, Location>();
  /** Rows of the connections table being read whose strength was rounded into 1–3. */
  private roundedStrengths: number[] = [];
  /** Tag and Place links to add once every row is read. */
  private readonly derived: {
    kind: 'FOCUSES_ON' | 'BASED_IN';
    source: string;
    name: string;
    location: Location;
    column: string;
  }[] = [];

  constructor(
    state: StoreState,
    private readonly options: ImportOptions,
  ) {
    super(state);
    for (const node of state.nodes) {
      const key = `${node.kind}\u0000${node.name}`;
      pushTo(this.storedByName, key, node);
      pushTo(this.storedByLabel, node.name, node);
      const loose = `${node.kind}\u0000${normalised(node.name)}`;
      if (!this.storedByLooseName.has(loose)) this.storedByLooseName.set(loose, node);
    }
  }

  plan(source: Extract<ImportSource, { type: 'tables' }>): ImportPlan {
    this.problems.push(...source.problems);
    for (const table of source.elements) this.elementTable(table);
    for (const table of source.connections) this.connectionTable(table);
    this.derivedLinks();
    return this.result();
  }

  /** A table's headers by the field they name; a warning for each header naming none. */
  private knownHeaders<F extends string>(
    table: SourceTable,
    columns: Readonly<Record<F, { header: string; aliases: readonly string[] }>>,
  ): Map<F, string> {
    const { byField, unknown } = headersOf(table, columns);
    for (const header of unknown) {
      this.warning(
        { ...table.location, row: 1 },
        header,
        `'${header}' is not an Octograph field; the column is not imported`,
      );
    }
    return byField;
  }

  // --- elements ---

  private elementTable(table: SourceTable): void {
    const byField = this.knownHeaders(table, ELEMENT_COLUMNS);
    for (const row of table.rows) this.elementRow(row, byField);
  }

  private cell(row: SourceRow, header: string | undefined): string {
    return header === undefined ? '' : (row.cells.get(header) ?? '');
  }

  private elementRow(row: SourceRow, headers: Map<ElementField, string>): void {
    const at = row.location;
    const idText = this.cell(row, headers.get('id'));
    const name = this.cell(row, headers.get('name'));
    if (idText === '' && name === '') {
      this.error(
        at,
        headers.get('name') ?? headers.get('id') ?? null,
        'has neither a Label nor an ID',
      );
      return;
    }
    if (idText !== '' && !IdSchema.safeParse(idText).success) {
      this.error(
        at,
        headers.get('id') ?? null,
        `'${idText}' is not a valid ID (letters, digits and . _ : - only)`,
      );
      return;
    }
    const type = this.typeOf(row, headers);
    const existing = this.existingNode(row, headers, idText, name || idText, type.kind);
    if (existing === 'error') return;
    const id = existing?.id ?? (idText || randomUUID());
    if (this.planned.has(id)) {
      this.error(
        at,
        headers.get('id') ?? headers.get('name') ?? null,
        `repeats ${this.where(this.planned.get(id)?.location)}`,
      );
      return;
    }
    const nameKey = `${type.kind}\u0000${normalised(name || idText)}`;
    if (idText === '' && (this.plannedByName.get(nameKey) ?? []).length > 0) {
      const first = this.plannedByName.get(nameKey)?.[0];
      this.error(
        at,
        headers.get('name') ?? null,
        `has the same Label as ${this.where(first?.location)}; give the rows IDs to tell them apart`,
      );
      return;
    }
    const fields = this.fieldsOf(row, headers, type, existing);
    if (fields === null) return;
    const node: PlannedNode = {
      id,
      kind: type.kind,
      orgKind: type.orgKind,
      name: name || existing?.name || idText,
      location: at,
    };
    this.planned.set(id, node);
    pushTo(this.plannedByName, nameKey, node);
    const label = normalised(node.name);
    if (!this.plannedByLabel.has(label)) this.plannedByLabel.set(label, node);
    if (existing) this.updateNode(existing, fields, row, headers);
    else this.createNode(id, type, name || idText, fields, row, headers);
    for (const tag of list(this.cell(row, headers.get('tags')))) {
      this.derived.push({
        kind: 'FOCUSES_ON',
        source: id,
        name: tag,
        location: at,
        column: headers.get('tags') ?? 'Tags',
      });
    }
    for (const place of list(this.cell(row, headers.get('place')))) {
      this.derived.push({
        kind: 'BASED_IN',
        source: id,
        name: place,
        location: at,
        column: headers.get('place') ?? 'Place',
      });
    }
  }

  private where(location: Location | undefined): string {
    if (!location) return 'an earlier row';
    return location.row === null
      ? location.file
      : `row ${String(location.row)}${location.sheet ? ` of ${location.sheet}` : ''}`;
  }

  private typeOf(row: SourceRow, headers: Map<ElementField, string>): ElementType {
    const text = this.cell(row, headers.get('type'));
    const known = text === '' ? null : elementTypeOf(text);
    if (known) {
      // A bare "Organisation" says nothing of its kind: take the chosen one's, else a community group.
      if (known.kind === 'organisation' && known.orgKind === null) {
        return {
          kind: 'organisation',
          orgKind: this.options.unknownType.orgKind ?? 'community_group',
        };
      }
      return known;
    }
    const chosen = this.options.unknownType;
    const label = (
      chosen.kind === 'organisation'
        ? ORGANISATION_TYPE_LABELS[chosen.orgKind ?? 'community_group']
        : NODE_TYPE_LABELS[chosen.kind]
    ).toLowerCase();
    this.warning(
      row.location,
      headers.get('type') ?? null,
      text === ''
        ? `has no Type; imported as ${label}, the type you chose`
        : `'${text}' is not a type Octograph knows; imported as ${label}, the type you chose`,
    );
    return chosen.kind === 'organisation'
      ? { kind: 'organisation', orgKind: chosen.orgKind ?? 'community_group' }
      : chosen;
  }

  /** The stored node this row is, null for a new one, or 'error' when the row cannot be placed. */
  private existingNode(
    row: SourceRow,
    headers: Map<ElementField, string>,
    idText: string,
    name: string,
    kind: NodeKind,
  ): GraphNode | null | 'error' {
    if (idText !== '') {
      const stored = this.nodesById.get(idText);
      if (stored && stored.kind !== kind) {
        this.error(
          row.location,
          headers.get('type') ?? headers.get('id') ?? null,
          `'${idText}' is a ${stored.kind} in the network, but this row makes it a ${kind}`,
        );
        return 'error';
      }
      return stored ?? null;
    }
    const sameName = this.storedByName.get(`${kind}\u0000${name}`) ?? [];
    if (sameName.length > 1) {
      this.error(
        row.location,
        headers.get('name') ?? null,
        `${String(sameName.length)} ${kind}s in the network are called '${name}'; give the row an ID`,
      );
      return 'error';
    }
    const [match] = sameName;
    if (match) {
      this.warning(
        row.location,
        headers.get('name') ?? null,
        `has no ID; matched to the ${kind} '${name}' already in the network by its name`,
      );
    }
    return match ?? null;
  }

  /**
   * The node fields the row's columns give, for its kind: a column present with an empty cell
   * gives the field's empty value. Null when a cell cannot be read (the problem is recorded).
   */
  private fieldsOf(
    row: SourceRow,
    headers: Map<ElementField, string>,
    type: ElementType,
    existing: GraphNode | null,
  ): Record<string, unknown> | null {
    const fields: Record<string, unknown> = {};
    const allowed = KIND_FIELDS[type.kind];
    let readable = true;
    for (const [field, header] of headers) {
      if (HELPER_FIELDS.has(field)) continue;
      const text = this.cell(row, header);
      if (!allowed.includes(field)) {
        if (text !== '')
          this.warning(
            row.location,
            header,
            `a ${type.kind} has no ${header}; the cell is not imported`,
          );
        continue;
      }
      switch (field) {
        case 'values':
        case 'offers':
        case 'needs':
          fields[field] = list(text);
          break;
        case 'founded': {
          if (text === '') fields.founded = null;
          else if (/^\d{1,4}$/.test(text)) fields.founded = Number(text);
          else {
            this.error(row.location, header, `'${text}' is not a year`);
            readable = false;
          }
          break;
        }
        case 'description':
        case 'notes':
          fields[field] = text;
          break;
        case 'status':
        case 'placeType':
          if (text !== '') fields[field] = normalised(text).replace(/ /g, '_');
          else if (field === 'placeType') fields.placeType = null;
          break;
        case 'email':
        case 'phone': {
          const visibilityHeader = headers.get(
            field === 'email' ? 'emailVisibility' : 'phoneVisibility',
          );
          const visibility = normalised(this.cell(row, visibilityHeader));
          const before = existing?.kind === 'person' ? existing[field] : null;
          fields[field] =
            text === ''
              ? null
              : { value: text, visibility: visibility || before?.visibility || 'private' };
          break;
        }
        default:
          fields[field] = orNull(text);
      }
    }
    if (type.kind === 'organisation' && type.orgKind !== null) fields.orgKind = type.orgKind;
    return readable ? fields : null;
  }

  private locateIssues(
    row: SourceRow,
    headers: Map<ElementField, string>,
    issues: readonly { path: string; message: string }[],
  ): void {
    for (const issue of issues) {
      const field = issue.path.split('.')[0] ?? '';
      const header =
        field === 'kind' || field === 'orgKind'
          ? headers.get('type')
          : (headers.get(field as ElementField) ?? headers.get('name'));
      this.error(
        row.location,
        header ?? null,
        issue.message === 'is required' ? `${field} is required` : issue.message,
      );
    }
  }

  private createNode(
    id: string,
    type: ElementType,
    name: string,
    fields: Record<string, unknown>,
    row: SourceRow,
    headers: Map<ElementField, string>,
  ): void {
    const body = { ...fields, kind: type.kind, id, name };
    const parsed = CreateNodeBodySchema.safeParse(body);
    if (!parsed.success) {
      this.locateIssues(row, headers, toFieldIssues(parsed.error.issues, undefined, body));
      return;
    }
    this.nodeOps.push({ op: 'createNode', node: parsed.data as CreateNodeInput });
    this.line({
      action: 'create',
      what: 'node',
      id,
      label: name,
      type: typeLabelOf({ ...parsed.data, id } as GraphNode),
      location: row.location,
    });
  }

  private updateNode(
    existing: GraphNode,
    fields: Record<string, unknown>,
    row: SourceRow,
    headers: Map<ElementField, string>,
  ): void {
    const name = this.cell(row, headers.get('name'));
    const wanted: Record<string, unknown> = name === '' ? fields : { ...fields, name };
    const patch = nodePatch(existing, wanted);
    const line = {
      what: 'node' as const,
      id: existing.id,
      label: name || existing.name,
      type: typeLabelOf(existing),
      location: row.location,
    };
    if (Object.keys(patch).length === 0) {
      this.line({ ...line, action: 'unchanged' });
      return;
    }
    const { createdAt: _created, updatedAt: _updated, ...stored } = existing;
    const body = { ...stored, ...patch };
    const parsed = CreateNodeBodySchema.safeParse(body);
    if (!parsed.success) {
      this.locateIssues(row, headers, toFieldIssues(parsed.error.issues, undefined, body));
      return;
    }
    this.nodeOps.push({
      op: 'updateNode',
      id: existing.id,
      patch: { kind: existing.kind, ...patch } as UpdateNodeBody,
    });
    this.line({ ...line, action: 'update' });
  }

  // --- connections ---

  private connectionTable(table: SourceTable): void {
    const byField = this.knownHeaders(table, CONNECTION_COLUMNS);
    this.roundedStrengths = [];
    for (const row of table.rows) this.connectionRow(row, byField);
    // One warning for the table: a file weighted on another scale would flood the preview.
    const rounded = this.roundedStrengths;
    if (rounded.length > 0) {
      const rows = rounded.slice(0, 10).join(', ') + (rounded.length > 10 ? ', …' : '');
      this.warning(
        { ...table.location, row: 1 },
        byField.get('strength') ?? null,
        `${String(rounded.length)} strength${rounded.length === 1 ? ' is' : 's are'} not 1, 2 or 3 and ${rounded.length === 1 ? 'was' : 'were'} read as the nearest of them (row${rounded.length === 1 ? '' : 's'} ${rows})`,
      );
    }
  }

  /** The node a From or To cell names: an element's ID or Label, or a stored node's id or name. */
  private endOf(text: string): PlannedNode | GraphNode | null {
    const planned = this.planned.get(text);
    if (planned) return planned;
    const byLabel = this.plannedByLabel.get(normalised(text));
    if (byLabel) return byLabel;
    const stored = this.nodesById.get(text);
    if (stored) return stored;
    const named = this.storedByLabel.get(text) ?? [];
    return named.length === 1 ? (named[0] ?? null) : null;
  }

  private connectionRow(row: SourceRow, headers: Map<ConnectionField, string>): void {
    const at = row.location;
    const ends: (PlannedNode | GraphNode)[] = [];
    for (const field of ['from', 'to'] as const) {
      const header = headers.get(field);
      const text = this.cell(row, header);
      const end = text === '' ? null : this.endOf(text);
      if (end === null) {
        this.error(
          at,
          header ?? null,
          text === ''
            ? `${field === 'from' ? 'From' : 'To'} is empty`
            : `'${text}' is no element of the file and no node of the network`,
        );
        return;
      }
      ends.push(end);
    }
    const [from, to] = ends;
    if (!from || !to) return;
    const kind = this.linkKindOfRow(row, headers, from, to);
    if (kind === null) return;
    const strengthText = this.cell(row, headers.get('strength'));
    let strength = 2;
    if (strengthText !== '') {
      const value = Number(strengthText);
      if (!Number.isFinite(value)) {
        this.error(at, headers.get('strength') ?? null, `'${strengthText}' is not a number`);
        return;
      }
      strength = Math.min(3, Math.max(1, Math.round(value)));
      if (strength !== value) this.roundedStrengths.push(at.row ?? 0);
    }
    const text = (field: ConnectionField): string => this.cell(row, headers.get(field));
    const meetingText = text('meeting');
    const meeting = meetingText === '' ? null : this.endOf(meetingText);
    if (meetingText !== '' && meeting?.kind !== 'meeting') {
      this.error(
        at,
        headers.get('meeting') ?? null,
        `'${meetingText}' is no meeting of the file or the network`,
      );
      return;
    }
    const shareEmail = text('shareEmail');
    const sharePhone = text('sharePhone');
    const consent =
      kind === 'ATTENDED' && (shareEmail !== '' || sharePhone !== '')
        ? {
            shareEmail: normalised(shareEmail) === 'yes',
            sharePhone: normalised(sharePhone) === 'yes',
          }
        : null;
    const idText = text('id');
    // Only the fields whose columns the table has: a missing column leaves a stored link's
    // field as it is, and a new link takes the default.
    const has = (field: ConnectionField): boolean => headers.has(field);
    const input: CreateLinkInput = {
      ...(idText === '' ? {} : { id: idText }),
      kind,
      source: from.id,
      target: to.id,
      ...(has('strength') ? { strength } : {}),
      ...(has('notes') ? { notes: text('notes') } : {}),
      ...(has('meeting') ? { meetingId: meeting?.id ?? null } : {}),
      ...(has('collaborationType') && kind === 'COLLABORATES_WITH'
        ? {
            collaborationType: orNull(
              normalised(text('collaborationType')).replace(/ /g, '_'),
            ) as CreateLinkInput['collaborationType'],
          }
        : {}),
      ...(has('role') && kind === 'PARTNER_IN'
        ? { role: orNull(normalised(text('role'))) as CreateLinkInput['role'] }
        : {}),
      ...(has('shareEmail') || has('sharePhone') ? { consent } : {}),
      ...(text('since') === '' ? {} : { since: text('since') }),
      ...(has('until') ? { until: orNull(text('until')) } : {}),
    };
    this.planLink(input, row.location, headers, `${from.name} → ${to.name}`);
  }

  private linkKindOfRow(
    row: SourceRow,
    headers: Map<ConnectionField, string>,
    from: PlannedNode | GraphNode,
    to: PlannedNode | GraphNode,
  ): LinkKind | null {
    const header = headers.get('type');
    const text = this.cell(row, header);
    const named = text === '' ? null : linkKindOf(text);
    if (named) {
      const problem = linkEndpointProblem(named, endpointOf(from), endpointOf(to));
      if (problem) {
        this.error(row.location, header ?? null, problem);
        return null;
      }
      return named;
    }
    const inferred = LINK_PREFERENCE.find((kind) =>
      isLinkAllowed(kind, endpointOf(from), endpointOf(to)),
    );
    if (inferred === undefined) {
      this.error(
        row.location,
        header ?? null,
        `no kind of link joins a ${from.kind} to a ${to.kind}`,
      );
      return null;
    }
    if (text !== '') {
      this.warning(
        row.location,
        header ?? null,
        `'${text}' is not a kind of link Octograph knows; imported as '${inferred.toLowerCase().replace(/_/g, ' ')}'`,
      );
    }
    return inferred;
  }

  /** Plans one link given by a connection row, a tag or a place. */
  private planLink(
    input: CreateLinkInput,
    location: Location,
    headers: Map<ConnectionField, string> | null,
    label: string,
  ): void {
    const key = linkKey(input.kind, input.source, input.target);
    const earlier = this.plannedLinkKeys.get(key);
    const line = { what: 'link' as const, label, type: input.kind, location };
    if (earlier) {
      this.warning(location, null, `repeats the link of ${this.where(earlier)}; skipped`);
      this.line({ ...line, id: input.id ?? '', action: 'skipped' });
      return;
    }
    this.plannedLinkKeys.set(key, location);
    const stored =
      (input.id === undefined ? undefined : this.linksById.get(input.id)) ??
      this.linksByKey.get(key);
    if (
      stored &&
      (stored.kind !== input.kind || linkKey(stored.kind, stored.source, stored.target) !== key)
    ) {
      this.error(
        location,
        headers?.get('id') ?? null,
        `link '${stored.id}' in the network is a ${stored.kind} between other nodes`,
      );
      return;
    }
    const candidate = {
      ...input,
      id: stored?.id ?? input.id ?? randomUUID(),
      since: input.since ?? stored?.since ?? new Date().toISOString().slice(0, 10),
    };
    if (stored) {
      const patch = linkPatch(stored, candidate);
      if (Object.keys(patch).length === 0) {
        this.line({ ...line, id: stored.id, action: 'unchanged' });
        return;
      }
      this.linkOps.push({ op: 'updateLink', id: stored.id, patch });
      this.line({ ...line, id: stored.id, action: 'update' });
      return;
    }
    const parsed = CreateLinkBodySchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of toFieldIssues(parsed.error.issues, undefined, candidate)) {
        const field = issue.path.split('.')[0] ?? '';
        const columnField = LINK_FIELD_COLUMNS[field] ?? null;
        const column = headers && columnField ? (headers.get(columnField) ?? null) : null;
        this.error(location, column, `${column ?? field} ${issue.message}`);
      }
      return;
    }
    this.linkOps.push({ op: 'createLink', link: candidate });
    this.line({ ...line, id: candidate.id, action: 'create' });
  }

  /** Tag and Place links, after every row: a new place is created; a tag must name a theme. */
  private derivedLinks(): void {
    const newPlaces = new Map<string, string>();
    for (const { kind, source, name, location, column } of this.derived) {
      const wantedKind = kind === 'FOCUSES_ON' ? 'theme' : 'place';
      const end =
        this.endOfKind(name, wantedKind) ??
        (kind === 'BASED_IN' ? newPlaces.get(normalised(name)) : undefined);
      let target = end;
      if (target === undefined) {
        if (kind === 'FOCUSES_ON') {
          this.warning(location, column, `tag '${name}' names no theme; not imported`);
          continue;
        }
        target = randomUUID();
        newPlaces.set(normalised(name), target);
        this.nodeOps.push({ op: 'createNode', node: { kind: 'place', id: target, name } });
        this.line({
          action: 'create',
          what: 'node',
          id: target,
          label: name,
          type: 'Place',
          location,
        });
        this.warning(location, column, `'${name}' is a new place; it is created`);
      }
      const sourceKind = this.planned.get(source)?.kind ?? this.nodesById.get(source)?.kind;
      if (
        sourceKind === undefined ||
        !isLinkAllowed(kind, { kind: sourceKind }, { kind: wantedKind })
      ) {
        this.warning(
          location,
          column,
          `a ${sourceKind ?? 'node'} cannot have a ${kind === 'FOCUSES_ON' ? 'theme' : 'place'}; not imported`,
        );
        continue;
      }
      if (this.plannedLinkKeys.has(linkKey(kind, source, target))) continue;
      this.planLink(
        { kind, source, target },
        location,
        null,
        `${this.planned.get(source)?.name ?? source} → ${name}`,
      );
    }
  }

  private endOfKind(name: string, kind: NodeKind): string | undefined {
    const planned = this.plannedByName.get(`${kind}\u0000${normalised(name)}`)?.[0];
    if (planned) return planned.id;
    return this.storedByLooseName.get(`${kind}\u0000${normalised(name)}`)?.id;
  }
}

/** Plans Octograph's own network file: records match by id; new ones are created as they are. */
class NetworkPlanner extends Planner {
  plan(source: Extract<ImportSource, { type: 'network' }>): ImportPlan {
    this.problems.push(...source.problems);
    const at = (index: number, list: 'nodes' | 'links'): Location => ({
      file: source.file,
      sheet: null,
      row: index + 1,
      column: list,
    });
    source.content.nodes.forEach((node, index) => {
      const stored = this.nodesById.get(node.id);
      const line = {
        what: 'node' as const,
        id: node.id,
        label: node.name,
        type: typeLabelOf(node),
        location: at(index, 'nodes'),
      };
      if (!stored) {
        const { createdAt: _c, updatedAt: _u, ...fields } = node;
        this.nodeOps.push({ op: 'createNode', node: fields as CreateNodeInput });
        this.line({ ...line, action: 'create' });
        return;
      }
      if (stored.kind !== node.kind) {
        this.error(
          line.location,
          'kind',
          `'${node.id}' is a ${stored.kind} in the network, a ${node.kind} in the file`,
        );
        return;
      }
      const { createdAt: _c, updatedAt: _u, id: _i, ...fields } = node;
      const patch = nodePatch(stored, fields);
      if (Object.keys(patch).length === 0) this.line({ ...line, action: 'unchanged' });
      else {
        this.nodeOps.push({
          op: 'updateNode',
          id: node.id,
          patch: { ...patch, kind: node.kind } as UpdateNodeBody,
        });
        this.line({ ...line, action: 'update' });
      }
    });
    source.content.links.forEach((link, index) => {
      const stored =
        this.linksById.get(link.id) ??
        this.linksByKey.get(linkKey(link.kind, link.source, link.target));
      const line = {
        what: 'link' as const,
        id: link.id,
        label: `${link.source} → ${link.target}`,
        type: link.kind,
        location: at(index, 'links'),
      };
      const { createdAt: _c, updatedAt: _u, createdBy: _b, consent, ...fields } = link;
      const choice = consent
        ? { shareEmail: consent.shareEmail, sharePhone: consent.sharePhone }
        : null;
      if (!stored) {
        this.linkOps.push({ op: 'createLink', link: { ...fields, consent: choice } });
        this.line({ ...line, action: 'create' });
        return;
      }
      const patch = linkPatch(stored, { ...link, consent: choice });
      if (Object.keys(patch).length === 0)
        this.line({ ...line, id: stored.id, action: 'unchanged' });
      else {
        this.linkOps.push({ op: 'updateLink', id: stored.id, patch });
        this.line({ ...line, id: stored.id, action: 'update' });
      }
    });
    return this.result();
  }
}
