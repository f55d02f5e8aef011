/**
 * The map's Cytoscape stylesheet, generated from the palette so every kind has its rule and the
 * legend shows the same colours. Classes set by the controllers: `hub`, `closed` (data),
 * `selected-node`, `neighbour`, `highlighted`, `faded` (selection), `hovered` and `label-hidden`
 * (LabelController).
 */
import { LINK_KINDS, NODE_KINDS, ORGANISATION_KINDS } from '@octograph/graph-schema';
import type { NodeSingular, StylesheetJson } from 'cytoscape';
import {
  FALLBACK_SWATCH,
  LINK_KIND_COLOURS,
  LINK_KIND_LINE_STYLES,
  NODE_KIND_COLOURS,
  NODE_KIND_SHAPES,
  ORG_KIND_COLOURS,
} from './palette';

/** Above this many links, straight haystack lines: bezier curves cost too much to draw. */
export const HAYSTACK_ABOVE_LINKS = 6000;

/** See `min-zoomed-font-size` below. */
export const MIN_LABEL_PX = 16;
/** The same for the selection's neighbours, whose labels matter more. */
export const NEIGHBOUR_MIN_LABEL_PX = 7;
/** Labels wrap at this width (model units). */
export const LABEL_MAX_WIDTH = 180;
/** Gap between a node and its label (model units). */
export const LABEL_MARGIN = 3;
const FONT = 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", sans-serif';
const INK = '#27303a';

/** Whether a map with this many links is drawn with curved lines. */
export function prefersCurvedLinks(linkCount: number): boolean {
  return linkCount <= HAYSTACK_ABOVE_LINKS;
}

export interface StyleOptions {
  /** Curved links (prettier) or straight haystack lines (much cheaper on big maps). */
  curved: boolean;
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
        'outside-texture-bg-color': '#fbfaf7',
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
        'font-family': FONT,
        'font-size': 'data(fontSize)',
        'font-weight': 500,
        color: INK,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': LABEL_MARGIN,
        // A white halo keeps labels readable where they cross lines and other nodes.
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'text-outline-opacity': 0.95,
        'text-wrap': 'wrap',
        'text-max-width': `${LABEL_MAX_WIDTH}px`,
        // Labels smaller than this on screen are not drawn: small nodes are labelled only once
        // one zooms in (label size grows with node size, see map-elements.ts). Cytoscape rounds
        // the zoom UP to a power of two for this test, so a label may be drawn at down to half
        // this size: 16 keeps every drawn label at 8 px or more, and mostly at 10 or more.
        'min-zoomed-font-size': MIN_LABEL_PX,
        'overlay-padding': 4,
        'overlay-opacity': 0,
        // A function: Cytoscape accepts 'data(z)' here, but its types do not.
        'z-index': (node: NodeSingular) => Number(node.data('z')),
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
        'font-weight': 700,
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
        opacity: 0.32,
        'line-cap': 'round',
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
        'line-style': LINK_KIND_LINE_STYLES[kind],
        ...(LINK_KIND_LINE_STYLES[kind] === 'dashed' ? { 'line-dash-pattern': [6, 4] } : {}),
        ...(LINK_KIND_LINE_STYLES[kind] === 'dotted' ? { 'line-dash-pattern': [1, 4] } : {}),
      },
    })),
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
        'font-size': 'data(focusFontSize)',
        'min-zoomed-font-size': NEIGHBOUR_MIN_LABEL_PX,
        'z-index': 40,
      },
    },
    {
      // Set by LabelController on labels that would overlap a more important one. After the
      // neighbour rule (crowded neighbours are decluttered too), before selected and hovered.
      selector: 'node.label-hidden',
      style: { 'min-zoomed-font-size': 1000 },
    },
    {
      selector: 'edge.highlighted',
      style: { opacity: 0.85, 'z-index': 10 },
    },
    {
      selector: 'node.selected-node',
      style: {
        'border-width': 4,
        'border-color': INK,
        // No bolder weight here: Cytoscape caches label sizes, and a wider font gets clipped.
        'font-size': 'data(focusFontSize)',
        'min-zoomed-font-size': 0,
        'z-index': 50,
      },
    },
    {
      selector: 'node.hovered',
      style: { 'min-zoomed-font-size': 0, 'z-index': 60, 'overlay-opacity': 0.08 },
    },
  ];
}
