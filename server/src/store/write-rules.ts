/**
 * What every adapter does before it writes, kept in one place so both adapters apply the same
 * rules: validate against graph-schema, fill ids and timestamps, merge patches and check link
 * endpoints. Adapters only look things up and store the result.
 */
import { randomUUID } from 'node:crypto';
import {
  BatchOpSchema,
  CreateLinkBodySchema,
  CreateNodeBodySchema,
  GraphNodeSchema,
  LINK_RULES,
  LinkSchema,
  UpdateLinkBodySchema,
  UpdateNodeBodySchema,
  linkEndpointProblem,
  orgKindOf,
  statusOf,
  lifetimeOf,
  toFieldIssues,
  type BatchOp,
  type BatchOpInput,
  type CreateLinkInput,
  type CreateNodeInput,
  type GraphNode,
  type AttendanceConsent,
  upgradedLink,
  type ConsentChoice,
  type Link,
  type UpdateLinkBody,
  type UpdateNodeBody,
} from '@octograph/graph-schema';
import { z } from 'zod';
import {
  AppError,
  ConflictError,
  EditConflictError,
  LinkNotAllowedError,
  NotFoundError,
  ValidationError,
} from '../errors.js';
import { searchKey } from './search-key.js';
import type { Dismissal, StoredUser, UpdateUserOptions, WriteContext } from './graph-store.js';

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new ValidationError(toFieldIssues(result.error.issues, undefined, value));
  return result.data;
}

function now(): string {
  return new Date().toISOString();
}

/**
 * The updatedAt of a new version of something last changed at `previous`: now, or a millisecond
 * after `previous` when the clock has not moved past it (two saves in the same millisecond, or a
 * server whose clock is behind another's). updatedAt is the version editors send back as
 * `expectedVersion`, so two versions must never share one.
 */
export function nextUpdatedAt(previous: string): string {
  const at = Date.now();
  const after = Date.parse(previous) + 1;
  return new Date(Number.isNaN(after) ? at : Math.max(at, after)).toISOString();
}

/**
 * Refuses a patch made from another version than the stored one (EditConflictError with the
 * stored value). Called by both stores inside the write's transaction, after reading `existing`,
 * so no other write can come in between the check and the save.
 */
function checkExpectedVersion(
  existing: GraphNode | Link,
  expectedVersion: string | undefined,
): void {
  if (expectedVersion === undefined) return;
  // The same instant however it is spelt (`+00:00`, fewer fraction digits).
  if (Date.parse(expectedVersion) !== Date.parse(existing.updatedAt)) {
    throw new EditConflictError(existing);
  }
}

/**
 * The writes of a batch, validated. The store takes batches of any size (seeding and imports
 * are large); the API route limits what one request may hold.
 */
export function parseBatchOps(ops: readonly BatchOpInput[]): BatchOp[] {
  const result = z.array(BatchOpSchema).min(1, 'must hold at least one write').safeParse(ops);
  if (!result.success) {
    throw new ValidationError(
      toFieldIssues(result.error.issues, 'ops', ops).map((issue) => ({
        ...issue,
        path: issue.path.replace(/^ops\./, 'ops'),
      })),
    );
  }
  return result.data;
}

/**
 * The same error, saying where in a larger write it happened (`ops[2]`, `links[7]`), so the
 * caller can find the bad item; anything that is not an AppError passes unchanged.
 */
export function locateError(path: string, label: string, error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  // Keeps the stored value the editor needs to compare with.
  if (error instanceof EditConflictError) {
    return new EditConflictError(error.current, `${label}: ${error.message}`);
  }
  return new AppError(
    error.statusCode,
    error.code,
    `${label}: ${error.message}`,
    error.issues.map((issue) => ({ ...issue, path: `${path}.${issue.path}` })),
  );
}

