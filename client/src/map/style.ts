/**
 * The map's Cytoscape stylesheet, generated from the palette so every kind has its rule and the
 * legend shows the same colours. Classes set by the controllers: `hub`, `closed` (data),
 * `selected-node`, `neighbour`, `highlighted`, `faded` (selection), `hovered`, `label-hidden` and
 * `label-above` / `label-right` / `label-left` / `label-center` (LabelController), `legend-hidden`
 * (MapStyleController), `labels-off` (LabelsOffController), `live-changed` (LiveFlashController). Data set by controllers: `labelSize`
 * and `labelWidth` (LabelController, see SCREEN_LABEL_MIN_PX), `community`
 * (CommunityColourController).
 */
import { LINK_KINDS, NODE_KINDS, ORGANISATION_KINDS, type LinkKind } from '@octograph/graph-schema';
import type { NodeSingular, StylesheetJson } from 'cytoscape';
import {
  FALLBACK_SWATCH,
  LINK_KIND_COLOURS,
  LINK_KIND_LINE_STYLES,
  NODE_KIND_COLOURS,
  NODE_KIND_SHAPES,
  ORG_KIND_COLOURS,
  ORG_KIND_SHAPES,
  LINK_OPACITY,
  MAP_BACKGROUND,
} from './palette';

/** Above this many links, straight haystack lines: bezier curves cost too much to draw. */
export const HAYSTACK_ABOVE_LINKS = 6000;

/**
 * Names are drawn at a fixed size on screen whatever the zoom (CSS pixels), as in Kumu or Gephi
 * Lite: never smaller than SCREEN_LABEL_MIN_PX, the busiest up to SCREEN_LABEL_MAX_PX, hubs at
 * HUB_LABEL_PX. Zooming in spreads the nodes apart under names of the same size, so more of them
 * find room (LabelController places them; a name with no room is hidden, not shrunk).
 */
export const SCREEN_LABEL_MIN_PX = 11;
export const SCREEN_LABEL_MAX_PX = 15;
export const HUB_LABEL_PX = 16;
/** The selected node's name, and the least its neighbours' names are drawn at. */
export const SELECTED_LABEL_PX = 16;
export const NEIGHBOUR_LABEL_PX = 12;
/** Names wrap at this width on screen (CSS pixels). */
export const LABEL_SCREEN_WIDTH = 130;

/**
 * A node's name size on screen, in CSS pixels, from its label size in model units (map-elements.ts
 * labelSize, 7 to 22: bigger for busier nodes) and whether it is a hub.
 */
export function screenLabelPx(fontSize: number, hub: boolean): number {
  if (hub) return HUB_LABEL_PX;
  const share = Math.min(1, Math.max(0, (fontSize - 7) / 15));
  return Math.round(SCREEN_LABEL_MIN_PX + (SCREEN_LABEL_MAX_PX - SCREEN_LABEL_MIN_PX) * share);
}

/**
 * Drawing levels: the selection's neighbours over the other nodes, the selected node over them,
 * the hovered one over everything. Far apart, so the order within a level (see drawOrder) never
 * crosses into the next.
 */
export const Z_NEIGHBOUR = 100;
export const Z_SELECTED = 200;
export const Z_HOVERED = 300;

/**
 * The order a node is drawn in (Cytoscape's `z-index`, highest on top): its level, then bigger
 * labels, then busier nodes. It is the order LabelController places labels in, so a shown label
 * is covered only by a node whose own label had first call on the space, and it can tell which
 * nodes would be drawn over a label. Cytoscape draws each node with its label, so without this a
 * smaller node could cover a bigger one's label.
 */
export function drawOrder(level: number, fontSize: number, degree: number): number {
  return level + fontSize + Math.min(Math.max(degree, 0), 999) / 1000;
}

/** A node's `z-index` at the plain level, from its data. */
function plainOrder(node: NodeSingular): number {
  return drawOrder(0, Number(node.data('z')), Number(node.data('degree')));
}

/** A neighbour's `z-index`, from its data (its label is drawn at the focus size). */
function neighbourOrder(node: NodeSingular): number {
  return drawOrder(Z_NEIGHBOUR, Number(node.data('focusFontSize')), Number(node.data('degree')));
}
/**
 * A node's label size as drawn, in model units: what LabelController set for the current zoom
 * (`labelSize`, its screen size divided by the zoom), or, before it has placed the label, its own
 * size from its data.
 */
function labelSizeOf(node: NodeSingular, field: 'fontSize' | 'focusFontSize'): number {
  const placed: unknown = node.data('labelSize');
  return typeof placed === 'number' ? placed : Number(node.data(field));
}

/** How wide a label may be before it wraps, in model units (see LABEL_SCREEN_WIDTH). */
function labelWidthOf(node: NodeSingular): string {
  const placed: unknown = node.data('labelWidth');
  return `${typeof placed === 'number' ? placed : LABEL_MAX_WIDTH}px`;
}

