/**
 * Draws a legend layout on a canvas (the PNG export): the same pieces, at the same places, as
 * svg-document.ts writes into the SVG.
 */
import {
  EXPORT_COLOURS,
  LEGEND_FONT_FAMILY,
  type LegendFont,
  type LegendItem,
  type LegendLayout,
  type MeasureText,
} from './legend-layout';
import { LINE_DASHES, LINK_PATH, NODE_CIRCLE, NODE_SHAPE_PATHS } from './swatches';

/** A canvas font string ("700 15px Inter, …"). */
export function canvasFont(font: LegendFont): string {
  return `${font.weight} ${font.size}px ${LEGEND_FONT_FAMILY}`;
}

/** Measures text with the canvas's own fonts, so the layout fits what is drawn. */
export function canvasMeasure(context: CanvasRenderingContext2D): MeasureText {
  return (text, font) => {
    context.font = canvasFont(font);
    return context.measureText(text).width;
  };
}

function circle(context: CanvasRenderingContext2D, r: number): void {
  context.beginPath();
  context.arc(NODE_CIRCLE.cx, NODE_CIRCLE.cy, r, 0, 2 * Math.PI);
}

function drawItem(context: CanvasRenderingContext2D, item: LegendItem): void {
  context.save();
  switch (item.type) {
    case 'text':
      context.font = canvasFont(item.font);
      context.fillStyle = item.colour;
      context.textAlign = item.anchor === 'end' ? 'right' : 'left';
      context.textBaseline = 'alphabetic';
      context.fillText(item.text, item.x, item.y);
      break;
    case 'node': {
      const { swatch, hub } = item;
      context.translate(item.x, item.y);
      if (item.shape === 'ellipse') {
        if (hub) {
          circle(context, NODE_CIRCLE.ringR);
          context.globalAlpha = 0.5;
          context.strokeStyle = swatch.fill;
          context.lineWidth = 1.6;
          context.stroke();
          context.globalAlpha = 1;
        }
        circle(context, hub ? NODE_CIRCLE.hubR : NODE_CIRCLE.r);
        context.fillStyle = swatch.fill;
        context.fill();
        context.strokeStyle = swatch.border;
        context.lineWidth = hub ? 1.8 : 1.2;
        context.stroke();
      } else {
        const path = new Path2D(NODE_SHAPE_PATHS[item.shape]);
        context.fillStyle = swatch.fill;
        context.fill(path);
        context.strokeStyle = swatch.border;
        context.lineWidth = 1.2;
        context.stroke(path);
      }
      break;
    }
    case 'link':
      context.translate(item.x, item.y);
      context.strokeStyle = item.colour;
      context.lineWidth = 1.6;
      context.lineCap = 'round';
      context.setLineDash([...LINE_DASHES[item.lineStyle]]);
      context.stroke(new Path2D(LINK_PATH));
      break;
  }
  context.restore();
}

/** The legend panel with its top-left corner at (x, 0), `height` tall. */
export function drawLegend(
  context: CanvasRenderingContext2D,
  layout: LegendLayout,
  x: number,
  height: number,
): void {
  context.save();
  context.translate(x, 0);
  context.fillStyle = EXPORT_COLOURS.paper;
  context.fillRect(0, 0, layout.width, height);
  context.fillStyle = EXPORT_COLOURS.line;
  context.fillRect(0, 0, 1, height);
  for (const item of layout.items) drawItem(context, item);
  context.restore();
}
