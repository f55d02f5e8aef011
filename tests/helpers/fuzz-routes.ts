/**
 * One generator of bad requests per API route, for the fuzz test (tests/api/fuzz.test.ts), keyed
 * as the OpenAPI document names the route (`PATCH /api/nodes/{id}`). Each builds on what the
 * route's schema in graph-schema accepts and breaks one thing, so every request is invalid by
 * construction: a field, a query parameter or a path segment, or the body as a whole (not JSON,
 * too deep, too big, invalid UTF-8, the wrong content type). A path segment is either malformed
 * (400), or well-formed but unknown (404); a request naming something that exists always has a
 * broken body, so no generated request may ever write.
 */
import {
  COLLABORATION_TYPES,
  LANGUAGES,
  LINK_KINDS,
  NODE_KINDS,
  NODE_STATUSES,
  ORGANISATION_KINDS,
  ORGANISATION_STATUSES,
  PARTNER_ROLES,
  ROLES,
  type Role,
} from '@octograph/graph-schema';
import fc from 'fast-check';
import {
  badBody,
  badId,
  badValue,
  badQuery,
  badRawSegment,
  goodValue,
  INJECTIONS,
  queryText,
  segment,
  unknownId,
  unreadableBody,
  type BadBody,
  type BodyShape,
  type Json,
  type JsonObject,
  type QuerySpec,
  type QueryValue,
} from './fuzz-bad-input.js';
import { multipart } from './multipart.js';

/** What exists in the store the fuzz test runs over (so a broken body can name it). */
export interface FuzzWorld {
  /** Three organisations; the first two are linked. */
  organisations: readonly [string, string, string];
  personId: string;
  meetingId: string;
  linkId: string;
  /** Users a request may name (not the callers: a wrongly accepted change must not lock them out). */
  userIds: readonly string[];
  /** A pending invitation's token. */
  invitationToken: string;
}

export type FuzzMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One generated request and what makes it bad. */
export interface BadRequest {
  method: FuzzMethod;
  url: string;
  contentType?: string | undefined;
  payload?: string | Buffer;
  why: string;
}

/** How one route is fuzzed. */
export interface RouteFuzz {
  /** Who sends most of its requests: the weakest role the route lets through to validation. */
  caller: Role;
  /**
   * The route reads nothing from the request (no path, query or body): junk sent along cannot
   * make it bad, so the test checks the junk is ignored instead.
   */
  readsNothing?: true;
  requests: (world: FuzzWorld) => fc.Arbitrary<BadRequest>;
}

/** The segments of a route's path parameters, in order, already percent-encoded. */
interface PathParams {
  /** Segments naming things that exist. */
  existing: fc.Arbitrary<string[]>;
  /** Well-formed segments naming nothing (404). */
  unknown: fc.Arbitrary<string[]>;
  /** Segments of which at least one is malformed (400, or 414 when far too long). */
  bad: fc.Arbitrary<string[]>;
}

/** Path parameters that are ids (nodes, links, meetings, users). */
function idParams(existing: fc.Arbitrary<string[]>, count: number): PathParams {
  const unknown = fc.array(unknownId.map(segment), { minLength: count, maxLength: count });
  return {
    existing: existing.map((ids) => ids.map(segment)),
    unknown,
    bad: fc
      .tuple(unknown, fc.integer({ min: 0, max: count - 1 }), badRawSegment)
      .map(([segments, index, bad]) => segments.map((value, at) => (at === index ? bad : value))),
  };
}

const auditIdParams: PathParams = {
  existing: fc.constant(['1']),
  unknown: fc.integer({ min: 100_000_000, max: 999_999_999 }).map((id) => [String(id)]),
  bad: fc
    .oneof(
      fc.constantFrom('0', '-1', '1.5', '1e3', '0x10', '9999999999', 'NaN', ' 1'),
      badRawSegment,
    )
    .map((value) => [value === ' 1' ? segment(value) : value]),
};

function tokenParams(token: string): PathParams {
  return {
    existing: fc.constant([token]),
    unknown: fc.stringMatching(/^[A-Za-z0-9_-]{20,100}$/).map((value) => [value]),
    bad: fc
      .oneof(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,19}$/),
        fc.stringMatching(/^[A-Za-z0-9_-]{101,200}$/),
        fc.constantFrom(...INJECTIONS).map(segment),
        badRawSegment,
      )
      .map((value) => [value]),
  };
}

function json(body: Json): BadBody {
  return { payload: JSON.stringify(body), contentType: 'application/json', why: 'valid body' };
}

function withPath(
  method: FuzzMethod,
  path: (segments: string[]) => string,
): (segments: string[], body: BadBody | null, why: string) => BadRequest {
  return (segments, body, why) => ({
    method,
    url: path(segments),
    ...(body ? { payload: body.payload, contentType: body.contentType } : {}),
    why: body && body.why !== 'valid body' ? `${why}; ${body.why}` : why,
  });
}

/**
 * A route with a JSON body: a broken body (to something that exists, when it has path
 * parameters), or a valid body to a malformed or unknown path.
 */
