/**
 * Field privacy (issue 8): for every route that can carry a person, a caller never receives a
 * contact detail they may not see — checked in the raw response bytes (and inside zips), not in a
 * parsed object — and does receive the ones they may see, so each check can fail. Readers: an
 * anonymous visitor with PUBLIC_READ=true (public only), a viewer (public + network), a viewer
 * linked to a person who came to a meeting with Bea (adds Bea's attendees-level details and his
 * own private ones, not Eve's), and an editor and an admin (everything). Each route is asked by the editor
 * first, so a cache keyed without the reader would hand the editor's answer to the others.
 */
import { ErrorBodySchema } from '@octograph/graph-schema';
import type { LightMyRequestResponse } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_SECRETS,
  ANN_EMAIL,
  ANN_PHONE,
  BEA_EMAIL,
  BEA_PHONE,
  HUB,
  LARDER,
  MEETING_1,
  MEETING_2,
  PACK_1_SHARED,
  PEOPLE,
  PERSON_IDS,
  SHARED_ROLE_WORD,
  VISIBLE,
  everythingIn,
  secretsIn,
  seedPrivacyNetwork,
  type PersonId,
  type ReaderName,
  type Secret,
} from '../helpers/privacy-fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** A visitor from another machine: the "local visit before any admin" exception never applies. */
const REMOTE_ADDRESS = '203.0.113.9';

/** Editors first: see the file comment. */
const READERS: readonly ReaderName[] = ['admin', 'editor', 'attendee', 'viewer', 'anonymous'];
const NOT_EDITORS = ['attendee', 'viewer', 'anonymous'] as const;

let api: TestApp;
const headersOf = new Map<ReaderName, Record<string, string>>();

beforeAll(async () => {
  api = await startTestApp({ env: { PUBLIC_READ: 'true' } });
  await seedPrivacyNetwork(api);
  headersOf.set('admin', (await api.user('admin')).headers);
  headersOf.set('editor', (await api.user('editor')).headers);
  // The plain viewer first: asking for a viewer with a person makes that the helper's viewer.
  headersOf.set('viewer', (await api.user('viewer')).headers);
  headersOf.set('attendee', (await api.user('viewer', { personId: 'person-vic' })).headers);
});

afterAll(async () => {
  await api.close();
});

function read(reader: ReaderName, url: string): Promise<LightMyRequestResponse> {
  const headers = headersOf.get(reader);
  if (reader === 'anonymous' || headers === undefined) {
    return api.app.inject({ method: 'GET', url, remoteAddress: REMOTE_ADDRESS });
  }
  return api.app.inject({ method: 'GET', url, headers });
}

function values(secrets: readonly Secret[]): string[] {
  return secrets.map((item) => item.value).sort();
}

function hidden(reader: ReaderName): Secret[] {
  return ALL_SECRETS.filter((item) => !VISIBLE[reader].includes(item));
}

/** Asserts that exactly `expected` of the contact details are in the response's bytes. */
function expectExactly(response: LightMyRequestResponse, expected: readonly Secret[]): void {
  expect(secretsIn(response, ALL_SECRETS).sort()).toEqual(values(expected));
}

/** Routes whose answer holds every person of the network. */
const EVERYONE_ROUTES: readonly [string, string][] = [
  ['the node list', '/api/nodes?limit=500'],
  ['the people list', '/api/nodes?kind=person&limit=500'],
  ['the directory', '/api/nodes?kind=organisation,person,project&limit=500'],
  ['search', `/api/nodes?q=${SHARED_ROLE_WORD}&limit=500`],
  ['a neighbourhood', `/api/nodes/${HUB}/neighbourhood?depth=1`],
  ['a deeper neighbourhood', '/api/nodes/person-vic/neighbourhood?depth=2'],
  ...['json', 'xlsx', 'csv', 'gexf', 'graphml'].flatMap((format): [string, string][] => [
    [`the ${format} export`, `/api/export?format=${format}`],
    [`the ${format} export of people`, `/api/export?format=${format}&kind=person`],
    [`the ${format} export of a focus`, `/api/export?format=${format}&focus=${HUB}&depth=1`],
  ]),
];

