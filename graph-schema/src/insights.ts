/**
 * Insights: what the network's shape says, in plain words (issue 5). Every finding is a list of
 * items, each with a one-line English `explanation` and the structured fields (ids, counts) the
 * client needs to say the same in another language and to highlight the items on the map.
 *
 * "The collaboration network" below means organisations and projects joined by
 * COLLABORATES_WITH, PARTNER_IN and MEMBER_OF links.
 */
import { z } from 'zod';
import { IdSchema, TextInputSchema, TimestampSchema } from './common.js';

/** The findings, one route each under /api/insights. */
export const INSIGHT_FINDINGS = [
  'notConnected',
  'islands',
  'bridges',
  'brokers',
  'siloedThemes',
  'introductions',
  'communities',
] as const;
export type InsightFinding = (typeof INSIGHT_FINDINGS)[number];

/**
 * A whole number from a query string: digits only, and an empty value means the same as leaving
 * it out (as for the other list routes in api.ts).
 */
function wholeNumberParam<T extends z.ZodType>(schema: T) {
  return z.preprocess((value: unknown) => {
    if (value === '') return undefined;
    return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
  }, schema);
}

/** `limit` and `offset` of a finding's page. */
export const InsightPageQuerySchema = z.object({
  limit: wholeNumberParam(
    z.int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500'),
  ).default(50),
  offset: wholeNumberParam(z.int('must be a whole number').min(0, 'must be at least 0')).default(0),
});
export type InsightPageQuery = z.infer<typeof InsightPageQuerySchema>;

/** Paging of introductions, optionally for one organisation. */
export const IntroductionsQuerySchema = InsightPageQuerySchema.extend({
  for: IdSchema.optional(),
});
export type IntroductionsQuery = z.infer<typeof IntroductionsQuerySchema>;

/** A node named in a finding. */
export const InsightNodeRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['organisation', 'project', 'theme', 'place']),
});
export type InsightNodeRef = z.infer<typeof InsightNodeRefSchema>;

/** What every finding's page carries besides its items. */
const pageFields = {
  /** The store revision the findings were computed at. */
  revision: z.int(),
  /** How many items the finding has in all. */
  total: z.int(),
  limit: z.int(),
  offset: z.int(),
};

/** An organisation or project with no collaboration, partnership or membership link. */
export const NotConnectedItemSchema = InsightNodeRefSchema.extend({ explanation: z.string() });
export type NotConnectedItem = z.infer<typeof NotConnectedItemSchema>;

/** A group linked among itself but cut off from the main (largest) group. */
export const IslandItemSchema = z.object({
  /** The smallest member id: stable while the island's members stay the same. */
  id: z.string(),
  size: z.int(),
  members: z.array(InsightNodeRefSchema),
  explanation: z.string(),
});
export type IslandItem = z.infer<typeof IslandItemSchema>;

/** An organisation (articulation point) or a link (bridge) whose removal splits the network. */
export const BridgeItemSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('organisation'),
    id: z.string(),
    name: z.string(),
    /** Organisations and projects that would lose every path to the largest remaining part. */
    cutOff: z.int(),
    /**
     * Their ids, all `cutOff` of them, sorted. Of equally large remaining parts, the one holding
     * the smallest id counts as the largest (as for islands).
     */
    cutOffIds: z.array(z.string()),
    /** How many groups would be split off from the largest remaining part. */
    groupsCutOff: z.int(),
    explanation: z.string(),
  }),
  z.object({
    type: z.literal('link'),
    /** The link's id. */
    id: z.string(),
    source: InsightNodeRefSchema,
    target: InsightNodeRefSchema,
    /** Organisations and projects on the smaller side. */
    cutOff: z.int(),
    /**
     * Their ids, all `cutOff` of them (the link's end on that side too), sorted. Of two equally
     * large sides, the one holding the smallest id counts as the larger.
     */
    cutOffIds: z.array(z.string()),
    groupsCutOff: z.literal(1),
    explanation: z.string(),
  }),
]);
export type BridgeItem = z.infer<typeof BridgeItemSchema>;

/** An organisation often on the shortest paths between others. */
export const BrokerItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  rank: z.int(),
  /** Betweenness centrality: shortest paths between pairs that pass through it (unnormalised). */
  betweenness: z.number(),
  explanation: z.string(),
});
export type BrokerItem = z.infer<typeof BrokerItemSchema>;

/** A theme many organisations focus on with few links among them. */
export const SiloedThemeItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Organisations that focus on the theme. */
  organisations: z.int(),
  /** Collaboration and membership links among those organisations. */
  links: z.int(),
  /** links / possible links among those organisations, 0 to 1. */
  density: z.number(),
  /** organisations × (1 − density): higher is more siloed. */
  score: z.number(),
  explanation: z.string(),
});
export type SiloedThemeItem = z.infer<typeof SiloedThemeItemSchema>;

