/**
 * Nodes and links as Neo4j properties, and back. One node is one `:Node` with a label for its kind;
 * one link is one relationship whose type is its kind. The wire format's fields become properties
 * one for one, except:
 * - a person's contacts are flattened (`emailValue`, `emailVisibility`, `phoneValue`,
 *   `phoneVisibility`), because properties cannot hold maps;
 * - null and an empty tag list are not stored (Neo4j has no null property; an absent property
 *   reads back as null or as an empty list);
 * - a link's `kind`, `source` and `target` are its type and ends, not properties;
 * - nodes also carry what queries filter on (write-rules' nodeIndexFields: sortKey, orgKind,
 *   status, liveFrom, liveUntil, searchText) and their layout position (x, y).
 * Reading back validates against graph-schema, so what leaves the adapter is exactly a GraphNode or
 * Link, whatever else the database holds.
 */
import {
  GraphNodeSchema,
  LinkSchema,
  NODE_KINDS,
  summariseIssues,
  toFieldIssues,
  upgradedLink,
  type GraphNode,
  type Link,
  type NodeKind,
} from '@octograph/graph-schema';
import type { Dismissal } from '../graph-store.js';
import { nodeIndexFields } from '../write-rules.js';
import {
  fromNeoDate,
  fromNeoDateOrNull,
  fromNeoDateTime,
  numberOf,
  stringOrNull,
  toInteger,
  toNeoDate,
  toNeoDateOrNull,
  toNeoDateTime,
  type PropertyMap,
} from './values.js';

/** Property keys the adapter adds to graph-schema's field names (for the Cypher lint). */
export const ADAPTER_PROPERTY_KEYS = [
  'sortKey',
  'searchText',
  'liveFrom',
  'liveUntil',
  'x',
  'y',
  'emailValue',
  'emailVisibility',
  'phoneValue',
  'phoneVisibility',
  // The revision counter: (:Counter {name, value}).
  'value',
  // An attendee's consent (link.consent), flattened; `sharingConsent` is what versions before
  // it wrote, read and replaced (graph-schema's upgradedLink).
  'consentShareEmail',
  'consentSharePhone',
  'consentRecordedAt',
  'consentRecordedBy',
  'sharingConsent',
  // Dismissed introductions: (:Dismissal {a, b, dismissedAt, dismissedBy}).
  'a',
  'b',
  'dismissedAt',
  'dismissedBy',
  // Accounts (accounts.ts): (:User {id, email, name, role, passwordHash, personId, disabled,
  // createdAt, invitationHash, invitationExpiresAt, language}) and (:Session {tokenHash, userId,
  // csrfToken, createdAt, expiresAt}).
  'email',
  'passwordHash',
  'personId',
  'disabled',
  'invitationHash',
  'invitationExpiresAt',
  'language',
  'tokenHash',
  'userId',
  'csrfToken',
  'expiresAt',
  // The audit log: (:AuditEntry {id, revision, at, actor, action, changes, targets, undoes,
  // undoneBy}).
  'revision',
  'at',
  'actor',
  'action',
  'changes',
  'targets',
  'undoes',
  'undoneBy',
] as const;

function tags(values: readonly string[]): readonly string[] | null {
  return values.length === 0 ? null : values;
}

/** Every property of a node, null for those it has no value for (SET removes them). */
export function nodeProperties(node: GraphNode): PropertyMap {
  const index = nodeIndexFields(node);
  const common = {
    id: node.id,
    kind: node.kind,
    name: node.name,
    since: toNeoDateOrNull(node.since),
    until: toNeoDateOrNull(node.until),
    createdAt: toNeoDateTime(node.createdAt),
    updatedAt: toNeoDateTime(node.updatedAt),
    sortKey: index.sortKey,
    searchText: index.searchText,
    orgKind: index.orgKind,
    status: index.status,
    liveFrom: toNeoDateOrNull(index.liveFrom),
    liveUntil: toNeoDateOrNull(index.liveUntil),
  };
  switch (node.kind) {
    case 'organisation':
      return {
        ...common,
        orgKind: node.orgKind,
        description: node.description,
        website: node.website,
        values: tags(node.values),
        offers: tags(node.offers),
        needs: tags(node.needs),
        status: node.status,
        founded: node.founded === null ? null : toInteger(node.founded),
      };
    case 'person':
      return {
        ...common,
        role: node.role,
        emailValue: node.email?.value ?? null,
        emailVisibility: node.email?.visibility ?? null,
        phoneValue: node.phone?.value ?? null,
        phoneVisibility: node.phone?.visibility ?? null,
      };
    case 'project':
      return { ...common, description: node.description, status: node.status };
    case 'meeting':
      return {
        ...common,
        date: toNeoDate(node.date),
        venue: node.venue,
        organiser: node.organiser,
        notes: node.notes,
      };
    case 'theme':
      return { ...common, description: node.description };
    case 'place':
      return { ...common, placeType: node.placeType };
  }
}

function contact(
  value: unknown,
  visibility: unknown,
): { value: unknown; visibility: unknown } | null {
  return value === undefined || value === null ? null : { value, visibility };
}

/** The fields of one kind of node, from its properties (not yet validated). */
function nodeFields(kind: NodeKind, p: Readonly<Record<string, unknown>>): Record<string, unknown> {
  switch (kind) {
    case 'organisation':
      return {
        orgKind: p.orgKind,
        description: p.description,
        website: p.website ?? null,
        values: p.values ?? [],
        offers: p.offers ?? [],
        needs: p.needs ?? [],
        status: p.status,
        founded:
          p.founded === undefined || p.founded === null ? null : numberOf(p.founded, 'founded'),
      };
    case 'person':
      return {
        role: p.role ?? null,
        email: contact(p.emailValue, p.emailVisibility),
        phone: contact(p.phoneValue, p.phoneVisibility),
      };
    case 'project':
      return { description: p.description, status: p.status };
    case 'meeting':
      return {
        date: fromNeoDate(p.date, 'date'),
        venue: p.venue ?? null,
        organiser: p.organiser ?? null,
        notes: p.notes,
      };
    case 'theme':
      return { description: p.description };
    case 'place':
      return { placeType: p.placeType ?? null };
  }
}

