/**
 * Comparing and matching names the way a reader expects in their language: sorted by the
 * language's alphabet (Polish puts "Łódź" after "Lublin", "Żary" after "Zamość"), and found
 * whatever the accents typed ("zlota" finds "Złota").
 */

/**
 * Letters that Unicode does not decompose into a base letter and a mark, so NFD alone would keep
 * "Złota" from matching "zlota" (ł is common in the Polish networks' names).
 */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};

/** Text in lower case without accents, so that "cafe" finds "Café" and "zlota" finds "Złota". */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđħıßæœ]/g, (letter) => UNDECOMPOSED[letter] ?? letter);
}

/** Compares two texts the way the reader's language sorts them. */
export type CompareText = (a: string, b: string) => number;

const comparers = new Map<string, CompareText>();

/**
 * A comparer for `language`'s alphabet: accents and case only break ties ("Lódka" before "Łask"
 * in English, after "Lwów" in Polish), numbers sort as numbers ("Group 2" before "Group 10").
 */
export function textComparer(language: string): CompareText {
  let compare = comparers.get(language);
  if (compare === undefined) {
    compare = new Intl.Collator(language, { sensitivity: 'base', numeric: true }).compare;
    comparers.set(language, compare);
  }
  return compare;
}
