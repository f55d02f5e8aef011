/**
 * What the server lets a caller see. Until accounts exist (a later issue) every caller is a public
 * viewer, and PRODUCT.md is firm that a public viewer never receives private fields: a person's
 * e-mail and phone leave the server only when their owner made them public. The server decides
 * this, never the browser. Exports through the CLI (a local administrator's tool) keep everything.
 */
import type { GraphNode, Subgraph } from '@octograph/graph-schema';

/** A node as a public viewer may see it. */
export function publicNode(node: GraphNode): GraphNode {
  if (node.kind !== 'person') return node;
  return {
    ...node,
    email: node.email?.visibility === 'public' ? node.email : null,
    phone: node.phone?.visibility === 'public' ? node.phone : null,
  };
}

/** A subgraph as a public viewer may see it. */
export function publicSubgraph(subgraph: Subgraph): Subgraph {
  return { nodes: subgraph.nodes.map(publicNode), links: subgraph.links };
}
