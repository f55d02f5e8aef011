import type { GraphNode, NodeKind, OrganisationKind } from '@octograph/graph-schema';
import { orgKindOf } from '@octograph/graph-schema';
import { useTranslation } from 'react-i18next';
import { NODE_KIND_SHAPES, swatchOf } from '../../map/palette';
import { NodeSwatch } from '../legend/KindSwatch';
import { useSelection } from '../selection/selection-context';

/** A neighbour as a button: its colour, its name; choosing it selects it on the map. */
export function NodeChip({ node, note }: { node: GraphNode; note?: string | null }) {
  const { t } = useTranslation();
  const orgKind = orgKindOf(node);
  const kindLabel = orgKind ? t(`kinds.org.${orgKind}`) : t(`kinds.node.${node.kind}`);
  return <NodeChipButton node={node} orgKind={orgKind} title={kindLabel} note={note} />;
}

/**
 * The chip itself, for a node known only by reference (id, name, kind): the caller says its kind
 * of organisation, which sets the colour, and the tooltip.
 */
export function NodeChipButton({
  node,
  orgKind,
  title,
  note,
}: {
  node: { id: string; name: string; kind: NodeKind };
  orgKind: OrganisationKind | null;
  title: string;
  note?: string | null;
}) {
  const { dispatch } = useSelection();
  return (
    <button
      type="button"
      className="node-chip"
      title={title}
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
