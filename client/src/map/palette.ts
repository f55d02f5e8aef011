/**
 * The map's colours and shapes, shared by the canvas style and the legend so the two can never
 * disagree. Soft fills with a darker edge of the same hue (Kumu-like); organisations are circles
 * coloured by their kind, people are grey circles, and every other kind of node has its own
 * shape and a quieter colour.
 */
import type { LinkKind, NodeKind, OrganisationKind } from '@octograph/graph-schema';

export interface Swatch {
  /** Fill of the node. */
  fill: string;
  /** Its border: the same hue, darker. */
  border: string;
}

export const ORG_KIND_COLOURS: Readonly<Record<OrganisationKind, Swatch>> = {
  charity: { fill: '#7fb2dc', border: '#4a7fab' },
  community_group: { fill: '#9fd37e', border: '#5f9a3f' },
  social_enterprise: { fill: '#f7b36a', border: '#c57a2c' },
  company: { fill: '#c3b3e6', border: '#8470b8' },
  public_body: { fill: '#8fa3b8', border: '#566b82' },
  faith_group: { fill: '#f2a7c8', border: '#c2668f' },
  informal_group: { fill: '#84d0c4', border: '#3e9689' },
  network: { fill: '#f0816f', border: '#b8473a' },
};

/** Colours of the kinds that are not organisations (an organisation's comes from its kind). */
export const NODE_KIND_COLOURS: Readonly<Record<Exclude<NodeKind, 'organisation'>, Swatch>> = {
  person: { fill: '#d6d1c9', border: '#9a938a' },
  project: { fill: '#f4d35e', border: '#b89a23' },
  meeting: { fill: '#c9a27e', border: '#8d6947' },
  // Themes and places are context rather than actors: pale fills, strong edges.
  theme: { fill: '#f6eefa', border: '#9a5fb5' },
  place: { fill: '#eef5e6', border: '#5f8a3a' },
};

/** Shape of each node kind, by the names Cytoscape uses. */
export const NODE_KIND_SHAPES = {
  organisation: 'ellipse',
  person: 'ellipse',
  project: 'round-rectangle',
  meeting: 'diamond',
  theme: 'round-hexagon',
  place: 'round-triangle',
} as const satisfies Record<NodeKind, string>;
export type NodeShape = (typeof NODE_KIND_SHAPES)[NodeKind];

/** A soft fill for organisations whose kind is unknown. */
export const FALLBACK_SWATCH: Swatch = { fill: '#cfd4da', border: '#8b939c' };

/** How each kind of link is drawn: membership dashed, themes and places dotted, the rest solid. */
export const LINK_KIND_LINE_STYLES = {
  COLLABORATES_WITH: 'solid',
  MEMBER_OF: 'dashed',
  PARTNER_IN: 'solid',
  WORKS_AT: 'solid',
  VOLUNTEERS_AT: 'dashed',
  FUNDS: 'solid',
  ATTENDED: 'solid',
  FOCUSES_ON: 'dotted',
  BASED_IN: 'dotted',
} as const satisfies Record<LinkKind, 'solid' | 'dashed' | 'dotted'>;

/** Line colours: collaboration and funding a little stronger than the rest, all faint. */
export const LINK_KIND_COLOURS: Readonly<Record<LinkKind, string>> = {
  COLLABORATES_WITH: '#6f7c8c',
  MEMBER_OF: '#b8473a',
  PARTNER_IN: '#b89a23',
  WORKS_AT: '#9a938a',
  VOLUNTEERS_AT: '#b59a6a',
  FUNDS: '#3e9689',
  ATTENDED: '#8d6947',
  FOCUSES_ON: '#9a5fb5',
  BASED_IN: '#5f8a3a',
};

/** The swatch a node is drawn with. */
export function swatchOf(kind: NodeKind, orgKind: OrganisationKind | null): Swatch {
  if (kind === 'organisation') return orgKind ? ORG_KIND_COLOURS[orgKind] : FALLBACK_SWATCH;
  return NODE_KIND_COLOURS[kind];
}
