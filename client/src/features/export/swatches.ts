/**
 * The legend's swatches as SVG path data, for both the SVG export (markup) and the PNG export
 * (canvas Path2D): the same little pictures as the on-screen legend's KindSwatch.
 */
import type { NodeShape } from '../../map/palette';
import type { LineStyle } from './legend-layout';

/** Sizes of the swatches in pixels: a node in a square, a link as a curve in a strip. */
export const SWATCH_BOX = {
  node: { width: 18, height: 18 },
  link: { width: 24, height: 12 },
} as const;

/** The non-round node shapes in the 18 × 18 box (round ones are circles of radius 6 at 9, 9). */
export const NODE_SHAPE_PATHS: Readonly<Record<Exclude<NodeShape, 'ellipse'>, string>> = {
  'round-rectangle':
    'M4 5.5h10a1.5 1.5 0 0 1 1.5 1.5v4a1.5 1.5 0 0 1-1.5 1.5H4A1.5 1.5 0 0 1 2.5 11V7A1.5 1.5 0 0 1 4 5.5z',
  'cut-rectangle': 'M5 4.5h8l2.5 2.5v4L13 13.5H5L2.5 11V7z',
  diamond: 'M9 2.5 15.5 9 9 15.5 2.5 9z',
  'round-diamond': 'M9 2.5 15.5 9 9 15.5 2.5 9z',
  hexagon: 'M5.2 3h7.6L16 9l-3.2 6H5.2L2 9z',
  'round-hexagon': 'M5.2 3h7.6L16 9l-3.2 6H5.2L2 9z',
  triangle: 'M9 3 15.5 14.5h-13z',
  'round-triangle': 'M9 3 15.5 14.5h-13z',
  'round-pentagon': 'M9 2.8 15.5 7.5 13 15.1H5L2.5 7.5z',
  'round-tag': 'M2.5 4.5h8.5l4.5 4.5-4.5 4.5H2.5z',
};

/** A circle node: centre and radius in the box; hubs get a thinner disc inside a soft ring. */
export const NODE_CIRCLE = { cx: 9, cy: 9, r: 6, hubR: 5.6, ringR: 8.2 } as const;

/** A link's curve in the 24 × 12 box. */
export const LINK_PATH = 'M2 9 Q12 1 22 9';

/** Dash patterns of the link styles (empty: solid). */
export const LINE_DASHES: Readonly<Record<LineStyle, readonly number[]>> = {
  solid: [],
  dashed: [4, 2.5],
  dotted: [0.5, 2.5],
};
