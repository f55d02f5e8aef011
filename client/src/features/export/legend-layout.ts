/**
 * The legend drawn into an exported picture, as plain data: first the rows it lists (from the
 * legend counts and the translated texts), then where each piece goes. The PNG (canvas) and the
 * SVG (markup) are both drawn from the same layout, so they show the same legend. Pure: no DOM,
 * no i18next, unit-tested in tests/unit/client-export.test.ts.
 */
import type { LinkKind, NodeKind, OrganisationKind } from '@octograph/graph-schema';
import type { LegendCounts } from '../legend/legend-counts';
import {
  LINK_KIND_COLOURS,
  LINK_KIND_LINE_STYLES,
  NODE_KIND_COLOURS,
  NODE_KIND_SHAPES,
  ORG_KIND_SHAPES,
  ORG_KIND_COLOURS,
  type NodeShape,
  type Swatch,
} from '../../map/palette';
import { SWATCH_BOX } from './swatches';

type OtherNodeKind = Exclude<NodeKind, 'organisation'>;
export type LineStyle = (typeof LINK_KIND_LINE_STYLES)[LinkKind];

/** Every text the exported legend shows, already translated. */
export interface ExportLegendTexts {
  /** "Octograph — 21 Nov 2026". */
  title: string;
  /** One line per active filter ("Organisation kind: Charity, Network"); empty for none. */
  filters: readonly string[];
  headings: {
    filters: string;
    organisations: string;
    otherNodes: string;
    links: string;
  };
  /** The name of an organisation kind ("Charity"). */
  orgKind: (kind: OrganisationKind) => string;
  /** The plural name of another node kind ("People"). */
  nodeKind: (kind: OtherNodeKind) => string;
  /** The name of a link kind ("Member of"). */
  linkKind: (kind: LinkKind) => string;
  /** A count as the reader's language writes it ("1,204"). */
  count: (value: number) => string;
  /** Explains the ring around network organisations; shown when there are any. */
  hubNote: string;
}

/** One row of the exported legend, top to bottom. */
export type ExportLegendRow =
  | { type: 'title'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'note'; text: string }
  | { type: 'node'; label: string; count: string; swatch: Swatch; shape: NodeShape; hub: boolean }
  | { type: 'link'; label: string; count: string; colour: string; lineStyle: LineStyle };

/**
 * What the exported legend lists: the title, the active filters, then every organisation kind,
 * other node kind and link kind on the map with its swatch and count, in the on-screen legend's
 * order.
 */
export function legendRows(counts: LegendCounts, texts: ExportLegendTexts): ExportLegendRow[] {
  const rows: ExportLegendRow[] = [{ type: 'title', text: texts.title }];
  if (texts.filters.length > 0) {
    rows.push({ type: 'heading', text: texts.headings.filters });
    rows.push(...texts.filters.map((text) => ({ type: 'note' as const, text })));
  }
  if (counts.organisations.length > 0) {
    rows.push({ type: 'heading', text: texts.headings.organisations });
    for (const { kind, count } of counts.organisations) {
      rows.push({
        type: 'node',
        label: texts.orgKind(kind),
        count: texts.count(count),
        swatch: ORG_KIND_COLOURS[kind],
        shape: ORG_KIND_SHAPES[kind],
        hub: kind === 'network',
      });
    }
  }
  if (counts.otherNodes.length > 0) {
    rows.push({ type: 'heading', text: texts.headings.otherNodes });
    for (const { kind, count } of counts.otherNodes) {
      rows.push({
        type: 'node',
        label: texts.nodeKind(kind),
        count: texts.count(count),
        swatch: NODE_KIND_COLOURS[kind],
        shape: NODE_KIND_SHAPES[kind],
        hub: false,
      });
    }
  }
  if (counts.links.length > 0) {
    rows.push({ type: 'heading', text: texts.headings.links });
    for (const { kind, count } of counts.links) {
      rows.push({
        type: 'link',
        label: texts.linkKind(kind),
        count: texts.count(count),
        colour: LINK_KIND_COLOURS[kind],
        lineStyle: LINK_KIND_LINE_STYLES[kind],
      });
    }
  }
  if (counts.organisations.some(({ kind }) => kind === 'network')) {
    rows.push({ type: 'note', text: texts.hubNote });
  }
  return rows;
}

// ------------------------------------------------------------------------------------------------
// Layout: positions in CSS pixels of the picture at 1× (the PNG is drawn at 2× on top of this).

/** The app's font stack (map/style.ts draws labels with the same). */
export const LEGEND_FONT_FAMILY =
  'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", sans-serif';

/** A font as the legend uses it. */
export interface LegendFont {
  size: number;
  weight: 400 | 600 | 700;
}

/** The text's width in pixels in that font. */
export type MeasureText = (text: string, font: LegendFont) => number;

/** The page's colours (styles.css). */
export const EXPORT_COLOURS = {
  ink: '#27303a',
  muted: '#6b7682',
  line: '#e4e2dc',
  paper: '#ffffff',
  /** The map's background (the canvas colour of styles.css). */
  canvas: '#fbfaf7',
} as const;

/** The "Not yet connected" ring as apart-ring.css draws it on screen. */
export const RING_STYLE = {
  line: '#8a7d6b',
  lineOpacity: 0.55,
  border: '#c9bfae',
  background: 'rgb(251 250 247 / 92%)',
  font: 'Inter, "Segoe UI", system-ui, sans-serif',
} as const;

const FONTS = {
  title: { size: 15, weight: 700 },
  heading: { size: 12, weight: 700 },
  row: { size: 13, weight: 400 },
  note: { size: 12, weight: 400 },
} as const satisfies Record<string, LegendFont>;