/** Labels wrap at this width (model units). */
export const LABEL_MAX_WIDTH = 180;
/** Gap between a node and its label (model units). */
export const LABEL_MARGIN = 3;
/** The labels' font; their weight is LABEL_WEIGHT, a hub's HUB_LABEL_WEIGHT. */
export const LABEL_FONT =
  'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", sans-serif';
export const LABEL_WEIGHT = 500;
export const HUB_LABEL_WEIGHT = 700;
/** The line of a link being drawn (the app's accent blue). */
const DRAW_COLOUR = '#3f6f9f';
const INK = '#27303a';

/** Whether a map with this many links is drawn with curved lines. */
export function prefersCurvedLinks(linkCount: number): boolean {
  return linkCount <= HAYSTACK_ABOVE_LINKS;
}

export interface StyleOptions {
  /** Curved links (prettier) or straight haystack lines (much cheaper on big maps). */
  curved: boolean;
}

/** The line style that shows a link's kind (solid, dashed, dotted), as the legend draws it. */
function lineStyleOf(kind: LinkKind) {
  const style = LINK_KIND_LINE_STYLES[kind];
  return {
    'line-style': style,
    ...(style === 'dashed' ? { 'line-dash-pattern': [6, 4] } : {}),
    ...(style === 'dotted' ? { 'line-dash-pattern': [1, 4] } : {}),
  };
}