/** Why two organisations might want to meet. */
export const IntroductionReasonSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sharedThemes'), themes: z.array(InsightNodeRefSchema) }),
  z.object({ type: z.literal('samePlace'), places: z.array(InsightNodeRefSchema) }),
  z.object({ type: z.literal('sharedValues'), values: z.array(z.string()) }),
  z.object({
    type: z.literal('offersMeetNeeds'),
    /** Organisation id whose offers meet the other's needs. */
    from: z.string(),
    to: z.string(),
    tags: z.array(z.string()),
  }),
  z.object({
    type: z.literal('friendsInCommon'),
    friends: z.array(InsightNodeRefSchema),
    /** Adamic–Adar index over the collaboration network. */
    adamicAdar: z.number(),
  }),
]);
export type IntroductionReason = z.infer<typeof IntroductionReasonSchema>;

/** Two organisations not yet linked, with why they might meet. */
export const IntroductionItemSchema = z.object({
  a: InsightNodeRefSchema,
  b: InsightNodeRefSchema,
  score: z.number(),
  reasons: z.array(IntroductionReasonSchema),
  explanation: z.string(),
});
export type IntroductionItem = z.infer<typeof IntroductionItemSchema>;

/** Two organisations named by id, in either order (the pair is the same both ways). */
export const IntroductionPairSchema = z
  .strictObject({ a: IdSchema, b: IdSchema })
  .refine((pair) => pair.a !== pair.b, { path: ['b'], message: 'must differ from a' });
export type IntroductionPair = z.infer<typeof IntroductionPairSchema>;

/** POST /api/insights/introductions/accept: link the pair (a COLLABORATES_WITH link). */
export const AcceptIntroductionBodySchema = z
  .strictObject({ a: IdSchema, b: IdSchema, notes: TextInputSchema.optional() })
  .refine((pair) => pair.a !== pair.b, { path: ['b'], message: 'must differ from a' });
export type AcceptIntroductionBody = z.infer<typeof AcceptIntroductionBodySchema>;

/** A suggestion someone dismissed: that pair is never suggested again. */
export const DismissedIntroductionSchema = z.object({
  /** The pair, the smaller id first. */
  a: InsightNodeRefSchema,
  b: InsightNodeRefSchema,
  dismissedAt: TimestampSchema,
  /**
   * The user id of who dismissed it; null from before accounts or the command line, and for
   * readers who are not editors.
   */
  dismissedBy: z.string().nullable(),
});
export type DismissedIntroduction = z.infer<typeof DismissedIntroductionSchema>;

/** A Louvain community of the collaboration network. */
export const CommunityItemSchema = z.object({
  /** 0 for the largest community, then by size. */
  id: z.int(),
  size: z.int(),
  members: z.array(InsightNodeRefSchema),
  /**
   * The theme or place that most of its organisations share, which names it ("Food", "Old
   * Town"); each community gets a different one where it can; null when no theme or place is
   * shared by two of its organisations.
   */
  namedAfter: InsightNodeRefSchema.nullable(),
  explanation: z.string(),
});
export type CommunityItem = z.infer<typeof CommunityItemSchema>;

export const NotConnectedPageSchema = z.object({
  ...pageFields,
  items: z.array(NotConnectedItemSchema),
});
export const IslandsPageSchema = z.object({ ...pageFields, items: z.array(IslandItemSchema) });
export const BridgesPageSchema = z.object({ ...pageFields, items: z.array(BridgeItemSchema) });
export const BrokersPageSchema = z.object({
  ...pageFields,
  /** True when betweenness was estimated from a sample of sources (large networks). */
  approximate: z.boolean(),
  /** Sources the estimate used; null when exact. */
  sampleSize: z.int().nullable(),
  items: z.array(BrokerItemSchema),
});
export const SiloedThemesPageSchema = z.object({
  ...pageFields,
  items: z.array(SiloedThemeItemSchema),
});
export const IntroductionsPageSchema = z.object({
  ...pageFields,
  /** The organisation the suggestions are for; null for the whole network. */
  for: z.string().nullable(),
  items: z.array(IntroductionItemSchema),
});
export const DismissedIntroductionsPageSchema = z.object({
  ...pageFields,
  items: z.array(DismissedIntroductionSchema),
});
export const CommunitiesPageSchema = z.object({
  ...pageFields,
  /** Louvain modularity of the partition, −0.5 to 1. */
  modularity: z.number(),
  items: z.array(CommunityItemSchema),
});

/** GET /api/insights: how many items each finding has. */
export const InsightsSummarySchema = z.object({
  revision: z.int(),
  counts: z.object({
    notConnected: z.int(),
    islands: z.int(),
    bridges: z.int(),
    brokers: z.int(),
    siloedThemes: z.int(),
    introductions: z.int(),
    communities: z.int(),
  }),
  brokersApproximate: z.boolean(),
  brokersSampleSize: z.int().nullable(),
  modularity: z.number(),
});
export type InsightsSummary = z.infer<typeof InsightsSummarySchema>;
