/**
 * /api/meetings over the real app and a temp-dir store: the attendee pack honours each person's
 * consent in every format (checked in the raw bytes), the bulk link endpoint is all or nothing
 * and never duplicates a link, attendees and their consent, suggestions among attendees, and
 * "did you mean …?" names.
 */
import {
  AttendeePackSchema,
  AttendeeSchema,
  ErrorBodySchema,
  LinkSchema,
  MeetingDetailsSchema,
  MeetingLinksResultSchema,
  MeetingListSchema,
  MeetingSuggestionsSchema,
  SimilarNodesSchema,
} from '@octograph/graph-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let api: TestApp;

const ANN_EMAIL = 'ann.shared@example.org';
const ANN_PHONE = '+44 7700 900101';
const BOB_EMAIL = 'bob.private@example.org';
const BOB_PHONE = '+44 7700 900202';

beforeEach(async () => {
  api = await startTestApp();
  await api.app.store.applyBatch([
    ...[
      organisation('org-a', 'Alpha Larder'),
      organisation('org-b', 'Bravo Befriending'),
      organisation('org-c', 'Charlie Café', 'social_enterprise'),
      organisation('org-x', 'Xray Stayed Home'),
      organisation('org-y', 'Yankee Youth Club'),
    ].map((node) => ({ op: 'createNode' as const, node })),
    {
      op: 'createNode',
      node: {
        kind: 'person',
        id: 'person-ann',
        name: 'Ann Archer',
        role: 'Coordinator',
        email: { value: ANN_EMAIL, visibility: 'attendees' },
        phone: { value: ANN_PHONE, visibility: 'attendees' },
      },
    },
    {
      op: 'createNode',
      node: {
        kind: 'person',
        id: 'person-bob',
        name: 'Bob Baker',
        role: 'Volunteer',
        email: { value: BOB_EMAIL, visibility: 'public' },
        phone: { value: BOB_PHONE, visibility: 'network' },
      },
    },
    {
      op: 'createNode',
      node: {
        kind: 'meeting',
        id: 'meet-1',
        name: 'Spring networking breakfast',
        date: '2024-05-10',
        venue: 'Harbourside Hall',
        organiser: 'Kingsmouth CVS',
      },
    },
    { op: 'createNode', node: { kind: 'theme', id: 'theme-food', name: 'Food' } },
    { op: 'createLink', link: link('l-ab', 'COLLABORATES_WITH', 'org-a', 'org-b') },
    { op: 'createLink', link: link('l-ann-c', 'WORKS_AT', 'person-ann', 'org-c') },
    { op: 'createLink', link: link('l-bob-b', 'VOLUNTEERS_AT', 'person-bob', 'org-b') },
    { op: 'createLink', link: link('l-a-food', 'FOCUSES_ON', 'org-a', 'theme-food') },
    { op: 'createLink', link: link('l-c-food', 'FOCUSES_ON', 'org-c', 'theme-food') },
  ]);
  for (const [nodeId, body] of [
    ['org-a', {}],
    ['person-ann', { shareEmail: true }],
    ['person-bob', {}],
  ] as const) {
    const { status } = await put(`/api/meetings/meet-1/attendees/${nodeId}`, body);
    expect(status).toBe(201);
  }
});

afterEach(async () => {
  await api.close();
});

async function put(url: string, payload: object): Promise<{ status: number; body: unknown }> {
  return api.request({ method: 'PUT', url, payload });
}

async function post(url: string, payload: object): Promise<{ status: number; body: unknown }> {
  return api.request({ method: 'POST', url, payload });
}

async function get(url: string): Promise<{ status: number; body: unknown }> {
  return api.request({ method: 'GET', url });
}

/** The raw bytes of a response, as a string. */
async function rawBody(url: string): Promise<{ status: number; type: string; text: string }> {
  const response = await api.inject({ method: 'GET', url });
  return {
    status: response.statusCode,
    type: String(response.headers['content-type']),
    text: response.rawPayload.toString('utf8'),
  };
}

