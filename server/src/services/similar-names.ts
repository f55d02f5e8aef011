/**
 * "Did you mean …?": before someone adds an organisation, person or project that may already be
 * in the directory (typed in a hurry after a meeting), the names most like it. Names compare by
 * their words, ignoring case, accents, punctuation, word order and filler words, and then by
 * edit distance (fastest-levenshtein), so "Harbourside Foodbank", "harbour side food bank" and
 * "The Food Bank, Harbourside" all find "Harbourside Food Bank".
 */
import type { GraphNode } from '@octograph/graph-schema';
import { distance } from 'fastest-levenshtein';
import type { GraphStore } from '../store/graph-store.js';
import { searchKey } from '../store/search-key.js';

/** Words that say nothing about which group a name means. */
const FILLER_WORDS = new Set(['the', 'and', 'of', 'ltd', 'cic', 'limited']);

/** How alike two names must be to be worth asking about. */
export const SIMILAR_ENOUGH = 0.8;

/** How many similar names are offered. */
const MOST = 5;

/** A name's meaningful words, in the order written. */
function wordsOf(name: string): string[] {
  return searchKey(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !FILLER_WORDS.has(word));
}

/** 1 minus the edit distance over the longer length: 1 for the same text. */
function spellingLikeness(a: string, b: string): number {
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

/** How alike two names are, from 0 (nothing alike) to 1 (the same words). */
export function nameSimilarity(a: string, b: string): number {
  const [wordsA, wordsB] = [wordsOf(a), wordsOf(b)];
  if (wordsA.length === 0 || wordsB.length === 0) return 0;
  // Words joined without spaces, so "Foodbank" and "Food Bank" spell the same; once as written
  // and once sorted, so "Food Bank, Harbourside" and "Harbourside Food Bank" do too.
  const written = spellingLikeness(wordsA.join(''), wordsB.join(''));
  const sorted = spellingLikeness([...wordsA].sort().join(''), [...wordsB].sort().join(''));
  // One name's words all within the other's ("Food Bank" in "Harbourside Food Bank").
  const [fewer, more] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  const contained =
    fewer.some((word) => word.length >= 4) && fewer.every((word) => more.includes(word)) ? 0.85 : 0;
  return Math.max(written, sorted, contained);
}

/** A node like the name, with how alike. */
export interface SimilarNode {
  node: GraphNode;
  similarity: number;
}

/** The nodes of these kinds whose names are most like `name`, most alike first. */
export async function similarNodes(
  store: GraphStore,
  name: string,
  kinds: readonly GraphNode['kind'][],
): Promise<SimilarNode[]> {
  const found: SimilarNode[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listNodes({ kind: [...kinds], limit: 500, cursor });
    for (const node of page.items) {
      const similarity = nameSimilarity(name, node.name);
      if (similarity >= SIMILAR_ENOUGH) found.push({ node, similarity });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return found
    .sort((a, b) => b.similarity - a.similarity || a.node.name.localeCompare(b.node.name))
    .slice(0, MOST);
}
