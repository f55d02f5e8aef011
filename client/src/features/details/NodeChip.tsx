import type { GraphNode } from '@octograph/graph-schema';
import { orgKindOf } from '@octograph/graph-schema';
import { useTranslation } from 'react-i18next';
import { NODE_KIND_SHAPES, swatchOf } from '../../map/palette';
import { NodeSwatch } from '../legend/KindSwatch';
import { useSelection } from '../selection/selection-context';

/** A neighbour as a button: its colour, its name; choosing it selects it on the map. */
export function NodeChip({ node, note }: { node: GraphNode; note?: string | null }) {
  const { t } = useTranslation();
  const { dispatch } = useSelection();
  const orgKind = orgKindOf(node);
  const kindLabel = orgKind ? t(`kinds.org.${orgKind}`) : t(`kinds.node.${node.kind}`);
  return (
    <button
      type="button"
      className="node-chip"
      title={kindLabel}
      onClick={() => {
        dispatch({ type: 'select', id: node.id, source: 'details' });
      }}
    >
      <NodeSwatch
        swatch={swatchOf(node.kind, orgKind)}
        shape={NODE_KIND_SHAPES[node.kind]}
        hub={orgKind === 'network'}
      />
      <span className="node-chip__name">{node.name}</span>
      {note ? <span className="node-chip__note">{note}</span> : null}
    </button>
  );
}
