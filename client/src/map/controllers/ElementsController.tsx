import type { MapResponse } from '@octograph/graph-schema';
import { useEffect, useRef } from 'react';
import { useCyRef } from '../cy-context';
import { fitNow } from '../fit-view';
import { positionScale, toElements } from '../map-elements';
import { setModelScale } from '../model-scale';

/**
 * Keeps the canvas's elements equal to the map: adds what is new, removes what is gone, updates
 * the rest in place (so a refetch does not redraw everything), and fits the view the first time.
 */
export function ElementsController({ map }: { map: MapResponse }) {
  const cyRef = useCyRef();
  const fitted = useRef(false);
  // Fixed at the first map, so later maps (a node added) do not make everything shift.
  const scale = useRef<number | null>(null);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    scale.current ??= positionScale(map.nodes);
    // For turning a dragged node's position back into server units (DragController).
    setModelScale(cy, scale.current);
    const elements = toElements(map, scale.current);
    const wanted = new Set(elements.map((element) => String(element.data.id)));
    cy.batch(() => {
      cy.elements()
        .filter((element) => !wanted.has(element.id()))
        .remove();
      const added = elements.filter((element) => {
        const existing = cy.getElementById(String(element.data.id));
        if (existing.empty()) return true;
        existing.data(element.data);
        existing.classes(element.classes ?? '');
        if (element.position) existing.position(element.position);
        return false;
      });
      cy.add(added);
    });
    if (!fitted.current && cy.nodes().nonempty()) {
      fitNow(cy);
      fitted.current = true;
    }
  }, [cyRef, map]);

  return null;
}
