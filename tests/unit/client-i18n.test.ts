import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  COLLABORATION_TYPES,
  ERROR_CODES,
  LINK_KINDS,
  NODE_KINDS,
  NODE_STATUSES,
  ORGANISATION_KINDS,
  PARTNER_ROLES,
  PLACE_TYPES,
} from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en.js';
import { englishI18n } from '../helpers/english-i18n.js';

const CLIENT_SRC = fileURLToPath(new URL('../../client/src', import.meta.url));

/** Every text of a resource tree as [dotted key, text]. */
function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree as Record<string, unknown>).flatMap(
    ([key, value]): [string, unknown][] =>
      typeof value === 'object' && value !== null
        ? leaves(value, `${prefix}${key}.`)
        : [[`${prefix}${key}`, value]],
  );
}

const TEXTS = new Map(leaves(en));

/** Whether `t(key)` finds an English text: the key itself, or its `_one` and `_other` forms. */
function translates(key: string): boolean {
  if (typeof TEXTS.get(key) === 'string') return true;
  return (
    typeof TEXTS.get(`${key}_one`) === 'string' && typeof TEXTS.get(`${key}_other`) === 'string'
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

/** The keys the client builds from schema values (`t(\`kinds.org.${kind}\`)` and the like). */
const BUILT_KEYS: [string, readonly string[]][] = [
  ['kinds.org', ORGANISATION_KINDS],
  ['kinds.node', NODE_KINDS],
  ['kinds.nodePlural', NODE_KINDS],
  ['kinds.link', LINK_KINDS],
  ['kinds.status', NODE_STATUSES],
  ['kinds.placeType', PLACE_TYPES],
  ['kinds.collaboration', COLLABORATION_TYPES],
  ['kinds.role', PARTNER_ROLES],
  ['details', ['values', 'offers', 'needs']],
  ['details.linkGroup', LINK_KINDS.flatMap((kind) => [`${kind}.out`, `${kind}.in`])],
  ['errors.code', ERROR_CODES],
];

describe('English resources', () => {
  it('translate every key the client passes to t() as a literal', () => {
    const keys = literalKeysInClient();
    // The client has dozens of texts: finding none would mean the scan itself is broken.
    expect(keys.length).toBeGreaterThan(40);
    expect(keys.filter((key) => !translates(key))).toEqual([]);
  });

  it.each(BUILT_KEYS)(
    'translate %s.<value> for every value the schema allows',
    (prefix, values) => {
      expect(values.map((value) => `${prefix}.${value}`).filter((key) => !translates(key))).toEqual(
        [],
      );
    },
  );

  it('have no empty texts', () => {
    expect([...TEXTS].filter(([, text]) => typeof text !== 'string' || text.trim() === '')).toEqual(
      [],
    );
  });

  it('never write plurals as "(s)"', () => {
    expect([...TEXTS].filter(([, text]) => String(text).includes('(s)'))).toEqual([]);
  });

  it.each(['status.nodes', 'status.links', 'search.moreResults', 'details.linkCount'])(
    'give the counted text %s a singular and a plural form with the count in both',
    (key) => {
      expect(TEXTS.get(`${key}_one`)).toMatch(/\{\{count\b/);
      expect(TEXTS.get(`${key}_other`)).toMatch(/\{\{count\b/);
    },
  );

  it('pair every _one form with an _other form and vice versa', () => {
    const keys = [...TEXTS.keys()];
    const stems = (suffix: string) =>
      keys.filter((key) => key.endsWith(suffix)).map((key) => key.slice(0, -suffix.length));
    expect(stems('_one').sort()).toEqual(stems('_other').sort());
  });
});

describe('English texts through i18next', () => {
  const i18n = englishI18n();

  it.each([
    { key: 'status.nodes', count: 1, text: '1 node' },
    { key: 'status.nodes', count: 1234, text: '1,234 nodes' },
    { key: 'status.links', count: 0, text: '0 links' },
    { key: 'status.links', count: 1, text: '1 link' },
    { key: 'details.linkCount', count: 2, text: '2 links' },
  ])('renders $key with count $count as "$text"', ({ key, count, text }) => {
    expect(i18n.t(key, { count })).toBe(text);
  });

  it('puts the search text into the no-results message', () => {
    expect(i18n.t('search.noResults', { query: 'garden' })).toBe('Nothing matches “garden”');
  });

  it('joins the node and link counts into the status line', () => {
    const nodes = i18n.t('status.nodes', { count: 12 });
    const links = i18n.t('status.links', { count: 1 });
    expect(i18n.t('status.summary', { nodes, links })).toBe('12 nodes · 1 link');
  });
});
