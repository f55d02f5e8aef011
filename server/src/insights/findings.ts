/**
 * Computes every finding of the insights from a network model, in one pass per finding. The
 * graph algorithms are graphology's (components, metrics, Louvain, shortest paths); only the
 * articulation points and bridges are hand-written (cut-points.ts says why).
 */
import type {
  BridgeItem,
  BrokerItem,
  CommunityItem,
  InsightNodeRef,
  IntroductionItem,
  IslandItem,
  NotConnectedItem,
  SiloedThemeItem,
} from '@octograph/graph-schema';
import { mulberry32 } from '@octograph/seed';
import louvain from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import { betweenness } from './betweenness.js';
import { findCutPoints, nodesOf, type CutPart } from './cut-points.js';
import {
  buildIntroductionIndex,
  countOf,
  listOf,
  networkIntroductions,
  type IntroductionIndex,
} from './introductions.js';
import {
  buildNetworkModel,
  byName,
  refOf,
  type InsightSource,
  type NetworkModel,
} from './network-model.js';

/** A theme is reported as siloed from this many organisations on. */
export const SILO_MIN_ORGANISATIONS = 3;
/** ...and only while fewer than this share of the possible links among them exist. */
export const SILO_MAX_DENSITY = 0.5;
/** Louvain's random choices are seeded, so the same network always gives the same communities. */
const LOUVAIN_SEED = 42;

/** Every finding at one revision. */
export interface Insights {
  revision: number;
  model: NetworkModel;
  introductionIndex: IntroductionIndex;
  notConnected: NotConnectedItem[];
  islands: IslandItem[];
  bridges: BridgeItem[];
  brokers: BrokerItem[];
  brokersApproximate: boolean;
  brokersSampleSize: number | null;
  siloedThemes: SiloedThemeItem[];
  introductions: IntroductionItem[];
  communities: CommunityItem[];
  modularity: number;
}

/** Options for tests: a lower exact-betweenness limit exercises the sampled estimate. */
export interface InsightOptions {
  exactBetweennessLimit?: number;
  betweennessSampleSize?: number;
}

const COLLABORATORS = ['organisation or project', 'organisations or projects'] as const;

/** Computes every finding of a network. */
export function computeInsights(
  source: InsightSource,
  revision = 0,
  options: InsightOptions = {},
): Insights {
  const model = buildNetworkModel(source);
  const introductionIndex = buildIntroductionIndex(model);
  const central = betweenness(model.graph, {
    ...(options.exactBetweennessLimit === undefined
      ? {}
      : { exactLimit: options.exactBetweennessLimit }),
    ...(options.betweennessSampleSize === undefined
      ? {}
      : { sampleSize: options.betweennessSampleSize }),
  });
  const { communities, modularity } = findCommunities(model);
  return {
    revision,
    model,
    introductionIndex,
    notConnected: findNotConnected(model),
    islands: findIslands(model),
    bridges: findBridges(model),
    brokers: rankBrokers(model, central.scores),
    brokersApproximate: central.approximate,
    brokersSampleSize: central.sampleSize,
    siloedThemes: findSiloedThemes(model),
    introductions: networkIntroductions(model, introductionIndex),
    communities,
    modularity,
  };
}

/** Organisations and projects with no collaboration, partnership or membership link. */
export function findNotConnected(model: NetworkModel): NotConnectedItem[] {
  return model.graph
    .filterNodes((node) => model.graph.degree(node) === 0)
    .map((id) => refOf(model, id))
    .sort(byName)
    .map((ref) => ({
      ...ref,
      explanation: `${ref.name} has no collaboration, partnership or membership link with any organisation or project yet.`,
    }));
}

/**
 * Components of two or more nodes other than the largest (the main network). Of two equally
 * large components, the one holding the smaller id counts as the main one.
 */
