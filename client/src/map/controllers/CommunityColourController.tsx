import type { MapResponse } from '@octograph/graph-schema';
import { useEffect } from 'react';
import { useInsightPage } from '../../api/queries';
import { useInsightsMap } from '../../features/insights/insights-store';
import { communityColours } from '../../features/insights/insights-state';
import { useCyRef } from '../cy-context';

/** Every community at once: the most a page of a finding may hold. */
const ALL_COMMUNITIES = { limit: 500 };

/**
 * "Colour by community" (Insights panel): each member of a Louvain community gets its
 * community's colour as the `community` data field, which the stylesheet draws (style.ts);
 * turned off, the field is emptied and the kind colours come back. Renders nothing.
 */
export function CommunityColourController({ map }: { map: MapResponse }) {
  const cyRef = useCyRef();
  const { colourByCommunity } = useInsightsMap();
  const communities = useInsightPage('communities', colourByCommunity ? ALL_COMMUNITIES : null);
  const items = colourByCommunity ? communities.data?.items : undefined;

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const colours = communityColours(items ?? []);
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        // '' rather than removeData: Cytoscape's removeData does not restyle the node.
        const colour = colours.get(node.id()) ?? '';
        const current: unknown = node.data('community');
        // Only where it changes: setting data restyles a node even to the same value.
        if (current === colour || (current === undefined && colour === '')) return;
        node.data('community', colour);
      });
    });
  }, [cyRef, map, items]);

  return null;
}