function bodyRoute(
  method: FuzzMethod,
  path: (segments: string[]) => string,
  params: PathParams | null,
  valid: fc.Arbitrary<JsonObject>,
  broken: fc.Arbitrary<BadBody>,
): fc.Arbitrary<BadRequest> {
  const request = withPath(method, path);
  if (!params) return broken.map((body) => request([], body, 'body'));
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(params.existing, broken)
        .map(([at, body]) => request(at, body, 'existing path')),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(params.bad, valid)
        .map(([at, body]) => request(at, json(body), 'malformed path')),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(params.unknown, valid)
        .map(([at, body]) => request(at, json(body), 'unknown path')),
    },
  );
}

/** Bodies a route without a body refuses (non-empty, so they are always read and refused). */
const junkBody = unreadableBody(fc.constant({ a: 1 })).filter((body) => body.payload.length > 0);

/**
 * A route whose only input is its path: a malformed or unknown path, or (for a write, where a
 * body is read) something that exists with an unreadable body.
 */
function pathRoute(
  method: FuzzMethod,
  path: (segments: string[]) => string,
  params: PathParams,
): fc.Arbitrary<BadRequest> {
  const request = withPath(method, path);
  const options = [
    fc.tuple(params.bad).map(([at]) => request(at, null, 'malformed path')),
    fc.tuple(params.unknown).map(([at]) => request(at, null, 'unknown path')),
  ];
  if (method !== 'GET') {
    options.push(
      fc.tuple(params.existing, junkBody).map(([at, body]) => request(at, body, 'existing path')),
    );
  }
  return fc.oneof(...options);
}

/** A GET route with a query (and maybe path parameters). */
function queryRoute(
  path: (segments: string[]) => string,
  params: PathParams | null,
  valid: fc.Arbitrary<Record<string, QueryValue>>,
  specs: Readonly<Record<string, QuerySpec>>,
  options: { strict: boolean } = { strict: false },
): fc.Arbitrary<BadRequest> {
  const request = (at: string[], query: Record<string, QueryValue>, why: string): BadRequest => ({
    method: 'GET',
    url: `${path(at)}${queryText(query)}`,
    why,
  });
  const broken = fc
    .tuple(params ? params.existing : fc.constant<string[]>([]), badQuery(valid, specs, options))
    .map(([at, { query, why }]) => request(at, query, why));
  if (!params) return broken;
  return fc.oneof(
    { weight: 4, arbitrary: broken },
    {
      weight: 1,
      arbitrary: fc
        .tuple(params.bad, valid)
        .map(([at, query]) => request(at, query, 'malformed path')),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(params.unknown, valid)
        .map(([at, query]) => request(at, query, 'unknown path')),
    },
  );
}

/** A valid body of `shape`: `fixed` values, every other required field, some optional ones. */
function validBody(
  shape: BodyShape,
  fixed: JsonObject,
  optional: readonly string[] = [],
): fc.Arbitrary<JsonObject> {
  const generated = [...shape.required, ...optional].filter((name) => !(name in fixed));
  const model: Record<string, fc.Arbitrary<Json>> = {};
  for (const name of generated) {
    const spec = shape.fields[name];
    if (!spec) throw new Error(`no field ${name} in the shape`);
    model[name] = goodValue(spec);
  }
  const requiredKeys = shape.required.filter((name) => !(name in fixed));
  return fc.record(model, { requiredKeys }).map((body) => ({ ...fixed, ...body }));
}

// ---- Field shapes (graph-schema) ----

const name = { type: 'string', min: 1, max: 200, trimmed: true } as const;
const text = { type: 'string', min: 0, max: 10_000 } as const;
const tag = { type: 'string', min: 1, max: 100, trimmed: true } as const;
const password = { type: 'string', min: 10, max: 200 } as const;

const organisationShape: BodyShape = {
  fields: {
    kind: { type: 'enum', values: ['organisation'] },
    id: { type: 'id' },
    name,
    orgKind: { type: 'enum', values: ORGANISATION_KINDS },
    description: text,
    website: { type: 'url', nullable: true },
    values: { type: 'list', item: tag, max: 50 },
    offers: { type: 'list', item: tag, max: 50 },
    status: { type: 'enum', values: ORGANISATION_STATUSES },
    founded: { type: 'int', min: 1000, max: 2100, nullable: true },
    since: { type: 'date', nullable: true },
    until: { type: 'date', nullable: true },
  },
  required: ['kind', 'name', 'orgKind'],
};
const validOrganisation = validBody(organisationShape, { kind: 'organisation' }, [
  'description',
  'website',
  'values',
  'status',
  'founded',
  'since',
]);

const meetingShape: BodyShape = {
  fields: {
    kind: { type: 'enum', values: ['meeting'] },
    name,
    date: { type: 'date' },
    venue: { type: 'string', min: 0, max: 200, nullable: true },
    notes: text,
  },
  required: ['kind', 'name', 'date'],
};
const validMeeting = validBody(meetingShape, { kind: 'meeting' }, ['venue', 'notes']);

const organisationPatchShape: BodyShape = { ...organisationShape, required: ['kind'] };

