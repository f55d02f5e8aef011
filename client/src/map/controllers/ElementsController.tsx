import type { MapResponse } from '@octograph/graph-schema';
import type { ElementDefinition, SingularElementReturnValue } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { useMapStyle } from '../../features/map-style/map-style-store';
import { useCyRef } from '../cy-context';
import { fitNow } from '../fit-view';
import { positionScale, toElements } from '../map-elements';
import { setModelScale } from '../model-scale';

/** The classes that come with the map's data (the other controllers own the rest). */
const DATA_CLASSES = ['hub', 'closed'] as const;

/**
 * Brings an element on the canvas up to date with the map, touching only what differs: a data,
 * class or position change restyles the element and throws away its drawing, which on a
 * 5,000-node map is seconds of redrawing after every refetch.
 */
function updateChanged(existing: SingularElementReturnValue, element: ElementDefinition): void {
  const data: Record<string, unknown> = element.data;
  if (Object.entries(data).some(([key, value]) => existing.data(key) !== value)) {
    existing.data(data);
  }
  const given = element.classes ?? [];
  const classes = new Set(typeof given === 'string' ? given.split(' ') : given);
  for (const name of DATA_CLASSES) {
    if (existing.hasClass(name) !== classes.has(name))
      existing.toggleClass(name, classes.has(name));
  }
  const position = element.position;
  if (position && existing.isNode()) {
    const current = existing.position();
    if (current.x !== position.x || current.y !== position.y) existing.position(position);
  }
}

/**
 * Keeps the canvas's elements equal to the map: adds what is new, removes what is gone, updates
 * the rest in place (so a refetch does not redraw everything), and fits the view the first time.
 */
export function ElementsController({ map }: { map: MapResponse }) {
  const cyRef = useCyRef();
  const fitted = useRef(false);
  // Fixed at the first map, so later maps (a node added) do not make everything shift.
  const scale = useRef<number | null>(null);
  const { sizeBy } = useMapStyle();

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    scale.current ??= positionScale(map.nodes);
    // For turning a dragged node's position back into server units (DragController).
    setModelScale(cy, scale.current);
    const elements = toElements(map, scale.current, sizeBy);
    const wanted = new Set(elements.map((element) => String(element.data.id)));
    // One pass over what is drawn, rather than a lookup (a new collection) per element: with
    // 25,000 elements the lookups alone took half a second.
    const drawn = new Map<string, SingularElementReturnValue>();
    cy.elements().forEach((element) => {
      drawn.set(element.id(), element);
    });
    cy.batch(() => {
      cy.elements()
        .filter((element) => !wanted.has(element.id()))
        .remove();
      const added = elements.filter((element) => {
        const existing = drawn.get(String(element.data.id));
        if (!existing) return true;
        updateChanged(existing, element);
        return false;
      });
      cy.add(added);
    });
    if (!fitted.current && cy.nodes().nonempty()) {
      fitNow(cy);
      fitted.current = true;
    }
  }, [cyRef, map, sizeBy]);

  return null;
}
