/**
 * Search by relevance (GET /api/search): the search box and the type-ahead pickers type a few
 * letters and expect the node they mean first — "food" finds "Harbourside Food Bank" before a
 * group whose description mentions food, "zlota jesien" finds "Klub Seniora „Złota Jesień”",
 * and a typo still finds it. A MiniSearch index of every node's name (weighted most) and its
 * words (description, role, venue, notes, values, offers, needs), rebuilt from a snapshot when
 * the store's revision changes; requests arriving meanwhile share the build.
 */
import type { GraphNode, NodeKind } from '@octograph/graph-schema';
import MiniSearch from 'minisearch';
import type { GraphStore } from '../store/graph-store.js';
import { RevisionCache } from './revision-cache.js';

/** What the index holds of a node. */
interface SearchDocument {
  id: string;
  name: string;
  words: string;
}

/** Lower case, without accents; Ł is not decomposed by NFD, so it is mapped by hand. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase();
}

/** The words of a node besides its name (never contact details: they are not searchable). */
function wordsOf(node: GraphNode): string {
  switch (node.kind) {
    case 'organisation':
      return [node.description, ...node.values, ...node.offers, ...node.needs].join(' ');
    case 'person':
      return node.role ?? '';
    case 'project':
    case 'theme':
      return node.description;
    case 'meeting':
      return [node.venue ?? '', node.organiser ?? '', node.notes].join(' ');
    case 'place':
      return '';
  }
}

interface SearchModel {
  index: MiniSearch<SearchDocument>;
  nodes: Map<string, GraphNode>;
}

/** The best matches for what was typed, best first. */
export class NodeSearch {
  private readonly cache: RevisionCache<SearchModel>;

  constructor(private readonly store: GraphStore) {
    this.cache = new RevisionCache(store, () => this.build());
  }

  /** At most `limit` nodes (of `kinds`, if given) for `text`, best first, and how many match. */
  async search(
    text: string,
    limit: number,
    kinds?: readonly NodeKind[],
  ): Promise<{ items: GraphNode[]; total: number }> {
    const { index, nodes } = await this.cache.current();
    const found = index
      .search(text, {
        // Every word typed must match (a prefix, or within a typo or two of a word).
        combineWith: 'AND',
        prefix: true,
        fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
        boost: { name: 4 },
      })
      .flatMap((result) => {
        const node = nodes.get(String(result.id));
        return node && (!kinds || kinds.length === 0 || kinds.includes(node.kind)) ? [node] : [];
      });
    return { items: found.slice(0, limit), total: found.length };
  }

  private async build(): Promise<SearchModel> {
    const snapshot = await this.store.snapshot();
    const index = new MiniSearch<SearchDocument>({
      fields: ['name', 'words'],
      processTerm: (term) => foldText(term),
      // Split on anything but letters and digits, so „Złota” and Men's are words too.
      tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== ''),
    });
    index.addAll(
      snapshot.nodes.map((node) => ({ id: node.id, name: node.name, words: wordsOf(node) })),
    );
    return { index, nodes: new Map(snapshot.nodes.map((node) => [node.id, node])) };
  }
}