function linkShape(): BodyShape {
  return {
    fields: {
      id: { type: 'id' },
      kind: { type: 'enum', values: LINK_KINDS },
      source: { type: 'id' },
      target: { type: 'id' },
      since: { type: 'date' },
      until: { type: 'date', nullable: true },
      strength: { type: 'int', min: 1, max: 3 },
      notes: text,
      meetingId: { type: 'id', nullable: true },
      collaborationType: { type: 'enum', values: COLLABORATION_TYPES, nullable: true },
      role: { type: 'enum', values: PARTNER_ROLES, nullable: true },
      consent: {
        type: 'custom',
        bad: fc.constantFrom<Json>(
          { shareEmail: 'yes', sharePhone: false },
          { shareEmail: true },
          [],
        ),
        nullable: true,
      },
    },
    required: ['kind', 'source', 'target'],
  };
}

const linkPatchShape = (): BodyShape => {
  const { fields } = linkShape();
  const { id: _id, kind: _kind, source: _source, target: _target, ...editable } = fields;
  return { fields: editable, required: [] };
};

/** An organisation create body with one field broken, to nest in a batch op. */
const brokenOrganisation = fc
  .tuple(validOrganisation, fc.constantFrom('name', 'orgKind', 'founded', 'website', 'since'))
  .chain(([body, field]) => {
    const spec = organisationShape.fields[field];
    if (!spec) throw new Error(`no field ${field}`);
    return badValue(spec).map((bad) => ({ ...body, [field]: bad }));
  });