const PADDING = 20;
const MIN_WIDTH = 220;
const MAX_WIDTH = 340;
/** Gap between a swatch and its label. */
const SWATCH_GAP = 8;
/** Gap between a row's label and its count. */
const COUNT_GAP = 14;
const ROW_HEIGHT = 24;
const NOTE_LINE_HEIGHT = 17;
const HEADING_GAP = 14;

/** One piece of the legend at its place (x, y from the panel's top-left corner). */
export type LegendItem =
  /** `y` is the text's baseline; `anchor: 'end'` puts the text's end at `x`. */
  | {
      type: 'text';
      x: number;
      y: number;
      text: string;
      font: LegendFont;
      colour: string;
      anchor: 'start' | 'end';
    }
  /** A node swatch in the SWATCH_BOX.node box whose top-left corner is (x, y). */
  | { type: 'node'; x: number; y: number; swatch: Swatch; shape: NodeShape; hub: boolean }
  /** A link swatch: a gentle curve across the SWATCH_BOX.link box whose top-left is (x, y). */
  | { type: 'link'; x: number; y: number; colour: string; lineStyle: LineStyle };

export interface LegendLayout {
  width: number;
  height: number;
  items: LegendItem[];
}

/** `text` cut into lines no wider than `width` (at spaces; a longer word stays whole). */
export function wrapText(
  text: string,
  width: number,
  font: LegendFont,
  measure: MeasureText,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measure(candidate, font) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The panel's width: wide enough for its rows, within MIN…MAX_WIDTH (longer notes wrap). */
function panelWidth(rows: readonly ExportLegendRow[], measure: MeasureText): number {
  const contentWidths = rows.map((row) => {
    switch (row.type) {
      case 'title':
        return measure(row.text, FONTS.title);
      case 'heading':
        return measure(row.text, FONTS.heading);
      case 'note':
        // Notes widen the panel up to its maximum, then wrap.
        return measure(row.text, FONTS.note);
      case 'node':
      case 'link':
        return (
          SWATCH_BOX[row.type].width +
          SWATCH_GAP +
          measure(row.label, FONTS.row) +
          COUNT_GAP +
          measure(row.count, FONTS.row)
        );
    }
  });
  const widest = Math.max(0, ...contentWidths) + 2 * PADDING;
  return Math.ceil(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest)));
}

/** Where each row's pieces go in a panel as wide as its content. */
export function layoutLegend(rows: readonly ExportLegendRow[], measure: MeasureText): LegendLayout {
  const width = panelWidth(rows, measure);
  const inner = width - 2 * PADDING;
  const right = width - PADDING;
  const items: LegendItem[] = [];
  let y = PADDING;
  const text = (value: string, font: LegendFont, colour: string, x = PADDING) => {
    items.push({ type: 'text', x, y, text: value, font, colour, anchor: 'start' });
  };

  for (const row of rows) {
    switch (row.type) {
      case 'title':
        for (const line of wrapText(row.text, inner, FONTS.title, measure)) {
          y += 20;
          text(line, FONTS.title, EXPORT_COLOURS.ink);
        }
        y += 4;
        break;
      case 'heading':
        y += HEADING_GAP + 12;
        text(row.text, FONTS.heading, EXPORT_COLOURS.muted);
        y += 4;
        break;
      case 'note':
        for (const line of wrapText(row.text, inner, FONTS.note, measure)) {
          y += NOTE_LINE_HEIGHT;
          text(line, FONTS.note, EXPORT_COLOURS.muted);
        }
        break;
      case 'node':
      case 'link': {
        if (row.type === 'node') {
          items.push({
            type: 'node',
            x: PADDING,
            y: y + (ROW_HEIGHT - SWATCH_BOX.node.height) / 2,
            swatch: row.swatch,
            shape: row.shape,
            hub: row.hub,
          });
        } else {
          items.push({
            type: 'link',
            x: PADDING,
            y: y + (ROW_HEIGHT - SWATCH_BOX.link.height) / 2,
            colour: row.colour,
            lineStyle: row.lineStyle,
          });
        }
        const baseline = y + ROW_HEIGHT / 2 + FONTS.row.size * 0.36;
        const labelX = PADDING + SWATCH_BOX[row.type].width + SWATCH_GAP;
        // A label too long for the panel is shortened rather than run under its count.
        const room = right - labelX - COUNT_GAP - measure(row.count, FONTS.row);
        const label = fitText(row.label, room, FONTS.row, measure);
        items.push({
          type: 'text',
          x: labelX,
          y: baseline,
          text: label,
          font: FONTS.row,
          colour: EXPORT_COLOURS.ink,
          anchor: 'start',
        });
        items.push({
          type: 'text',
          x: right,
          y: baseline,
          text: row.count,
          font: FONTS.row,
          colour: EXPORT_COLOURS.muted,
          anchor: 'end',
        });
        y += ROW_HEIGHT;
        break;
      }
    }
  }
  return { width, height: Math.ceil(y + PADDING), items };
}

/** `text`, or as much of it as fits in `width` followed by "…". */
export function fitText(
  text: string,
  width: number,
  font: LegendFont,
  measure: MeasureText,
): string {
  if (measure(text, font) <= width) return text;
  let end = text.length;
  while (end > 1 && measure(`${text.slice(0, end).trimEnd()}…`, font) > width) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * A font-free guess at a text's width (average glyph widths of a sans-serif), for the SVG, whose
 * text is measured by whatever font the viewer has: generous, so the text fits in most fonts.
 */
export const estimateTextWidth: MeasureText = (text, font) =>
  text.length * font.size * (font.weight >= 600 ? 0.6 : 0.56);