describe('the attendee pack', () => {
  it('gives name, role and organisation for everyone and only the contact details each person agreed to share', async () => {
    const { status, body } = await get('/api/meetings/meet-1/attendee-pack');
    expect(status).toBe(200);
    const pack = AttendeePackSchema.parse(body);
    expect(pack.meeting).toEqual({
      id: 'meet-1',
      name: 'Spring networking breakfast',
      date: '2024-05-10',
      venue: 'Harbourside Hall',
      organiser: 'Kingsmouth CVS',
    });
    expect(pack.attendees).toEqual([
      {
        name: 'Alpha Larder',
        kind: 'organisation',
        role: null,
        organisations: ['Alpha Larder'],
        email: null,
        phone: null,
      },
      {
        name: 'Ann Archer',
        kind: 'person',
        role: 'Coordinator',
        organisations: ['Charlie Café'],
        email: ANN_EMAIL,
        phone: null,
      },
      {
        name: 'Bob Baker',
        kind: 'person',
        role: 'Volunteer',
        organisations: ['Bravo Befriending'],
        email: null,
        phone: null,
      },
    ]);
  });

  it.each([
    { format: 'json', type: 'application/json' },
    { format: 'csv', type: 'text/csv' },
    { format: 'html', type: 'text/html' },
  ])(
    'never carries an unconsented detail in its $format bytes, even one the person made public',
    async ({ format, type }) => {
      const {
        status,
        type: contentType,
        text,
      } = await rawBody(`/api/meetings/meet-1/attendee-pack?format=${format}`);
      expect(status).toBe(200);
      expect(contentType).toContain(type);
      for (const name of ['Alpha Larder', 'Ann Archer', 'Bob Baker', 'Bravo Befriending']) {
        expect(text).toContain(name);
      }
      expect(text).toContain(ANN_EMAIL);
      for (const secret of [ANN_PHONE, BOB_EMAIL, BOB_PHONE, 'bob.private', '900202', '900101']) {
        expect(text).not.toContain(secret);
      }
    },
  );

  it('shares a detail as soon as the person agrees, and stops when they withdraw', async () => {
    const agreed = await put('/api/meetings/meet-1/attendees/person-bob', {
      shareEmail: true,
      sharePhone: true,
    });
    expect(agreed.status).toBe(200);
    expect(AttendeeSchema.parse(agreed.body).consent).toMatchObject({
      shareEmail: true,
      sharePhone: true,
      // Recorded by the signed-in editor who took the consent.
      recordedBy: (await api.user('editor')).id,
    });
    // The meeting screen names who recorded it.
    const details = MeetingDetailsSchema.parse((await get('/api/meetings/meet-1')).body);
    expect(details.recorders).toEqual({ [(await api.user('editor')).id]: 'Test editor' });
    expect((await rawBody('/api/meetings/meet-1/attendee-pack?format=csv')).text).toContain(
      BOB_PHONE,
    );
    await put('/api/meetings/meet-1/attendees/person-bob', {
      shareEmail: false,
      sharePhone: false,
    });
    const { text } = await rawBody('/api/meetings/meet-1/attendee-pack?format=html');
    expect(text).not.toContain(BOB_EMAIL);
    expect(text).not.toContain(BOB_PHONE);
  });

  it('writes CSV a spreadsheet will not run as a formula, and HTML that shows names as text', async () => {
    await api.app.store.createNode(organisation('org-evil', '=HYPERLINK("http://x","<b>hi</b>")'));
    await put('/api/meetings/meet-1/attendees/org-evil', {});
    const csv = (await rawBody('/api/meetings/meet-1/attendee-pack?format=csv')).text;
    expect(csv.split('\r\n')[0]).toBe('Name,Attended as,Role,Organisation,Email,Phone');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""<b>hi</b>"")"`);
    const html = (await rawBody('/api/meetings/meet-1/attendee-pack?format=html')).text;
    expect(html).toContain('&lt;b&gt;hi&lt;/b&gt;');
    expect(html).not.toContain('<b>hi</b>');
  });

  it('answers 404 for an unknown meeting and for a node that is not a meeting, 400 for an unknown format', async () => {
    for (const url of [
      '/api/meetings/meet-zzz/attendee-pack',
      '/api/meetings/org-a/attendee-pack',
    ]) {
      const { status, body } = await get(url);
      expect(status, url).toBe(404);
      expect(ErrorBodySchema.parse(body).message).toContain('meeting');
    }
    const { status, body } = await get('/api/meetings/meet-1/attendee-pack?format=pdf');
    expect(status).toBe(400);
    expect(ErrorBodySchema.parse(body).issues.map((issue) => issue.path)).toEqual(['query.format']);
  });
});

