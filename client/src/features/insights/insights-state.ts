/**
 * What the Insights panel does to the map, as pure state: which nodes stand out (an island, a
 * community, a bridge and what it would cut off, an introduction's pair) and whether nodes are
 * coloured by community. Also the pure steps that turn a finding's item into such a highlight.
 */
import type {
  CommunityItem,
  IntroductionItem,
  IslandItem,
  MapResponse,
} from '@octograph/graph-schema';
import Graph from 'graphology';
import { connectedComponents } from 'graphology-components';

/** Nodes that stand out on the map; everything else fades. */
export interface Highlight {
  /** The item's own nodes, drawn like a selected node (a bridge, an introduction's pair). */
  primary: readonly string[];
  /** The nodes that stand out with them (an island's or community's members, what is cut off). */
  members: readonly string[];
}

export interface InsightsMapState {
  highlight: Highlight | null;
  colourByCommunity: boolean;
}

export type InsightsMapAction =
  | { type: 'highlight'; highlight: Highlight }
  | { type: 'clearHighlight' }
  | { type: 'colourByCommunity'; on: boolean };

export const INITIAL_INSIGHTS_MAP: InsightsMapState = { highlight: null, colourByCommunity: false };

export function insightsMapReducer(
  state: InsightsMapState,
  action: InsightsMapAction,
): InsightsMapState {
  switch (action.type) {
    case 'highlight':
      return { ...state, highlight: action.highlight };
    case 'clearHighlight':
      return state.highlight === null ? state : { ...state, highlight: null };
    case 'colourByCommunity':
      return state.colourByCommunity === action.on
        ? state
        : { ...state, colourByCommunity: action.on };
  }
}

/** Every node a highlight keeps unfaded. */
export function highlightedIds(highlight: Highlight): Set<string> {
  return new Set([...highlight.primary, ...highlight.members]);
}

/** An island or a community: exactly its members. */
export function groupHighlight(item: IslandItem | CommunityItem): Highlight {
  return { primary: [], members: item.members.map((member) => member.id) };
}

/** An introduction: the two organisations. */
export function introductionHighlight(item: IntroductionItem): Highlight {
  return { primary: [item.a.id, item.b.id], members: [] };
}

/** The links that make organisations and projects one collaboration network (as the server's). */
const COLLABORATION_KINDS: ReadonlySet<string> = new Set([
  'COLLABORATES_WITH',
  'PARTNER_IN',
  'MEMBER_OF',
]);

/** The collaboration network of a drawn map: organisations and projects and their links. */
function collaborationGraph(map: MapResponse): Graph {
  const graph = new Graph({ type: 'undirected', multi: true });
  for (const node of map.nodes) {
    if (node.kind === 'organisation' || node.kind === 'project') graph.addNode(node.id);
  }
  for (const link of map.links) {
    if (
      COLLABORATION_KINDS.has(link.kind) &&
      graph.hasNode(link.source) &&
      graph.hasNode(link.target)
    ) {
      graph.addEdgeWithKey(link.id, link.source, link.target);
    }
  }
  return graph;
}

/**
 * The parts that lose their connection to the rest when `cut` is applied to the collaboration
 * network: of the parts it leaves of the component around `around`, every one but the largest.
 */
function cutOffParts(graph: Graph, around: readonly string[]): string[] {
  const touched = connectedComponents(graph).filter((part) =>
    part.some((id) => around.includes(id)),
  );
  touched.sort((a, b) => b.length - a.length);
  return touched.slice(1).flat();
}

/**
 * A bridge: the organisation (or the link's two ends) and the organisations and projects it
 * would cut off, worked out on the drawn map's collaboration network (graphology components).
 */
export function bridgeHighlight(
  item:
    | { type: 'organisation'; id: string }
    | { type: 'link'; id: string; source: { id: string }; target: { id: string } },
  map: MapResponse,
): Highlight {
  const graph = collaborationGraph(map);
  if (item.type === 'organisation') {
    if (!graph.hasNode(item.id)) return { primary: [item.id], members: [] };
    const neighbours = graph.neighbors(item.id);
    graph.dropNode(item.id);
    return { primary: [item.id], members: cutOffParts(graph, neighbours) };
  }
  const ends = [item.source.id, item.target.id];
  if (graph.hasEdge(item.id)) graph.dropEdge(item.id);
  return {
    primary: ends,
    members: cutOffParts(graph, ends).filter((id) => !ends.includes(id)),
  };
}

/** Soft, distinct colours for communities, largest community first; they repeat after these. */
export const COMMUNITY_COLOURS = [
  '#8fb8de',
  '#f2b880',
  '#9fd3a8',
  '#e79aa6',
  '#c3a6e0',
  '#f3dc83',
  '#86cfc9',
  '#d9b08c',
  '#b8c98a',
  '#e6a8d7',
  '#a3b5c9',
  '#f0a58f',
] as const;

/** Each community member's colour, by node id. */
export function communityColours(
  communities: readonly Pick<CommunityItem, 'id' | 'members'>[],
): Map<string, string> {
  const colours = new Map<string, string>();
  for (const community of communities) {
    const colour =
      COMMUNITY_COLOURS[community.id % COMMUNITY_COLOURS.length] ?? COMMUNITY_COLOURS[0];
    for (const member of community.members) colours.set(member.id, colour);
  }
  return colours;
}
