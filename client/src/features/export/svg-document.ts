/**
 * The exported SVG as a string: the map as cytoscape-svg drew it, with the legend panel beside
 * it. Pure string work (no DOM), so it can be unit-tested; every text and attribute value that
 * goes in is escaped.
 */
import {
  EXPORT_COLOURS,
  RING_STYLE,
  LEGEND_FONT_FAMILY,
  type LegendFont,
  type LegendItem,
  type LegendLayout,
} from './legend-layout';
import { LINE_DASHES, LINK_PATH, NODE_CIRCLE, NODE_SHAPE_PATHS } from './swatches';

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** `text` safe inside XML text and inside a quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/** `name="value" …`, escaped, without the ones whose value is undefined. */
function attributes(values: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(values)
    .flatMap(([name, value]) =>
      value === undefined ? [] : [`${name}="${escapeXml(String(value))}"`],
    )
    .join(' ');
}

/** Numbers with at most two decimals: enough for pixels, and short. */
function px(value: number): number {
  return Math.round(value * 100) / 100;
}

function fontAttributes(font: LegendFont) {
  return {
    'font-family': LEGEND_FONT_FAMILY,
    'font-size': font.size,
    'font-weight': font.weight,
  };
}

function itemSvg(item: LegendItem): string {
  switch (item.type) {
    case 'text':
      return `<text ${attributes({
        x: px(item.x),
        y: px(item.y),
        fill: item.colour,
        'text-anchor': item.anchor,
        ...fontAttributes(item.font),
      })}>${escapeXml(item.text)}</text>`;
    case 'node': {
      const { swatch, hub } = item;
      const parts: string[] = [];
      if (item.shape === 'ellipse') {
        if (hub) {
          parts.push(
            `<circle ${attributes({ cx: NODE_CIRCLE.cx, cy: NODE_CIRCLE.cy, r: NODE_CIRCLE.ringR, fill: 'none', stroke: swatch.fill, 'stroke-opacity': 0.5, 'stroke-width': 1.6 })}/>`,
          );
        }
        parts.push(
          `<circle ${attributes({ cx: NODE_CIRCLE.cx, cy: NODE_CIRCLE.cy, r: hub ? NODE_CIRCLE.hubR : NODE_CIRCLE.r, fill: swatch.fill, stroke: swatch.border, 'stroke-width': hub ? 1.8 : 1.2 })}/>`,
        );
      } else {
        parts.push(
          `<path ${attributes({ d: NODE_SHAPE_PATHS[item.shape], fill: swatch.fill, stroke: swatch.border, 'stroke-width': 1.2 })}/>`,
        );
      }
      return `<g transform="translate(${px(item.x)} ${px(item.y)})">${parts.join('')}</g>`;
    }
    case 'link': {
      const dashes = LINE_DASHES[item.lineStyle];
      return `<path ${attributes({
        transform: `translate(${px(item.x)} ${px(item.y)})`,
        d: LINK_PATH,
        fill: 'none',
        stroke: item.colour,
        'stroke-width': 1.6,
        'stroke-linecap': 'round',
        'stroke-dasharray': dashes.length > 0 ? dashes.join(' ') : undefined,
      })}/>`;
    }
  }
}

/** The legend panel as an SVG group, its top-left corner at (x, 0), `height` tall. */
export function legendSvg(layout: LegendLayout, x: number, height: number): string {
  const background = `<rect ${attributes({ width: layout.width, height, fill: EXPORT_COLOURS.paper })}/>`;
  const edge = `<path ${attributes({ d: `M0.5 0V${height}`, stroke: EXPORT_COLOURS.line, 'stroke-width': 1 })}/>`;
  const items = layout.items.map(itemSvg).join('');
  return `<g class="legend" transform="translate(${px(x)} 0)">${background}${edge}${items}</g>`;
}

/** The map's `<svg>…</svg>` without a leading XML declaration or doctype, which may not nest. */
function mapElement(mapSvg: string): string {
  const element = mapSvg.replace(/^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?/i, '').trim();
  if (!element.startsWith('<svg')) throw new Error('the map picture is not an SVG document');
  return element;
}

export interface ExportSvgInput {
  /** The map as cy.svg() drew it: an `<svg>` document of mapWidth × mapHeight. */
  mapSvg: string;
  mapWidth: number;
  mapHeight: number;
  legend: LegendLayout;
  /** SVG markup drawn over the map, in its pixels (the ring, see ringSvg); '' for none. */
  overlay?: string;
}

/** The "Not yet connected" ring as the screen shows it, in the map's pixels. */
export interface ExportRing {
  centre: { x: number; y: number };
  radius: number;
  /** Stepped back, as while a node is selected. */
  dimmed: boolean;
  label: {
    /** The label's centre and size. */
    x: number;
    y: number;
    width: number;
    height: number;
    title: string;
    detail: string;
  } | null;
}

/** The ring as SVG markup over a map of this size (clipped to it). */
export function ringSvg(ring: ExportRing, map: { width: number; height: number }): string {
  const circle = `<circle ${attributes({
    cx: px(ring.centre.x),
    cy: px(ring.centre.y),
    r: px(ring.radius),
    fill: 'none',
    stroke: RING_STYLE.line,
    'stroke-opacity': RING_STYLE.lineOpacity,
    'stroke-width': 1.5,
    'stroke-dasharray': '2 6',
    'stroke-linecap': 'round',
  })}/>`;
  const { label } = ring;
  const text = (y: number, content: string, size: number, weight: number, fill: string) =>
    `<text ${attributes({
      x: px(label?.x ?? 0),
      y: px(y),
      'font-family': RING_STYLE.font,
      'font-size': size,
      'font-weight': weight,
      'text-anchor': 'middle',
      'dominant-baseline': 'middle',
      fill,
    })}>${escapeXml(content)}</text>`;
  const labelMarkup = label
    ? [
        `<rect ${attributes({
          x: px(label.x - label.width / 2),
          y: px(label.y - label.height / 2),
          width: px(label.width),
          height: px(label.height),
          rx: px(label.height / 2),
          fill: '#fbfaf7',
          'fill-opacity': 0.92,
          stroke: RING_STYLE.border,
          'stroke-dasharray': '3 3',
        })}/>`,
        text(label.y - 8, label.title, 13, 600, EXPORT_COLOURS.ink),
        text(label.y + 8, label.detail, 12, 400, EXPORT_COLOURS.muted),
      ].join('')
    : '';
  const clip = `<svg ${attributes({ width: px(map.width), height: px(map.height), overflow: 'hidden' })}>`;
  return `<g class="ring"${ring.dimmed ? ' opacity="0.25"' : ''}>${clip}${circle}${labelMarkup}</svg></g>`;
}

/**
 * One SVG document: the map (nested as its own `<svg>`, which clips it to its own size) on the
 * map's background, and the legend panel to its right. As tall as the taller of the two.
 */
export function exportSvgDocument({
  mapSvg,
  mapWidth,
  mapHeight,
  legend,
  overlay = '',
}: ExportSvgInput): string {
  const width = Math.ceil(mapWidth + legend.width);
  const height = Math.ceil(Math.max(mapHeight, legend.height));
  const root = attributes({
    xmlns: 'http://www.w3.org/2000/svg',
    'xmlns:xlink': 'http://www.w3.org/1999/xlink',
    version: '1.1',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg ${root}>`,
    `<rect ${attributes({ width, height, fill: EXPORT_COLOURS.canvas })}/>`,
    `<g class="map">${mapElement(mapSvg)}${overlay}</g>`,
    legendSvg(legend, mapWidth, height),
    '</svg>',
  ].join('\n');
}