describe('POST /api/meetings/:id/links', () => {
  it('adds every link with the meeting, its date and the defaults', async () => {
    const { status, body } = await post('/api/meetings/meet-1/links', {
      links: [
        { source: 'org-a', target: 'org-c', notes: 'Surplus bread on Fridays' },
        { source: 'person-ann', target: 'org-a', kind: 'VOLUNTEERS_AT', strength: 2 },
      ],
    });
    expect(status).toBe(201);
    const result = MeetingLinksResultSchema.parse(body);
    expect(result.existing).toEqual([]);
    expect(
      result.created.map(({ kind, source, target, since, meetingId, notes, strength }) => ({
        kind,
        source,
        target,
        since,
        meetingId,
        notes,
        strength,
      })),
    ).toEqual([
      {
        kind: 'COLLABORATES_WITH',
        source: 'org-a',
        target: 'org-c',
        since: '2024-05-10',
        meetingId: 'meet-1',
        notes: 'Surplus bread on Fridays',
        strength: 1,
      },
      {
        kind: 'VOLUNTEERS_AT',
        source: 'person-ann',
        target: 'org-a',
        since: '2024-05-10',
        meetingId: 'meet-1',
        notes: '',
        strength: 2,
      },
    ]);
    for (const created of result.created) {
      expect(await api.app.store.getLink(created.id)).toEqual(created);
    }
    const details = MeetingDetailsSchema.parse((await get('/api/meetings/meet-1')).body);
    expect(details.links.map((formed) => formed.id).sort()).toEqual(
      result.created.map((created) => created.id).sort(),
    );
  });

  it('writes nothing when one row is bad, and names every bad row by index and reason', async () => {
    const before = await api.app.store.snapshot();
    const { status, body } = await post('/api/meetings/meet-1/links', {
      links: [
        { source: 'org-a', target: 'org-c' },
        { source: 'org-a' },
        { source: 'org-x', target: 'org-y' },
        { source: 'org-a', target: 'org-ghost' },
        { source: 'org-c', target: 'org-a', kind: 'FUNDS', collaborationType: 'referral' },
        { source: 'org-a', target: 'person-ann', kind: 'WORKS_AT' },
        { source: 'org-c', target: 'org-a' },
        { source: 'org-a', target: 'org-a' },
        { source: 'org-a', target: 'org-c', colour: 'red' },
        { source: 'org-a', target: 'theme-food', kind: 'FOCUSES_ON' },
      ],
    });
    expect(status).toBe(400);
    const error = ErrorBodySchema.parse(body);
    const byPath = Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
    expect(byPath).toEqual({
      'body.links[1].target': 'is required',
      'body.links[2].target':
        "neither 'Xray Stayed Home' nor 'Yankee Youth Club' was at this meeting; add one of them to the attendees first",
      'body.links[3].target': "no node with id 'org-ghost'",
      'body.links[4].collaborationType':
        'only COLLABORATES_WITH links have a collaborationType, not FUNDS',
      'body.links[5].kind': expect.stringContaining('a WORKS_AT link cannot go from') as unknown,
      'body.links[6].target': 'repeats links[0]',
      'body.links[7].target': 'must differ from source',
      'body.links[8].colour': 'is not a known field',
      'body.links[9].target':
        'a link made at a meeting joins people and organisations, not a theme',
    });
    expect(error.message).toContain('9 of 10 links cannot be added, so none was');
    expect(await api.app.store.snapshot()).toEqual(before);
  });

  it('joins an attendee with someone who was not at the meeting, and lists them with the meeting', async () => {
    const { status, body } = await post('/api/meetings/meet-1/links', {
      links: [
        { source: 'org-x', target: 'org-a' },
        { source: 'org-c', target: 'org-y', kind: 'FUNDS' },
      ],
    });
    expect(status).toBe(201);
    const result = MeetingLinksResultSchema.parse(body);
    expect(
      result.created.map(({ kind, source, target, meetingId, since }) => ({
        kind,
        source,
        target,
        meetingId,
        since,
      })),
    ).toEqual([
      {
        kind: 'COLLABORATES_WITH',
        source: 'org-x',
        target: 'org-a',
        meetingId: 'meet-1',
        since: '2024-05-10',
      },
      {
        kind: 'FUNDS',
        source: 'org-c',
        target: 'org-y',
        meetingId: 'meet-1',
        since: '2024-05-10',
      },
    ]);

    const details = MeetingDetailsSchema.parse((await get('/api/meetings/meet-1')).body);
    expect(details.links.map((formed) => formed.id).sort()).toEqual(
      result.created.map((created) => created.id).sort(),
    );
    expect(details.others).toEqual([
      { id: 'org-x', name: 'Xray Stayed Home', kind: 'organisation', orgKind: 'charity' },
      { id: 'org-y', name: 'Yankee Youth Club', kind: 'organisation', orgKind: 'charity' },
    ]);
    // Not on the meeting's side: an outside end does not make anyone linkable.
    expect(details.linkable.map((node) => node.id)).not.toContain('org-x');

    const again = MeetingLinksResultSchema.parse(
      (await post('/api/meetings/meet-1/links', { links: [{ source: 'org-a', target: 'org-x' }] }))
        .body,
    );
    expect(again.created).toEqual([]);
    expect(again.existing[0]?.link.id).toBe(result.created[0]?.id);
  });

  it('still checks the link rules for an end who was not at the meeting', async () => {
    const before = await api.app.store.snapshot();
    const { status, body } = await post('/api/meetings/meet-1/links', {
      links: [{ source: 'org-x', target: 'person-ann', kind: 'WORKS_AT' }],
    });
    expect(status).toBe(400);
    expect(ErrorBodySchema.parse(body).issues.map((issue) => issue.path)).toEqual([
      'body.links[0].kind',
    ]);
    expect(await api.app.store.snapshot()).toEqual(before);
  });

  it('reports a link that already exists, either way round, instead of adding it again', async () => {
    const before = await api.app.store.snapshot();
    const { status, body } = await post('/api/meetings/meet-1/links', {
      links: [{ source: 'org-b', target: 'org-a' }],
    });
    expect(status).toBe(200);
    const result = MeetingLinksResultSchema.parse(body);
    expect(result.created).toEqual([]);
    expect(result.existing.map(({ index, link: found }) => [index, found.id])).toEqual([
      [0, 'l-ab'],
    ]);
    expect(await api.app.store.snapshot()).toEqual(before);

    const mixed = MeetingLinksResultSchema.parse(
      (
        await post('/api/meetings/meet-1/links', {
          links: [
            { source: 'org-a', target: 'org-c' },
            { source: 'org-a', target: 'org-b' },
          ],
        })
      ).body,
    );
    expect(mixed.created.map((created) => [created.source, created.target])).toEqual([
      ['org-a', 'org-c'],
    ]);
    const again = MeetingLinksResultSchema.parse(
      (await post('/api/meetings/meet-1/links', { links: [{ source: 'org-c', target: 'org-a' }] }))
        .body,
    );
    expect(again.created).toEqual([]);
    expect(again.existing[0]?.link).toEqual(mixed.created[0]);
    const collaborations = (await api.app.store.snapshot()).links.filter(
      (stored) => stored.kind === 'COLLABORATES_WITH',
    );
    expect(collaborations).toHaveLength(2);
  });

  it('refuses an empty list, too many rows, and an unknown meeting', async () => {
    const empty = await post('/api/meetings/meet-1/links', { links: [] });
    expect(empty.status).toBe(400);
    expect(ErrorBodySchema.parse(empty.body).issues[0]?.path).toBe('body.links');
    const tooMany = await post('/api/meetings/meet-1/links', {
      links: Array.from({ length: 501 }, () => ({ source: 'org-a', target: 'org-c' })),
    });
    expect(tooMany.status).toBe(400);
    const unknown = await post('/api/meetings/meet-zzz/links', {
      links: [{ source: 'org-a', target: 'org-c' }],
    });
    expect(unknown.status).toBe(404);
    expect(ErrorBodySchema.parse(unknown.body).message).toBe("no meeting with id 'meet-zzz'");
  });
});

