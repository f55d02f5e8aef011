/**
 * One request (or store call) at a time, timed each: the latency a single person clicking
 * around would see, without queueing behind other requests. Every loop is bounded by its item
 * count and by a time budget.
 */
import type { CreateLinkInput } from '@octograph/graph-schema';
import type { GraphStore } from '@octograph/server';
import type { Session } from './session.js';
import { since } from './stats.js';
import type { EgoTarget } from './workload.js';

/** Durations of the measured items, plus anything that went wrong. */
export interface Timings {
  /** Milliseconds per measured item. */
  samples: number[];
  /** Per measured item, a size: nodes returned, or response bytes. */
  sizes: number[];
  /** Items that did not give the expected answer. */
  failures: number;
  /** The first failure, for the report. */
  firstFailure: string | null;
  /** Items left out because the time budget ran out. */
  skipped: number;
}

/** What one item's work reports: whether it succeeded, and a size to record. */
interface Outcome {
  ok: boolean;
  size: number;
  problem?: string;
}

/** The items to time, and a few to run first without timing (JIT, statement caches). */
export interface Plan<T> {
  warmup: readonly T[];
  items: readonly T[];
  /** Stop timing once this much time has passed. */
  budgetMs: number;
}

/** Runs `work` on the warm-up items, then on every item, timing each, within the budget. */
async function timeEach<T>(plan: Plan<T>, work: (item: T) => Promise<Outcome>): Promise<Timings> {
  const { items, budgetMs } = plan;
  const timings: Timings = { samples: [], sizes: [], failures: 0, firstFailure: null, skipped: 0 };
  for (const item of plan.warmup) await work(item);
  const deadline = performance.now() + budgetMs;
  for (const [index, item] of items.entries()) {
    if (performance.now() > deadline) {
      timings.skipped = items.length - index;
      break;
    }
    const started = performance.now();
    const outcome = await work(item);
    timings.samples.push(since(started));
    timings.sizes.push(outcome.size);
    if (!outcome.ok) {
      timings.failures += 1;
      timings.firstFailure ??= outcome.problem ?? 'unexpected answer';
    }
  }
  return timings;
}

function egoUrl(baseUrl: string, id: string, depth: number): string {
  return `${baseUrl}/api/nodes/${encodeURIComponent(id)}/neighbourhood?depth=${depth}`;
}

/** Ego networks over HTTP (fetch, keep-alive), timed until the whole body has arrived. */
export function egoOverHttp(
  baseUrl: string,
  session: Session,
  plan: Plan<EgoTarget>,
  depth: number,
): Promise<Timings> {
  return timeEach(plan, async (target) => {
    const response = await fetch(egoUrl(baseUrl, target.id, depth), {
      headers: session.readHeaders,
      signal: AbortSignal.timeout(10_000),
    });
    const body = await response.arrayBuffer();
    return response.status === 200
      ? { ok: true, size: body.byteLength }
      : {
          ok: false,
          size: body.byteLength,
          problem: `GET neighbourhood of ${target.id}: HTTP ${response.status} ${Buffer.from(body).toString('utf8').slice(0, 200)}`,
        };
  });
}

/** The same ego networks read directly from the store, in this process, with no HTTP. */
export function egoInProcess(
  store: GraphStore,
  plan: Plan<EgoTarget>,
  depth: number,
): Promise<Timings> {
  return timeEach(plan, async (target) => {
    const subgraph = await store.neighbourhood(target.id, depth);
    return { ok: true, size: subgraph.nodes.length };
  });
}

/** One POST /api/links: the answer's status and body, read whole. */
export async function postLink(
  baseUrl: string,
  session: Session,
  link: CreateLinkInput,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${baseUrl}/api/links`, {
    method: 'POST',
    headers: { ...session.writeHeaders, 'content-type': 'application/json' },
    body: JSON.stringify(link),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, text: await response.text() };
}

/** Creates links one POST at a time; each must answer 201. */
export function createLinksOverHttp(
  baseUrl: string,
  session: Session,
  plan: Plan<CreateLinkInput>,
): Promise<Timings> {
  return timeEach(plan, async (link) => {
    const { status, text } = await postLink(baseUrl, session, link);
    return status === 201
      ? { ok: true, size: text.length }
      : {
          ok: false,
          size: text.length,
          problem: `POST /api/links ${link.source} → ${link.target}: HTTP ${status} ${text.slice(0, 200)}`,
        };
  });
}

/** One GET with a session's read headers, timed until the whole body has arrived. */
export async function timedGet(
  url: string,
  session: Session,
): Promise<{ ms: number; status: number; body: string; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, {
    headers: session.readHeaders,
    signal: AbortSignal.timeout(60_000),
  });
  const buffer = Buffer.from(await response.arrayBuffer());
  const ms = since(started);
  return { ms, status: response.status, body: buffer.toString('utf8'), bytes: buffer.byteLength };
}

/** One meeting's worth of links, added in one request. */
export interface MeetingRound {
  meetingId: string;
  links: readonly CreateLinkInput[];
}

/**
 * Creates each round's meeting with the ends of its links as attendees (one POST /api/batch
 * each, not timed), then times POST /api/meetings/:id/links with all of a round's links at once;
 * each must answer 201 with every link created.
 */
export async function addMeetingLinksOverHttp(
  baseUrl: string,
  session: Session,
  plan: Plan<MeetingRound>,
  date: string,
): Promise<Timings> {
  for (const round of [...plan.warmup, ...plan.items]) {
    const attendees = [...new Set(round.links.flatMap((link) => [link.source, link.target]))];
    const response = await fetch(`${baseUrl}/api/batch`, {
      method: 'POST',
      headers: { ...session.writeHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({
        ops: [
          {
            op: 'createNode',
            node: { kind: 'meeting', id: round.meetingId, name: 'Benchmark meeting', date },
          },
          ...attendees.map((id) => ({
            op: 'createLink',
            link: { kind: 'ATTENDED', source: id, target: round.meetingId, since: date },
          })),
        ],
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status !== 200) {
      throw new Error(
        `setting up ${round.meetingId}: HTTP ${response.status} ${await response.text()}`,
      );
    }
  }
  return timeEach(plan, async (round) => {
    const response = await fetch(
      `${baseUrl}/api/meetings/${encodeURIComponent(round.meetingId)}/links`,
      {
        method: 'POST',
        headers: { ...session.writeHeaders, 'content-type': 'application/json' },
        body: JSON.stringify({
          links: round.links.map(({ source, target, notes }) => ({ source, target, notes })),
        }),
        signal: AbortSignal.timeout(10_000),
      },
    );
    const text = await response.text();
    const created =
      response.status === 201 ? (JSON.parse(text) as { created: unknown[] }).created : [];
    return created.length === round.links.length
      ? { ok: true, size: text.length }
      : {
          ok: false,
          size: text.length,
          problem: `POST /api/meetings/${round.meetingId}/links: HTTP ${response.status} ${text.slice(0, 200)}`,
        };
  });
}
