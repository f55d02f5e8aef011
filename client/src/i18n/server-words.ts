/**
 * Sentences the server writes in English (error messages, import problems), recognised by their
 * words and said from the translations instead, with the values they carry. A sentence not in a
 * list is shown as the server wrote it. The server's texts are the source: a test holds each
 * pattern to a sentence in the server's code (tests/unit/client-server-words.test.ts).
 */
import type { ParseKeys, TFunction } from 'i18next';
import { en } from './en';

/** A server sentence the client can say in the reader's language. */
export interface KnownSentence {
  pattern: RegExp;
  key: ParseKeys;
  /** Names of the pattern's groups, in order, as the text's placeholders. */
  values?: readonly string[];
}

/**
 * A kind the server names in English ("community group", "person"), in the reader's words
 * (lower case, as inside a sentence); anything else as it is.
 */
function kindName(label: string, t: TFunction): string {
  const lower = label.toLowerCase();
  for (const [kind, name] of Object.entries(en.kinds.org)) {
    if (name.toLowerCase() === lower)
      return t(`kinds.org.${kind as keyof typeof en.kinds.org}`).toLowerCase();
  }
  for (const [kind, name] of Object.entries(en.kinds.node)) {
    if (name.toLowerCase() === lower)
      return t(`kinds.node.${kind as keyof typeof en.kinds.node}`).toLowerCase();
  }
  return label;
}

/** `text` in the reader's words if it is one of `known`, else null. */
export function sayKnown(
  known: readonly KnownSentence[],
  text: string,
  t: TFunction,
): string | null {
  for (const { pattern, key, values = [] } of known) {
    const match = pattern.exec(text);
    if (!match) continue;
    const named = Object.fromEntries(
      values.map((name, index) => {
        const value = match[index + 1] ?? '';
        return [name, name === 'kind' ? kindName(value, t) : value];
      }),
    );
    const count = named.count === undefined ? {} : { count: Number(named.count) };
    return t(key, { ...named, ...count });
  }
  return null;
}

/** The import preview's problems (server/src/exchange/) people meet most. */
export const IMPORT_PROBLEMS: readonly KnownSentence[] = [
  {
    pattern: /^'(.+)' is no element of the file and no node of the network$/,
    key: 'import.problem.unknownEnd',
    values: ['name'],
  },
  { pattern: /^From is empty$/, key: 'import.problem.fromEmpty' },
  { pattern: /^To is empty$/, key: 'import.problem.toEmpty' },
  {
    pattern: /^has no Type; imported as (.+), the type you chose$/,
    key: 'import.problem.noType',
    values: ['kind'],
  },
  {
    pattern: /^'(.+)' is not a type Octograph knows; imported as (.+), the type you chose$/,
    key: 'import.problem.unknownType',
    values: ['type', 'kind'],
  },
  {
    pattern: /^'(.+)' is not an Octograph field; the column is not imported$/,
    key: 'import.problem.unknownColumn',
    values: ['header'],
  },
  { pattern: /^has neither a Label nor an ID$/, key: 'import.problem.noLabel' },
  { pattern: /^'(.+)' is not a year$/, key: 'import.problem.notYear', values: ['text'] },
  { pattern: /^'(.+)' is not a number$/, key: 'import.problem.notNumber', values: ['text'] },
  {
    pattern: /^'(.+)' is no meeting of the file or the network$/,
    key: 'import.problem.unknownMeeting',
    values: ['text'],
  },
  {
    pattern: /^tag '(.+)' names no theme; not imported$/,
    key: 'import.problem.unknownTag',
    values: ['name'],
  },
  {
    pattern: /^'(.+)' is a new place; it is created$/,
    key: 'import.problem.newPlace',
    values: ['name'],
  },
  { pattern: /^'(.+)' is empty$/, key: 'import.problem.emptyFile', values: ['name'] },
];

/** An import problem's message in the reader's words where the client knows it. */
export function importProblemText(message: string, t: TFunction): string {
  return sayKnown(IMPORT_PROBLEMS, message, t) ?? message;
}