describe.each(EVERYONE_ROUTES)('%s (%s)', (_what, url) => {
  it.each(READERS)('gives the %s exactly the details they may see', async (reader) => {
    const response = await read(reader, url);
    expect(response.statusCode).toBe(200);
    expectExactly(response, VISIBLE[reader]);
  });
});

/** Routes about one person: their own visible details, and nobody's hidden ones. */
const PERSON_ROUTES: readonly [string, PersonId][] = PERSON_IDS.flatMap(
  (id): [string, PersonId][] => [
    [`/api/nodes/${id}`, id],
    [`/api/nodes/${id}/neighbourhood?depth=1`, id],
  ],
);

describe.each(PERSON_ROUTES)('%s', (url, person) => {
  it.each(READERS)('gives the %s what they may see of this person', async (reader) => {
    const response = await read(reader, url);
    expect(response.statusCode).toBe(200);
    const found = secretsIn(response, ALL_SECRETS);
    const own = VISIBLE[reader].filter((item) => item.person === person);
    expect(found).toEqual(expect.arrayContaining(values(own)));
    expect(found.filter((value) => values(hidden(reader)).includes(value))).toEqual([]);
  });
});

/**
 * Routes that name people (or the groups and meetings around them) but never carry a contact
 * detail: none may appear for a reader who is not an editor; the names show the route answered
 * about the seeded people.
 */
const ALL_NAMES = Object.values(PEOPLE);
const NAMING_ROUTES: readonly [string, readonly string[]][] = [
  ['/api/map', ALL_NAMES],
  ['/api/map?kind=person', ALL_NAMES],
  [`/api/map?focus=${HUB}&depth=1`, ALL_NAMES],
  [`/api/map?q=${SHARED_ROLE_WORD}`, ALL_NAMES],
  ['/api/map?asOf=2030-01-01&linkKind=WORKS_AT,ATTENDED', ALL_NAMES],
  ['/api/meetings', ['Spring breakfast', 'Autumn forum']],
  [`/api/meetings/${MEETING_1}`, [PEOPLE['person-bea'], PEOPLE['person-vic'], 'Bay Larder']],
  [`/api/meetings/${MEETING_2}`, [PEOPLE['person-cai'], PEOPLE['person-eve']]],
  [`/api/meetings/${MEETING_1}/suggestions`, []],
  ['/api/similar-nodes?name=Bea%20Barker', [PEOPLE['person-bea']]],
  ['/api/similar-nodes?name=Vic%20Vaughan&kind=person', [PEOPLE['person-vic']]],
  ['/api/insights', []],
  ['/api/insights/notConnected', []],
  ['/api/insights/islands', []],
  ['/api/insights/bridges', []],
  ['/api/insights/brokers', []],
  ['/api/insights/siloedThemes', []],
  ['/api/insights/introductions', []],
  [`/api/insights/introductions?for=${LARDER}`, []],
  ['/api/insights/introductions/dismissals', []],
  ['/api/insights/communities', []],
  ['/api/session', []],
];

describe.each(NAMING_ROUTES)('%s', (url, names) => {
  it.each(READERS)('carries no contact detail for the %s', async (reader) => {
    const response = await read(reader, url);
    expect(response.statusCode).toBe(200);
    const text = everythingIn(response);
    for (const name of names) expect(text).toContain(name);
    if (reader !== 'editor' && reader !== 'admin') {
      expect(secretsIn(response, ALL_SECRETS)).toEqual([]);
    }
  });
});

