import type { MapResponse } from '@octograph/graph-schema';
import type { Core, EventObject } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { dispatchInsightsMap, useInsightsMap } from '../../features/insights/insights-store';
import { highlightedIds, type Highlight } from '../../features/insights/insights-state';
import { useMeetingHighlight } from '../../features/meetings/use-meeting-highlight';
import { useCyRef } from '../cy-context';
import { frameNodes } from '../fit-view';

/** The classes the selection draws with (SelectionController); a highlight draws with the same. */
const SELECTION_CLASSES = 'selected-node neighbour highlighted faded';
/** Brings the highlighted nodes into view (an island may sit at the map's edge). */
function frameHighlight(cy: Core, highlight: Highlight): void {
  const kept = highlightedIds(highlight);
  frameNodes(cy, (id) => kept.has(id));
}

function drawHighlight(cy: Core, highlight: Highlight): void {
  const kept = highlightedIds(highlight);
  const primary = new Set(highlight.primary);
  cy.batch(() => {
    cy.elements().removeClass(SELECTION_CLASSES);
    cy.nodes().forEach((node) => {
      const id = node.id();
      if (primary.has(id)) node.addClass('selected-node');
      else if (kept.has(id)) node.addClass('neighbour');
      else node.addClass('faded');
    });
    const links = highlight.links ? new Set(highlight.links) : null;
    cy.edges().forEach((edge) => {
      const inside = links
        ? links.has(edge.id())
        : kept.has(edge.source().id()) && kept.has(edge.target().id());
      edge.addClass(inside ? 'highlighted' : 'faded');
    });
  });
}

/**
 * Draws the Insights panel's highlight: its nodes stand out, everything else fades, with the
 * selection's classes (so the tests' faded/focused ids cover both). A highlight and a selection
 * never show together: choosing a node on the map, a tap on the background or Escape ends the
 * highlight. Mounted after SelectionController, whose redraws (on every map) come first. Renders
 * nothing.
 */
export function HighlightController({
  map,
  selectedId,
}: {
  map: MapResponse;
  selectedId: string | null;
}) {
  const cyRef = useCyRef();
  const { highlight: insightsHighlight } = useInsightsMap();
  // The map's meeting filter (`?meeting=`) shows through whenever no insight is highlighted and
  // no node is selected; it stays until taken off the filters.
  const meeting = useMeetingHighlight(map);
  const highlight = insightsHighlight ?? (selectedId === null ? meeting.highlight : null);
  // Framed once per highlight chosen (or meeting filtered on), not whenever the map is read again.
  const frameKey: unknown = insightsHighlight ?? meeting.meetingId;
  const drawn = useRef(false);
  const framed = useRef<unknown>(null);

  // A node chosen (on the map, in search, in details) takes over from the highlight.
  useEffect(() => {
    if (selectedId !== null) dispatchInsightsMap({ type: 'clearHighlight' });
  }, [selectedId]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    if (highlight !== null) {
      drawHighlight(cy, highlight);
      drawn.current = true;
      // Once per highlight chosen, not again whenever the map is read again.
      if (framed.current !== frameKey) {
        framed.current = frameKey;
        frameHighlight(cy, highlight);
      }
    } else if (drawn.current) {
      drawn.current = false;
      // With a node selected, SelectionController has already drawn it over the highlight.
      if (selectedId === null) cy.elements().removeClass(SELECTION_CLASSES);
    }
  }, [cyRef, map, highlight, frameKey, selectedId]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || insightsHighlight === null) return undefined;
    const onBackgroundTap = (event: EventObject) => {
      const target: unknown = event.target;
      if (target === cy) dispatchInsightsMap({ type: 'clearHighlight' });
    };
    // The command registry's Escape clears a selection only; with none, it steps back from this.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') dispatchInsightsMap({ type: 'clearHighlight' });
    };
    cy.on('tap', onBackgroundTap);
    window.addEventListener('keydown', onKey);
    return () => {
      cy.off('tap', onBackgroundTap);
      window.removeEventListener('keydown', onKey);
    };
  }, [cyRef, insightsHighlight]);

  return null;
}
