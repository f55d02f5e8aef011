/**
 * The read model insights are computed from: the collaboration network as a graphology graph
 * (organisations and projects joined by COLLABORATES_WITH, PARTNER_IN and MEMBER_OF) and, per
 * organisation, what suggested introductions compare (themes, places, values, offers, needs,
 * everything it is already linked to). Built from a store snapshot, or from any nodes and links
 * of the same shape (the unit tests use small hand-made ones).
 */
import type { InsightNodeRef, LinkKind, NodeKind } from '@octograph/graph-schema';
import Graph from 'graphology';

/** What insights read of a node: every GraphNode fits. */
export interface InsightSourceNode {
  id: string;
  kind: NodeKind;
  name: string;
  status?: string;
  values?: readonly string[];
  offers?: readonly string[];
  needs?: readonly string[];
}

/** What insights read of a link: every Link fits. */
export interface InsightSourceLink {
  id: string;
  kind: LinkKind;
  source: string;
  target: string;
}

/** Nodes and links to analyse, and the introductions nobody wants suggested again. */
export interface InsightSource {
  nodes: readonly InsightSourceNode[];
  links: readonly InsightSourceLink[];
  dismissals?: readonly { a: string; b: string }[];
}

/** The links that make organisations and projects part of one collaboration network. */
export const COLLABORATION_KINDS: ReadonlySet<LinkKind> = new Set([
  'COLLABORATES_WITH',
  'PARTNER_IN',
  'MEMBER_OF',
]);

/** Edge attributes of the collaboration graph: the links joining the pair (often just one). */
export interface CollaborationEdge {
  links: string[];
}

/** Per organisation, what introductions compare. */
export interface OrganisationProfile {
  id: string;
  closed: boolean;
  themes: Set<string>;
  places: Set<string>;
  values: Set<string>;
  offers: Set<string>;
  needs: Set<string>;
  /** Every node it has a link of any kind with. */
  linked: Set<string>;
  /** Organisations whose introduction to this one was dismissed. */
  dismissed: Set<string>;
}

/** The collaboration graph and the indexes the findings use. */
export interface NetworkModel {
  /** Undirected, one edge per linked pair; nodes are organisations and projects. */
  graph: Graph<Record<string, never>, CollaborationEdge>;
  refs: Map<string, InsightNodeRef>;
  kinds: Map<string, NodeKind>;
  profiles: Map<string, OrganisationProfile>;
  /** Organisations focusing on each theme. */
  themeMembers: Map<string, Set<string>>;
}

/** Tags compare without case or surrounding spaces ("Befriending " meets "befriending"). */
export function normaliseTag(tag: string): string {
  return tag.trim().toLocaleLowerCase();
}

function tagSet(tags: readonly string[] | undefined): Set<string> {
  return new Set((tags ?? []).map(normaliseTag).filter((tag) => tag !== ''));
}

/** Builds the model from nodes and links; links whose ends are missing are ignored. */
export function buildNetworkModel(source: InsightSource): NetworkModel {
  const graph = new Graph<Record<string, never>, CollaborationEdge>({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  const refs = new Map<string, InsightNodeRef>();
  const kinds = new Map<string, NodeKind>();
  const profiles = new Map<string, OrganisationProfile>();
  const themeMembers = new Map<string, Set<string>>();
  for (const node of source.nodes) {
    kinds.set(node.id, node.kind);
    if (
      node.kind === 'organisation' ||
      node.kind === 'project' ||
      node.kind === 'theme' ||
      node.kind === 'place'
    ) {
      refs.set(node.id, { id: node.id, name: node.name, kind: node.kind });
    }
    if (node.kind === 'organisation' || node.kind === 'project') graph.addNode(node.id);
    if (node.kind === 'organisation') {
      profiles.set(node.id, {
        id: node.id,
        closed: node.status === 'closed',
        themes: new Set(),
        places: new Set(),
        values: tagSet(node.values),
        offers: tagSet(node.offers),
        needs: tagSet(node.needs),
        linked: new Set(),
        dismissed: new Set(),
      });
    }
  }
  for (const { a, b } of source.dismissals ?? []) {
    profiles.get(a)?.dismissed.add(b);
    profiles.get(b)?.dismissed.add(a);
  }
  for (const link of source.links) {
    const { source: from, target: to } = link;
    profiles.get(from)?.linked.add(to);
    profiles.get(to)?.linked.add(from);
    const fromProfile = profiles.get(from);
    if (fromProfile && link.kind === 'FOCUSES_ON' && kinds.get(to) === 'theme') {
      fromProfile.themes.add(to);
      const members = themeMembers.get(to) ?? new Set<string>();
      members.add(from);
      themeMembers.set(to, members);
    }
    if (fromProfile && link.kind === 'BASED_IN' && kinds.get(to) === 'place') {
      fromProfile.places.add(to);
    }
    if (
      COLLABORATION_KINDS.has(link.kind) &&
      from !== to &&
      graph.hasNode(from) &&
      graph.hasNode(to)
    ) {
      // Two links between the same pair share one edge, so a bridge is a pair joined only once.
      if (graph.hasEdge(from, to)) graph.getEdgeAttribute(from, to, 'links').push(link.id);
      else graph.addEdge(from, to, { links: [link.id] });
    }
  }
  return { graph, refs, kinds, profiles, themeMembers };
}

/** The ref of a node in the model (a bare one if it is unknown, which a caller never passes). */
export function refOf(model: NetworkModel, id: string): InsightNodeRef {
  return model.refs.get(id) ?? { id, name: id, kind: 'organisation' };
}

/** Sorts refs by name, then id, so lists read the same every time. */
export function byName(a: InsightNodeRef, b: InsightNodeRef): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}
