/**
 * What the Insights panel does to the map, as pure state: which nodes stand out (an island, a
 * community, a bridge and what it would cut off, an introduction's pair) and whether nodes are
 * coloured by community. Also the pure steps that turn a finding's item into such a highlight.
 */
import type {
  BridgeItem,
  CommunityItem,
  IntroductionItem,
  IslandItem,
} from '@octograph/graph-schema';
import type { TFunction } from 'i18next';

/** Nodes that stand out on the map; everything else fades. */
export interface Highlight {
  /** The item's own nodes, drawn like a selected node (a bridge, an introduction's pair). */
  primary: readonly string[];
  /** The nodes that stand out with them (an island's or community's members, what is cut off). */
  members: readonly string[];
  /**
   * The links that stand out (a meeting's); without it, every link between two nodes that stand
   * out does.
   */
  links?: readonly string[];
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

/**
 * A bridge: the organisation (or the link's two ends) and the organisations and projects the
 * server says would be cut off. Not worked out from the drawn map, which lacks whatever the
 * filters hide: a hidden organisation can be the very path that keeps a part connected.
 */
export function bridgeHighlight(item: BridgeItem): Highlight {
  if (item.type === 'organisation') return { primary: [item.id], members: item.cutOffIds };
  const ends = [item.source.id, item.target.id];
  return { primary: ends, members: item.cutOffIds.filter((id) => !ends.includes(id)) };
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

/**
 * A community's name: the theme or place most of it shares ("Food"), else its number
 * ("Community 3"), in the reader's language.
 */
export function communityName(
  community: Pick<CommunityItem, 'id' | 'namedAfter'>,
  t: TFunction,
): string {
  return community.namedAfter?.name ?? t('insights.communities.name', { number: community.id + 1 });
}