describe('attendees', () => {
  it('lists who came with their organisations and consent, and what links may join', async () => {
    const details = MeetingDetailsSchema.parse((await get('/api/meetings/meet-1')).body);
    expect(
      details.attendees.map(({ id, organisations, consent }) => [
        id,
        organisations.map((org) => org.id),
        consent && [consent.shareEmail, consent.sharePhone],
      ]),
    ).toEqual([
      ['org-a', ['org-a'], null],
      ['person-ann', ['org-c'], [true, false]],
      ['person-bob', ['org-b'], [false, false]],
    ]);
    expect(details.linkable.map((node) => node.id)).toEqual([
      'org-a',
      'person-ann',
      'person-bob',
      'org-b',
      'org-c',
    ]);
  });

  it('records consent with when it was recorded, and changes only what the body names', async () => {
    const before = AttendeeSchema.parse(
      (await put('/api/meetings/meet-1/attendees/person-ann', { sharePhone: true })).body,
    );
    // Ann agreed to share her e-mail when she was added; that stays.
    expect(before.consent).toMatchObject({ shareEmail: true, sharePhone: true });
    const withdrawn = AttendeeSchema.parse(
      (await put('/api/meetings/meet-1/attendees/person-ann', { shareEmail: false })).body,
    );
    expect(withdrawn.consent).toMatchObject({ shareEmail: false, sharePhone: true });
    expect(Date.parse(before.consent?.recordedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses a theme, an organisation sharing an e-mail and an unknown node; removes and re-adds', async () => {
    const theme = await put('/api/meetings/meet-1/attendees/theme-food', {});
    expect(theme.status).toBe(400);
    const organisationConsent = await put('/api/meetings/meet-1/attendees/org-b', {
      shareEmail: true,
    });
    expect(organisationConsent.status).toBe(400);
    expect(ErrorBodySchema.parse(organisationConsent.body).issues[0]?.path).toBe('body.shareEmail');
    expect((await put('/api/meetings/meet-1/attendees/org-ghost', {})).status).toBe(404);

    const removed = await api.request({
      method: 'DELETE',
      url: '/api/meetings/meet-1/attendees/org-a',
    });
    expect(removed.status).toBe(204);
    const again = await api.request({
      method: 'DELETE',
      url: '/api/meetings/meet-1/attendees/org-a',
    });
    expect(again.status).toBe(404);
    expect(ErrorBodySchema.parse(again.body).message).toBe(
      "'org-a' is not an attendee of meeting 'meet-1'",
    );
    const details = MeetingDetailsSchema.parse((await get('/api/meetings/meet-1')).body);
    expect(details.attendees.map((attendee) => attendee.id)).toEqual(['person-ann', 'person-bob']);
  });

  it('lists meetings, the latest first', async () => {
    await api.app.store.createNode({
      kind: 'meeting',
      id: 'meet-0',
      name: 'Winter forum',
      date: '2023-12-01',
    });
    const list = MeetingListSchema.parse((await get('/api/meetings')).body);
    expect(list.items.map((meeting) => meeting.id)).toEqual(['meet-1', 'meet-0']);
  });
});

describe('GET /api/meetings/:id/suggestions', () => {
  it('suggests attendee organisations not linked yet, with their reasons', async () => {
    const { status, body } = await get('/api/meetings/meet-1/suggestions');
    expect(status).toBe(200);
    const suggestions = MeetingSuggestionsSchema.parse(body);
    // Alpha and Charlie (Ann's workplace) both work on food; Alpha and Bravo already collaborate.
    expect(
      suggestions.items.map((item) => [item.a.id, item.b.id, item.reasons.map((r) => r.type)]),
    ).toEqual([['org-a', 'org-c', ['sharedThemes']]]);
    await post('/api/meetings/meet-1/links', { links: [{ source: 'org-a', target: 'org-c' }] });
    const after = MeetingSuggestionsSchema.parse(
      (await get('/api/meetings/meet-1/suggestions')).body,
    );
    expect(after.items.map((item) => `${item.a.id}–${item.b.id}`)).not.toContain('org-a–org-c');
  });
});

describe('GET /api/similar-nodes', () => {
  it.each([
    ['alpha larder', 'Alpha Larder'],
    ['Larder, Alpha', 'Alpha Larder'],
    ['Alpha Lader', 'Alpha Larder'],
    ['CHARLIE CAFE', 'Charlie Café'],
  ])('finds %s as %s', async (name, expected) => {
    const { status, body } = await get(`/api/similar-nodes?name=${encodeURIComponent(name)}`);
    expect(status).toBe(200);
    expect(SimilarNodesSchema.parse(body).items[0]?.name).toBe(expected);
  });

  it('finds nothing for a new name, filters by kind, and refuses an empty name', async () => {
    const none = SimilarNodesSchema.parse(
      (await get('/api/similar-nodes?name=Zebra%20Crossing')).body,
    );
    expect(none.items).toEqual([]);
    const people = SimilarNodesSchema.parse(
      (await get('/api/similar-nodes?name=Alpha%20Larder&kind=person')).body,
    );
    expect(people.items).toEqual([]);
    const empty = await get('/api/similar-nodes?name=%20');
    expect(empty.status).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the meeting routes', async () => {
    const { body } = await get('/docs/json');
    const paths = (body as { paths: Record<string, Record<string, unknown>> }).paths;
    expect(Object.keys(paths['/api/meetings/{id}/links'] ?? {})).toEqual(['post']);
    expect(Object.keys(paths['/api/meetings/{id}/attendees/{nodeId}'] ?? {}).sort()).toEqual([
      'delete',
      'put',
    ]);
    expect(Object.keys(paths['/api/meetings/{id}/attendee-pack'] ?? {})).toEqual(['get']);
  });
});

// A reminder for whoever edits LinkSchema: links made at a meeting are ordinary links.
it('returns links that fit LinkSchema', async () => {
  const result = MeetingLinksResultSchema.parse(
    (await post('/api/meetings/meet-1/links', { links: [{ source: 'org-a', target: 'org-c' }] }))
      .body,
  );
  for (const created of result.created) LinkSchema.parse(created);
});
