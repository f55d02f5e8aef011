/**
 * Answers insights requests from findings kept per store revision: they are computed on the
 * first request after a write (never on every request), and requests arriving while they are
 * computed share the same work. Introductions for one organisation are computed on demand from
 * the same model and kept until the next write.
 */
import type {
  AcceptIntroductionBody,
  DismissedIntroduction,
  InsightNodeRef,
  InsightsSummary,
  IntroductionItem,
  Link,
} from '@octograph/graph-schema';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Dismissal, GraphStore, WriteContext } from '../store/graph-store.js';
import { checkIntroductionPair } from '../store/write-rules.js';
import { computeInsights, type InsightOptions, type Insights } from './findings.js';
import { introductionsAmong, introductionsFor } from './introductions.js';

/** One page of a list. */
export interface Page<T> {
  revision: number;
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/** Paging of a finding. */
export interface PageQuery {
  limit: number;
  offset: number;
}

/** Cuts one page out of a finding's items. */
export function pageOf<T>(revision: number, items: readonly T[], query: PageQuery): Page<T> {
  return {
    revision,
    total: items.length,
    limit: query.limit,
    offset: query.offset,
    items: items.slice(query.offset, query.offset + query.limit),
  };
}

/** Findings cached per revision of a store. */
export class InsightsView {
  private insights: Promise<Insights> | null = null;
  private insightsRevision = -1;
  /** Per-organisation introductions, kept with the findings they were computed from. */
  private readonly perOrganisation = new WeakMap<Insights, Map<string, IntroductionItem[]>>();

  constructor(
    private readonly store: GraphStore,
    private readonly options: InsightOptions = {},
  ) {}

  /** The findings at the store's current revision. */
  async current(): Promise<Insights> {
    const revision = await this.store.revision();
    if (this.insights === null || this.insightsRevision !== revision) {
      this.insightsRevision = revision;
      // Dismissals are read after the snapshot: one written in between raises the revision
      // past the snapshot's, so the next request computes again.
      this.insights = this.store
        .snapshot()
        .then(async (snapshot) => {
          const dismissals = await this.store.listDismissals();
          return computeInsights({ ...snapshot, dismissals }, snapshot.revision, this.options);
        })
        .catch((error: unknown) => {
          this.insights = null;
          this.insightsRevision = -1;
          throw error;
        });
    }
    return this.insights;
  }

  /** How many items each finding has. */
  async summary(): Promise<InsightsSummary> {
    const insights = await this.current();
    return {
      revision: insights.revision,
      counts: {
        notConnected: insights.notConnected.length,
        islands: insights.islands.length,
        bridges: insights.bridges.length,
        brokers: insights.brokers.length,
        siloedThemes: insights.siloedThemes.length,
        introductions: insights.introductions.length,
        communities: insights.communities.length,
      },
      brokersApproximate: insights.brokersApproximate,
      brokersSampleSize: insights.brokersSampleSize,
      modularity: insights.modularity,
    };
  }

  /**
   * Suggested introductions for one organisation, best first. NotFoundError for an unknown id,
   * ValidationError for a node that is not an organisation.
   */
  async introductionsFor(id: string): Promise<{ revision: number; items: IntroductionItem[] }> {
    const insights = await this.current();
    const kind = insights.model.kinds.get(id);
    if (kind === undefined) throw new NotFoundError('node', id);
    if (kind !== 'organisation') {
      throw new ValidationError(
        [{ path: 'for', message: `must be an organisation, not a ${kind}` }],
        `introductions are suggested for organisations; '${id}' is a ${kind}`,
      );
    }
    let cache = this.perOrganisation.get(insights);
    if (cache === undefined) {
      cache = new Map();
      this.perOrganisation.set(insights, cache);
    }
    let items = cache.get(id);
    if (items === undefined) {
      items = introductionsFor(insights.model, insights.introductionIndex, id);
      cache.set(id, items);
    }
    return { revision: insights.revision, items };
  }

  /** Suggested introductions among these organisations (a meeting's), best first. */
  async introductionsAmong(
    ids: readonly string[],
  ): Promise<{ revision: number; items: IntroductionItem[] }> {
    const insights = await this.current();
    return { revision: insights.revision, items: introductionsAmong(insights.model, ids) };
  }

  /**
   * Accepts a suggestion: links the two organisations (COLLABORATES_WITH, since today). The same
   * errors as a dismissal for bad ends; ConflictError when they already collaborate.
   */
  async accept(body: AcceptIntroductionBody, context?: WriteContext): Promise<Link> {
    const [a, b] = await Promise.all([this.store.getNode(body.a), this.store.getNode(body.b)]);
    checkIntroductionPair(body.a, body.b, a, b);
    return this.store.createLink(
      { kind: 'COLLABORATES_WITH', source: body.a, target: body.b, notes: body.notes ?? '' },
      context,
    );
  }

  /** One page of the dismissed suggestions, newest first, with the organisations' names. */
  async dismissed(query: PageQuery): Promise<Page<DismissedIntroduction>> {
    const revision = await this.store.revision();
    const page = pageOf(revision, await this.store.listDismissals(), query);
    return { ...page, items: await Promise.all(page.items.map((item) => this.named(item))) };
  }

  /** A stored dismissal with the names of its organisations. */
  async named(dismissal: Dismissal): Promise<DismissedIntroduction> {
    const [a, b] = await Promise.all([this.refOf(dismissal.a), this.refOf(dismissal.b)]);
    return { ...dismissal, a, b };
  }

  private async refOf(id: string): Promise<InsightNodeRef> {
    const node = await this.store.getNode(id);
    // Deleting an organisation deletes its dismissals, so this is only a node deleted meanwhile.
    return { id, name: node?.name ?? id, kind: 'organisation' };
  }
}
