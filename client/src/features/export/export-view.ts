/**
 * The exports themselves: the map as it is on screen (the current viewport, not the whole graph)
 * with the legend panel beside it, as a PNG (at 2× by default) or an SVG, and the download. Needs
 * the browser (canvas, Blob, URL); the pure parts are legend-layout.ts and svg-document.ts.
 */
import cytoscape, { type Core } from 'cytoscape';
import svg from 'cytoscape-svg';
import { canvasMeasure, drawLegend } from './draw-legend';
import {
  EXPORT_COLOURS,
  RING_STYLE,
  estimateTextWidth,
  layoutLegend,
  type ExportLegendRow,
} from './legend-layout';
import { exportSvgDocument, ringSvg, type ExportRing } from './svg-document';

cytoscape.use(svg);

export interface PngExportOptions {
  /** Pixels per CSS pixel of the screen; 2 by default (sharp when printed or zoomed). */
  scale?: number;
}

/** The map area's size in CSS pixels; throws if it has none (nothing to draw). */
function viewSize(cy: Core): { width: number; height: number } {
  const width = cy.width();
  const height = cy.height();
  if (width <= 0 || height <= 0) throw new Error('the map has no size to export');
  return { width, height };
}

/**
 * Runs `draw` (cy.png() or cy.svg()) with only the labels the screen shows. Those exports draw
 * every label, even the ones the screen leaves out as too small at this zoom or as overlapping a
 * more important one (`min-zoomed-font-size`, which LabelController raises to declutter), so the
 * picture would be a tangle of text. `draw` is synchronous: the screen never shows the change.
 */
function withScreenLabels<T>(cy: Core, draw: () => T): T {
  // Cytoscape's own test (eleTextBiggerThanMin): the zoom times the pixel ratio, rounded up to a
  // power of two, times the font size, against min-zoomed-font-size.
  const level = 2 ** Math.ceil(Math.log2(cy.zoom() * window.devicePixelRatio));
  const pixels = (value: unknown) => (typeof value === 'number' ? value : 0);
  const unlabelled = cy
    .nodes()
    .filter(
      (node) =>
        pixels(node.numericStyle('font-size')) * level <
        pixels(node.numericStyle('min-zoomed-font-size')),
    );
  // A bypass, not a class: classes belong to the controllers. (An empty `label` is ignored.)
  unlabelled.style('text-opacity', 0);
  try {
    return draw();
  } finally {
    unlabelled.removeStyle('text-opacity');
  }
}

/** Cytoscape's rounded polygons (all `round-…` shapes but the round rectangle). */
const ROUND_POLYGON = /^round-(?!rectangle$)/;

/**
 * Runs `draw` (cy.svg()) with rounded polygons drawn as plain ones. Cytoscape starts no new path
 * for a rounded polygon when it draws without Path2D, as cytoscape-svg makes it, so in the SVG
 * each theme (round hexagon) or place (round triangle) would take the lines drawn after it into
 * its own outline. The plain shapes look nearly the same. `draw` is synchronous.
 */
function withPlainPolygons<T>(cy: Core, draw: () => T): T {
  const rounded = cy.nodes().filter((node) => {
    const shape: unknown = node.style('shape');
    return typeof shape === 'string' && ROUND_POLYGON.test(shape);
  });
  cy.batch(() => {
    rounded.forEach((node) => {
      node.style('shape', String(node.style('shape')).replace(ROUND_POLYGON, ''));
    });
  });
  try {
    return draw();
  } finally {
    rounded.removeStyle('shape');
  }
}

/**
 * The "Not yet connected" ring as the screen shows it over the map (RingLabelController draws it
 * as HTML over the canvas, so Cytoscape's own pictures leave it out): its circle and its label,
 * in the map's pixels; null when none is shown.
 */
function screenRing(cy: Core): ExportRing | null {
  const overlay = cy.container()?.closest('.graph-canvas')?.querySelector('.apart-ring');
  const circle = overlay?.querySelector('.apart-ring__line circle');
  if (!overlay || !circle) return null;
  const number = (name: string) => Number(circle.getAttribute(name) ?? Number.NaN);
  const [centreX, centreY, r] = [number('cx'), number('cy'), number('r')];
  if (![centreX, centreY, r].every(Number.isFinite)) return null;
  const label = overlay.querySelector('.apart-ring__label');
  const origin = overlay.getBoundingClientRect();
  const box = label?.getBoundingClientRect();
  const lines = label ? [...label.children].map((child) => child.textContent) : [];
  return {
    centre: { x: centreX, y: centreY },
    radius: r,
    dimmed: overlay.classList.contains('apart-ring--dimmed'),
    label:
      box && lines.length === 2
        ? {
            x: box.left - origin.left + box.width / 2,
            y: box.top - origin.top + box.height / 2,
            width: box.width,
            height: box.height,
            title: lines[0] ?? '',
            detail: lines[1] ?? '',
          }
        : null,
  };
}

