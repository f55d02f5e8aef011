import type { MapResponse } from '@octograph/graph-schema';
import type { Core } from 'cytoscape';
import { useEffect } from 'react';
import { useCyRef } from '../cy-context';
import { labelBox, labelsToHide, type LabelBox } from '../label-grid';
import { LABEL_MARGIN, LABEL_MAX_WIDTH, MIN_LABEL_PX, NEIGHBOUR_MIN_LABEL_PX } from '../style';

/** Wait for the view to settle before re-placing labels (pans and zooms fire many events). */
const SETTLE_MS = 90;
/** Labels just outside the view are placed too, so panning a little does not uncover clutter. */
const MARGIN_PX = 80;

/**
 * The scale Cytoscape tests `min-zoomed-font-size` against: the zoom rounded up to a power of two
 * (its texture levels), times the pixel ratio.
 */
function labelTestScale(cy: Core): number {
  return 2 ** Math.ceil(Math.log2(cy.zoom() * (window.devicePixelRatio || 1)));
}

/** Hides the labels that would overlap more important ones, in the current view. */
function declutter(cy: Core): void {
  const zoom = cy.zoom();
  const scale = labelTestScale(cy);
  const width = cy.width();
  const height = cy.height();
  const boxes: LabelBox[] = [];
  cy.nodes().forEach((node) => {
    if (node.hasClass('faded')) return;
    const selected = node.hasClass('selected-node');
    const neighbour = node.hasClass('neighbour');
    const fontSize = Number(node.data(selected || neighbour ? 'focusFontSize' : 'fontSize'));
    // Labels Cytoscape would not draw anyway take no room.
    if (!selected && fontSize * scale < (neighbour ? NEIGHBOUR_MIN_LABEL_PX : MIN_LABEL_PX)) {
      return;
    }
    const { x, y } = node.renderedPosition();
    if (x < -MARGIN_PX || y < -MARGIN_PX || x > width + MARGIN_PX || y > height + MARGIN_PX) {
      return;
    }
    const importance = fontSize * 1000 + Number(node.data('degree'));
    boxes.push(
      labelBox(
        {
          id: node.id(),
          text: String(node.data('label')),
          priority: selected ? Infinity : (neighbour ? 1e6 : 0) + importance,
        },
        { x, y, size: Number(node.data('size')) * zoom },
        { size: fontSize * zoom, maxWidth: LABEL_MAX_WIDTH * zoom, margin: LABEL_MARGIN * zoom },
      ),
    );
  });
  const hidden = labelsToHide(boxes);
  cy.batch(() => {
    for (const { id } of boxes) {
      const node = cy.getElementById(id);
      if (hidden.has(id)) node.addClass('label-hidden');
      else node.removeClass('label-hidden');
    }
  });
}

/**
 * Keeps labels from piling up: after each pan or zoom, and when the map or the selection
 * changes (or the focus), the labels in view are placed most important first (the selection, its neighbours,
 * then the nodes with the most links) and any that would overlap is hidden. Renders nothing.
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

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        declutter(cy);
      }, SETTLE_MS);
    };
    // Runs after ElementsController and SelectionController (its siblings before it), so it
    // sees this map's nodes and this selection's classes.
    declutter(cy);
    cy.on('viewport resize', schedule);
    return () => {
      clearTimeout(timer);
      cy.off('viewport resize', schedule);
    };
  }, [cyRef, map, selectedId, focus]);

  return null;
}
