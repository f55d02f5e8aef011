import type { MapResponse } from '@octograph/graph-schema';
import type { Core, NodeSingular } from 'cytoscape';
import { useEffect, useState } from 'react';
import { useCyRef } from '../cy-context';
import { useMapStyle } from '../../features/map-style/map-style-store';
import {
  LABEL_SIDES,
  estimateTextWidth,
  labelBox,
  nodeBody,
  placeLabels,
  type LabelBox,
  type MeasureText,
  type NodeBody,
} from '../label-grid';
import {
  drawOrder,
  HUB_LABEL_WEIGHT,
  LABEL_FONT,
  LABEL_MARGIN,
  LABEL_MAX_WIDTH,
  LABEL_WEIGHT,
  MAX_LABEL_PX,
  MIN_LABEL_PX,
  NEIGHBOUR_MIN_LABEL_PX,
  shownFontSize,
  Z_NEIGHBOUR,
  Z_SELECTED,
} from '../style';

/** Wait for the view to settle before re-placing labels (pans and zooms fire many events). */
const SETTLE_MS = 90;
/** Labels just outside the view are placed too, so panning a little does not uncover clutter. */
const MARGIN_PX = 80;
/** The classes that move a label off its usual place below the node (see style.ts). */
/** Where a label goes (below, the default, has no class) or that it is hidden. */
const LABEL_CLASSES = 'label-hidden label-above label-right label-left';

/**
 * Measures label text as Cytoscape does, with a canvas in the labels' font: once per text and
 * weight at 100 px, then scaled to the size asked for.
 */
function canvasMeasure(): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return estimateTextWidth;
  const widths = new Map<string, number>();
  return (text, { size, bold }) => {
    const key = `${bold ? 'bold' : 'plain'}:${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      context.font = `${String(bold ? HUB_LABEL_WEIGHT : LABEL_WEIGHT)} 100px ${LABEL_FONT}`;
      width = context.measureText(text).width / 100;
      widths.set(key, width);
    }
    return width * size;
  };
}

/**
 * The scale Cytoscape tests `min-zoomed-font-size` against: the zoom rounded up to a power of two
 * (its texture levels), times the pixel ratio.
 */
function labelTestScale(cy: Core): number {
  return 2 ** Math.ceil(Math.log2(cy.zoom() * (window.devicePixelRatio || 1)));
}

/**
 * Caps labels at MAX_LABEL_PX on screen at the current zoom: sets `labelCap` (read by the
 * stylesheet) where it binds, clears it where it no longer does, and leaves every other node
 * alone (a data change restyles the node). Returns the cap, in model units.
 */
function capLabels(cy: Core): number {
  const cap = MAX_LABEL_PX / cy.zoom();
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const biggest = Math.max(Number(node.data('fontSize')), Number(node.data('focusFontSize')));
      const wanted = biggest > cap ? cap : null;
      const current: unknown = node.data('labelCap');
      if ((typeof current === 'number' ? current : null) !== wanted) {
        node.data('labelCap', wanted);
      }
    });
  });
  return cap;
}

/**
 * Places the labels in view: each on a side of its node where it overlaps no more important
 * label and no node drawn over it, or hidden where there is none.
 */
function declutter(cy: Core, measure: MeasureText): void {
  const cap = capLabels(cy);
  const zoom = cy.zoom();
  const scale = labelTestScale(cy);
  const width = cy.width();
  const height = cy.height();
  const labels: LabelBox[][] = [];
  const bodies: NodeBody[] = [];
  const outOfView: NodeSingular[] = [];
  cy.nodes().forEach((node) => {
    // Faded nodes are drawn too faintly to cover anything, and have no label.
    if (node.hasClass('faded') || node.hasClass('legend-hidden')) return;
    const { x, y } = node.renderedPosition();
    if (x < -MARGIN_PX || y < -MARGIN_PX || x > width + MARGIN_PX || y > height + MARGIN_PX) {
      // Out of view: no label, until a pan brings the node in and it is placed. A label left
      // from an earlier placement could reach into view over one placed now.
      outOfView.push(node);
      return;
    }
    const selected = node.hasClass('selected-node');
    const neighbour = node.hasClass('neighbour');
    const size = Number(node.data('size')) * zoom;
    const fontSize = Number(node.data(selected || neighbour ? 'focusFontSize' : 'fontSize'));
    // The order the stylesheet draws it in, which is also its label's priority.
    const z = selected
      ? Z_SELECTED
      : drawOrder(neighbour ? Z_NEIGHBOUR : 0, fontSize, Number(node.data('degree')));
    bodies.push(nodeBody(node.id(), { x, y, size }, z));
    const shown = shownFontSize(fontSize, cap);
    // Labels Cytoscape would not draw anyway take no room.
    if (!selected && shown * scale < (neighbour ? NEIGHBOUR_MIN_LABEL_PX : MIN_LABEL_PX)) {
      return;
    }
    const label = {
      id: node.id(),
      text: String(node.data('label')),
      priority: z,
      z,
      bold: node.hasClass('hub'),
    };
    const font = {
      size: shown * zoom,
      maxWidth: LABEL_MAX_WIDTH * zoom,
      margin: LABEL_MARGIN * zoom,
    };
    labels.push(LABEL_SIDES.map((side) => labelBox(label, { x, y, size }, font, side, measure)));
  });
  const placed = placeLabels(labels, bodies);
  // Every placed label's classes are set afresh, even where they stay the same: the restyle that
  // comes with it is what makes Cytoscape measure the label again (it caches label sizes), and a
  // stale size draws labels over each other (tests/e2e/labels.test.ts catches it).
  cy.batch(() => {
    for (const node of outOfView) {
      if (!node.hasClass('label-hidden')) node.addClass('label-hidden');
    }
    for (const [id, box] of placed) {
      const node = cy.getElementById(id);
      node.removeClass(LABEL_CLASSES);
      if (box === null) node.addClass('label-hidden');
      else if (box.side) node.addClass(`label-${box.side}`);
    }
  });
}

/**
 * Keeps labels readable and from piling up: after each pan or zoom, and when the map, the
 * selection, the focus or the map style (sizes, kinds hidden in the legend) changes, labels are
 * capped in size for the zoom, and those in view are placed most important first (the selection,
 * its neighbours, then the biggest nodes), each below its node or, where that is taken, to its
 * right, above or left; a label with no room on any side is hidden. Renders nothing.
 */
export function LabelController({
  map,
  selectedId,
  focus,
}: {
  map: MapResponse;
  selectedId: string | null;
  /** The focus drawn around the selection, if any (see SelectionController). */
  focus: MapResponse | null;
}) {
  const cyRef = useCyRef();
  const { sizeBy, legend } = useMapStyle();
  // One measurer (and its cache of widths) for the controller's life.
  const [measure] = useState(canvasMeasure);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        declutter(cy, measure);
      }, SETTLE_MS);
    };
    // Runs after ElementsController, MapStyleController and SelectionController (its siblings
    // before it), so it sees this map's nodes, sizes, hidden kinds and selection classes.
    declutter(cy, measure);
    // After a node is dragged too: its label moved, and may now lie on another.
    cy.on('viewport resize dragfree', schedule);
    return () => {
      clearTimeout(timer);
      cy.off('viewport resize dragfree', schedule);
    };
  }, [cyRef, measure, map, selectedId, focus, sizeBy, legend]);

  return null;
}
