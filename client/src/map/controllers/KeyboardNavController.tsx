import type { NodeSingular } from 'cytoscape';
import { useEffect, useEffectEvent } from 'react';
import { useCyRef } from '../cy-context';
import { neighbourToward } from '../keyboard-nav';

/** The direction each arrow key points in, on screen (y grows downwards). */
const ARROWS: Readonly<Record<string, { x: number; y: number }>> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
};

/** Whether a node is drawn (not switched off in the legend, nor an attribute not shown). */
function isDrawn(node: NodeSingular): boolean {
  return !node.hasClass('legend-hidden');
}

/**
 * The map from the keyboard: the canvas takes the focus (Tab), an arrow key moves the selection
 * to the linked node that lies that way (with nothing selected, to the best-connected node in
 * view), and the details of the node chosen open as with a click. Renders nothing.
 */
export function KeyboardNavController({
  selectedId,
  onSelect,
}: {
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const cyRef = useCyRef();
  const move = useEffectEvent((key: string): boolean => {
    const cy = cyRef.current;
    const arrow = ARROWS[key];
    if (!cy || !arrow) return false;
    const selected = selectedId === null ? null : cy.getElementById(selectedId);
    if (!selected || selected.empty()) {
      // Start from the best-connected node drawn on the screen.
      const extent = cy.extent();
      const inView = cy.nodes().filter((node) => {
        const { x, y } = node.position();
        const seen = x >= extent.x1 && x <= extent.x2 && y >= extent.y1 && y <= extent.y2;
        return seen && isDrawn(node);
      });
      if (inView.empty()) return false;
      let start = inView[0];
      inView.forEach((node) => {
        if (start === undefined || node.degree(false) > start.degree(false)) start = node;
      });
      if (start === undefined) return false;
      onSelect(start.id());
      return true;
    }
    const neighbours: { id: string; x: number; y: number }[] = [];
    selected
      .neighborhood()
      .nodes()
      .forEach((node) => {
        if (isDrawn(node)) neighbours.push({ id: node.id(), ...node.renderedPosition() });
      });
    const next = neighbourToward(selected.renderedPosition(), neighbours, arrow);
    if (next === null) return false;
    onSelect(next);
    return true;
  });

  useEffect(() => {
    const container = cyRef.current?.container();
    if (!container) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // The page would scroll otherwise.
      if (move(event.key)) event.preventDefault();
    };
    container.addEventListener('keydown', onKey);
    return () => {
      container.removeEventListener('keydown', onKey);
    };
  }, [cyRef]);

  return null;
}
