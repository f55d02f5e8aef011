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

/**
 * Organisation kinds in the Okabe–Ito colours (Okabe & Ito, "Color Universal Design", 2008),
 * chosen to stay apart for readers with any of the common colour-vision deficiencies
 * (tests/unit/client-palette.test.ts simulates deuteranopia, protanopia and tritanopia and checks
 * every pair); the kinds also differ in shape (ORG_KIND_SHAPES).
 */
export const ORG_KIND_COLOURS: Readonly<Record<OrganisationKind, Swatch>> = {
  charity: { fill: '#56b4e9', border: '#2a7fb0' },
  community_group: { fill: '#009e73', border: '#006b4e' },
  social_enterprise: { fill: '#e69f00', border: '#a06e00' },
  company: { fill: '#cc79a7', border: '#94487a' },
  public_body: { fill: '#0072b2', border: '#004c78' },
  faith_group: { fill: '#f0e442', border: '#a89d10' },
  informal_group: { fill: '#999999', border: '#666666' },
  network: { fill: '#d55e00', border: '#953f00' },
};

/**
 * Shape of each kind of organisation, by the names Cytoscape uses: a second cue beside the
 * colour. Silhouettes that stay apart when drawn small; networks (the hubs) are circles with a
 * ring around them, and no other node kind on the default map shares a shape with an
 * organisation kind.
 */
export const ORG_KIND_SHAPES = {
  charity: 'ellipse',
  community_group: 'round-triangle',
  social_enterprise: 'round-diamond',
  company: 'round-rectangle',
  public_body: 'round-pentagon',
  faith_group: 'round-hexagon',
  informal_group: 'round-tag',
  network: 'ellipse',
} as const satisfies Record<OrganisationKind, string>;

/** Colours of the kinds that are not organisations (an organisation's comes from its kind). */
export const NODE_KIND_COLOURS: Readonly<Record<Exclude<NodeKind, 'organisation'>, Swatch>> = {
  person: { fill: '#d6d1c9', border: '#9a938a' },
  project: { fill: '#c9b8ee', border: '#7a62b0' },
  meeting: { fill: '#c9a27e', border: '#8d6947' },
  // Themes and places are context rather than actors: pale fills, strong edges.
  theme: { fill: '#f6eefa', border: '#9a5fb5' },
  place: { fill: '#eef5e6', border: '#5f8a3a' },
};

/** Shape of each node kind, by the names Cytoscape uses. */
export const NODE_KIND_SHAPES = {
  organisation: 'ellipse',
  person: 'ellipse',
  project: 'cut-rectangle',
  meeting: 'diamond',
  theme: 'hexagon',
  place: 'triangle',
} as const satisfies Record<NodeKind, string>;
export type NodeShape =
  (typeof NODE_KIND_SHAPES)[NodeKind] | (typeof ORG_KIND_SHAPES)[OrganisationKind];

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

/**
 * Line colours, dark enough that a line drawn at LINK_OPACITY over the map's background still
 * has 3:1 contrast with it (tests/unit/client-palette.test.ts checks the blend).
 */
export const LINK_KIND_COLOURS: Readonly<Record<LinkKind, string>> = {
  COLLABORATES_WITH: '#4f5b69',
  MEMBER_OF: '#a63d2a',
  PARTNER_IN: '#735a00',
  WORKS_AT: '#5f5a53',
  VOLUNTEERS_AT: '#735c37',
  FUNDS: '#00704f',
  ATTENDED: '#6e4f33',
  FOCUSES_ON: '#7d4a99',
  BASED_IN: '#42652a',
};

/** How opaque a line is drawn (the selection fades the others far below this). */
export const LINK_OPACITY = 0.7;
/** The map's background colour. */
export const MAP_BACKGROUND = '#fbfaf7';

/** The swatch a node is drawn with. */
export function swatchOf(kind: NodeKind, orgKind: OrganisationKind | null): Swatch {
  if (kind === 'organisation') return orgKind ? ORG_KIND_COLOURS[orgKind] : FALLBACK_SWATCH;
  return NODE_KIND_COLOURS[kind];
}

/** The shape a node is drawn with. */
export function shapeOf(kind: NodeKind, orgKind: OrganisationKind | null): NodeShape {
  if (kind === 'organisation')
    return orgKind ? ORG_KIND_SHAPES[orgKind] : NODE_KIND_SHAPES.organisation;
  return NODE_KIND_SHAPES[kind];
}
