import { useEffect } from 'react';
import { useCyRef } from '../cy-context';
import type { OctographTestHandle } from '../test-handle';

/** Puts the read-only test handle (../test-handle.ts) on `window` while the canvas lives. */
export function TestHandleController() {
  const cyRef = useCyRef();

  useEffect(() => {
    const handle: OctographTestHandle = {
      nodeScreenPosition(id) {
        const cy = cyRef.current;
        const container = cy?.container();
        const node = cy?.getElementById(id);
        if (!cy || !container || !node || node.empty()) return null;
        const box = container.getBoundingClientRect();
        const position = node.renderedPosition();
        return { x: box.left + position.x, y: box.top + position.y };
      },
      elementCounts() {
        const cy = cyRef.current;
        if (!cy) return null;
        return { nodes: cy.nodes().length, links: cy.edges().length };
      },
      visibleCounts() {
        const cy = cyRef.current;
        if (!cy) return null;
        return { nodes: cy.nodes(':visible').length, links: cy.edges(':visible').length };
      },
      nodeRenderedSize(id) {
        const node = cyRef.current?.getElementById(id);
        return !node || node.empty() ? null : node.renderedWidth();
      },
      drawnLabelBoxes() {
        const cy = cyRef.current;
        if (!cy) return [];
        const zoom = cy.zoom();
        const pan = cy.pan();
        // Cytoscape draws a label only if its size times the zoom, rounded up to a power of two
        // (times the pixel ratio), reaches min-zoomed-font-size.
        const scale = 2 ** Math.ceil(Math.log2(zoom * (window.devicePixelRatio || 1)));
        const drawn = cy
          .nodes(':visible')
          .filter(
            (node) =>
              !node.hasClass('faded') &&
              !node.hasClass('label-hidden') &&
              Number(node.numericStyle('font-size')) * scale >=
                Number(node.numericStyle('min-zoomed-font-size')),
          );
        return drawn.map((node) => {
          const box = node.boundingBox({
            includeNodes: false,
            includeLabels: true,
            includeOverlays: false,
            includeUnderlays: false,
          });
          // Label bounds take in the halo and 2 units of padding on each side.
          const inset = Number(node.numericStyle('text-outline-width')) + 2;
          return {
            id: node.id(),
            left: (box.x1 + inset) * zoom + pan.x,
            top: (box.y1 + inset) * zoom + pan.y,
            width: Math.max(0, box.w - 2 * inset) * zoom,
            height: Math.max(0, box.h - 2 * inset) * zoom,
            fontPx: Number(node.numericStyle('font-size')) * zoom,
          };
        });
      },
      drawnNodes() {
        const cy = cyRef.current;
        if (!cy) return [];
        return cy
          .nodes(':visible')
          .filter((node) => !node.hasClass('faded'))
          .nodes()
          .map((node) => {
            const { x, y } = node.renderedPosition();
            return { id: node.id(), x, y, size: node.renderedWidth() };
          });
      },
      drawnLinkKinds() {
        const counts: Record<string, number> = {};
        cyRef.current
          ?.edges(':visible')
          .filter((edge) => !edge.hasClass('faded'))
          .forEach((edge) => {
            const kind = String(edge.data('kind'));
            counts[kind] = (counts[kind] ?? 0) + 1;
          });
        return counts;
      },
      focusedIds() {
        const nodes = cyRef.current?.nodes().filter((node) => !node.hasClass('faded'));
        return (nodes ?? []).map((node) => node.id()).sort();
      },
      flashedIds() {
        const flashed = cyRef.current?.elements('.live-changed');
        return (flashed ?? []).map((element) => element.id()).sort();
      },
      nodeColours() {
        const colours: Record<string, string> = {};
        cyRef.current?.nodes().forEach((node) => {
          colours[node.id()] = String(node.style('background-color'));
        });
        return colours;
      },
      nodeModelPositions() {
        const positions: Record<string, { x: number; y: number }> = {};
        cyRef.current?.nodes().forEach((node) => {
          const { x, y } = node.position();
          positions[node.id()] = { x, y };
        });
        return positions;
      },
      fadedIds() {
        const nodes = cyRef.current?.nodes().filter((node) => node.hasClass('faded'));
        return (nodes ?? []).map((node) => node.id()).sort();
      },
      highlightedLinkIds() {
        const edges = cyRef.current?.edges().filter((edge) => edge.hasClass('highlighted'));
        return (edges ?? []).map((edge) => edge.id()).sort();
      },
      viewport() {
        const cy = cyRef.current;
        return cy ? { zoom: cy.zoom(), pan: { ...cy.pan() } } : null;
      },
    };
    window.__octograph = handle;
    return () => {
      if (window.__octograph === handle) delete window.__octograph;
    };
  }, [cyRef]);

  return null;
}
