/**
 * Every language the client ships is complete (issue 17): the same texts as English, each plural
 * in every form the language's plural rules use (Polish: one, few, many, other), the same
 * placeholders, every key the code passes to t() present, and nothing left in English. Then what
 * a Polish reader sees: plurals for 1, 2, 5, 12, 22 and 25, lists joined with "i", and numbers
 * and dates written the Polish way.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  describeFilters,
  exportLegendTexts,
} from '../../client/src/features/export/export-texts.js';
import { EMPTY_FILTERS } from '../../client/src/features/filters/filter-state.js';
import { formatDate, formatDateTime } from '../../client/src/i18n/format.js';
import { pickLanguage } from '../../client/src/i18n/languages.js';
import { CLIENT_RESOURCES, clientI18n, type ClientLanguage } from '../helpers/client-i18n.js';

const CLIENT_SRC = fileURLToPath(new URL('../../client/src', import.meta.url));
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every text of a resource tree as [dotted key, text]. */
function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree as Record<string, unknown>).flatMap(
    ([key, value]): [string, unknown][] =>
      typeof value === 'object' && value !== null
        ? leaves(value, `${prefix}${key}.`)
        : [[`${prefix}${key}`, value]],
  );
}

const TEXTS = Object.fromEntries(
  Object.entries(CLIENT_RESOURCES).map(([language, tree]) => [language, new Map(leaves(tree))]),
) as Record<ClientLanguage, Map<string, unknown>>;

const OTHER_LANGUAGES = (Object.keys(CLIENT_RESOURCES) as ClientLanguage[]).filter(
  (language) => language !== 'en',
);

/** The keys `language` must have: English's, each plural in the language's own forms. */
function expectedKeys(language: ClientLanguage): Set<string> {
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of TEXTS.en.keys()) {
    if (PLURAL.test(key)) for (const form of forms) keys.add(key.replace(PLURAL, `_${form}`));
    else keys.add(key);
  }
  return keys;
}