/** The route table. */
export const ROUTE_FUZZ: Readonly<Record<string, RouteFuzz>> = {
  'GET /api/health': {
    caller: 'editor',
    readsNothing: true,
    requests: () => fc.constant({ method: 'GET', url: '/api/health', why: '' }),
  },
  'GET /api/events': {
    caller: 'editor',
    requests: () =>
      fc.oneof(
        fc
          .string({ maxLength: 12 })
          .filter((value) => value !== 'true' && value !== 'false')
          .map((value) => ({
            method: 'GET' as const,
            url: `/api/events?follow=${encodeURIComponent(value)}`,
            why: 'query.follow',
          })),
        fc.constant({
          method: 'GET' as const,
          url: '/api/events?follow=false&since=3',
          why: 'unknown query key',
        }),
      ),
  },
  'GET /api/session': {
    caller: 'editor',
    readsNothing: true,
    requests: () => fc.constant({ method: 'GET', url: '/api/session', why: '' }),
  },
  'GET /api/users': {
    caller: 'admin',
    readsNothing: true,
    requests: () => fc.constant({ method: 'GET', url: '/api/users', why: '' }),
  },
  'GET /api/backups': {
    caller: 'admin',
    readsNothing: true,
    requests: () => fc.constant({ method: 'GET', url: '/api/backups', why: '' }),
  },
  'GET /api/backups/{name}': {
    caller: 'admin',
    requests: () =>
      fc
        .oneof(
          fc
            .oneof(
              fc.constantFrom(
                'octograph.db',
                '..%2Foctograph.db',
                'octograph-20250101T000000Z-r1.db.gz.json',
                'octograph-20250101T000000Z-r1.db',
                'backup-20250101T000000Z-r1.db.gz',
                'octograph-2025-01-01-r1.db.gz',
              ),
              fc.constantFrom(...INJECTIONS).map(segment),
              badRawSegment,
            )
            .map((name) => ({ name, why: 'not the name of a backup' })),
          fc
            .tuple(fc.date({ noInvalidDate: true }), fc.nat({ max: 999_999 }))
            .map(([date, revision]) => ({
              name: `octograph-${date
                .toISOString()
                .replace(/[-:]/g, '')
                .replace(/\.\d{3}Z$/, 'Z')}-r${revision}.db.gz`,
              why: 'no backup of this name',
            })),
        )
        .map(({ name, why }) => ({ method: 'GET', url: `/api/backups/${name}`, why })),
  },
  'GET /api/layout': {
    caller: 'editor',
    readsNothing: true,
    requests: () => fc.constant({ method: 'GET', url: '/api/layout', why: '' }),
  },
  'GET /api/insights': {
    caller: 'editor',
    readsNothing: true,
    requests: () => fc.constant({ method: 'GET', url: '/api/insights', why: '' }),
  },
  'GET /api/meetings': {
    caller: 'editor',
    readsNothing: true,
    requests: () => fc.constant({ method: 'GET', url: '/api/meetings', why: '' }),
  },

  'DELETE /api/session': {
    caller: 'editor',
    requests: () =>
      junkBody.map((body) => ({
        method: 'DELETE',
        url: '/api/session',
        payload: body.payload,
        contentType: body.contentType,
        why: body.why,
      })),
  },
  'POST /api/backups': {
    caller: 'admin',
    requests: () =>
      junkBody.map((body) => ({
        method: 'POST',
        url: '/api/backups',
        payload: body.payload,
        contentType: body.contentType,
        why: body.why,
      })),
  },
  'POST /api/layout': {
    caller: 'editor',
    requests: () =>
      junkBody.map((body) => ({
        method: 'POST',
        url: '/api/layout',
        payload: body.payload,
        contentType: body.contentType,
        why: body.why,
      })),
  },

  'POST /api/session': {
    caller: 'editor',
    requests: () => {
      const shape: BodyShape = {
        fields: { email: { type: 'email' }, password: { type: 'string', min: 1, max: 200 } },
        required: ['email', 'password'],
      };
      const valid = validBody(shape, {});
      return bodyRoute('POST', () => '/api/session', null, valid, badBody(valid, shape));
    },
  },
  'PATCH /api/session': {
    caller: 'editor',
    requests: () => {
      const shape: BodyShape = {
        fields: { language: { type: 'enum', values: LANGUAGES } },
        required: ['language'],
      };
      const valid = validBody(shape, {});
      return bodyRoute('PATCH', () => '/api/session', null, valid, badBody(valid, shape));
    },
  },
  'POST /api/session/password': {
    caller: 'editor',
    requests: () => {
      const shape: BodyShape = {
        fields: { currentPassword: { type: 'string', min: 1, max: 200 }, newPassword: password },
        required: ['currentPassword', 'newPassword'],
      };
      const valid = validBody(shape, {});
      return bodyRoute('POST', () => '/api/session/password', null, valid, badBody(valid, shape));
    },
  },
  'POST /api/setup': {
    caller: 'editor',
    requests: () => {
      const shape: BodyShape = {
        fields: {
          email: { type: 'email' },
          name,
          password,
          code: { type: 'string', min: 1, max: 100, trimmed: true },
        },
        required: ['email', 'name', 'password', 'code'],
      };
      const valid = validBody(shape, {});
      return bodyRoute('POST', () => '/api/setup', null, valid, badBody(valid, shape));
    },
  },
  'GET /api/invitations/{token}': {
    caller: 'editor',
    requests: (world) => {
      const params = tokenParams(world.invitationToken);
      return fc.oneof(
        params.bad.map(([token = '']) => ({
          method: 'GET' as const,
          url: `/api/invitations/${token}`,
          why: 'malformed token',
        })),
        params.unknown.map(([token = '']) => ({
          method: 'GET' as const,
          url: `/api/invitations/${token}`,
          why: 'unknown token',
        })),
      );
    },
  },
  'POST /api/invitations/{token}': {
    caller: 'editor',
    requests: (world) => {
      const shape: BodyShape = { fields: { password }, required: ['password'] };
      const valid = validBody(shape, {});
      return bodyRoute(
        'POST',
        ([token = '']) => `/api/invitations/${token}`,
        tokenParams(world.invitationToken),
        valid,
        badBody(valid, shape),
      );
    },
  },

  'POST /api/users': {
    caller: 'admin',
    requests: () => {
      const shape: BodyShape = {
        fields: {
          email: { type: 'email' },
          name,
          role: { type: 'enum', values: ROLES },
          personId: { type: 'id', nullable: true },
        },
        required: ['email', 'name', 'role'],
      };
      const valid = validBody(shape, {}, ['personId']);
      return bodyRoute('POST', () => '/api/users', null, valid, badBody(valid, shape));
    },
  },
  'PATCH /api/users/{id}': {
    caller: 'admin',
    requests: (world) => {
      const shape: BodyShape = {
        fields: {
          name,
          role: { type: 'enum', values: ROLES },
          personId: { type: 'id', nullable: true },
          disabled: { type: 'bool' },
        },
        required: [],
      };
      const valid = validBody(shape, {}, ['name', 'role', 'disabled']);
      return bodyRoute(
        'PATCH',
        ([id = '']) => `/api/users/${id}`,
        idParams(
          fc.constantFrom(...world.userIds).map((id) => [id]),
          1,
        ),
        valid,
        badBody(valid, shape),
      );
    },
  },
  'POST /api/users/{id}/invitation': {
    caller: 'admin',
    requests: (world) =>
      pathRoute(
        'POST',
        ([id = '']) => `/api/users/${id}/invitation`,
        idParams(
          fc.constantFrom(...world.userIds).map((id) => [id]),
          1,
        ),
      ),
  },

  'GET /api/audit': {
    caller: 'admin',
    requests: () =>
      queryRoute(
        () => '/api/audit',
        null,
        fc.record({ limit: fc.constantFrom('1', '50', '') }, { requiredKeys: [] }),
        {
          user: { type: 'text', min: 1, max: 100, trimmed: false },
          node: { type: 'id' },
          from: { type: 'date' },
          to: { type: 'date' },
          limit: { type: 'whole', min: 1, max: 200 },
          before: { type: 'whole', min: 1, max: null },
        },
        { strict: true },
      ),
  },
  'GET /api/audit/{id}': {
    caller: 'editor',
    requests: () =>
      fc.oneof(auditIdParams.bad, auditIdParams.unknown).map(([id = '']) => ({
        method: 'GET',
        url: `/api/audit/${id}`,
        why: 'malformed or unknown entry id',
      })),
  },
  'POST /api/audit/{id}/undo': {
    caller: 'editor',
    requests: () =>
      fc
        .tuple(fc.oneof(auditIdParams.bad, auditIdParams.unknown), fc.option(junkBody))
        .map(([[id = ''], body]) => ({
          method: 'POST',
          url: `/api/audit/${id}/undo`,
          ...(body ? { payload: body.payload, contentType: body.contentType } : {}),
          why: `malformed or unknown entry id${body ? `; ${body.why}` : ''}`,
        })),
  },

  'GET /api/nodes': {
    caller: 'editor',
    requests: () =>
      queryRoute(
        () => '/api/nodes',
        null,
        fc.record(
          { q: fc.constantFrom(...INJECTIONS), kind: fc.constant('organisation,person') },
          { requiredKeys: [] },
        ),
        {
          kind: { type: 'list', values: NODE_KINDS },
          orgKind: { type: 'list', values: ORGANISATION_KINDS },
          theme: { type: 'list', values: 'id' },
          place: { type: 'list', values: 'id' },
          status: { type: 'list', values: NODE_STATUSES },
          q: { type: 'text', min: 0, max: 200, trimmed: true },
          asOf: { type: 'date' },
          limit: { type: 'whole', min: 1, max: 500 },
          cursor: { type: 'text', min: 0, max: 500, trimmed: false },
        },
      ),
  },
  'POST /api/nodes': {
    caller: 'editor',
    requests: () =>
      fc.oneof(
        bodyRoute(
          'POST',
          () => '/api/nodes',
          null,
          validOrganisation,
          badBody(validOrganisation, organisationShape),
        ),
        bodyRoute(
          'POST',
          () => '/api/nodes',
          null,
          validMeeting,
          badBody(validMeeting, meetingShape),
        ),
      ),
  },
  'GET /api/nodes/{id}': {
    caller: 'editor',
    requests: (world) =>
      pathRoute(
        'GET',
        ([id = '']) => `/api/nodes/${id}`,
        idParams(fc.constant([world.personId]), 1),
      ),
  },
  'PATCH /api/nodes/{id}': {
    caller: 'editor',
    requests: (world) => {
      const valid = validBody(organisationPatchShape, { kind: 'organisation' }, ['name', 'status']);
      return bodyRoute(
        'PATCH',
        ([id = '']) => `/api/nodes/${id}`,
        idParams(fc.constant([world.organisations[0]]), 1),
        valid,
        badBody(valid, organisationPatchShape),
      );
    },
  },
  'DELETE /api/nodes/{id}': {
    caller: 'editor',
    requests: (world) =>
      pathRoute(
        'DELETE',
        ([id = '']) => `/api/nodes/${id}`,
        idParams(
          fc.constantFrom(...world.organisations).map((id) => [id]),
          1,
        ),
      ),
  },
  'GET /api/nodes/{id}/neighbourhood': {
    caller: 'editor',
    requests: (world) =>
      queryRoute(
        ([id = '']) => `/api/nodes/${id}/neighbourhood`,
        idParams(fc.constant([world.organisations[0]]), 1),
        fc.record({ depth: fc.constantFrom('1', '2', '3') }, { requiredKeys: [] }),
        { depth: { type: 'whole', min: 1, max: 3 } },
      ),
  },

  'POST /api/links': {
    caller: 'editor',
    requests: (world) => {
      const shape = linkShape();
      const [a, , c] = world.organisations;
      const valid = validBody(shape, { kind: 'COLLABORATES_WITH', source: a, target: c }, [
        'strength',
        'notes',
        'since',
        'collaborationType',
      ]);
      return bodyRoute('POST', () => '/api/links', null, valid, badBody(valid, shape));
    },
  },
  'GET /api/links/{id}': {
    caller: 'editor',
    requests: (world) =>
      pathRoute('GET', ([id = '']) => `/api/links/${id}`, idParams(fc.constant([world.linkId]), 1)),
  },
  'PATCH /api/links/{id}': {
    caller: 'editor',
    requests: (world) => {
      const shape = linkPatchShape();
      const valid = validBody(shape, {}, ['strength', 'notes']);
      return bodyRoute(
        'PATCH',
        ([id = '']) => `/api/links/${id}`,
        idParams(fc.constant([world.linkId]), 1),
        valid,
        badBody(valid, shape),
      );
    },
  },
  'DELETE /api/links/{id}': {
    caller: 'editor',
    requests: (world) =>
      pathRoute(
        'DELETE',
        ([id = '']) => `/api/links/${id}`,
        idParams(fc.constant([world.linkId]), 1),
      ),
  },

  'GET /api/map': {
    caller: 'editor',
    requests: () => mapQuery('/api/map', {}),
  },
  'GET /api/export': {
    caller: 'editor',
    requests: () =>
      mapQuery('/api/export', {
        format: { type: 'enum', values: ['json', 'xlsx', 'csv', 'gexf', 'graphml'] },
      }),
  },

  'POST /api/batch': {
    caller: 'editor',
    requests: (world) => {
      const op = validOrganisation.map((node) => ({ op: 'createNode', node }));
      const valid = fc.array(op, { minLength: 1, maxLength: 3 }).map((ops) => ({ ops }));
      const shape: BodyShape = {
        fields: {
          ops: {
            type: 'custom',
            bad: fc.oneof(
              fc.constant<Json>([]),
              fc.constant<Json>('createNode'),
              fc.constant<Json>(
                Array.from({ length: 5001 }, () => ({ op: 'deleteNode', id: world.personId })),
              ),
              badId.map((id) => [{ op: 'deleteNode', id }]),
              fc.constantFrom(...INJECTIONS).map((name) => [{ op: name, id: world.personId }]),
              fc
                .tuple(op, brokenOrganisation)
                .map(([good, node]) => [good, { op: 'createNode', node }]),
              op.map((good) => [{ ...good, extra: true }]),
              fc.constant<Json>([
                { op: 'updateNode', id: world.personId, patch: { kind: 'person', name: '' } },
              ]),
            ),
          },
        },
        required: ['ops'],
      };
      return bodyRoute('POST', () => '/api/batch', null, valid, badBody(valid, shape));
    },
  },
  'PUT /api/positions': {
    caller: 'editor',
    requests: (world) => {
      const position = fc.record({
        id: fc.constantFrom(...world.organisations),
        x: fc.double({ min: -1000, max: 1000, noNaN: true }),
        y: fc.double({ min: -1000, max: 1000, noNaN: true }),
      });
      const valid = position.map((at) => ({ positions: [at] }));
      const [a] = world.organisations;
      const shape: BodyShape = {
        fields: {
          positions: {
            type: 'custom',
            bad: fc.oneof(
              fc.constant<Json>([]),
              fc.constant<Json>({ id: a, x: 0, y: 0 }),
              fc.constant<Json>([
                { id: a, x: 1, y: 1 },
                { id: a, x: 2, y: 2 },
              ]),
              fc.constant<Json>([{ id: a, x: 2_000_000, y: 0 }]),
              fc.constant<Json>([{ id: a, x: '1', y: 0 }]),
              fc.constant<Json>([{ id: a, x: 0 }]),
              fc.constant<Json>([{ id: a, x: 0, y: 0, z: 0 }]),
              badId.map((id) => [{ id, x: 0, y: 0 }]),
              fc.constant<Json>(
                Array.from({ length: 5001 }, (_, index) => ({
                  id: `n-${String(index)}`,
                  x: 0,
                  y: 0,
                })),
              ),
            ),
          },
        },
        required: ['positions'],
      };
      return bodyRoute('PUT', () => '/api/positions', null, valid, badBody(valid, shape));
    },
  },

  'GET /api/insights/notConnected': pagedInsight('/api/insights/notConnected'),
  'GET /api/insights/islands': pagedInsight('/api/insights/islands'),
  'GET /api/insights/bridges': pagedInsight('/api/insights/bridges'),
  'GET /api/insights/brokers': pagedInsight('/api/insights/brokers'),
  'GET /api/insights/siloedThemes': pagedInsight('/api/insights/siloedThemes'),
  'GET /api/insights/communities': pagedInsight('/api/insights/communities'),
  'GET /api/insights/introductions/dismissals': pagedInsight(
    '/api/insights/introductions/dismissals',
  ),
  'GET /api/insights/introductions': {
    caller: 'editor',
    requests: () =>
      queryRoute(
        () => '/api/insights/introductions',
        null,
        fc.record({ limit: fc.constant('5'), for: unknownId }, { requiredKeys: [] }),
        { ...PAGING, for: { type: 'id' } },
      ),
  },
  'POST /api/insights/introductions/accept': {
    caller: 'editor',
    requests: (world) => {
      const [a, , c] = world.organisations;
      const shape: BodyShape = {
        fields: { a: { type: 'id' }, b: { type: 'id' }, notes: text },
        required: ['a', 'b'],
      };
      const valid = validBody(shape, { a, b: c }, ['notes']);
      return bodyRoute(
        'POST',
        () => '/api/insights/introductions/accept',
        null,
        valid,
        fc.oneof(
          badBody(valid, shape),
          fc.constant<BadBody>({ ...json({ a, b: a }), why: 'the same organisation twice' }),
        ),
      );
    },
  },
  'POST /api/insights/introductions/dismissals': {
    caller: 'editor',
    requests: (world) => {
      const [a, , c] = world.organisations;
      const shape: BodyShape = {
        fields: { a: { type: 'id' }, b: { type: 'id' } },
        required: ['a', 'b'],
      };
      const valid = validBody(shape, { a, b: c });
      return bodyRoute(
        'POST',
        () => '/api/insights/introductions/dismissals',
        null,
        valid,
        fc.oneof(
          badBody(valid, shape),
          fc.constant<BadBody>({ ...json({ a: c, b: c }), why: 'the same organisation twice' }),
        ),
      );
    },
  },
  'DELETE /api/insights/introductions/dismissals/{a}/{b}': {
    caller: 'editor',
    requests: (world) =>
      pathRoute(
        'DELETE',
        ([a = '', b = '']) => `/api/insights/introductions/dismissals/${a}/${b}`,
        // No pair is dismissed: a well-formed pair of existing organisations is unknown too.
        idParams(fc.constant([world.organisations[0], world.organisations[2]]), 2),
      ),
  },

  'GET /api/meetings/{id}': {
    caller: 'editor',
    requests: (world) =>
      pathRoute(
        'GET',
        ([id = '']) => `/api/meetings/${id}`,
        idParams(fc.constant([world.meetingId]), 1),
      ),
  },
  'GET /api/meetings/{id}/suggestions': {
    caller: 'editor',
    requests: (world) =>
      pathRoute(
        'GET',
        ([id = '']) => `/api/meetings/${id}/suggestions`,
        idParams(fc.constant([world.meetingId]), 1),
      ),
  },
  'GET /api/meetings/{id}/attendee-pack': {
    caller: 'editor',
    requests: (world) =>
      queryRoute(
        ([id = '']) => `/api/meetings/${id}/attendee-pack`,
        idParams(fc.constant([world.meetingId]), 1),
        fc.record(
          { format: fc.constantFrom('json', 'csv', 'html'), lang: fc.constantFrom(...LANGUAGES) },
          { requiredKeys: [] },
        ),
        {
          format: { type: 'enum', values: ['json', 'csv', 'html'] },
          lang: { type: 'enum', values: LANGUAGES },
        },
      ),
  },
  'PUT /api/meetings/{id}/attendees/{nodeId}': {
    caller: 'editor',
    requests: (world) => {
      const shape: BodyShape = {
        fields: { shareEmail: { type: 'bool' }, sharePhone: { type: 'bool' } },
        required: [],
      };
      const valid = validBody(shape, {}, ['shareEmail', 'sharePhone']);
      return bodyRoute(
        'PUT',
        ([id = '', nodeId = '']) => `/api/meetings/${id}/attendees/${nodeId}`,
        idParams(fc.constant([world.meetingId, world.personId]), 2),
        valid,
        badBody(valid, shape),
      );
    },
  },
  'DELETE /api/meetings/{id}/attendees/{nodeId}': {
    caller: 'editor',
    requests: (world) =>
      pathRoute(
        'DELETE',
        ([id = '', nodeId = '']) => `/api/meetings/${id}/attendees/${nodeId}`,
        idParams(fc.constant([world.meetingId, world.personId]), 2),
      ),
  },
  'POST /api/meetings/{id}/links': {
    caller: 'editor',
    requests: (world) => {
      const [a, b, c] = world.organisations;
      const row = fc.record(
        {
          source: fc.constant(world.personId),
          target: fc.constantFrom(a, b, c),
          notes: goodValue(text),
          strength: fc.integer({ min: 1, max: 3 }),
        },
        { requiredKeys: ['source', 'target'] },
      );
      const valid = fc.array(row, { minLength: 1, maxLength: 3 }).map((links) => ({ links }));
      const rowShape: BodyShape = {
        fields: {
          source: { type: 'id' },
          target: { type: 'id' },
          kind: { type: 'enum', values: LINK_KINDS },
          notes: text,
          strength: { type: 'int', min: 1, max: 3 },
          collaborationType: { type: 'enum', values: COLLABORATION_TYPES, nullable: true },
        },
        required: ['source', 'target'],
      };
      // A row with one field broken (the body-wide kinds are tried on the whole body).
      const brokenRow = fc
        .tuple(row, fc.constantFrom(...Object.keys(rowShape.fields)))
        .chain(([good, field]) => {
          const spec = rowShape.fields[field];
          if (!spec) throw new Error(`no field ${field}`);
          return badValue(spec).map((bad): Json => ({ ...good, [field]: bad }));
        });
      const shape: BodyShape = {
        fields: {
          links: {
            type: 'custom',
            bad: fc.oneof(
              fc.constant<Json>([]),
              fc.constant<Json>({ source: world.personId, target: a }),
              fc.constant<Json>(
                Array.from({ length: 501 }, () => ({ source: world.personId, target: a })),
              ),
              fc.tuple(row, brokenRow).map(([good, bad]) => [good, bad]),
              fc.constant<Json>([{ source: c, target: c }]),
            ),
          },
        },
        required: ['links'],
      };
      return bodyRoute(
        'POST',
        ([id = '']) => `/api/meetings/${id}/links`,
        idParams(fc.constant([world.meetingId]), 1),
        valid,
        badBody(valid, shape),
      );
    },
  },
  'GET /api/search': {
    caller: 'editor',
    requests: () =>
      queryRoute(
        () => '/api/search',
        null,
        fc.record(
          { q: fc.constantFrom(...INJECTIONS), limit: fc.constant('5') },
          { requiredKeys: ['q'] },
        ),
        {
          q: { type: 'text', min: 1, max: 200, trimmed: true },
          limit: { type: 'whole', min: 1, max: 50 },
          kind: { type: 'list', values: NODE_KINDS },
        },
      ),
  },
  'GET /api/similar-nodes': {
    caller: 'editor',
    requests: () =>
      queryRoute(
        () => '/api/similar-nodes',
        null,
        fc.record(
          { name: fc.constantFrom(...INJECTIONS), kind: fc.constant('person') },
          { requiredKeys: ['name'] },
        ),
        {
          name: { type: 'text', min: 1, max: 200, trimmed: true },
          kind: { type: 'enum', values: ['organisation', 'person', 'project'] },
        },
      ),
  },

  'POST /api/import/preview': {
    caller: 'editor',
    requests: () => importRequests('/api/import/preview', false),
  },
  'POST /api/import/apply': {
    caller: 'editor',
    requests: () => importRequests('/api/import/apply', true),
  },
};

