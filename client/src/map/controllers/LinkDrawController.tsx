import {
  linkChoices,
  NODE_KINDS,
  ORGANISATION_KINDS,
  type NodeKind,
  type OrganisationKind,
} from '@octograph/graph-schema';
import cytoscape, { type NodeSingular } from 'cytoscape';
import edgehandles from 'cytoscape-edgehandles';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanEdit } from '../../features/account/session';
import { dispatchEditor } from '../../features/editing/editor-store';
import { useCyRef } from '../cy-context';

cytoscape.use(edgehandles);

/** A drawn node as the link rules see it (its kind and organisation kind are in its data). */
function endpointOf(node: NodeSingular): { kind: NodeKind; orgKind: OrganisationKind | null } {
  const kindData: unknown = node.data('kind');
  const orgKindData: unknown = node.data('orgKind');
  return {
    kind: NODE_KINDS.find((kind) => kind === kindData) ?? 'organisation',
    orgKind: ORGANISATION_KINDS.find((kind) => kind === orgKindData) ?? null,
  };
}

/**
 * The edgehandles instance, with the `update(position)` it has (src/edgehandles/
 * gesture-lifecycle.js) but its published types leave out: the handle feeds it the pointer.
 */
type Drawing = ReturnType<cytoscape.Core['edgehandles']> & {
  update: (position: cytoscape.Position) => void;
};

function hasUpdate(value: ReturnType<cytoscape.Core['edgehandles']>): value is Drawing {
  return 'update' in value && typeof value.update === 'function';
}

/** Where the handle sits: just outside the node's top-right, in pixels of the canvas. */
interface HandleSpot {
  x: number;
  y: number;
  /** The selected node's name, for the handle's label. */
  name: string;
}

/**
 * Link by drawing (cytoscape-edgehandles): an editor grabs the handle beside the selected node
 * and drags to another node; only a node the link rules let it join lights up, and letting go
 * there opens the link form with the two ends, its kinds limited to what may join them. The line
 * drawn is only a preview: the link appears when the form saves it. The handle is a button, so
 * it also works with a finger (the gesture starts on it, then Cytoscape follows the move).
 */
export function LinkDrawController({ selectedId }: { selectedId: string | null }) {
  const { t } = useTranslation();
  const cyRef = useCyRef();
  const canEdit = useCanEdit();
  const [spot, setSpot] = useState<HandleSpot | null>(null);
  const [drawing, setDrawing] = useState<Drawing | null>(null);

  const complete = useEffectEvent((source: string, target: string) => {
    dispatchEditor({ type: 'open', dialog: { type: 'link', source, target } });
  });

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !canEdit) return undefined;
    const handles = cy.edgehandles({
      canConnect: (source, target) =>
        source.id() !== target.id() &&
        linkChoices(endpointOf(source), endpointOf(target)).length > 0,
      edgeParams: () => ({ data: {}, classes: 'drawn-link' }),
      snap: true,
      hoverDelay: 100,
    });
    const onComplete = (...args: unknown[]) => {
      const [, source, target, added] = args as [
        unknown,
        NodeSingular,
        NodeSingular,
        cytoscape.Collection,
      ];
      // The preview line goes; the real link is drawn once the form has saved it.
      added.remove();
      complete(source.id(), target.id());
    };
    cy.on('ehcomplete', onComplete);
    if (hasUpdate(handles)) setDrawing(handles);
    return () => {
      cy.off('ehcomplete', onComplete);
      handles.destroy();
      setDrawing(null);
    };
  }, [cyRef, canEdit]);

  // The handle follows the selected node as the map pans, zooms or the node is dragged.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !canEdit || selectedId === null) {
      setSpot(null);
      return undefined;
    }
    const place = () => {
      const node = cy.getElementById(selectedId);
      if (node.empty() || !node.visible()) {
        setSpot(null);
        return;
      }
      const box = node.renderedBoundingBox({ includeLabels: false });
      setSpot({ x: box.x2 + 2, y: box.y1 - 2, name: String(node.data('label') ?? '') });
    };
    place();
    cy.on('viewport resize', place);
    cy.on('position add remove style', 'node', place);
    return () => {
      cy.off('viewport resize', place);
      cy.off('position add remove style', 'node', place);
    };
  }, [cyRef, canEdit, selectedId]);

  if (spot === null || selectedId === null || drawing === null) return null;
  return (
    <button
      type="button"
      className="link-handle"
      style={{ left: spot.x, top: spot.y }}
      aria-label={t('editing.link.handle', { name: spot.name })}
      title={t('editing.link.drawHint')}
      onPointerDown={(event) => {
        const cy = cyRef.current;
        const node = cy?.getElementById(selectedId);
        if (!cy || !node || node.empty()) return;
        // The handle keeps the pointer (mouse, finger or pen) for the whole gesture and tells
        // edgehandles where it is: Cytoscape itself follows only gestures begun on its canvas.
        event.currentTarget.setPointerCapture(event.pointerId);
        drawing.start(node);
      }}
      onPointerMove={(event) => {
        const cy = cyRef.current;
        if (!cy || !event.currentTarget.hasPointerCapture(event.pointerId)) return;
        const box = cy.container()?.getBoundingClientRect();
        if (!box) return;
        const pan = cy.pan();
        const zoom = cy.zoom();
        drawing.update({
          x: (event.clientX - box.left - pan.x) / zoom,
          y: (event.clientY - box.top - pan.y) / zoom,
        });
      }}
      onPointerUp={() => {
        // On a node the link can join, this completes the gesture and the link form opens.
        drawing.stop();
      }}
      onPointerCancel={() => {
        drawing.stop();
      }}
      onClick={() => {
        // A click without a drag (or Enter on the keyboard): pick whom to link to instead.
        dispatchEditor({
          type: 'open',
          dialog: { type: 'link', source: selectedId, target: null },
        });
      }}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M8 3v10M3 8h10" />
      </svg>
    </button>
  );
}
