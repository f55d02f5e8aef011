/**
 * The Les Misérables co-occurrence network (77 characters, 254 links) from the `miserables`
 * package, which ships it as data rather than GEXF: written here as a GEXF file with
 * graphology-gexf's writer, as another tool would.
 */
import { createRequire } from 'node:module';
import Graph from 'graphology';
import * as gexf from 'graphology-gexf';
import { z } from 'zod';

const MiserablesSchema = z.object({
  nodes: z.array(z.object({ name: z.string(), group: z.number() })),
  links: z.array(z.object({ source: z.number(), target: z.number(), value: z.number() })),
});

/** The network as the package ships it. */
export const miserables = MiserablesSchema.parse(
  createRequire(import.meta.url)('miserables/data.js'),
);

/** The network as a GEXF file. */
export function miserablesGexf(): { name: string; bytes: Buffer } {
  const graph = new Graph({ type: 'undirected', multi: true });
  miserables.nodes.forEach((node, index) => {
    graph.addNode(String(index), { label: node.name, group: node.group });
  });
  for (const link of miserables.links) {
    graph.addEdge(String(link.source), String(link.target), { weight: link.value });
  }
  return { name: 'miserables.gexf', bytes: Buffer.from(gexf.write(graph), 'utf-8') };
}