/** Draws the ring (see screenRing) on a canvas, in the map's pixels. */
function drawRing(context: CanvasRenderingContext2D, ring: ExportRing): void {
  context.save();
  context.globalAlpha = ring.dimmed ? 0.25 : 1;
  context.strokeStyle = RING_STYLE.line;
  context.globalAlpha *= RING_STYLE.lineOpacity;
  context.lineWidth = 1.5;
  context.lineCap = 'round';
  context.setLineDash([2, 6]);
  context.beginPath();
  context.arc(ring.centre.x, ring.centre.y, ring.radius, 0, 2 * Math.PI);
  context.stroke();
  context.globalAlpha = ring.dimmed ? 0.25 : 1;
  const { label } = ring;
  if (label) {
    const { x, y, width, height } = label;
    context.setLineDash([3, 3]);
    context.lineWidth = 1;
    context.strokeStyle = RING_STYLE.border;
    context.fillStyle = RING_STYLE.background;
    context.beginPath();
    context.roundRect(x - width / 2, y - height / 2, width, height, height / 2);
    context.fill();
    context.stroke();
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillStyle = EXPORT_COLOURS.ink;
    context.font = `600 13px ${RING_STYLE.font}`;
    context.fillText(label.title, x, y - 8);
    context.fillStyle = EXPORT_COLOURS.muted;
    context.font = `12px ${RING_STYLE.font}`;
    context.fillText(label.detail, x, y + 8);
  }
  context.restore();
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error('the picture could not be encoded as PNG'));
    }, 'image/png');
  });
}

/** What is on screen, with the legend on its right, as a PNG. */
export async function exportPng(
  cy: Core,
  legendRows: readonly ExportLegendRow[],
  { scale = 2 }: PngExportOptions = {},
): Promise<Blob> {
  const map = viewSize(cy);
  // maxWidth/maxHeight rather than `scale`: cy.png() multiplies `scale` by the screen's pixel
  // ratio, so on a retina screen `scale: 2` would be 4×.
  // Drawn at once; only the encoding is awaited.
  const mapPng = await withScreenLabels(cy, () =>
    cy.png({
      output: 'blob-promise',
      full: false,
      bg: EXPORT_COLOURS.canvas,
      maxWidth: map.width * scale,
      maxHeight: map.height * scale,
    }),
  );
  const mapImage = await createImageBitmap(mapPng);
  try {
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    const legend = layoutLegend(legendRows, canvasMeasure(context));
    const width = Math.ceil(map.width + legend.width);
    const height = Math.ceil(Math.max(map.height, legend.height));
    // Setting the size clears the canvas and its state: only after measuring.
    canvas.width = width * scale;
    canvas.height = height * scale;
    context.scale(scale, scale);
    context.fillStyle = EXPORT_COLOURS.canvas;
    context.fillRect(0, 0, width, height);
    context.drawImage(mapImage, 0, 0, map.width, map.height);
    const ring = screenRing(cy);
    if (ring) {
      context.save();
      context.beginPath();
      context.rect(0, 0, map.width, map.height);
      context.clip();
      drawRing(context, ring);
      context.restore();
    }
    drawLegend(context, legend, map.width, height);
    return await canvasToPng(canvas);
  } finally {
    mapImage.close();
  }
}

/** What is on screen, with the legend on its right, as an SVG document. */
export function exportSvg(cy: Core, legendRows: readonly ExportLegendRow[]): Blob {
  const map = viewSize(cy);
  // maxWidth/maxHeight for scale 1 whatever the screen's pixel ratio (see exportPng).
  const mapSvg = withScreenLabels(cy, () =>
    withPlainPolygons(cy, () =>
      cy.svg({ full: false, maxWidth: map.width, maxHeight: map.height }),
    ),
  );
  const legend = layoutLegend(legendRows, estimateTextWidth);
  const ring = screenRing(cy);
  const document = exportSvgDocument({
    mapSvg,
    mapWidth: map.width,
    mapHeight: map.height,
    legend,
    overlay: ring ? ringSvg(ring, map) : '',
  });
  return new Blob([document], { type: 'image/svg+xml' });
}

/**
 * How long the object URL outlives the click. Revoking it at once can cancel the download in some
 * browsers; FileSaver.js waits 40 s for the same reason.
 */
const REVOKE_AFTER_MS = 40_000;

/** Saves `blob` as a file: an object URL clicked through a temporary `<a download>`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, REVOKE_AFTER_MS);
}
