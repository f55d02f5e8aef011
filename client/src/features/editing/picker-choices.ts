/**
 * What the node picker lists for what has been typed: the preferred nodes (a meeting's
 * attendees) whose names match, then the directory's matches, without repeats, only those the
 * picker accepts. Matching ignores case and accents, so "zlota" finds "Złota".
 */
import type { NodeKind, OrganisationKind } from '@octograph/graph-schema';
import { foldText } from '../../i18n/collation';

/** A node as the picker lists it. */
export interface PickerNode {
  id: string;
  name: string;
  kind: NodeKind;
  orgKind: OrganisationKind | null;
}

/** A listed node, and whether it is one of the preferred. */
export interface PickerChoice extends PickerNode {
  preferred: boolean;
}

/** Lower case without accents ("zlota" finds "Złota"), trimmed. */
export function foldName(text: string): string {
  return foldText(text).trim();
}

/**
 * Whether every word typed starts a word of the name, or (unless only `words` count) appears
 * anywhere in it.
 */
export function nameMatches(name: string, typed: string, only?: 'words'): boolean {
  const words = foldName(typed).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const folded = foldName(name);
  const nameWords = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.every(
    (word) =>
      nameWords.some((nameWord) => nameWord.startsWith(word)) ||
      (only !== 'words' && folded.includes(word)),
  );
}

const MAX_CHOICES = 10;

export function pickerChoices(input: {
  text: string;
  preferred: readonly PickerNode[];
  found: readonly PickerNode[];
  accepts: (node: PickerNode) => boolean;
  exclude: readonly string[];
}): PickerChoice[] {
  const { text, preferred, found, accepts, exclude } = input;
  const seen = new Set(exclude);
  const choices: PickerChoice[] = [];
  const add = (node: PickerNode, isPreferred: boolean) => {
    if (seen.has(node.id) || !accepts(node)) return;
    seen.add(node.id);
    choices.push({ ...node, preferred: isPreferred });
  };
  for (const node of preferred) if (nameMatches(node.name, text)) add(node, true);
  // The directory's search also matches descriptions and tags: names that start a word with
  // what was typed come first ("men" → "Harbourside Men's Shed" before "Amira Haddad").
  const byName = found.filter((node) => nameMatches(node.name, text, 'words'));
  for (const node of [...byName, ...found]) add(node, false);
  return choices.slice(0, Math.max(MAX_CHOICES, choices.filter((c) => c.preferred).length));
}