export function findIslands(model: NetworkModel): IslandItem[] {
  const groups = connectedComponents(model.graph)
    .filter((group) => group.length >= 2)
    .map((group) => group.map((id) => refOf(model, id)).sort(byName))
    .sort((a, b) => b.length - a.length || smallestId(a).localeCompare(smallestId(b)));
  return groups.slice(1).map((members) => ({
    id: smallestId(members),
    size: members.length,
    members,
    explanation: `${listOf(members.map((member) => member.name))} are linked to each other but not to the rest of the network.`,
  }));
}

function smallestId(members: readonly { id: string }[]): string {
  return members.map((member) => member.id).sort()[0] ?? '';
}

/**
 * The nodes of every part but the main one: the largest, or of equally large parts the one
 * holding the smallest id (as findIslands picks the main network), sorted by id.
 */
export function cutOffNodes(order: readonly string[], parts: readonly CutPart[]): string[] {
  const largest = parts.reduce((size, part) => Math.max(size, part.size), 0);
  const tied = parts.filter((part) => part.size === largest);
  const [first, ...others] = tied;
  let main = first;
  // Only a tie needs the main part's nodes looked at: it is usually the bulk of the network.
  if (first !== undefined && others.length > 0 && largest > 0) {
    const smallestOf = (part: CutPart): string =>
      nodesOf(order, part).reduce((least, id) => (id < least ? id : least));
    let mainSmallest = smallestOf(first);
    for (const part of others) {
      const smallest = smallestOf(part);
      if (smallest < mainSmallest) {
        main = part;
        mainSmallest = smallest;
      }
    }
  }
  return parts
    .filter((part) => part !== main)
    .flatMap((part) => nodesOf(order, part))
    .sort();
}

/**
 * Organisations whose removal would split their part of the network, and links that are the
 * only connection between two parts; the ones cutting most off first. Each item's `cutOffIds`
 * is listed when it is read (a page of items being sent), not here: on a long chain the lists of
 * all items add up to the square of its length (cut-points.ts).
 */
export function findBridges(model: NetworkModel): BridgeItem[] {
  const { graph } = model;
  const { order, vertices, edges } = findCutPoints(graph);
  const items: BridgeItem[] = [];
  for (const { node, parts } of vertices) {
    if (model.kinds.get(node) !== 'organisation') continue;
    const [largest = 0, ...rest] = parts.map((part) => part.size);
    const cutOff = rest.reduce((sum, size) => sum + size, 0);
    const { name } = refOf(model, node);
    items.push({
      type: 'organisation',
      id: node,
      name,
      cutOff,
      get cutOffIds() {
        return cutOffNodes(order, parts);
      },
      groupsCutOff: rest.length,
      explanation: `Without ${name}, ${countOf(cutOff, ...COLLABORATORS)} in ${countOf(rest.length, 'group', 'groups')} would lose their connection to the other ${String(largest)}.`,
    });
  }
  for (const { parent, child, childSide, parentSide } of edges) {
    const links = graph.getEdgeAttribute(parent, child, 'links');
    // Two links joining the same pair: removing one leaves the other.
    const [link] = links;
    if (links.length !== 1 || link === undefined) continue;
    const source = refOf(model, parent);
    const target = refOf(model, child);
    const cutOff = Math.min(childSide.size, parentSide.size);
    items.push({
      type: 'link',
      id: link,
      source,
      target,
      cutOff,
      get cutOffIds() {
        return cutOffNodes(order, [childSide, parentSide]);
      },
      groupsCutOff: 1,
      explanation: `The link between ${source.name} and ${target.name} is the only connection for ${countOf(cutOff, ...COLLABORATORS)}.`,
    });
  }
  return items.sort(
    (a, b) =>
      b.cutOff - a.cutOff ||
      (a.type === b.type ? 0 : a.type === 'organisation' ? -1 : 1) ||
      a.id.localeCompare(b.id),
  );
}

