/**
 * Articulation points and bridges of an undirected graphology graph, by Tarjan's lowlink method.
 * No graphology package provides either (graphology-components finds components, not cut
 * vertices), so this is the one hand-written graph algorithm of the insights. The depth-first
 * search is iterative (an explicit stack) so a long chain of 10,000 nodes cannot overflow the
 * call stack.
 *
 * A node v is an articulation point when some DFS child c cannot reach above v except through v
 * (low[c] ≥ disc[v]); for the DFS root, when it has two or more children. A tree edge (p, c) is
 * a bridge when c's subtree cannot reach p or above at all (low[c] > disc[p]).
 */
import type Graph from 'graphology';

/** An articulation point and the sizes of the parts its removal leaves of its component. */
export interface CutVertex {
  node: string;
  /** Node counts of the parts left when the node is removed, largest first (two or more). */
  parts: number[];
}

/** A bridge: the edge between `parent` and `child` whose removal splits the component in two. */
export interface CutEdge {
  parent: string;
  child: string;
  /** Nodes on the child's side of the bridge. */
  childSide: number;
  /** Nodes on the parent's side. */
  parentSide: number;
}

/** Articulation points and bridges of a simple undirected graph (one edge per pair at most). */
export function findCutPoints(graph: Graph): { vertices: CutVertex[]; edges: CutEdge[] } {
  const nodes = graph.nodes();
  const indexOf = new Map(nodes.map((node, index) => [node, index]));
  const adjacency = nodes.map((node) =>
    graph.neighbors(node).map((other) => indexOf.get(other) ?? -1),
  );
  const count = nodes.length;
  const discovered = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const parent = new Int32Array(count).fill(-1);
  const subtree = new Int32Array(count);
  const nextNeighbour = new Int32Array(count);
  // Sizes of the DFS subtrees of each node's children that only reach the rest through it.
  const separated = new Map<number, number[]>();
  const vertices: CutVertex[] = [];
  const edges: CutEdge[] = [];
  let time = 0;

  for (let root = 0; root < count; root += 1) {
    if (discovered[root] !== -1) continue;
    const component: number[] = [];
    const bridges: [number, number][] = [];
    const stack = [root];
    discovered[root] = low[root] = time++;
    subtree[root] = 1;
    component.push(root);
    while (stack.length > 0) {
      const v = stack[stack.length - 1] ?? root;
      const neighbours = adjacency[v] ?? [];
      const at = nextNeighbour[v] ?? 0;
      if (at < neighbours.length) {
        nextNeighbour[v] = at + 1;
        const w = neighbours[at] ?? -1;
        if (discovered[w] === -1) {
          parent[w] = v;
          discovered[w] = low[w] = time++;
          subtree[w] = 1;
          component.push(w);
          stack.push(w);
        } else if (w !== parent[v]) {
          low[v] = Math.min(low[v] ?? 0, discovered[w] ?? 0);
        }
        continue;
      }
      stack.pop();
      const p = parent[v] ?? -1;
      if (p === -1) continue;
      const lowV = low[v] ?? 0;
      const discoveredP = discovered[p] ?? 0;
      low[p] = Math.min(low[p] ?? 0, lowV);
      subtree[p] = (subtree[p] ?? 0) + (subtree[v] ?? 0);
      if (lowV > discoveredP) bridges.push([p, v]);
      if (lowV >= discoveredP) {
        const list = separated.get(p) ?? [];
        list.push(subtree[v] ?? 0);
        separated.set(p, list);
      }
    }
    const componentSize = subtree[root] ?? 0;
    for (const v of component) {
      const parts = separated.get(v);
      if (parts === undefined) continue;
      // What is left besides the separated subtrees is the part holding v's DFS parent.
      const rest = componentSize - 1 - parts.reduce((sum, size) => sum + size, 0);
      if (rest > 0) parts.push(rest);
      if (parts.length >= 2) {
        vertices.push({ node: nodes[v] ?? '', parts: parts.sort((a, b) => b - a) });
      }
    }
    for (const [p, c] of bridges) {
      const childSide = subtree[c] ?? 0;
      edges.push({
        parent: nodes[p] ?? '',
        child: nodes[c] ?? '',
        childSide,
        parentSide: componentSize - childSide,
      });
    }
  }
  return { vertices, edges };
}