function isNodeKind(value: unknown): value is NodeKind {
  return NODE_KINDS.some((kind) => kind === value);
}

/** A node from the properties a query returned (`n {.*}`). */
export function nodeFromProperties(p: Readonly<Record<string, unknown>>): GraphNode {
  const id = stringOrNull(p.id, 'node id') ?? '(no id)';
  if (!isNodeKind(p.kind)) throw new Error(`node '${id}' has no known kind`);
  const candidate = {
    kind: p.kind,
    id: p.id,
    name: p.name,
    since: fromNeoDateOrNull(p.since, `node '${id}' since`),
    until: fromNeoDateOrNull(p.until, `node '${id}' until`),
    createdAt: fromNeoDateTime(p.createdAt, `node '${id}' createdAt`),
    updatedAt: fromNeoDateTime(p.updatedAt, `node '${id}' updatedAt`),
    ...nodeFields(p.kind, p),
  };
  const parsed = GraphNodeSchema.safeParse(candidate);
  if (!parsed.success) {
    const problems = summariseIssues(toFieldIssues(parsed.error.issues));
    throw new Error(`node '${id}' as stored in Neo4j does not fit the schema: ${problems}`);
  }
  return parsed.data;
}

/** Every property of a link, null for those it has no value for (SET removes them). */
export function linkProperties(link: Link): PropertyMap {
  return {
    id: link.id,
    since: toNeoDate(link.since),
    until: toNeoDateOrNull(link.until),
    strength: toInteger(link.strength),
    notes: link.notes,
    meetingId: link.meetingId,
    collaborationType: link.collaborationType,
    role: link.role,
    // A map is not a property value in Neo4j, so the consent is four properties (null: none).
    consentShareEmail: link.consent?.shareEmail ?? null,
    consentSharePhone: link.consent?.sharePhone ?? null,
    consentRecordedAt: link.consent ? toNeoDateTime(link.consent.recordedAt) : null,
    consentRecordedBy: link.consent?.recordedBy ?? null,
    // Replaced by the four above; null removes what an earlier version wrote.
    sharingConsent: null,
    createdBy: link.createdBy,
    createdAt: toNeoDateTime(link.createdAt),
    updatedAt: toNeoDateTime(link.updatedAt),
  };
}

/** Where a relationship is: its type and the ids of its ends. */
export interface LinkPlace {
  kind: unknown;
  source: unknown;
  target: unknown;
}

/** A link from the properties of a relationship (`r {.*}`), its type and its ends. */
export function linkFromProperties(p: Readonly<Record<string, unknown>>, place: LinkPlace): Link {
  const id = stringOrNull(p.id, 'link id') ?? '(no id)';
  const candidate = {
    id: p.id,
    kind: place.kind,
    source: place.source,
    target: place.target,
    since: fromNeoDate(p.since, `link '${id}' since`),
    until: fromNeoDateOrNull(p.until, `link '${id}' until`),
    strength: numberOf(p.strength, `link '${id}' strength`),
    notes: p.notes,
    meetingId: p.meetingId ?? null,
    collaborationType: p.collaborationType ?? null,
    role: p.role ?? null,
    consent:
      p.consentRecordedAt === undefined || p.consentRecordedAt === null
        ? null
        : {
            shareEmail: p.consentShareEmail,
            sharePhone: p.consentSharePhone,
            recordedAt: fromNeoDateTime(p.consentRecordedAt, `link '${id}' consentRecordedAt`),
            recordedBy: p.consentRecordedBy ?? null,
          },
    createdBy: p.createdBy ?? null,
    createdAt: fromNeoDateTime(p.createdAt, `link '${id}' createdAt`),
    updatedAt: fromNeoDateTime(p.updatedAt, `link '${id}' updatedAt`),
  };
  // A relationship written before consent was recorded per detail still has `sharingConsent`.
  const legacy = p.sharingConsent ?? null;
  const parsed = LinkSchema.safeParse(
    legacy === null ? candidate : upgradedLink({ ...candidate, sharingConsent: legacy }),
  );
  if (!parsed.success) {
    const problems = summariseIssues(toFieldIssues(parsed.error.issues));
    throw new Error(`link '${id}' as stored in Neo4j does not fit the schema: ${problems}`);
  }
  return parsed.data;
}

/** The properties of a `(:Dismissal)` node. */
export function dismissalProperties(dismissal: Dismissal): PropertyMap {
  return {
    a: dismissal.a,
    b: dismissal.b,
    dismissedAt: toNeoDateTime(dismissal.dismissedAt),
    dismissedBy: dismissal.dismissedBy,
  };
}

/** A dismissal from the properties of a `(:Dismissal)` node (`d {.*}`). */
export function dismissalFromProperties(p: Readonly<Record<string, unknown>>): Dismissal {
  const a = stringOrNull(p.a, 'dismissal a');
  const b = stringOrNull(p.b, 'dismissal b');
  if (a === null || b === null) throw new Error('a stored dismissal has no a or b');
  return {
    a,
    b,
    dismissedAt: fromNeoDateTime(p.dismissedAt, `dismissal '${a}'/'${b}' dismissedAt`),
    dismissedBy: stringOrNull(p.dismissedBy ?? null, `dismissal '${a}'/'${b}' dismissedBy`),
  };
}
