import { orgKindOf } from '@octograph/graph-schema';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNeighbourhood, useNode } from '../../api/queries';
import { useFilteredMap } from '../filters/use-filtered-map';
import { NODE_KIND_SHAPES, swatchOf } from '../../map/palette';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CloseButton } from '../../ui/CloseButton';
import { FocusBar } from '../focus/FocusBar';
import { NodeSwatch } from '../legend/KindSwatch';
import { useSelection } from '../selection/selection-context';
import { useCanEdit } from '../account/session';
import { dispatchEditor, useEditor } from '../editing/editor-store';
import { NodeEditForm } from '../editing/NodeEditForm';
import { Connections } from './Connections';
import { groupConnections } from './link-groups';
import { NodeFields } from './NodeFields';
import { WorthIntroducing } from './WorthIntroducing';
import { textComparer } from '../../i18n/collation';

/** The selected node: what it is, its fields, and who it is linked to. Nothing when none is. */
export function DetailsPanel() {
  const { state } = useSelection();
  if (state.selectedId === null) return null;
  // Keyed so that scrolling and loading state start afresh for each node.
  return <NodeDetails key={state.selectedId} id={state.selectedId} />;
}

function NodeDetails({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { dispatch } = useSelection();
  const nodeQuery = useNode(id);
  const neighbourhoodQuery = useNeighbourhood(id);
  const { data: map } = useFilteredMap();
  const canEdit = useCanEdit();
  const editing = useEditor().editingNodeId === id;
  const stopEditing = () => {
    dispatchEditor({ type: 'editNode', id: null });
  };

  // While the full node loads, the map already knows its name and kind.
  const mapNode = useMemo(() => map?.nodes.find((node) => node.id === id) ?? null, [map, id]);
  const node = nodeQuery.data;
  const name = node?.name ?? mapNode?.name ?? '';
  const kind = node?.kind ?? mapNode?.kind ?? null;
  const orgKind = node ? orgKindOf(node) : (mapNode?.orgKind ?? null);
  const connections = useMemo(
    () =>
      neighbourhoodQuery.data
        ? groupConnections(id, neighbourhoodQuery.data, textComparer(i18n.language))
        : null,
    [id, neighbourhoodQuery.data, i18n.language],
  );

  return (
    <aside className="details" aria-label={t('details.label')}>
      <header className="details__header">
        <div className="details__heading">
          {kind && (
            <p className="details__kind">
              <NodeSwatch
                swatch={swatchOf(kind, orgKind)}
                shape={NODE_KIND_SHAPES[kind]}
                hub={orgKind === 'network'}
              />
              {orgKind ? t(`kinds.org.${orgKind}`) : t(`kinds.node.${kind}`)}
            </p>
          )}
          <h2 className="details__name">{name}</h2>
        </div>
        <CloseButton
          label={t('details.close')}
          onClick={() => {
            dispatch({ type: 'clear' });
          }}
        />
      </header>
      <FocusBar />
      {canEdit && node && !editing && (
        <div className="details__edit-bar" role="group" aria-label={t('editing.edit')}>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              dispatchEditor({ type: 'editNode', id });
            }}
          >
            {t('editing.edit')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              dispatchEditor({ type: 'open', dialog: { type: 'link', source: id, target: null } });
            }}
          >
            {t('editing.link.linkTo')}
          </button>
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => {
              dispatchEditor({ type: 'open', dialog: { type: 'deleteNode', nodeId: id } });
            }}
          >
            {t('editing.delete')}
          </button>
        </div>
      )}
      <div className="details__body">
        {nodeQuery.isPending && <p className="muted">{t('details.loading')}</p>}
        {nodeQuery.isError && (
          <ErrorNotice
            compact
            error={nodeQuery.error}
            onRetry={() => {
              void nodeQuery.refetch();
            }}
          />
        )}
        {node && editing && <NodeEditForm node={node} onDone={stopEditing} />}
        {node && !editing && <NodeFields node={node} />}
        {neighbourhoodQuery.isError && (
          <ErrorNotice
            compact
            error={neighbourhoodQuery.error}
            onRetry={() => {
              void neighbourhoodQuery.refetch();
            }}
          />
        )}
        {connections && <Connections connections={connections} />}
        {kind === 'organisation' && <WorthIntroducing id={id} />}
      </div>
    </aside>
  );
}
