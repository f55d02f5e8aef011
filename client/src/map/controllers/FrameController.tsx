import type { MapResponse } from '@octograph/graph-schema';
import { useEffect, useRef } from 'react';
import { useFilters } from '../../features/filters/filters-context';
import { useCyRef } from '../cy-context';
import { frameNodes } from '../fit-view';

/**
 * Frames what a filter or a focus shows: after a filter changes, the nodes it leaves on the map
 * (a filter with one result is not a dot lost in a corner); after a focus, the nodes within its
 * steps. The timeline's date and a meeting's highlight do not reframe (playing the timeline
 * must not jump). Renders nothing.
 */
export function FrameController({
  map,
  focus,
}: {
  map: MapResponse;
  /** The focus around the selected node, or null. */
  focus: MapResponse | null;
}) {
  const cyRef = useCyRef();
  const { filters } = useFilters();
  const filterKey = JSON.stringify([
    filters.kind,
    filters.orgKind,
    filters.theme,
    filters.place,
    filters.status,
    filters.linkKind,
  ]);
  const framedKey = useRef(filterKey);
  const pending = useRef(false);

  useEffect(() => {
    if (framedKey.current === filterKey) return;
    framedKey.current = filterKey;
    pending.current = true;
  }, [filterKey]);

  // After the elements of the new map are on the canvas (ElementsController's effect runs first).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !pending.current) return;
    pending.current = false;
    frameNodes(cy, (id) => !cy.getElementById(id).hasClass('legend-hidden'));
  }, [cyRef, map]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || focus === null) return;
    const kept = new Set(focus.nodes.map((node) => node.id));
    frameNodes(cy, (id) => kept.has(id) && !cy.getElementById(id).hasClass('legend-hidden'));
  }, [cyRef, focus]);

  return null;
}
