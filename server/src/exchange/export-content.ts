/**
 * What an export holds: the whole network, or the view the map shows for the same filters as
 * GET /api/map, as the caller may see it; and that content as the Elements and Connections
 * tables of columns.ts, which every spreadsheet and graph format is written from.
 */
import {
  carriableText,
  EXPORT_FORMATS,
  MapQuerySchema,
  type ExportFormat,
  type GraphNode,
  type Link,
} from '@octograph/graph-schema';
import { z } from 'zod';
import { visibleLink, visibleNode, type Reader } from '../services/privacy.js';
import type { GraphStore, MapFilter, NetworkContent } from '../store/graph-store.js';
import { CONNECTION_COLUMNS, ELEMENT_COLUMNS, linkedNames, typeLabelOf } from './columns.js';

/** GET /api/export: the map's filters (none: the whole network) and the format. */
export const ExportQuerySchema = MapQuerySchema.safeExtend({
  format: z.enum(EXPORT_FORMATS).default('json'),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
export type { ExportFormat };

/** Whether a filter narrows the network at all (list filters arrive as undefined or a list). */
export function isFilteredView(filter: MapFilter): boolean {
  return Object.values(filter).some(
    (value) => value !== undefined && !(Array.isArray(value) && value.length === 0),
  );
}

/**
 * Content as `reader` may see it, made self-contained: a person's contact details only where
 * the reader may see them, consent decisions and who added links only for editors
 * (services/privacy.ts), and a link's meeting only when that meeting is
 * in the content too, so a filtered view still imports into an empty store.
 */
export function visibleContent(content: NetworkContent, reader: Reader): NetworkContent {
  const ids = new Set(content.nodes.map((node) => node.id));
  return {
    nodes: content.nodes.map((node) => visibleNode(node, reader)),
    links: content.links.map((stored) => {
      const link = visibleLink(stored, reader);
      return link.meetingId === null || ids.has(link.meetingId)
        ? link
        : { ...link, meetingId: null };
    }),
    positions: content.positions.filter((position) => ids.has(position.id)),
  };
}

/** A record with every string in it made carriable (graph-schema's carriableText). */
function carriable<T>(value: T): T {
  if (typeof value === 'string') return carriableText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => carriable(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, carriable(item)]),
    ) as T;
  }
  return value;
}

/**
 * Content whose text every file format can carry. The schemas refuse control characters and
 * unpaired surrogates in what is written now; text stored before that rule gets U+FFFD in their
 * place, so no export is ever a file that an XML reader (or Octograph's own import) refuses.
 */
export function carriableContent(content: NetworkContent): NetworkContent {
  return {
    nodes: content.nodes.map((node) => carriable(node)),
    links: content.links.map((link) => carriable(link)),
    positions: content.positions,
  };
}

/**
 * What an export of `filter` holds for `reader`: everything in the store when the filter
 * narrows nothing, otherwise the map's subgraph for it (the nodes that pass and the links among
 * them), with only the contact details the reader may see.
 */
export async function exportContent(
  store: GraphStore,
  filter: MapFilter,
  reader: Reader,
): Promise<NetworkContent> {
  const content = isFilteredView(filter) ? await store.mapSubgraph(filter) : await store.snapshot();
  return visibleContent(
    carriableContent({
      nodes: content.nodes,
      links: content.links,
      positions: content.positions,
    }),
    reader,
  );
}

/** One table of an export: the headers in column order and one row of cell texts per record. */
export interface ExportTable<R> {
  headers: string[];
  rows: { record: R; cells: string[] }[];
}

/** The Elements and Connections tables of some content. */
export interface ExportTables {
  elements: ExportTable<GraphNode>;
  connections: ExportTable<Link>;
}

/** One collator for every comparison: localeCompare with options builds one per call. */
const compareText = new Intl.Collator('en', { sensitivity: 'base' }).compare;

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The tables of columns.ts for `content`. People read these sheets, so elements come by type and
 * name and connections by type and the names of their ends (ids break ties, so the order is
 * the same every time). Every link is a connection, FOCUSES_ON and BASED_IN too, so their ids
 * and fields survive; `Tags` and `Place` repeat them as names.
 */
export function exportTables(content: NetworkContent): ExportTables {
  const names = new Map(content.nodes.map((node) => [node.id, node.name]));
  // Each node's theme and place links, gathered once: linkedNames scans the list it is given.
  const tagAndPlaceLinks = new Map<string, Link[]>();
  for (const link of content.links) {
    if (link.kind !== 'FOCUSES_ON' && link.kind !== 'BASED_IN') continue;
    const own = tagAndPlaceLinks.get(link.source);
    if (own) own.push(link);
    else tagAndPlaceLinks.set(link.source, [link]);
  }

  const elementColumns = Object.entries(ELEMENT_COLUMNS);
  const nodes = [...content.nodes].sort(
    (a, b) =>
      compareText(typeLabelOf(a), typeLabelOf(b)) ||
      compareText(a.name, b.name) ||
      compareIds(a.id, b.id),
  );
  const elements: ExportTable<GraphNode> = {
    headers: elementColumns.map(([, column]) => column.header),
    rows: nodes.map((node) => {
      const own = tagAndPlaceLinks.get(node.id) ?? [];
      return {
        record: node,
        cells: elementColumns.map(([field, column]) => {
          if (field === 'tags') return linkedNames(node, 'FOCUSES_ON', own, names);
          if (field === 'place') return linkedNames(node, 'BASED_IN', own, names);
          return column.cell(node);
        }),
      };
    }),
  };

  const connectionColumns = Object.values(CONNECTION_COLUMNS);
  const nameOf = (id: string): string => names.get(id) ?? id;
  const links = [...content.links].sort(
    (a, b) =>
      compareText(CONNECTION_COLUMNS.type.cell(a), CONNECTION_COLUMNS.type.cell(b)) ||
      compareText(nameOf(a.source), nameOf(b.source)) ||
      compareText(nameOf(a.target), nameOf(b.target)) ||
      compareIds(a.id, b.id),
  );
  const connections: ExportTable<Link> = {
    headers: connectionColumns.map((column) => column.header),
    rows: links.map((link) => ({
      record: link,
      cells: connectionColumns.map((column) => column.cell(link)),
    })),
  };

  return { elements, connections };
}