describe('search', () => {
  it.each(NOT_EDITORS)('finds no one by a contact detail the %s may not see', async (reader) => {
    for (const item of hidden(reader)) {
      const response = await read(reader, `/api/nodes?q=${encodeURIComponent(item.value)}`);
      expect(response.statusCode).toBe(200);
      expect(everythingIn(response), item.value).not.toContain(PEOPLE[item.person]);
    }
  });
});

describe('the attendee pack', () => {
  const formats = ['json', 'csv', 'html'];

  it.each(formats)(
    'in %s gives editors and the attendees exactly what each attendee agreed to share',
    async (format) => {
      for (const reader of ['editor', 'attendee'] as const) {
        const response = await read(
          reader,
          `/api/meetings/${MEETING_1}/attendee-pack?format=${format}`,
        );
        expect(response.statusCode, reader).toBe(200);
        expect(everythingIn(response)).toContain(PEOPLE['person-bea']);
        expectExactly(response, PACK_1_SHARED);
      }
    },
  );

  it.each(formats)(
    'in %s is refused, with no detail in the answer, to a viewer who did not attend and to anonymous',
    async (format) => {
      for (const [reader, status] of [
        ['viewer', 403],
        ['anonymous', 401],
      ] as const) {
        const response = await read(
          reader,
          `/api/meetings/${MEETING_1}/attendee-pack?format=${format}`,
        );
        expect(response.statusCode, reader).toBe(status);
        expect(ErrorBodySchema.parse(response.json()).statusCode).toBe(status);
        expectExactly(response, []);
      }
    },
  );

  it("of another meeting is refused to an attendee of a different one, with no one's details", async () => {
    const response = await read('attendee', `/api/meetings/${MEETING_2}/attendee-pack`);
    expect(response.statusCode).toBe(403);
    expectExactly(response, []);
    // The control: the same pack does carry what Cai and Eve shared.
    const editors = await read('editor', `/api/meetings/${MEETING_2}/attendee-pack`);
    expect(secretsIn(editors, ALL_SECRETS).length).toBe(4);
  });
});

describe('the audit log', () => {
  async function firstEntryOf(person: PersonId): Promise<number> {
    const page = await api.app.store.listAudit({ node: person, limit: 50 });
    const first = page.items.at(-1);
    if (!first) throw new Error(`no audit entry for ${person}`);
    return first.id;
  }

  it('shows the editor who wrote them every detail they wrote, and refuses others', async () => {
    const urls = ['/api/audit?limit=200', `/api/audit/${String(await firstEntryOf('person-ann'))}`];
    for (const url of urls) {
      const editors = await read('editor', url);
      expect(editors.statusCode, url).toBe(200);
      const expected = url.startsWith('/api/audit?') ? ALL_SECRETS : [ANN_EMAIL, ANN_PHONE];
      expect(secretsIn(editors, ALL_SECRETS).sort(), url).toEqual(values(expected));
      for (const [reader, status] of [
        ['attendee', 403],
        ['viewer', 403],
        ['anonymous', 401],
      ] as const) {
        const response = await read(reader, url);
        expect(response.statusCode, `${reader} ${url}`).toBe(status);
        expectExactly(response, []);
      }
    }
  });
});

describe('attendees-level details follow the attendee list', () => {
  it('stop reaching a viewer as soon as their person is taken off the meeting', async () => {
    const url = '/api/nodes/person-bea';
    const pack = `/api/meetings/${MEETING_1}/attendee-pack`;
    expect(secretsIn(await read('attendee', url), ALL_SECRETS).sort()).toEqual(
      values([BEA_EMAIL, BEA_PHONE]),
    );
    const removed = await api.request({
      method: 'DELETE',
      url: `/api/meetings/${MEETING_1}/attendees/person-vic`,
    });
    expect(removed.status).toBe(204);
    try {
      expectExactly(await read('attendee', url), []);
      const refused = await read('attendee', pack);
      expect(refused.statusCode).toBe(403);
      expectExactly(refused, []);
    } finally {
      const restored = await api.request({
        method: 'PUT',
        url: `/api/meetings/${MEETING_1}/attendees/person-vic`,
        payload: { shareEmail: false, sharePhone: true },
      });
      expect(restored.status).toBe(201);
    }
  });
});

