/**
 * Meetings (issue 6): who came, what each person shares with the other attendees, the links that
 * formed there (added many at once, all or nothing), and the attendee pack. Everything is read
 * and written through the GraphStore: a meeting is a node, an attendee has an ATTENDED link to it
 * carrying the person's consent, and a link formed there names the meeting in `meetingId`.
 */
import {
  MeetingLinkRowSchema,
  linkEndpointProblem,
  orgKindOf,
  today,
  toFieldIssues,
  type Attendee,
  type AttendeeBody,
  type AttendeePack,
  type BatchOpInput,
  type FieldIssue,
  type GraphNode,
  type Link,
  type Meeting,
  type MeetingDetails,
  type MeetingLinkRow,
  type MeetingLinksResult,
  type MeetingNodeRef,
  type Organisation,
  type PackAttendee,
} from '@octograph/graph-schema';
import { NotAttendingError, NotFoundError, ValidationError } from '../errors.js';
import type { GraphStore, WriteContext } from '../store/graph-store.js';
import { isDirected } from '../store/write-rules.js';

/** Links a person has with the organisations they work or volunteer at. */
const WORKPLACE_KINDS = new Set(['WORKS_AT', 'VOLUNTEERS_AT']);

/** A meeting as the service works with it: who came and what may be linked. */
interface MeetingContext {
  meeting: Meeting;
  /** The attendees in name order, each with its ATTENDED link. */
  attendees: { node: GraphNode; attendance: Link; organisations: Organisation[] }[];
  /** Attendees and the organisations attendees work or volunteer at, by id. */
  linkable: Map<string, GraphNode>;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'en') || 0;
}

function isCurrent(link: Link, on: string): boolean {
  return link.since <= on && (link.until === null || link.until > on);
}

/** The key two rows or links share when they name the same link (either way if undirected). */
function sameLinkKey(link: { kind: Link['kind']; source: string; target: string }): string {
  const ends = isDirected(link) ? [link.source, link.target] : [link.source, link.target].sort();
  return [link.kind, ...ends].join('\u0000');
}

/** Reads and writes meetings through a store. */
export class MeetingService {
  constructor(private readonly store: GraphStore) {}

  /** The meeting with this id; NotFoundError when there is none (or the node is not a meeting). */
  async meeting(id: string): Promise<Meeting> {
    const node = await this.store.getNode(id);
    if (node?.kind !== 'meeting') throw new NotFoundError('meeting', id);
    return node;
  }