/** Organisations with a betweenness above zero, highest first. */
export function rankBrokers(model: NetworkModel, scores: Map<string, number>): BrokerItem[] {
  const ranked = [...scores]
    .filter(([id, score]) => score > 0 && model.kinds.get(id) === 'organisation')
    .map(([id, score]) => ({ ref: refOf(model, id), score }))
    .sort((a, b) => b.score - a.score || byName(a.ref, b.ref));
  return ranked.map(({ ref, score }, index) => ({
    id: ref.id,
    name: ref.name,
    rank: index + 1,
    betweenness: score,
    explanation: `${ref.name} lies on many of the shortest paths between other organisations (betweenness ${score.toFixed(1)}): it connects people who would otherwise be far apart.`,
  }));
}

/** Themes many organisations focus on with few collaboration links among those organisations. */
export function findSiloedThemes(model: NetworkModel): SiloedThemeItem[] {
  const { graph } = model;
  const items: SiloedThemeItem[] = [];
  for (const [theme, members] of model.themeMembers) {
    const organisations = members.size;
    if (organisations < SILO_MIN_ORGANISATIONS) continue;
    let links = 0;
    for (const member of members) {
      for (const other of graph.neighbors(member)) {
        if (member < other && members.has(other)) links += 1;
      }
    }
    const density = links / ((organisations * (organisations - 1)) / 2);
    if (density >= SILO_MAX_DENSITY) continue;
    const { name } = refOf(model, theme);
    items.push({
      id: theme,
      name,
      organisations,
      links,
      density,
      score: organisations * (1 - density),
      explanation: `${String(organisations)} organisations work on ${name}, but only ${countOf(links, 'link joins', 'links join')} them (${String(Math.round(density * 100))}% of the possible links).`,
    });
  }
  return items.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

/**
 * Louvain communities of the linked part of the collaboration network (nodes without links are
 * in notConnected instead), largest first and numbered in that order.
 */
export function findCommunities(model: NetworkModel): {
  communities: CommunityItem[];
  modularity: number;
} {
  const linked = model.graph.copy();
  for (const node of linked.filterNodes((id) => linked.degree(id) === 0)) linked.dropNode(node);
  if (linked.size === 0) return { communities: [], modularity: 0 };
  const result = louvain.detailed(linked, { rng: mulberry32(LOUVAIN_SEED), getEdgeWeight: null });
  const groups = new Map<number, string[]>();
  for (const [node, community] of Object.entries(result.communities)) {
    const list = groups.get(community) ?? [];
    list.push(node);
    groups.set(community, list);
  }
  const sorted = [...groups.values()]
    .map((group) => group.map((id) => refOf(model, id)).sort(byName))
    .sort((a, b) => b.length - a.length || smallestId(a).localeCompare(smallestId(b)));
  const taken = new Set<string>();
  const communities = sorted.map((members, index) => {
    const namedAfter = communityName(model, members, taken);
    if (namedAfter) taken.add(namedAfter.id);
    const title = namedAfter ? namedAfter.name : `Community ${String(index + 1)}`;
    return {
      id: index,
      size: members.length,
      members,
      namedAfter,
      explanation: `${title}: ${countOf(members.length, ...COLLABORATORS)} more linked to each other than to the rest, such as ${listOf(members.slice(0, 3).map((member) => member.name))}.`,
    };
  });
  return { communities, modularity: result.modularity };
}

/**
 * The theme or place shared by the most organisations of a community (at least two), not yet
 * naming a larger community; ties go to themes, then to the name. Null when there is none.
 */
function communityName(
  model: NetworkModel,
  members: readonly InsightNodeRef[],
  taken: ReadonlySet<string>,
): InsightNodeRef | null {
  const counts = new Map<string, number>();
  for (const member of members) {
    const profile = model.profiles.get(member.id);
    for (const id of [...(profile?.themes ?? []), ...(profile?.places ?? [])]) {
      if (!taken.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  const ranked = [...counts]
    .filter(([, count]) => count >= 2)
    .map(([id, count]) => ({ ref: refOf(model, id), count }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        Number(b.ref.kind === 'theme') - Number(a.ref.kind === 'theme') ||
        byName(a.ref, b.ref),
    );
  return ranked[0]?.ref ?? null;
}