/**
 * Who recorded what (issue 15): an attendee's consent decision, the user who recorded it, who
 * added a link and who dismissed a suggestion are for editors. Everything the editor wrote above
 * carries the editor's user id; no route or export may hand it, or a consent flag, to anyone else.
 */
describe('consent and who recorded it', () => {
  let editorId = '';
  let attendedLink = '';

  beforeAll(async () => {
    editorId = (await api.user('editor')).id;
    const attended = (await api.app.store.snapshot()).links.find(
      (link) => link.kind === 'ATTENDED' && link.source === 'person-bea',
    );
    if (!attended) throw new Error('Bea attended no meeting');
    attendedLink = attended.id;
    const formed = await api.request({
      method: 'POST',
      url: `/api/meetings/${MEETING_1}/links`,
      payload: { links: [{ source: LARDER, target: HUB, kind: 'MEMBER_OF' }] },
    });
    expect(formed.status, JSON.stringify(formed.body)).toBe(201);
    const dismissed = await api.request({
      method: 'POST',
      url: '/api/insights/introductions/dismissals',
      payload: { a: HUB, b: LARDER },
    });
    expect(dismissed.status, JSON.stringify(dismissed.body)).toBe(201);
  });

  const routes = (): string[] => [
    `/api/links/${attendedLink}`,
    ...EVERYONE_ROUTES.map(([, url]) => url),
    ...NAMING_ROUTES.map(([url]) => url),
    `/api/nodes/${MEETING_1}/neighbourhood?depth=1`,
    `/api/export?format=json&kind=person,meeting`,
  ];

  it.each(NOT_EDITORS)('reach the %s through no route or export', async (reader) => {
    for (const url of routes()) {
      const response = await read(reader, url);
      expect(response.statusCode, url).toBe(200);
      const text = everythingIn(response);
      expect(text, url).not.toContain(editorId);
      for (const key of ['shareEmail', 'sharePhone', 'recordedBy']) {
        expect(text, `${url} ${key}`).not.toContain(key);
      }
    }
  });

  it.each(NOT_EDITORS)(
    'leave the Shares email and Shares phone columns empty for the %s',
    async (reader) => {
      const response = await read(reader, '/api/export?format=csv');
      const connections = connectionsCsv(response);
      expect(connections.length).toBeGreaterThan(5);
      expect(connections.map((row) => [row['Shares email'], row['Shares phone']])).toEqual(
        connections.map(() => ['', '']),
      );
    },
  );

  it('reach editors: the link, the export columns, the meeting and the dismissal', async () => {
    const link = await read('editor', `/api/links/${attendedLink}`);
    expect(link.json()).toMatchObject({
      createdBy: editorId,
      consent: { shareEmail: true, sharePhone: false, recordedBy: editorId },
    });
    const bea = connectionsCsv(await read('editor', '/api/export?format=csv')).find(
      (row) => row.From === 'person-bea' && row.Type === 'attended',
    );
    expect([bea?.['Shares email'], bea?.['Shares phone']]).toEqual(['yes', 'no']);
    for (const url of [
      `/api/meetings/${MEETING_1}`,
      '/api/insights/introductions/dismissals',
      `/api/nodes/${HUB}/neighbourhood?depth=1`,
      '/api/export?format=json',
    ]) {
      expect(everythingIn(await read('admin', url)), url).toContain(editorId);
    }
  });
});

/** The rows of connections.csv in a CSV export, by header. */
function connectionsCsv(response: LightMyRequestResponse): Record<string, string>[] {
  const files = unzipSync(new Uint8Array(response.rawPayload));
  const csv = files['connections.csv'];
  if (!csv) throw new Error('no connections.csv in the export');
  return Papa.parse<Record<string, string>>(strFromU8(csv).replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
}
