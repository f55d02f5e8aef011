import type { MapResponse } from '@octograph/graph-schema';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hiddenElements } from '../../features/legend/legend-visibility';
import { useMapStyle } from '../../features/map-style/map-style-store';
import {
  apartRing,
  ringOnScreen,
  type ApartRing,
  type Point,
  type RingOnScreen,
} from '../apart-ring';
import { useCyRef } from '../cy-context';
import { useNodesApart } from '../use-nodes-apart';
import '../apart-ring.css';

/**
 * Labels the ring of nodes set apart from the main network (see apart-ring.ts): a faint dashed
 * circle through them and a "Not yet connected" label with how many there are, so the groups
 * nobody works with yet are noticed at once. Drawn as HTML over the canvas, not as Cytoscape
 * elements, so it is never counted, selected, faded or laid out with the map's nodes; it lets
 * every pointer event through to the map.
 */
export function RingLabelController({
  map,
  dimmed,
}: {
  map: MapResponse;
  /** A node is selected: the ring steps back with the rest of the map. */
  dimmed: boolean;
}) {
  const { t } = useTranslation();
  const cyRef = useCyRef();
  const { legend } = useMapStyle();
  const apart = useNodesApart(map);
  const hidden = useMemo(() => hiddenElements(legend, map), [legend, map]);
  const [drawn, setDrawn] = useState<{ ring: ApartRing; screen: RingOnScreen } | null>(null);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return undefined;
    // Where the nodes are drawn (ElementsController, which runs before this, scales the saved
    // positions), so the ring is in the same model coordinates as the canvas.
    const points = new Map<string, Point>(
      cy.nodes().map((node) => [node.id(), { ...node.position() }]),
    );
    const ring = apartRing(points, apart);
    const update = () => {
      setDrawn(
        ring && {
          ring,
          screen: ringOnScreen(ring, {
            zoom: cy.zoom(),
            pan: cy.pan(),
            width: cy.width(),
            height: cy.height(),
          }),
        },
      );
    };
    // The first view: after this frame's fit (ElementsController fits the first map).
    const frame = requestAnimationFrame(update);
    cy.on('viewport resize', update);
    return () => {
      cancelAnimationFrame(frame);
      cy.off('viewport resize', update);
    };
  }, [cyRef, map, apart]);

  if (!drawn) return null;
  // Every node cut off from the main network counts, on the ring or placed nearer by someone;
  // kinds switched off in the legend do not.
  const count = [...apart].filter((id) => !hidden.nodes.has(id)).length;
  if (count === 0) return null;
  const { centre, radius, label } = drawn.screen;
  return (
    <div className={dimmed ? 'apart-ring apart-ring--dimmed' : 'apart-ring'}>
      <svg className="apart-ring__line" aria-hidden="true">
        <circle cx={centre.x} cy={centre.y} r={radius} />
      </svg>
      {label && (
        <p className="apart-ring__label" data-map-overlay style={{ left: label.x, top: label.y }}>
          <strong>{t('style.ring.title')}</strong>
          <span>{t('style.ring.count', { count })}</span>
        </p>
      )}
    </div>
  );
}
