/**
 * Answers insights requests from findings kept per store revision: they are computed on the
 * first request after a write (never on every request), and requests arriving while they are
 * computed share the same work. Introductions for one organisation are computed on demand from
 * the same model and kept until the next write.
 */
import type { InsightsSummary, IntroductionItem } from '@octograph/graph-schema';
import { NotFoundError, ValidationError } from '../errors.js';
import type { GraphStore } from '../store/graph-store.js';
import { computeInsights, type InsightOptions, type Insights } from './findings.js';
import { introductionsFor } from './introductions.js';

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
      this.insights = this.store
        .snapshot()
        .then((snapshot) => computeInsights(snapshot, snapshot.revision, this.options))
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
}