export function buildStylesheet({ curved }: StyleOptions): StylesheetJson {
  return [
    {
      selector: 'core',
      // Cytoscape's types want every core property; only the tap indicator's opacity matters.
      style: {
        'active-bg-color': '#000000',
        'active-bg-opacity': 0,
        'active-bg-size': 0,
        'selection-box-color': '#000000',
        'selection-box-border-color': '#000000',
        'selection-box-border-width': 0,
        'selection-box-opacity': 0,
        'outside-texture-bg-color': MAP_BACKGROUND,
        'outside-texture-bg-opacity': 1,
      },
    },
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        shape: 'ellipse',
        'background-color': FALLBACK_SWATCH.fill,
        'border-width': 1.5,
        'border-color': FALLBACK_SWATCH.border,
        label: 'data(label)',
        'font-family': LABEL_FONT,
        'font-size': (node: NodeSingular) => labelSizeOf(node, 'fontSize'),
        'font-weight': LABEL_WEIGHT,
        color: INK,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': LABEL_MARGIN,
        // A white halo keeps labels readable where they cross lines and other nodes.
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'text-outline-opacity': 0.95,
        'text-wrap': 'wrap',
        'text-max-width': labelWidthOf,
        // Every name LabelController places is drawn (it sizes them for the zoom); those it has
        // no room for carry `label-hidden`.
        'min-zoomed-font-size': 0,
        'overlay-padding': 4,
        'overlay-opacity': 0,
        // A function: Cytoscape's types do not accept 'data(...)' for z-index.
        'z-index': plainOrder,
      },
    },
    ...NODE_KINDS.filter((kind) => kind !== 'organisation').map((kind) => ({
      selector: `node[kind = "${kind}"]`,
      style: {
        shape: NODE_KIND_SHAPES[kind],
        'background-color': NODE_KIND_COLOURS[kind].fill,
        'border-color': NODE_KIND_COLOURS[kind].border,
        ...(kind === 'theme' || kind === 'place' ? { 'border-width': 2 } : {}),
      },
    })),
    ...ORGANISATION_KINDS.map((orgKind) => ({
      selector: `node[kind = "organisation"][orgKind = "${orgKind}"]`,
      style: {
        shape: ORG_KIND_SHAPES[orgKind],
        'background-color': ORG_KIND_COLOURS[orgKind].fill,
        'border-color': ORG_KIND_COLOURS[orgKind].border,
      },
    })),
    {
      // Network organisations are hubs: a thicker edge and a soft ring around it.
      selector: 'node.hub',
      style: {
        'border-width': 3,
        'outline-width': 5,
        'outline-offset': 2,
        'outline-color': ORG_KIND_COLOURS.network.fill,
        'outline-opacity': 0.35,
        'font-weight': HUB_LABEL_WEIGHT,
      },
    },
    // Set by LabelController where a label has no room below its node.
    {
      selector: 'node.label-above',
      style: { 'text-valign': 'top', 'text-margin-y': -LABEL_MARGIN },
    },
    {
      selector: 'node.label-right',
      style: {
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-y': 0,
        'text-margin-x': LABEL_MARGIN,
      },
    },
    {
      // A hub's name across its own circle (LabelController, when no side has room).
      selector: 'node.label-center',
      style: { 'text-valign': 'center', 'text-halign': 'center', 'text-margin-y': 0 },
    },
    {
      selector: 'node.label-left',
      style: {
        'text-valign': 'center',
        'text-halign': 'left',
        'text-margin-y': 0,
        'text-margin-x': -LABEL_MARGIN,
      },
    },
    {
      selector: 'node.closed',
      style: { 'background-opacity': 0.45, 'border-style': 'dashed' },
    },
    {
      selector: 'edge',
      style: {
        width: 'mapData(strength, 1, 3, 0.7, 2)',
        'line-color': '#8a96a3',
        opacity: LINK_OPACITY,
        // Round caps cost a little on every one of thousands of lines; straight ones do without.
        'line-cap': curved ? 'round' : 'butt',
        // Links are not clickable: taps go to the nodes under them or to the background.
        events: 'no',
        'z-index': 0,
        ...(curved
          ? {
              // A gentle, consistent bend (Kumu-like) rather than straight spokes.
              'curve-style': 'unbundled-bezier' as const,
              'control-point-distances': 14,
              'control-point-weights': 0.5,
            }
          : { 'curve-style': 'haystack' as const, 'haystack-radius': 0 }),
      },
    },
    ...LINK_KINDS.map((kind) => ({
      selector: `edge[kind = "${kind}"]`,
      style: {
        'line-color': LINK_KIND_COLOURS[kind],
        // Dashes are drawn dash by dash: on a big map (straight lines, seen from afar) they would
        // double the drawing time and cannot be told apart anyway; the colour still says the kind.
        ...(curved ? lineStyleOf(kind) : {}),
      },
    })),
    {
      // "Colour by community" (Insights panel, CommunityColourController): over the kind colours.
      selector: 'node[?community]',
      style: { 'background-color': 'data(community)' },
    },
    // Selection: the chosen node, its neighbours and their links stand out, the rest fades.
    {
      selector: 'node.faded',
      style: { opacity: 0.18, 'min-zoomed-font-size': 1000 },
    },
    {
      selector: 'edge.faded',
      style: { opacity: 0.05 },
    },
    {
      selector: 'node.neighbour',
      style: {
        'font-size': (node: NodeSingular) => labelSizeOf(node, 'focusFontSize'),
        'z-index': neighbourOrder,
      },
    },
    {
      // Set by LabelController on labels that would overlap a more important one. After the
      // neighbour rule (crowded neighbours are decluttered too), before selected and hovered.
      selector: 'node.label-hidden',
      style: { 'min-zoomed-font-size': 1000 },
    },
    {
      // The labels command switched names off (LabelsOffController): the selected and the
      // hovered node keep theirs (the rules below).
      selector: 'node.labels-off',
      style: { 'min-zoomed-font-size': 1000 },
    },
    {
      selector: 'edge.highlighted',
      // Strong enough to follow, faint enough that a focus of a hundred links is not a tangle.
      style: { opacity: 0.95, 'z-index': 10 },
    },
    {
      // Someone else just added or changed it (LiveFlashController): a glow for a moment.
      selector: 'node.live-changed',
      style: {
        'underlay-color': DRAW_COLOUR,
        'underlay-padding': 8,
        'underlay-opacity': 0.35,
        'underlay-shape': 'ellipse',
      },
    },
    {
      selector: 'edge.live-changed',
      style: { 'line-color': DRAW_COLOUR, width: 3, opacity: 1, 'z-index': 20 },
    },
    {
      selector: 'node.selected-node',
      style: {
        'border-width': 4,
        'border-color': INK,
        // No bolder weight here: Cytoscape caches label sizes, and a wider font gets clipped.
        'font-size': (node: NodeSingular) => labelSizeOf(node, 'focusFontSize'),
        'min-zoomed-font-size': 0,
        'z-index': Z_SELECTED,
      },
    },
    {
      selector: 'node.hovered',
      style: { 'min-zoomed-font-size': 0, 'z-index': Z_HOVERED, 'overlay-opacity': 0.08 },
    },
    // A link being drawn (LinkDrawController, cytoscape-edgehandles): a thin dashed line from
    // the node to the pointer, and a ring on the node it would join.
    {
      selector: 'edge.eh-ghost-edge, edge.eh-preview',
      style: {
        width: 3,
        'line-color': DRAW_COLOUR,
        'line-style': 'dashed',
        opacity: 0.9,
        'curve-style': 'straight',
        'z-index': Z_SELECTED,
      },
    },
    {
      selector: 'node.eh-ghost-node',
      style: { width: 1, height: 1, opacity: 0, label: '' },
    },
    {
      selector: 'node.eh-target, node.eh-source',
      style: { 'border-width': 4, 'border-color': DRAW_COLOUR },
    },
    {
      // Kinds switched off in the legend (LegendVisibility): not drawn at all, and so not
      // clickable either. A link with a hidden end is not drawn by Cytoscape either.
      selector: '.legend-hidden',
      style: { display: 'none' },
    },
  ];
}