/** A complete node from a create body: defaults, a new id if none, timestamps. */
export function newNode(input: CreateNodeInput): GraphNode {
  const body = parseOrThrow(CreateNodeBodySchema, input);
  const timestamp = now();
  return parseOrThrow(GraphNodeSchema, {
    ...body,
    id: body.id ?? randomUUID(),
    createdAt: timestamp,
    updatedAt: timestamp,
  });
}

/** The node after a patch; its kind cannot change. */
export function patchedNode(existing: GraphNode, patch: UpdateNodeBody): GraphNode {
  const { expectedVersion, ...body } = parseOrThrow(UpdateNodeBodySchema, patch);
  checkExpectedVersion(existing, expectedVersion);
  if (body.kind !== existing.kind) {
    throw new ValidationError([
      {
        path: 'kind',
        message: `is ${existing.kind} and cannot change to ${body.kind}`,
      },
    ]);
  }
  return parseOrThrow(GraphNodeSchema, {
    ...existing,
    ...body,
    updatedAt: nextUpdatedAt(existing.updatedAt),
  });
}

/** A complete link from a create body: defaults, a new id if none, who added it, timestamps. */
export function newLink(input: CreateLinkInput, context: WriteContext = {}): Link {
  const body = parseOrThrow(CreateLinkBodySchema, input);
  const timestamp = now();
  return parseOrThrow(LinkSchema, {
    ...body,
    consent: recordedConsent(body.consent, timestamp, context),
    id: body.id ?? randomUUID(),
    createdBy: context.actor ?? null,
    createdAt: timestamp,
    updatedAt: timestamp,
  });
}

/**
 * Instants in one spelling (`2026-11-21T14:32:53.271Z`), so every store gives back what it was
 * given to the character whatever offset or precision a restored file used.
 */
function canonicalTimes<T extends { createdAt: string; updatedAt: string }>(item: T): T {
  return {
    ...item,
    createdAt: new Date(item.createdAt).toISOString(),
    updatedAt: new Date(item.updatedAt).toISOString(),
  };
}

/** ConflictError unless a restore finds the store at the revision its caller read. */
export function checkExpectedRevision(expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current) {
    throw new ConflictError(
      `the store changed while this was prepared (revision ${expected}, now ${current}); try again`,
    );
  }
}

/** A stored node as given (a restore), checked against the schema. */
export function storedNode(node: unknown): GraphNode {
  return canonicalTimes(parseOrThrow(GraphNodeSchema, node));
}

/** A stored link as given (a restore), checked against the schema and for self-links. */
export function storedLink(link: unknown): Link {
  const stored = canonicalTimes(parseOrThrow(LinkSchema, upgradedLink(link)));
  return stored.consent === null
    ? stored
    : {
        ...stored,
        consent: {
          ...stored.consent,
          recordedAt: new Date(stored.consent.recordedAt).toISOString(),
        },
      };
}

/** A pair of ids in stored order: the smaller first. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/**
 * Checks the two organisations of a suggested introduction as the adapter found them (null:
 * absent), in the order the caller named them.
 */
export function checkIntroductionPair(
  a: string,
  b: string,
  nodeA: GraphNode | null,
  nodeB: GraphNode | null,
): void {
  if (a === b) throw new ValidationError([{ path: 'b', message: 'must differ from a' }]);
  const ends = [
    { path: 'a', id: a, node: nodeA },
    { path: 'b', id: b, node: nodeB },
  ];
  for (const { id, node } of ends) if (!node) throw new NotFoundError('node', id);
  for (const { path, id, node } of ends) {
    if (node && node.kind !== 'organisation') {
      throw new ValidationError(
        [{ path, message: `must be an organisation, not a ${node.kind}` }],
        `introductions are between organisations; '${id}' is a ${node.kind}`,
      );
    }
  }
}

/** A new dismissal of the pair, now, by the context's actor. */
export function newDismissal(a: string, b: string, context: WriteContext = {}): Dismissal {
  const [first, second] = orderedPair(a, b);
  return { a: first, b: second, dismissedAt: now(), dismissedBy: context.actor ?? null };
}

