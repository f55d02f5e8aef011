import type { MapResponse } from '@octograph/graph-schema';
import { useEffect } from 'react';
import { useCyRef } from '../cy-context';
import { useMapDisplay } from '../display-context';

/**
 * The labels command: with labels off, every node gets `labels-off` (see style.ts), so no name is
 * drawn but the selected and the hovered node's. Runs again for a new map (new nodes). Renders
 * nothing.
 */
export function LabelsOffController({ map }: { map: MapResponse }) {
  const cyRef = useCyRef();
  const { labelsShown } = useMapDisplay();

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      // Only nodes whose state changes: a class change restyles the node and drops its drawing.
      cy.nodes().forEach((node) => {
        if (node.hasClass('labels-off') === labelsShown)
          node.toggleClass('labels-off', !labelsShown);
      });
    });
  }, [cyRef, map, labelsShown]);

  return null;
}
