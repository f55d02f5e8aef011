/**
 * Betweenness centrality of the collaboration network: exact (graphology-metrics) up to
 * EXACT_LIMIT nodes, above it estimated from a fixed sample of sources, because exact Brandes
 * costs one shortest-path search per node and would not fit the insights' time budget on a
 * network of 10,000 organisations.
 */
import { mulberry32 } from '@octograph/seed';
import type Graph from 'graphology';
// Node's ESM loader needs the file extension on these CommonJS subpaths (no "exports" maps).
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';

/** Networks up to this many nodes get exact betweenness. */
export const EXACT_LIMIT = 2000;
/** Sources the estimate starts shortest-path searches from. */
export const SAMPLE_SIZE = 256;
/** The sample is the same on every run, so the same network always gives the same ranking. */
const SAMPLE_SEED = 20_240_501;

/** Betweenness per node, and how it was computed. */
export interface Betweenness {
  scores: Map<string, number>;
  approximate: boolean;
  /** Sources used for the estimate; null when exact. */
  sampleSize: number | null;
}

/**
 * Unnormalised betweenness of every node of an undirected graph: the number of shortest paths
 * between other pairs that pass through it (each path counted once).
 */
export function betweenness(
  graph: Graph,
  options: { exactLimit?: number; sampleSize?: number } = {},
): Betweenness {
  const exactLimit = options.exactLimit ?? EXACT_LIMIT;
  if (graph.order <= exactLimit) {
    const scores = betweennessCentrality(graph, { getEdgeWeight: null, normalized: false });
    return { scores: new Map(Object.entries(scores)), approximate: false, sampleSize: null };
  }
  return sampledBetweenness(graph, Math.min(options.sampleSize ?? SAMPLE_SIZE, graph.order));
}

/**
 * Brandes' accumulation from `sampleSize` sources only, scaled by order / sampleSize: an
 * unbiased estimate of the exact value (Brandes & Pich, "Centrality estimation in large
 * networks", 2007). The searches are graphology-shortest-path's, as graphology-metrics uses.
 */
function sampledBetweenness(graph: Graph, sampleSize: number): Betweenness {
  const brandes = createUnweightedIndexedBrandes(graph);
  const order = graph.order;
  const sources = deterministicSample(order, sampleSize);
  const delta = new Float64Array(order);
  const centrality = new Float64Array(order);
  for (const source of sources) {
    const [stack, predecessors, sigma] = brandes(source);
    delta.fill(0);
    while (stack.size > 0) {
      const w = stack.pop() ?? source;
      const coefficient = (1 + (delta[w] ?? 0)) / (sigma[w] ?? 1);
      for (const v of predecessors[w] ?? []) {
        delta[v] = (delta[v] ?? 0) + (sigma[v] ?? 0) * coefficient;
      }
      if (w !== source) centrality[w] = (centrality[w] ?? 0) + (delta[w] ?? 0);
    }
  }
  // Scale the sample up to all sources; undirected paths were counted from both ends.
  const scale = (order / sampleSize) * 0.5;
  // The searches number nodes in graph.nodes() order (graphology-indices' NeighborhoodIndex).
  const nodes = graph.nodes();
  const scores = new Map<string, number>();
  nodes.forEach((node, index) => {
    scores.set(node, (centrality[index] ?? 0) * scale);
  });
  return { scores, approximate: true, sampleSize };
}

/** `size` distinct indices below `order`, the same every time (a seeded partial shuffle). */
function deterministicSample(order: number, size: number): number[] {
  const random = mulberry32(SAMPLE_SEED);
  const indices = Array.from({ length: order }, (_, index) => index);
  for (let i = 0; i < size; i += 1) {
    const j = i + Math.floor(random() * (order - i));
    const chosen = indices[j] ?? j;
    indices[j] = indices[i] ?? i;
    indices[i] = chosen;
  }
  return indices.slice(0, size);
}
