/**
 * The insights step: how long GET /api/insights takes on the first request after a write (the
 * server recomputes every finding then) and once the findings are cached, one request at a time.
 */
import type { CreateLinkInput } from '@octograph/graph-schema';
import { InsightsSummarySchema } from '@octograph/graph-schema';
import { postLink, timedGet } from './sequential.js';
import type { Session } from './session.js';

/** The insight timings of one run. */
export interface InsightTimings {
  /** The very first GET /api/insights of the server (compiles the code paths too). */
  firstMs: number;
  /** One per round: the first GET /api/insights after a new link was created. */
  coldMs: number[];
  /** GET /api/insights with nothing written since the previous request. */
  cachedSummaryMs: number[];
  /** GET of one finding's first page with nothing written since. */
  cachedFindingMs: number[];
  /** The revision the last cold request answered for, which must follow every write. */
  revisions: number[];
}

/** How many cold rounds and cached requests to make, and which finding page to time. */
export interface InsightPlan {
  /** One link per round, created just before the round's cold request. */
  writes: readonly CreateLinkInput[];
  cachedRequests: number;
  findingPath: string;
}

async function createLink(baseUrl: string, session: Session, link: CreateLinkInput): Promise<void> {
  const { status, text } = await postLink(baseUrl, session, link);
  if (status !== 201) {
    throw new Error(`POST /api/links: HTTP ${status} ${text.slice(0, 200)}`);
  }
}

/** One GET that must answer 200; its time in ms and its body. */
async function timedOk(url: string, session: Session): Promise<{ ms: number; body: string }> {
  const result = await timedGet(url, session);
  if (result.status !== 200) {
    throw new Error(`GET ${url}: HTTP ${result.status} ${result.body.slice(0, 200)}`);
  }
  return result;
}

/** Runs the cold rounds, then the cached requests, against a server at `baseUrl`, signed in. */
export async function measureInsights(
  baseUrl: string,
  session: Session,
  plan: InsightPlan,
): Promise<InsightTimings> {
  const summaryUrl = `${baseUrl}/api/insights`;
  const findingUrl = `${baseUrl}${plan.findingPath}`;
  const first = await timedOk(summaryUrl, session);
  const coldMs: number[] = [];
  const revisions: number[] = [];
  for (const link of plan.writes) {
    await createLink(baseUrl, session, link);
    const cold = await timedOk(summaryUrl, session);
    coldMs.push(cold.ms);
    revisions.push(InsightsSummarySchema.parse(JSON.parse(cold.body)).revision);
  }
  // Distinct revisions show each cold request really recomputed after its write.
  if (new Set(revisions).size !== revisions.length) {
    throw new Error(`GET /api/insights did not follow the writes: revisions ${revisions.join()}`);
  }
  const cachedSummaryMs: number[] = [];
  const cachedFindingMs: number[] = [];
  for (let index = 0; index < plan.cachedRequests; index += 1) {
    cachedSummaryMs.push((await timedOk(summaryUrl, session)).ms);
    cachedFindingMs.push((await timedOk(findingUrl, session)).ms);
  }
  return { firstMs: first.ms, coldMs, cachedSummaryMs, cachedFindingMs, revisions };
}
