import '../../features/layout/layout.css';
import type { EventObjectNode } from 'cytoscape';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSavePositions } from '../../api/queries';
import { useCanEdit } from '../../features/account/session';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useCyRef } from '../cy-context';
import { modelScaleOf, toServerPosition } from '../model-scale';

/**
 * Saves where a node is dropped (PUT /api/positions), in the server's units, so that everyone
 * sees it there after a reload; the maps are then read again. Only editors move nodes: for
 * anyone else the nodes cannot be grabbed (a drag pans the map instead). Renders nothing unless
 * a save failed, then a notice with a retry.
 */
export function DragController() {
  const { t } = useTranslation();
  const cyRef = useCyRef();
  const save = useSavePositions();
  const { mutate } = save;
  const canEdit = useCanEdit();

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return undefined;
    cy.autoungrabify(!canEdit);
    if (!canEdit) return undefined;
    const onDrop = (event: EventObjectNode) => {
      const node = event.target;
      mutate([toServerPosition(node.id(), node.position(), modelScaleOf(cy))]);
    };
    cy.on('dragfree', 'node', onDrop);
    return () => {
      cy.off('dragfree', 'node', onDrop);
    };
  }, [cyRef, mutate, canEdit]);

  if (!save.isError) return null;
  const failed = save.variables;
  return (
    <div className="drag-save-error">
      <p className="drag-save-error__title">{t('layout.moveNotSaved')}</p>
      <ErrorNotice
        error={save.error}
        compact
        onRetry={() => {
          mutate(failed);
        }}
      />
      <button
        type="button"
        className="button"
        onClick={() => {
          save.reset();
        }}
      >
        {t('layout.dismiss')}
      </button>
    </div>
  );
}