/** The placeholders of a text: `{{count, number}}` → "count". */
function placeholders(text: unknown): Set<string> {
  return new Set(
    [...String(text).matchAll(/\{\{\s*([\w.]+)/g)].flatMap((match) =>
      match[1] === undefined ? [] : [match[1]],
    ),
  );
}

/** The keys passed as plain string literals to `t(...)` in the client's source. */
function literalKeysInClient(): string[] {
  const files = readdirSync(CLIENT_SRC, { recursive: true, encoding: 'utf8' }).filter((file) =>
    /\.tsx?$/.test(file),
  );
  return files.flatMap((file) =>
    [...readFileSync(join(CLIENT_SRC, file), 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)].flatMap(
      (match) => (match[1] === undefined ? [] : [match[1]]),
    ),
  );
}

/**
 * Texts that are the same in Polish as in English because they are names, codes or symbols.
 * Anything else equal to its English text is a text nobody translated.
 */
const SAME_IN_POLISH = new Set([
  'app.name',
  'details.email',
  'fields.email',
  'account.email',
  'account.role.admin',
  'account.history.field.email',
  'commands.label.exportPng',
  'commands.label.exportSvg',
  'commands.keyName.Escape',
  'commands.keyName.Delete',
  'exportData.format.csv',
  'exportData.format.gexf',
  'exportData.format.graphml',
  'kinds.role.partner',
]);

describe.each(OTHER_LANGUAGES)('the %s resources', (language) => {
  const texts = TEXTS[language];

  it('have every English text, and each plural in every form the language uses', () => {
    const expected = expectedKeys(language);
    expect([...expected].filter((key) => !texts.has(key))).toEqual([]);
  });

  it('have no text that English does not have', () => {
    const expected = expectedKeys(language);
    expect([...texts.keys()].filter((key) => !expected.has(key))).toEqual([]);
  });

  it('have no empty texts', () => {
    expect([...texts].filter(([, text]) => typeof text !== 'string' || text.trim() === '')).toEqual(
      [],
    );
  });

  it('use the placeholders of the English text, and no others', () => {
    const problems: string[] = [];
    for (const [key, text] of texts) {
      const base = key.replace(PLURAL, '');
      const english = PLURAL.test(key) ? TEXTS.en.get(`${base}_other`) : TEXTS.en.get(key);
      const wanted = placeholders(english);
      const used = placeholders(text);
      for (const name of used) if (!wanted.has(name)) problems.push(`${key}: unknown {{${name}}}`);
      for (const name of wanted) {
        // "Co godzinę" (every hour) may say its one without the number.
        if (!used.has(name) && !(name === 'count' && key.endsWith('_one'))) {
          problems.push(`${key}: lacks {{${name}}}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('translate every key the client passes to t() as a literal', () => {
    const keys = literalKeysInClient();
    expect(keys.length).toBeGreaterThan(40);
    const found = (key: string) =>
      texts.has(key) || (texts.has(`${key}_one`) && texts.has(`${key}_other`));
    expect([...new Set(keys)].filter((key) => !found(key))).toEqual([]);
  });

  it('leave nothing in English but names and symbols', () => {
    const untranslated = [...texts]
      .filter(
        ([key, text]) =>
          TEXTS.en.get(key) === text &&
          /[a-z]{2}/i.test(String(text).replace(/\{\{[^}]*\}\}/g, '')),
      )
      .map(([key]) => key)
      .filter((key) => !SAME_IN_POLISH.has(key));
    expect(untranslated).toEqual([]);
  });
});

describe('Polish through i18next', () => {
  const i18n = clientI18n('pl');

  it.each([
    { count: 1, organisations: '1 organizacja', links: '1 powiązanie', meetings: '1 spotkanie' },
    { count: 2, organisations: '2 organizacje', links: '2 powiązania', meetings: '2 spotkania' },
    { count: 5, organisations: '5 organizacji', links: '5 powiązań', meetings: '5 spotkań' },
    { count: 12, organisations: '12 organizacji', links: '12 powiązań', meetings: '12 spotkań' },
    {
      count: 22,
      organisations: '22 organizacje',
      links: '22 powiązania',
      meetings: '22 spotkania',
    },
    { count: 25, organisations: '25 organizacji', links: '25 powiązań', meetings: '25 spotkań' },
  ])('counts $count as "$organisations", "$links", "$meetings"', (row) => {
    expect(i18n.t('directory.count', { count: row.count })).toBe(row.organisations);
    expect(i18n.t('details.linkCount', { count: row.count })).toBe(row.links);
    expect(i18n.t('meetings.count', { count: row.count })).toBe(row.meetings);
  });

  it('writes large numbers the Polish way', () => {
    expect(i18n.t('status.nodes', { count: 12345 }).replace(/\s/g, ' ')).toBe('12 345 elementów');
  });

  it('joins a list with "i": "A, B i C"', () => {
    expect(
      i18n.t('insights.introductions.sharedThemes', { names: ['seniorzy', 'zdrowie', 'kultura'] }),
    ).toBe('Oboje zajmują się: seniorzy, zdrowie i kultura');
  });

  it('falls back to nothing English: a Polish text for every screen heading', () => {
    expect(i18n.t('account.signIn.title')).toBe('Logowanie');
    expect(i18n.t('insights.label')).toBe('Wnioski');
    expect(i18n.t('meetings.title')).toBe('Spotkania');
  });
});

describe('dates and the exported legend in Polish', () => {
  const i18n = clientI18n('pl');

  it('writes dates with the month in words, in the genitive', () => {
    expect(formatDate('2022-05-12', 'pl')).toBe('12 maja 2022');
    expect(formatDate('2024-03-05', 'pl')).toBe('5 marca 2024');
    expect(formatDateTime('2024-03-05T14:05:00Z', 'pl')).toMatch(/^5 marca 2024.* \d{1,2}:05$/);
  });

  it('titles and lists the filters of an exported picture in Polish', () => {
    const filters = {
      ...EMPTY_FILTERS,
      orgKind: ['charity', 'network'] as const,
      status: ['active'] as const,
      asOf: '2022-01-01',
    };
    const lines = describeFilters(
      { ...filters, orgKind: [...filters.orgKind], status: [...filters.status] },
      i18n.t,
      'pl',
      (id) => id,
    );
    expect(lines).toEqual([
      'Rodzaj organizacji: Organizacja charytatywna i Sieć',
      'Stan: Działa',
      'Stan na dzień: 1 stycznia 2022',
    ]);
    const texts = exportLegendTexts(i18n.t, 'pl', '2026-11-21', lines);
    expect(texts.title).toBe('Octograph — 21 listopada 2026');
    expect(texts.headings.organisations).toBe('Organizacje');
  });
});

describe('pickLanguage', () => {
  it.each([
    [['pl-PL', 'pl', 'en-US'], 'pl'],
    [['de-DE', 'pl'], 'pl'],
    [['en-GB', 'pl'], 'en'],
    [['de-DE', 'fr'], 'en'],
    [[], 'en'],
  ])('takes the first language we have of %j: %s', (preferred, language) => {
    expect(pickLanguage(preferred)).toBe(language);
  });
});
