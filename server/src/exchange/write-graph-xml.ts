/**
 * GEXF (Gephi's format) and GraphML (yEd, Cytoscape, NetworkX) files of an export, both written
 * from one graphology graph: a node per element keyed by its id, with `label` = its name and
 * every other non-empty element column as an attribute named by its header (`Type`, `Tags`…);
 * an edge per link keyed by its id, with `weight` = its strength and every other non-empty
 * connection column as an attribute (`Type` is the link kind as the Connections sheet writes it).
 * Links whose direction means nothing (COLLABORATES_WITH) are undirected edges.
 */
import { LINK_RULES } from '@octograph/graph-schema';
import Graph from 'graphology';
import { write as writeGexfOf } from 'graphology-gexf';
import { create } from 'xmlbuilder2';
import { CONNECTION_COLUMNS, ELEMENT_COLUMNS } from './columns.js';
import type { ExportTable, ExportTables } from './export-content.js';

/** A node: its name, its saved map position if any, and its other columns by header. */
export interface ElementAttributes {
  label: string;
  position: { x: number; y: number } | null;
  columns: Record<string, string>;
}

/** An edge: the link's strength and its other columns by header. */
export interface ConnectionAttributes {
  weight: number;
  columns: Record<string, string>;
}

export type ExportGraph = Graph<ElementAttributes, ConnectionAttributes>;

/** Headers the node or edge itself carries (its key, label, ends or weight), not attributes. */
const ELEMENT_OWN_HEADERS: ReadonlySet<string> = new Set([
  ELEMENT_COLUMNS.id.header,
  ELEMENT_COLUMNS.name.header,
]);
const CONNECTION_OWN_HEADERS: ReadonlySet<string> = new Set([
  CONNECTION_COLUMNS.id.header,
  CONNECTION_COLUMNS.from.header,
  CONNECTION_COLUMNS.to.header,
  CONNECTION_COLUMNS.strength.header,
]);

/** The headers of a table that become attributes, in column order. */
function attributeHeaders<R>(table: ExportTable<R>, own: ReadonlySet<string>): string[] {
  return table.headers.filter((header) => !own.has(header));
}

/** A row's non-empty cells under the attribute headers. */
function attributesOf(
  headers: readonly string[],
  cells: readonly string[],
  wanted: readonly string[],
): Record<string, string> {
  const attributes: Record<string, string> = {};
  headers.forEach((header, index) => {
    const value = cells[index] ?? '';
    if (wanted.includes(header) && value !== '') attributes[header] = value;
  });
  return attributes;
}

/** The export as a graph; `positions` are the saved map positions by node id. */
export function exportGraph(
  tables: ExportTables,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): ExportGraph {
  // Mixed, for directed and undirected links; multi, as two nodes may have links of two kinds.
  const graph: ExportGraph = new Graph({ type: 'mixed', multi: true });
  const { elements, connections } = tables;
  const elementAttributes = attributeHeaders(elements, ELEMENT_OWN_HEADERS);
  for (const { record: node, cells } of elements.rows) {
    graph.addNode(node.id, {
      label: node.name,
      position: positions.get(node.id) ?? null,
      columns: attributesOf(elements.headers, cells, elementAttributes),
    });
  }
  const connectionAttributes = attributeHeaders(connections, CONNECTION_OWN_HEADERS);
  for (const { record: link, cells } of connections.rows) {
    const attributes = {
      weight: link.strength,
      columns: attributesOf(connections.headers, cells, connectionAttributes),
    };
    if (LINK_RULES[link.kind].directed) {
      graph.addDirectedEdgeWithKey(link.id, link.source, link.target, attributes);
    } else {
      graph.addUndirectedEdgeWithKey(link.id, link.source, link.target, attributes);
    }
  }
  return graph;
}

/** The graph as GEXF 1.3, with saved positions as viz positions so Gephi opens the same map. */
export function writeGexf(graph: ExportGraph): string {
  return writeGexfOf(graph, {
    version: '1.3',
    formatNode: (_key, node) => ({
      label: node.label,
      attributes: node.columns,
      ...(node.position ? { viz: { x: node.position.x, y: node.position.y } } : {}),
    }),
    formatEdge: (_key, edge) => ({ weight: edge.weight, attributes: edge.columns }),
  });
}

const GRAPHML_NAMESPACE = 'http://graphml.graphdrawing.org/xmlns';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
const GRAPHML_SCHEMA = `${GRAPHML_NAMESPACE} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`;

/**
 * The graph as GraphML: a `<key>` per attribute (`label` and `weight` as graphology and Gephi
 * name them, the others by header). Edges default to directed and undirected links say
 * `directed="false"`: readers that honour per-edge direction get it, and graphology-graphml,
 * which rebuilds its whole graph for every edge not of the default type, stays fast.
 */
export function writeGraphml(graph: ExportGraph, tables: ExportTables): string {
  const nodeHeaders = attributeHeaders(tables.elements, ELEMENT_OWN_HEADERS);
  const edgeHeaders = attributeHeaders(tables.connections, CONNECTION_OWN_HEADERS);
  const nodeKeys = new Map(nodeHeaders.map((header, index) => [header, `n${index}`]));
  const edgeKeys = new Map(edgeHeaders.map((header, index) => [header, `e${index}`]));

  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(GRAPHML_NAMESPACE, 'graphml')
    .att(XSI_NAMESPACE, 'xsi:schemaLocation', GRAPHML_SCHEMA);
  const key = (id: string, target: 'node' | 'edge', name: string, type: string): void => {
    root.ele('key', { id, for: target, 'attr.name': name, 'attr.type': type });
  };
  key('label', 'node', 'label', 'string');
  for (const [header, id] of nodeKeys) key(id, 'node', header, 'string');
  key('weight', 'edge', 'weight', 'int');
  for (const [header, id] of edgeKeys) key(id, 'edge', header, 'string');

  const graphElement = root.ele('graph', { id: 'octograph', edgedefault: 'directed' });
  graph.forEachNode((id, node) => {
    const element = graphElement.ele('node', { id });
    element.ele('data', { key: 'label' }).txt(node.label);
    for (const [header, value] of Object.entries(node.columns)) {
      const dataKey = nodeKeys.get(header);
      if (dataKey) element.ele('data', { key: dataKey }).txt(value);
    }
  });
  graph.forEachEdge(
    (id, edge, source, target, _sourceAttributes, _targetAttributes, undirected) => {
      const element = graphElement.ele('edge', {
        id,
        source,
        target,
        ...(undirected ? { directed: 'false' } : {}),
      });
      element.ele('data', { key: 'weight' }).txt(String(edge.weight));
      for (const [header, value] of Object.entries(edge.columns)) {
        const dataKey = edgeKeys.get(header);
        if (dataKey) element.ele('data', { key: dataKey }).txt(value);
      }
    },
  );
  return root.end({ prettyPrint: true });
}

/** The export as GEXF or GraphML. */
export function writeGraphXml(
  format: 'gexf' | 'graphml',
  tables: ExportTables,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): string {
  const graph = exportGraph(tables, positions);
  return format === 'gexf' ? writeGexf(graph) : writeGraphml(graph, tables);
}