const PAGING: Readonly<Record<string, QuerySpec>> = {
  limit: { type: 'whole', min: 1, max: 500 },
  offset: { type: 'whole', min: 0, max: null },
};

function pagedInsight(path: string): RouteFuzz {
  return {
    caller: 'editor',
    requests: () =>
      queryRoute(
        () => path,
        null,
        fc.record({ limit: fc.constant('10') }, { requiredKeys: [] }),
        PAGING,
      ),
  };
}

/** The map's filters (GET /api/map and GET /api/export), and `more` parameters. */
function mapQuery(
  path: string,
  more: Readonly<Record<string, QuerySpec>>,
): fc.Arbitrary<BadRequest> {
  const specs: Record<string, QuerySpec> = {
    kind: { type: 'list', values: NODE_KINDS },
    orgKind: { type: 'list', values: ORGANISATION_KINDS },
    theme: { type: 'list', values: 'id' },
    place: { type: 'list', values: 'id' },
    status: { type: 'list', values: NODE_STATUSES },
    linkKind: { type: 'list', values: LINK_KINDS },
    q: { type: 'text', min: 0, max: 200, trimmed: true },
    asOf: { type: 'date' },
    focus: { type: 'id' },
    depth: { type: 'whole', min: 1, max: 3 },
    ...more,
  };
  const valid = fc.record(
    { q: fc.constantFrom(...INJECTIONS), linkKind: fc.constant('MEMBER_OF'), focus: unknownId },
    { requiredKeys: [] },
  );
  return fc.oneof(
    queryRoute(() => path, null, valid, specs),
    fc.constantFrom('1', '2').map((depth) => ({
      method: 'GET' as const,
      url: `${path}${queryText({ depth })}`,
      why: 'depth without focus',
    })),
  );
}

