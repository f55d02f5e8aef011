import type { MapResponse } from '@octograph/graph-schema';
import type { Core, NodeSingular } from 'cytoscape';
import { useEffect, useState } from 'react';
import { useCyRef } from '../cy-context';
import { useNodesApart } from '../use-nodes-apart';
import { useMapStyle } from '../../features/map-style/map-style-store';
import {
  HUB_LABEL_SIDES,
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
  LABEL_SCREEN_WIDTH,
  LABEL_WEIGHT,
  NEIGHBOUR_LABEL_PX,
  SELECTED_LABEL_PX,
  screenLabelPx,
  Z_NEIGHBOUR,
  Z_SELECTED,
} from '../style';

/** Wait for the view to settle before re-placing labels (pans and zooms fire many events). */
const SETTLE_MS = 90;
/** Labels just outside the view are placed too, so panning a little does not uncover clutter. */
const MARGIN_PX = 80;
/** The classes that move a label off its usual place below the node (see style.ts). */
/** Where a label goes (below, the default, has no class) or that it is hidden. */
const LABEL_CLASSES = 'label-hidden label-above label-right label-left label-center';

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
 * Who is named first when names compete for room: the selection, its neighbours, the hubs
 * (network organisations), the groups on the "Not yet connected" ring, then bigger names, then
 * busier nodes. Levels far apart, so the order within one never crosses into the next.
 */
const PRIORITY = { selected: 4e6, neighbour: 3e6, hub: 2e6, apart: 1e6 } as const;

/** Sets a node's `labelSize` and `labelWidth` (model units) unless they are that already. */
function sizeLabel(node: NodeSingular, px: number, zoom: number): void {
  const size = px / zoom;
  const width = LABEL_SCREEN_WIDTH / zoom;
  const close = (key: string, value: number) => {
    const current: unknown = node.data(key);
    return typeof current === 'number' && Math.abs(current - value) <= value * 0.005;
  };
  if (!close('labelSize', size) || !close('labelWidth', width)) {
    node.data({ labelSize: size, labelWidth: width });
  }
}

/**
 * The panels drawn over the map (marked `data-map-overlay`: toolbar, zoom buttons, legend,
 * timeline, the ring's label), as rectangles in the map's own pixels, for names to keep clear of.
 */
function panelsOver(cy: Core): NodeBody[] {
  const container = cy.container();
  if (!container) return [];
  const origin = container.getBoundingClientRect();
  return [...document.querySelectorAll('[data-map-overlay]')].flatMap((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return [];
    return [
      {
        id: '',
        z: Infinity,
        left: box.left - origin.left,
        top: box.top - origin.top,
        width: box.width,
        height: box.height,
      },
    ];
  });
}

/**
 * Places the names in view, at a fixed size on screen (style.ts screenLabelPx): each on a side
 * of its node where it overlaps no name placed before it and no other node's circle, most
 * important first (PRIORITY); a name with no such side is hidden.
 */
function declutter(cy: Core, measure: MeasureText, apart: ReadonlySet<string>): void {
  const zoom = cy.zoom();
  const width = cy.width();
  const height = cy.height();
  const labels: LabelBox[][] = [];
  const bodies: NodeBody[] = [];
  const outOfView: NodeSingular[] = [];
  const sizes = new Map<string, number>();
  cy.nodes().forEach((node) => {
    // Faded nodes are drawn too faintly to cover anything, and have no label.
    if (node.hasClass('faded') || node.hasClass('legend-hidden')) return;
    const { x, y } = node.renderedPosition();
    const size = Number(node.data('size')) * zoom;
    if (x < -MARGIN_PX || y < -MARGIN_PX || x > width + MARGIN_PX || y > height + MARGIN_PX) {
      // Out of view: no label, until a pan brings the node in and it is placed. A label left
      // from an earlier placement could reach into view over one placed now.
      outOfView.push(node);
      return;
    }
    const selected = node.hasClass('selected-node');
    const neighbour = node.hasClass('neighbour');
    const hub = node.hasClass('hub');
    const fontSize = Number(node.data(selected || neighbour ? 'focusFontSize' : 'fontSize'));
    const z = selected
      ? Z_SELECTED
      : drawOrder(neighbour ? Z_NEIGHBOUR : 0, fontSize, Number(node.data('degree')));
    bodies.push(nodeBody(node.id(), { x, y, size }, z));
    const base = screenLabelPx(fontSize, hub);
    const px = selected ? SELECTED_LABEL_PX : neighbour ? Math.max(base, NEIGHBOUR_LABEL_PX) : base;
    sizes.set(node.id(), px);
    const level = selected
      ? PRIORITY.selected
      : neighbour
        ? PRIORITY.neighbour
        : hub
          ? PRIORITY.hub
          : apart.has(node.id())
            ? PRIORITY.apart
            : 0;
    const label = {
      id: node.id(),
      text: String(node.data('label')),
      priority: level + px * 1000 + Math.min(Number(node.data('degree')), 999),
      z,
      bold: hub,
    };
    const font = { size: px, maxWidth: LABEL_SCREEN_WIDTH, margin: LABEL_MARGIN * zoom };
    const sides = hub ? HUB_LABEL_SIDES : LABEL_SIDES;
    const boxes = sides.map((side) => labelBox(label, { x, y, size }, font, side, measure));
    // The selected node is always named, even where its name must lie on a circle.
    labels.push(selected ? boxes.map((box) => ({ ...box, mustShow: true })) : boxes);
  });
  bodies.push(...panelsOver(cy));
  const placed = placeLabels(labels, bodies, { left: 0, top: 0, width, height });
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
      if (box === null) {
        node.addClass('label-hidden');
      } else {
        sizeLabel(node, sizes.get(id) ?? box.height, zoom);
        if (box.side) node.addClass(`label-${box.side}`);
      }
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
  const apart = useNodesApart(map);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        declutter(cy, measure, apart);
      }, SETTLE_MS);
    };
    // Runs after ElementsController, MapStyleController and SelectionController (its siblings
    // before it), so it sees this map's nodes, sizes, hidden kinds and selection classes.
    declutter(cy, measure, apart);
    // Once more when the panels over the map (the ring's label) have been drawn for this view.
    schedule();
    // After a node is dragged too: its label moved, and may now lie on another.
    cy.on('viewport resize dragfree', schedule);
    return () => {
      clearTimeout(timer);
      cy.off('viewport resize dragfree', schedule);
    };
  }, [cyRef, measure, apart, map, selectedId, focus, sizeBy, legend]);

  return null;
}
