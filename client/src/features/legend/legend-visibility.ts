/**
 * The legend as a toggle (as in Kumu): clicking an entry hides that kind of organisation, node or
 * link from the map, clicking it again shows it. View-only: the map still holds every element the
 * server sent (the filters decide that), these are just not drawn. Pure state, with what it hides
 * on a given map, so the page can say how many are hidden.
 */
import type {
  LinkKind,
  MapLink,
  MapNode,
  NodeKind,
  OrganisationKind,
} from '@octograph/graph-schema';

/** A node kind the legend lists on its own (organisations are listed by their kind). */
export type OtherNodeKind = Exclude<NodeKind, 'organisation'>;

/** One entry of the legend. */
export type LegendEntry =
  | { group: 'org'; kind: OrganisationKind }
  | { group: 'node'; kind: OtherNodeKind }
  | { group: 'link'; kind: LinkKind };

export interface LegendVisibility {
  /** Organisation kinds not drawn. */
  org: readonly OrganisationKind[];
  /** Other node kinds not drawn. */
  node: readonly OtherNodeKind[];
  /** Link kinds not drawn. */
  link: readonly LinkKind[];
  /**
   * Themes, places and meetings drawn as nodes with their lines. Off by default: they are
   * attributes of the groups and people (filters, details, the Meetings screen), and as hubs with
   * lines they bury the collaborations.
   */
  attributesAsNodes: boolean;
}

/** The node kinds drawn only when themes, places and meetings are shown as nodes. */
export const ATTRIBUTE_KINDS: readonly OtherNodeKind[] = ['theme', 'place', 'meeting'];

export type LegendVisibilityAction =
  | { type: 'toggle'; entry: LegendEntry }
  | { type: 'showAll' }
  | { type: 'attributesAsNodes'; shown: boolean };

/** Nothing switched off in the legend; themes and places as attributes (the default view). */
export const ALL_SHOWN: LegendVisibility = {
  org: [],
  node: [],
  link: [],
  attributesAsNodes: false,
};

function toggled<K extends string>(list: readonly K[], kind: K): readonly K[] {
  return list.includes(kind) ? list.filter((item) => item !== kind) : [...list, kind];
}

export function legendVisibilityReducer(
  state: LegendVisibility,
  action: LegendVisibilityAction,
): LegendVisibility {
  switch (action.type) {
    case 'toggle': {
      const { entry } = action;
      if (entry.group === 'org') return { ...state, org: toggled(state.org, entry.kind) };
      if (entry.group === 'node') return { ...state, node: toggled(state.node, entry.kind) };
      return { ...state, link: toggled(state.link, entry.kind) };
    }
    case 'showAll':
      return isAllShown(state)
        ? state
        : { ...ALL_SHOWN, attributesAsNodes: state.attributesAsNodes };
    case 'attributesAsNodes':
      return state.attributesAsNodes === action.shown
        ? state
        : { ...state, attributesAsNodes: action.shown };
  }
}

/** Whether this entry is switched off. */
export function isEntryHidden(state: LegendVisibility, entry: LegendEntry): boolean {
  if (entry.group === 'org') return state.org.includes(entry.kind);
  if (entry.group === 'node') return state.node.includes(entry.kind);
  return state.link.includes(entry.kind);
}

/** Whether nothing is switched off. */
export function isAllShown(state: LegendVisibility): boolean {
  return state.org.length === 0 && state.node.length === 0 && state.link.length === 0;
}

/** Whether a node of this kind is not drawn (switched off, or a theme or place as attribute). */
export function isNodeHidden(
  state: LegendVisibility,
  node: Pick<MapNode, 'kind' | 'orgKind'>,
): boolean {
  if (node.kind !== 'organisation') {
    return (
      state.node.includes(node.kind) ||
      (!state.attributesAsNodes && ATTRIBUTE_KINDS.includes(node.kind))
    );
  }
  return node.orgKind !== null && state.org.includes(node.orgKind);
}

/** The ids of the elements of a map that are not drawn. */
export interface HiddenElements {
  nodes: ReadonlySet<string>;
  /** Links of a hidden kind, and links with a hidden end (a line to nowhere says nothing). */
  links: ReadonlySet<string>;
}

/** What the legend hides on this map. */
export function hiddenElements(
  state: LegendVisibility,
  map: {
    nodes: readonly Pick<MapNode, 'id' | 'kind' | 'orgKind'>[];
    links: readonly Pick<MapLink, 'id' | 'kind' | 'source' | 'target'>[];
  },
): HiddenElements {
  if (isAllShown(state) && state.attributesAsNodes) return { nodes: new Set(), links: new Set() };
  const nodes = new Set(map.nodes.filter((node) => isNodeHidden(state, node)).map(({ id }) => id));
  const links = new Set(
    map.links
      .filter(
        (link) =>
          state.link.includes(link.kind) || nodes.has(link.source) || nodes.has(link.target),
      )
      .map(({ id }) => id),
  );
  return { nodes, links };
}

/**
 * What the legend's switches hide beyond what is not drawn anyway (themes and places as
 * attributes): the numbers "Hidden: …" tells, so a switch is counted for what it takes away.
 */
export function switchedOff(
  state: LegendVisibility,
  map: Parameters<typeof hiddenElements>[1],
): HiddenElements {
  const all = hiddenElements(state, map);
  const baseline = hiddenElements(
    { ...ALL_SHOWN, attributesAsNodes: state.attributesAsNodes },
    map,
  );
  return {
    nodes: new Set([...all.nodes].filter((id) => !baseline.nodes.has(id))),
    links: new Set([...all.links].filter((id) => !baseline.links.has(id))),
  };
}
