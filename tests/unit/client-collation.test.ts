/**
 * Names sorted and found the way a Polish reader expects (issue 17): Polish letters in their
 * place in the alphabet, not at the end or folded into their base letters, and search that
 * ignores the accents typed, in the directory and in the type-ahead pickers.
 */
import { describe, expect, it } from 'vitest';
import {
  searchRows,
  sortRows,
  type DirectoryRow,
} from '../../client/src/features/directory/directory-rows.js';
import { nameMatches } from '../../client/src/features/editing/picker-choices.js';
import { foldText, textComparer } from '../../client/src/i18n/collation.js';

const PLACES = [
  'Żary',
  'Łódź',
  'Zamość',
  'Lublin',
  'Ćmielów',
  'Cieszyn',
  'Łask',
  'Lwów',
  'Ziębice',
];

function row(name: string): DirectoryRow {
  return {
    id: name,
    name,
    orgKind: 'charity',
    status: 'active',
    degree: 0,
    since: null,
    searchText: foldText(name),
  };
}

describe('sorting names in Polish', () => {
  it('puts Ł after L, Ć after C and Ż after Z', () => {
    expect([...PLACES].sort(textComparer('pl'))).toEqual([
      'Cieszyn',
      'Ćmielów',
      'Lublin',
      'Lwów',
      'Łask',
      'Łódź',
      'Zamość',
      'Ziębice',
      'Żary',
    ]);
  });

  it('sorts the directory by name with the reader’s alphabet: Łódź after Lublin in Polish', () => {
    const rows = ['Klub Seniora „Łódź”', 'Klub Seniora „Lublin”', 'Klub Seniora „Zamość”'].map(row);
    const names = (language: string) =>
      sortRows(rows, { column: 'name', direction: 'ascending' }, textComparer(language)).map(
        (sorted) => sorted.name,
      );
    expect(names('pl')).toEqual([
      'Klub Seniora „Lublin”',
      'Klub Seniora „Łódź”',
      'Klub Seniora „Zamość”',
    ]);
    // English readers are used to Ł filed with L: there "Łódź" comes before "Lublin".
    expect(names('en')[0]).toBe('Klub Seniora „Łódź”');
  });
});

describe('finding names without their accents', () => {
  const rows = ['Klub Seniora „Złota Jesień”', 'Koło Gospodyń Wiejskich w Żarach', 'Lublin'].map(
    row,
  );

  it.each([
    ['zlota', 'Klub Seniora „Złota Jesień”'],
    ['ZŁOTA jesien', 'Klub Seniora „Złota Jesień”'],
    ['kolo gospodyn', 'Koło Gospodyń Wiejskich w Żarach'],
    ['zarach', 'Koło Gospodyń Wiejskich w Żarach'],
  ])('the directory finds "%s": %s', (query, name) => {
    expect(searchRows(rows, query).map((found) => found.name)).toEqual([name]);
  });

  it('the type-ahead pickers find "zlota jes" in „Złota Jesień” and not in Lublin', () => {
    expect(nameMatches('Klub Seniora „Złota Jesień”', 'zlota jes')).toBe(true);
    expect(nameMatches('Lublin', 'zlota')).toBe(false);
  });
});