/** Multipart uploads that are bad: no file, a bad or unknown field, too many or too big files. */
function importRequests(url: string, apply: boolean): fc.Arbitrary<BadRequest> {
  const file = fc
    .uint8Array({ minLength: 1, maxLength: 300 })
    .map((bytes) => ({ name: 'network.csv', bytes: Buffer.from(bytes) }));
  const goodFields: Record<string, string> = apply ? { expectedRevision: '1' } : {};
  const upload = (
    files: { name: string; bytes: Buffer }[],
    fields: Record<string, string>,
    why: string,
  ): BadRequest => {
    const body = multipart(files, fields);
    return {
      method: 'POST',
      url,
      payload: body.payload,
      contentType: body.headers['content-type'],
      why,
    };
  };
  const kinds: fc.Arbitrary<BadRequest>[] = [
    fc.constant(upload([], { unknownType: 'person', ...goodFields }, 'no file')),
    fc
      .tuple(
        file,
        fc.oneof(
          fc.constantFrom(...INJECTIONS),
          fc.constantFrom('', 'organisation:club', 'Person'),
        ),
      )
      .map(([one, unknownType]) =>
        upload([one], { ...goodFields, unknownType }, 'bad unknownType'),
      ),
    fc
      .tuple(file, fc.stringMatching(/^[a-z]{1,10}$/))
      .map(([one, key]) => upload([one], { ...goodFields, [key]: 'x' }, `unknown field ${key}`)),
    fc
      .array(file, { minLength: 6, maxLength: 8 })
      .map((files) => upload(files, goodFields, 'too many files')),
    fc
      .integer({ min: 70_000, max: 90_000 })
      .map((size) =>
        upload(
          [{ name: 'big.csv', bytes: Buffer.alloc(size, 97) }],
          goodFields,
          'a file above IMPORT_LIMIT',
        ),
      ),
    ...[
      { contentType: 'multipart/form-data', why: 'multipart without a boundary' },
      { contentType: 'multipart/form-data; boundary=xyz', why: 'multipart that is not multipart' },
      { contentType: 'application/json', why: 'JSON instead of multipart' },
      { contentType: 'application/xml', why: 'XML instead of multipart' },
      { contentType: 'text/plain', why: 'text instead of multipart' },
    ].map(({ contentType, why }) =>
      fc.constant<BadRequest>({ method: 'POST', url, payload: '{"files": []}', contentType, why }),
    ),
    // Cut into the closing delimiter or the last part (the CRLF after the delimiter may go).
    fc.tuple(file, fc.integer({ min: 3, max: 300 })).map(([one, cut]) => {
      const whole = upload([one], goodFields, 'multipart cut short');
      const bytes = Buffer.from(whole.payload ?? '');
      return { ...whole, payload: bytes.subarray(0, Math.max(1, bytes.length - cut)) };
    }),
    file.map((one) => {
      const whole = upload([one], goodFields, 'multipart with a broken part header');
      const text = Buffer.from(whole.payload ?? '').toString('latin1');
      const broken = text.replace('Content-Disposition: form-data;', 'Content-Disposition');
      return { ...whole, payload: Buffer.from(broken, 'latin1') };
    }),
  ];
  if (apply) {
    kinds.push(
      fc
        .tuple(
          file,
          fc.oneof(fc.constantFrom('abc', '1.5', '', '-1', '1e3'), fc.constantFrom(...INJECTIONS)),
        )
        .map(([one, revision]) =>
          upload([one], { expectedRevision: revision }, 'bad expectedRevision'),
        ),
      file.map((one) => upload([one], {}, 'no expectedRevision')),
    );
  }
  return fc.oneof(...kinds);
}