/** The link after a patch; kind and ends stay. A new consent is recorded now, by the writer. */
export function patchedLink(
  existing: Link,
  patch: UpdateLinkBody,
  context: WriteContext = {},
): Link {
  const { expectedVersion, consent, ...rest } = parseOrThrow(UpdateLinkBodySchema, patch);
  checkExpectedVersion(existing, expectedVersion);
  const timestamp = nextUpdatedAt(existing.updatedAt);
  return parseOrThrow(LinkSchema, {
    ...existing,
    ...rest,
    ...(consent === undefined ? {} : { consent: recordedConsent(consent, timestamp, context) }),
    updatedAt: timestamp,
  });
}

/**
 * A link whose meeting was deleted: it stays, without the meeting, as a new version (the link
 * changed, so its updatedAt moves on like any other write's).
 */
export function linkWithoutMeeting(link: Link): Link {
  return { ...link, meetingId: null, updatedAt: nextUpdatedAt(link.updatedAt) };
}

/** An attendee's consent choice with when and by whom it was recorded. */
function recordedConsent(
  choice: ConsentChoice | null,
  at: string,
  context: WriteContext,
): AttendanceConsent | null {
  return choice === null ? null : { ...choice, recordedAt: at, recordedBy: context.actor ?? null };
}

/**
 * Checks a link against the nodes it joins and the meeting it names, as the adapter found them
 * (null: not stored).
 */
export function checkLinkEnds(
  link: Link,
  source: GraphNode | null,
  target: GraphNode | null,
  meeting: GraphNode | null,
): void {
  if (!source) throw new NotFoundError('node', link.source);
  if (!target) throw new NotFoundError('node', link.target);
  const problem = linkEndpointProblem(
    link.kind,
    { kind: source.kind, orgKind: orgKindOf(source) },
    { kind: target.kind, orgKind: orgKindOf(target) },
  );
  if (problem) throw new LinkNotAllowedError(problem);
  if (link.meetingId !== null) {
    if (!meeting) throw new NotFoundError('meeting', link.meetingId);
    if (meeting.kind !== 'meeting') {
      throw new ValidationError([
        { path: 'meetingId', message: `'${link.meetingId}' is a ${meeting.kind}, not a meeting` },
      ]);
    }
  }
}

/** Whether a direction matters for this link kind (COLLABORATES_WITH: no). */
export function isDirected(link: Pick<Link, 'kind'>): boolean {
  return LINK_RULES[link.kind].directed;
}

/** The columns an adapter indexes for a node, derived from the node in one way for all. */
export function nodeIndexFields(node: GraphNode): {
  sortKey: string;
  orgKind: string | null;
  status: string | null;
  liveFrom: string | null;
  liveUntil: string | null;
  searchText: string;
} {
  const lifetime = lifetimeOf(node);
  return {
    sortKey: searchKey(node.name),
    orgKind: orgKindOf(node),
    status: statusOf(node),
    liveFrom: lifetime.from,
    liveUntil: lifetime.until,
    searchText: searchKey(searchableText(node).join(' \n ')),
  };
}

function searchableText(node: GraphNode): string[] {
  switch (node.kind) {
    case 'organisation':
      return [node.name, node.description, ...node.values, ...node.offers, ...node.needs];
    case 'person':
      return [node.name, node.role ?? ''];
    case 'project':
    case 'theme':
      return [node.name, node.description];
    case 'meeting':
      return [node.name, node.venue ?? '', node.organiser ?? ''];
    case 'place':
      return [node.name];
  }
}

/** Whether a user change's condition holds (UpdateUserOptions): else the store refuses it. */
export function invitationHolds(user: StoredUser, options: UpdateUserOptions): boolean {
  return options.ifInvitationHash === undefined || user.invitationHash === options.ifInvitationHash;
}
