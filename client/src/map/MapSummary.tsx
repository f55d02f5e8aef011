import type { MapResponse } from '@octograph/graph-schema';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { hiddenElements } from '../features/legend/legend-visibility';
import { useMapStyle } from '../features/map-style/map-style-store';
import { formatNameList } from '../i18n/format';
import { useNodesApart } from './use-nodes-apart';

/** The selected node's neighbours named in full up to this many; the rest are counted. */
const NAMED_NEIGHBOURS = 12;

/**
 * What the map shows, in words, for screen readers (visually hidden, read out as it changes):
 * how many nodes and links are drawn and how many groups are not yet connected; with a node
 * selected, its name and the names of those it is linked with. The canvas itself is a picture;
 * this, the arrow keys (KeyboardNavController) and the directory are how it is read without
 * seeing it.
 */
export function MapSummary({ map, selectedId }: { map: MapResponse; selectedId: string | null }) {
  const { t, i18n } = useTranslation();
  const { legend } = useMapStyle();
  const apartIds = useNodesApart(map);
  const text = useMemo(() => {
    const hidden = hiddenElements(legend, map);
    const drawn = map.nodes.filter((node) => !hidden.nodes.has(node.id));
    const links = map.links.filter((link) => !hidden.links.has(link.id));
    const names = new Map(drawn.map((node) => [node.id, node.name]));
    const selected = selectedId === null ? undefined : names.get(selectedId);
    if (selected === undefined) {
      const apart = [...apartIds].filter((id) => names.has(id)).length;
      return t('map.summary.overview', {
        nodes: t('status.nodes', { count: drawn.length }),
        links: t('status.links', { count: links.length }),
        apart,
      });
    }
    const neighbours = [
      ...new Set(
        links.flatMap((link) =>
          link.source === selectedId
            ? [link.target]
            : link.target === selectedId
              ? [link.source]
              : [],
        ),
      ),
    ]
      .flatMap((id) => names.get(id) ?? [])
      .sort((a, b) => a.localeCompare(b, i18n.language));
    const list = formatNameList(neighbours, NAMED_NEIGHBOURS, i18n.language, (count) =>
      t('map.summary.more', { count }),
    );
    return neighbours.length === 0
      ? t('map.summary.alone', { name: selected })
      : t('map.summary.selected', { name: selected, count: neighbours.length, list });
  }, [legend, map, apartIds, selectedId, t, i18n.language]);

  return (
    <p className="visually-hidden" aria-live="polite">
      {text}
    </p>
  );
}
