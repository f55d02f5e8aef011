import type { MapResponse } from '@octograph/graph-schema';
import { useEffect } from 'react';
import { hiddenElements } from '../../features/legend/legend-visibility';
import { useMapStyle } from '../../features/map-style/map-style-store';
import { useCyRef } from '../cy-context';
import { sizeNodes } from '../map-elements';

/**
 * Draws the map style chosen beside the map: node sizes by the "Size by" metric, and the kinds
 * switched off in the legend (class `legend-hidden`, not drawn). Mounted after
 * ElementsController, which resets sizes and classes whenever the map changes. Renders nothing.
 */
export function MapStyleController({ map }: { map: MapResponse }) {
  const cyRef = useCyRef();
  const { sizeBy, legend } = useMapStyle();

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const sizes = sizeNodes(map, sizeBy);
    // Only nodes whose sizing changes: setting data restyles a node even to the same values,
    // and the map usually arrives already sized by the default metric (ElementsController).
    cy.batch(() => {
      for (const [id, sizing] of sizes) {
        const node = cy.getElementById(id);
        const current: unknown = node.data('size');
        if (current !== sizing.size || node.data('fontSize') !== sizing.fontSize) {
          node.data(sizing);
        }
      }
    });
  }, [cyRef, map, sizeBy]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const hidden = hiddenElements(legend, map);
    cy.batch(() => {
      cy.elements().forEach((element) => {
        const id = element.id();
        const off = hidden.nodes.has(id) || hidden.links.has(id);
        if (element.hasClass('legend-hidden') !== off) element.toggleClass('legend-hidden', off);
      });
    });
  }, [cyRef, map, legend]);

  return null;
}