  /** Every meeting, the latest first. */
  async list(): Promise<{ revision: number; items: Meeting[] }> {
    const revision = await this.store.revision();
    const items: Meeting[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.listNodes({ kind: ['meeting'], limit: 500, cursor });
      for (const node of page.items) if (node.kind === 'meeting') items.push(node);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    items.sort((a, b) => b.date.localeCompare(a.date) || byName(a, b));
    return { revision, items };
  }

  /** Who came, what may be linked, and the links formed at the meeting. */
  async details(id: string): Promise<MeetingDetails> {
    const revision = await this.store.revision();
    const context = await this.context(id);
    const { links, others } = await this.linksFormedAt(id, context.linkable);
    const attendees = context.attendees.map(({ node, attendance, organisations }) =>
      attendeeOf(node, attendance, organisations),
    );
    return {
      revision,
      meeting: context.meeting,
      attendees,
      linkable: refsOf(context.linkable.values()),
      links: links.sort(
        (a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id),
      ),
      others: refsOf(others.values()),
      recorders: await this.recorders(attendees),
    };
  }

  /**
   * The links recorded as formed at the meeting, and the nodes outside `linkable` they join. A
   * link made there may join an attendee with anyone, so the links among `linkable` are not
   * enough: each linkable node's own links are read (one step out) and those naming the meeting
   * kept.
   */
  private async linksFormedAt(
    id: string,
    linkable: ReadonlyMap<string, GraphNode>,
  ): Promise<{ links: Link[]; others: Map<string, GraphNode> }> {
    const links = new Map<string, Link>();
    const others = new Map<string, GraphNode>();
    for (const nodeId of linkable.keys()) {
      const around = await this.store.neighbourhood(nodeId, 1);
      const nodes = new Map(around.nodes.map((node) => [node.id, node]));
      for (const link of around.links) {
        if (link.meetingId !== id || links.has(link.id)) continue;
        if (!linkable.has(link.source) && !linkable.has(link.target)) continue;
        links.set(link.id, link);
        for (const end of [link.source, link.target]) {
          const node = nodes.get(end);
          if (node && !linkable.has(end)) others.set(end, node);
        }
      }
    }
    return { links: [...links.values()], others };
  }

  /** The names of the users who recorded these attendees' consent (the links keep their id). */
  private async recorders(attendees: readonly Attendee[]): Promise<Record<string, string>> {
    const names: Record<string, string> = {};
    for (const { consent } of attendees) {
      const userId = consent?.recordedBy;
      if (userId == null || userId in names) continue;
      const user = await this.store.getUser(userId);
      if (user) names[userId] = user.name;
    }
    return names;
  }

  /**
   * Adds a person or organisation to the meeting, or changes what a person shares. A person's
   * consent is recorded now, by the writer; an organisation carries none.
   */
  async setAttendee(
    id: string,
    nodeId: string,
    body: AttendeeBody,
    context: WriteContext = {},
  ): Promise<{ attendee: Attendee; created: boolean }> {
    const meeting = await this.meeting(id);
    const node = await this.store.getNode(nodeId);
    if (!node) throw new NotFoundError('node', nodeId);
    if (node.kind !== 'person' && node.kind !== 'organisation') {
      throw new ValidationError(
        [{ path: 'nodeId', message: `must be a person or an organisation, not a ${node.kind}` }],
        `attendees are people or organisations; '${nodeId}' is a ${node.kind}`,
      );
    }
    if (node.kind === 'organisation' && (body.shareEmail === true || body.sharePhone === true)) {
      throw new ValidationError([
        { path: 'shareEmail', message: 'is for people; an organisation shares no contact details' },
      ]);
    }
    const existing = await this.attendanceOf(id, nodeId);
    // A flag the body leaves out keeps what was recorded (no for a new attendee).
    const consent =
      node.kind === 'person'
        ? {
            shareEmail: body.shareEmail ?? existing?.consent?.shareEmail ?? false,
            sharePhone: body.sharePhone ?? existing?.consent?.sharePhone ?? false,
          }
        : null;
    const attendance = existing
      ? await this.store.updateLink(existing.id, { consent }, context)
      : await this.store.createLink(
          { kind: 'ATTENDED', source: nodeId, target: id, since: meeting.date, consent },
          context,
        );
    const organisations = await this.organisationsOf(node);
    return { attendee: attendeeOf(node, attendance, organisations), created: !existing };
  }

  /** Takes a person or organisation off the attendee list (the links formed there stay). */
  async removeAttendee(id: string, nodeId: string, context: WriteContext = {}): Promise<void> {
    await this.meeting(id);
    const attendance = await this.attendanceOf(id, nodeId);
    if (!attendance) {
      throw new NotAttendingError(nodeId, id);
    }
    await this.store.deleteLink(attendance.id, context);
  }

  /**
   * Adds links formed at the meeting, all or nothing. Each row is checked on its own, so the
   * ValidationError names every bad row by index; a row naming a link that already exists is
   * reported in `existing` and not added again.
   */
  async addLinks(
    id: string,
    rows: readonly unknown[],
    context: WriteContext = {},
  ): Promise<MeetingLinksResult> {
    const meetingContext = await this.context(id);
    const { meeting, linkable } = meetingContext;
    const parsedRows = rows.map((raw) => ({ raw, parsed: MeetingLinkRowSchema.safeParse(raw) }));
    // The ends that were not at the meeting, looked up once each (null: no such node).
    const outside = new Map<string, GraphNode | null>();
    for (const { parsed } of parsedRows) {
      if (!parsed.success) continue;
      for (const end of [parsed.data.source, parsed.data.target]) {
        if (!linkable.has(end) && !outside.has(end)) {
          outside.set(end, await this.store.getNode(end));
        }
      }
    }
    const known = [
      ...linkable.keys(),
      ...[...outside].flatMap(([end, node]) => (node ? [end] : [])),
    ];
    const stored = new Map(
      (await this.store.linksAmong(known)).map((link) => [sameLinkKey(link), link]),
    );
    const issues: FieldIssue[] = [];
    const toCreate: MeetingLinkRow[] = [];
    const existing: MeetingLinksResult['existing'] = [];
    const rowOfKey = new Map<string, number>();
    for (const [index, { raw, parsed }] of parsedRows.entries()) {
      const place = `links[${String(index)}]`;
      if (!parsed.success) {
        issues.push(...toFieldIssues(parsed.error.issues, place, raw));
        continue;
      }
      const row = parsed.data;
      const problems = rowProblems(row, linkable, outside);
      if (problems.length > 0) {
        issues.push(...problems.map((issue) => ({ ...issue, path: `${place}.${issue.path}` })));
        continue;
      }
      const key = sameLinkKey(row);
      const earlier = rowOfKey.get(key);
      if (earlier !== undefined) {
        issues.push({ path: `${place}.target`, message: `repeats links[${String(earlier)}]` });
        continue;
      }
      rowOfKey.set(key, index);
      const already = stored.get(key);
      if (already) existing.push({ index, link: already });
      else toCreate.push(row);
    }
    if (issues.length > 0) {
      const bad = new Set(issues.map((issue) => /^links\[(\d+)\]/.exec(issue.path)?.[1]));
      throw new ValidationError(
        issues,
        `${String(bad.size)} of ${String(rows.length)} links cannot be added, so none was: ${issues
          .map((issue) => `${issue.path} ${issue.message}`)
          .join('; ')}`,
      );
    }
    const ops: BatchOpInput[] = toCreate.map((row) => ({
      op: 'createLink',
      link: {
        kind: row.kind,
        source: row.source,
        target: row.target,
        since: meeting.date,
        strength: row.strength,
        notes: row.notes,
        collaborationType: row.collaborationType,
        meetingId: meeting.id,
      },
    }));
    if (ops.length === 0) return { revision: await this.store.revision(), created: [], existing };
    const result = await this.store.applyBatch(ops, context);
    const created = await Promise.all(
      result.results.map(async ({ id: linkId }) => {
        const link = await this.store.getLink(linkId);
        if (!link) throw new Error(`the link '${linkId}' just added is missing`);
        return link;
      }),
    );
    return { revision: result.revision, created, existing };
  }

  /**
   * The attendee pack: every attendee's name, role and organisations, and only the contact
   * details each person agreed to share. Built here so unconsented details never leave the server.
   */
  async pack(id: string): Promise<AttendeePack> {
    const { meeting, attendees } = await this.context(id);
    return {
      meeting: {
        id: meeting.id,
        name: meeting.name,
        date: meeting.date,
        venue: meeting.venue,
        organiser: meeting.organiser,
      },
      attendees: attendees.map(({ node, attendance, organisations }): PackAttendee => {
        const consent = attendance.consent;
        const person = node.kind === 'person' ? node : null;
        return {
          name: node.name,
          kind: node.kind === 'person' ? 'person' : 'organisation',
          role: person?.role ?? null,
          organisations: organisations.map((organisation) => organisation.name),
          email: person && consent?.shareEmail === true ? (person.email?.value ?? null) : null,
          phone: person && consent?.sharePhone === true ? (person.phone?.value ?? null) : null,
        };
      }),
    };
  }

  /** The organisations attendee suggestions compare: attending ones and attendees' workplaces. */
  async organisationIds(id: string): Promise<string[]> {
    const { linkable } = await this.context(id);
    return [...linkable.values()].filter((node) => node.kind === 'organisation').map((n) => n.id);
  }

  /** The ATTENDED link of a node to the meeting, if it attended. */
  /** Whether `nodeId` is on the meeting's attendee list. */
  async isAttendee(id: string, nodeId: string): Promise<boolean> {
    return (await this.attendanceOf(id, nodeId)) !== undefined;
  }

  private async attendanceOf(id: string, nodeId: string): Promise<Link | undefined> {
    return (await this.store.linksAmong([nodeId, id])).find(
      (link) => link.kind === 'ATTENDED' && link.source === nodeId && link.target === id,
    );
  }

  private async context(id: string): Promise<MeetingContext> {
    const meeting = await this.meeting(id);
    const around = await this.store.neighbourhood(id, 1);
    const nodes = new Map(around.nodes.map((node) => [node.id, node]));
    const attendees: MeetingContext['attendees'] = [];
    const linkable = new Map<string, GraphNode>();
    for (const attendance of around.links) {
      if (attendance.kind !== 'ATTENDED' || attendance.target !== id) continue;
      const node = nodes.get(attendance.source);
      if (!node) continue;
      const organisations = await this.organisationsOf(node);
      attendees.push({ node, attendance, organisations });
      linkable.set(node.id, node);
      for (const organisation of organisations) linkable.set(organisation.id, organisation);
    }
    attendees.sort((a, b) => byName(a.node, b.node));
    return { meeting, attendees, linkable };
  }

  /** A person's current workplaces, or an organisation itself. */
  private async organisationsOf(node: GraphNode): Promise<Organisation[]> {
    if (node.kind === 'organisation') return [node];
    if (node.kind !== 'person') return [];
    const around = await this.store.neighbourhood(node.id, 1);
    const on = today();
    const ids = new Set(
      around.links
        .filter(
          (link) =>
            link.source === node.id && WORKPLACE_KINDS.has(link.kind) && isCurrent(link, on),
        )
        .map((link) => link.target),
    );
    return around.nodes
      .filter((other): other is Organisation => other.kind === 'organisation' && ids.has(other.id))
      .sort(byName);
  }
}

/**
 * What is wrong with one parsed row, with paths inside the row. One end must be on the meeting's
 * side (`linkable`: an attendee, or where an attending person works); the other may be any person
 * or organisation, for a link formed at the meeting with someone who was not there.
 */
function rowProblems(
  row: MeetingLinkRow,
  linkable: ReadonlyMap<string, GraphNode>,
  outside: ReadonlyMap<string, GraphNode | null>,
): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (row.source === row.target) {
    problems.push({ path: 'target', message: 'must differ from source' });
  }
  if (row.kind === 'ATTENDED') {
    problems.push({ path: 'kind', message: 'attendance goes in the attendee list, not here' });
  }
  if (row.collaborationType !== null && row.kind !== 'COLLABORATES_WITH') {
    problems.push({
      path: 'collaborationType',
      message: `only COLLABORATES_WITH links have a collaborationType, not ${row.kind}`,
    });
  }
  const ends = (['source', 'target'] as const).map((path) => {
    const endId = row[path];
    const node = linkable.get(endId) ?? outside.get(endId) ?? null;
    if (!node) problems.push({ path, message: `no node with id '${endId}'` });
    else if (node.kind !== 'person' && node.kind !== 'organisation') {
      problems.push({
        path,
        message: `a link made at a meeting joins people and organisations, not a ${node.kind}`,
      });
    }
    return { path, node, atMeeting: linkable.has(endId) };
  });
  const [source, target] = ends;
  if (problems.length > 0 || !source?.node || !target?.node) return problems;
  if (!source.atMeeting && !target.atMeeting) {
    problems.push({
      path: 'target',
      message: `neither '${source.node.name}' nor '${target.node.name}' was at this meeting; add one of them to the attendees first`,
    });
    return problems;
  }
  const problem = linkEndpointProblem(
    row.kind,
    { kind: source.node.kind, orgKind: orgKindOf(source.node) },
    { kind: target.node.kind, orgKind: orgKindOf(target.node) },
  );
  if (problem) problems.push({ path: 'kind', message: problem });
  return problems;
}

/** People and organisations by name, as a meeting's details list them. */
function refsOf(nodes: Iterable<GraphNode>): MeetingNodeRef[] {
  return [...nodes]
    .flatMap((node) =>
      node.kind === 'person' || node.kind === 'organisation'
        ? [{ id: node.id, name: node.name, kind: node.kind, orgKind: orgKindOf(node) }]
        : [],
    )
    .sort(byName);
}

/** An attendee as editors see it. */
function attendeeOf(node: GraphNode, attendance: Link, organisations: Organisation[]): Attendee {
  return {
    id: node.id,
    kind: node.kind === 'person' ? 'person' : 'organisation',
    name: node.name,
    role: node.kind === 'person' ? node.role : null,
    organisations: organisations.map(({ id, name }) => ({ id, name })),
    consent: node.kind === 'person' ? attendance.consent : null,
    attendanceLinkId: attendance.id,
  };
}
