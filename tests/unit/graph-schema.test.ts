import {
  BatchBodySchema,
  COLLABORATION_TYPES,
  CreateLinkBodySchema,
  CreateNodeBodySchema,
  ErrorBodySchema,
  GraphNodeSchema,
  IdParamsSchema,
  KIND_SPECIFIC_LINK_FIELDS,
  LINK_KINDS,
  LinkSchema,
  ListNodesQuerySchema,
  MapQuerySchema,
  NODE_KINDS,
  NeighbourhoodQuerySchema,
  PARTNER_ROLES,
  UpdateLinkBodySchema,
  UpdateNodeBodySchema,
  isAliveOn,
  lifetimeOf,
  orgKindOf,
  statusOf,
  summariseIssues,
  toFieldIssues,
  type CreateLinkInput,
  type CreateNodeBody,
  type CreateNodeInput,
  type FieldIssue,
  type GraphNode,
  type KindSpecificLinkField,
  type Link,
  type LinkKind,
  type NodeKind,
} from '@octograph/graph-schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** What every zod schema offers; kept structural so the tests need no direct zod import. */
interface Parser {
  safeParse(
    input: unknown,
  ): { success: true } | { success: false; error: { issues: Parameters<typeof toFieldIssues>[0] } };
}

/** Parses `input`, expects it to fail, and returns its field issues under `prefix`. */
function issuesOf(schema: Parser, input: unknown, prefix = 'body'): FieldIssue[] {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : toFieldIssues(result.error.issues, prefix, input);
}

/** Expects exactly one issue, at `path`, whose message is `message` (or matches it). */
function expectOneIssue(issues: FieldIssue[], path: string, message: string | RegExp): void {
  expect(issues.map((issue) => issue.path)).toEqual([path]);
  const text = issues[0]?.message;
  if (typeof message === 'string') expect(text).toBe(message);
  else expect(text).toMatch(message);
}

/** A copy of `value` without the given keys. */
function withoutKeys(value: object, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

interface RejectCase {
  what: string;
  input: unknown;
  path: string;
  message: string | RegExp;
}

const CREATED = '2024-05-01T09:30:00.000Z';
const UPDATED = '2024-06-02T17:45:00+01:00';

/** A create body of every kind with every field set (so parsing changes nothing). */
const FULL_CREATE_BODIES: Record<NodeKind, CreateNodeBody> = {
  organisation: {
    kind: 'organisation',
    id: 'org-barking-foodbank',
    name: 'Barking Foodbank',
    since: '2015-04-01',
    until: null,
    orgKind: 'charity',
    description: 'Emergency food parcels and advice.',
    website: 'https://barking-foodbank.example.org/about',
    values: ['dignity', 'welcome'],
    offers: ['food parcels'],
    needs: ['volunteer drivers'],
    status: 'dormant',
    founded: 2012,
  },
  person: {
    kind: 'person',
    id: 'person:ana',
    name: 'Ana Kowalska',
    since: '2020-01-01',
    until: '2024-12-31',
    role: 'Volunteer coordinator',
    email: { value: 'ana@example.org', visibility: 'attendees' },
    phone: { value: '+44 (0)20 7946-0958', visibility: 'private' },
  },
  project: {
    kind: 'project',
    id: 'proj.warm-spaces',
    name: 'Warm Spaces',
    since: '2022-10-01',
    until: '2023-03-31',
    description: 'Heated rooms open to all in winter.',
    status: 'completed',
  },
  meeting: {
    kind: 'meeting',
    id: 'meet_2024_03',
    name: 'Dagenham networking breakfast',
    since: null,
    until: null,
    date: '2024-03-12',
    venue: 'Dagenham Library',
    organiser: 'Barking & Dagenham CVS',
    notes: 'Twenty groups came.',
  },
  theme: {
    kind: 'theme',
    id: 'theme-befriending',
    name: 'Befriending',
    since: null,
    until: null,
    description: 'Regular visits and calls to people living alone.',
  },
  place: {
    kind: 'place',
    id: 'place-bilgoraj',
    name: 'Biłgoraj',
    since: null,
    until: null,
    placeType: 'town',
  },
};

/** The smallest create body of every kind and what it becomes once defaults are applied. */
const MINIMAL_CREATE_BODIES: { kind: NodeKind; input: CreateNodeInput; output: CreateNodeBody }[] =
  [
    {
      kind: 'organisation',
      input: { kind: 'organisation', name: 'Devonport Network', orgKind: 'network' },
      output: {
        kind: 'organisation',
        name: 'Devonport Network',
        since: null,
        until: null,
        orgKind: 'network',
        description: '',
        website: null,
        values: [],
        offers: [],
        needs: [],
        status: 'active',
        founded: null,
      },
    },
    {
      kind: 'person',
      input: { kind: 'person', name: 'Sam' },
      output: {
        kind: 'person',
        name: 'Sam',
        since: null,
        until: null,
        role: null,
        email: null,
        phone: null,
      },
    },
    {
      kind: 'project',
      input: { kind: 'project', name: 'Repair Café' },
      output: {
        kind: 'project',
        name: 'Repair Café',
        since: null,
        until: null,
        description: '',
        status: 'active',
      },
    },
    {
      kind: 'meeting',
      input: { kind: 'meeting', name: 'Spring forum', date: '2024-04-18' },
      output: {
        kind: 'meeting',
        name: 'Spring forum',
        since: null,
        until: null,
        date: '2024-04-18',
        venue: null,
        organiser: null,
        notes: '',
      },
    },
    {
      kind: 'theme',
      input: { kind: 'theme', name: 'Wellbeing' },
      output: { kind: 'theme', name: 'Wellbeing', since: null, until: null, description: '' },
    },
    {
      kind: 'place',
      input: { kind: 'place', name: 'Dagenham' },
      output: { kind: 'place', name: 'Dagenham', since: null, until: null, placeType: null },
    },
  ];

/** A stored node of every kind, as the API returns it. */
const STORED_NODES: Record<NodeKind, GraphNode> = {
  organisation: {
    kind: 'organisation',
    id: 'org-barking-foodbank',
    name: 'Barking Foodbank',
    since: '2015-04-01',
    until: null,
    createdAt: CREATED,
    updatedAt: UPDATED,
    orgKind: 'charity',
    description: 'Emergency food parcels and advice.',
    website: 'http://barking-foodbank.example.org',
    values: ['dignity'],
    offers: [],
    needs: [],
    status: 'active',
    founded: null,
  },
  person: {
    kind: 'person',
    id: 'person:ana',
    name: 'Ana Kowalska',
    since: null,
    until: null,
    createdAt: CREATED,
    updatedAt: UPDATED,
    role: null,
    email: { value: 'ana@example.org', visibility: 'network' },
    phone: null,
  },
  project: {
    kind: 'project',
    id: 'proj.warm-spaces',
    name: 'Warm Spaces',
    since: '2022-10-01',
    until: '2023-03-31',
    createdAt: CREATED,
    updatedAt: UPDATED,
    description: '',
    status: 'paused',
  },
  meeting: {
    kind: 'meeting',
    id: 'meet_2024_03',
    name: 'Dagenham networking breakfast',
    since: null,
    until: null,
    createdAt: CREATED,
    updatedAt: UPDATED,
    date: '2024-03-12',
    venue: null,
    organiser: null,
    notes: '',
  },
  theme: {
    kind: 'theme',
    id: 'theme-wellbeing',
    name: 'Wellbeing',
    since: null,
    until: null,
    createdAt: CREATED,
    updatedAt: UPDATED,
    description: '',
  },
  place: {
    kind: 'place',
    id: 'place-devonport',
    name: 'Devonport',
    since: null,
    until: null,
    createdAt: CREATED,
    updatedAt: UPDATED,
    placeType: 'neighbourhood',
  },
};

const ORGANISATION = { kind: 'organisation', name: 'Barking Foodbank', orgKind: 'charity' };
const PERSON = { kind: 'person', name: 'Ana Kowalska' };
const THEME = { kind: 'theme', name: 'Befriending' };

describe('CreateNodeBodySchema', () => {
  it.each(NODE_KINDS)('accepts a full %s body unchanged', (kind) => {
    const body = FULL_CREATE_BODIES[kind];

    expect(CreateNodeBodySchema.parse(body)).toStrictEqual(body);
  });

  it.each(MINIMAL_CREATE_BODIES)('fills in the defaults of a minimal $kind body', (example) => {
    expect(CreateNodeBodySchema.parse(example.input)).toStrictEqual(example.output);
  });

  it('trims the name', () => {
    const parsed = CreateNodeBodySchema.parse({ ...THEME, name: '  Befriending  ' });

    expect(parsed.name).toBe('Befriending');
  });

  it('trims a phone number', () => {
    const parsed = CreateNodeBodySchema.parse({
      ...PERSON,
      phone: { value: ' 020 7946 0958 ', visibility: 'public' },
    });

    expect(parsed).toMatchObject({ phone: { value: '020 7946 0958', visibility: 'public' } });
  });

  it.each(['http://example.org', 'https://example.org/groups?id=7', 'HTTPS://EXAMPLE.ORG'])(
    'accepts the website %s',
    (website) => {
      const parsed = CreateNodeBodySchema.parse({ ...ORGANISATION, website });

      expect(parsed).toMatchObject({ website });
    },
  );

  it('accepts an until equal to since', () => {
    const parsed = CreateNodeBodySchema.parse({
      ...THEME,
      since: '2024-01-01',
      until: '2024-01-01',
    });

    expect(parsed).toMatchObject({ since: '2024-01-01', until: '2024-01-01' });
  });

  const invalidBodies: RejectCase[] = [
    // missing required fields
    {
      what: 'an organisation without a name',
      input: { kind: 'organisation', orgKind: 'charity' },
      path: 'body.name',
      message: 'is required',
    },
    {
      what: 'a person without a name',
      input: { kind: 'person' },
      path: 'body.name',
      message: 'is required',
    },
    {
      what: 'a phone without a number',
      input: { ...PERSON, phone: { visibility: 'public' } },
      path: 'body.phone.value',
      message: 'is required',
    },
    // wrong types
    {
      what: 'a name that is a number',
      input: { ...ORGANISATION, name: 42 },
      path: 'body.name',
      message: 'Invalid input: expected string, received number',
    },
    {
      what: 'a null name',
      input: { ...THEME, name: null },
      path: 'body.name',
      message: 'Invalid input: expected string, received null',
    },
    {
      what: 'values that are not a list',
      input: { ...ORGANISATION, values: 'dignity' },
      path: 'body.values',
      message: 'Invalid input: expected array, received string',
    },
    {
      what: 'a founding year that is a string',
      input: { ...ORGANISATION, founded: '1999' },
      path: 'body.founded',
      message: 'must be a whole year',
    },
    {
      what: 'a founding year that is not whole',
      input: { ...ORGANISATION, founded: 1999.5 },
      path: 'body.founded',
      message: 'must be a whole year',
    },
    {
      what: 'a body that is not an object',
      input: 'Barking Foodbank',
      path: 'body',
      message: 'Invalid input: expected object, received string',
    },
    // names and lengths
    {
      what: 'a blank name',
      input: { ...ORGANISATION, name: '   ' },
      path: 'body.name',
      message: 'must not be empty',
    },
    {
      what: 'a name of 201 characters',
      input: { ...ORGANISATION, name: 'x'.repeat(201) },
      path: 'body.name',
      message: 'must be at most 200 characters',
    },
    {
      what: 'a role of 201 characters',
      input: { ...PERSON, role: 'x'.repeat(201) },
      path: 'body.role',
      message: 'must be at most 200 characters',
    },
    {
      what: 'a description of 10001 characters',
      input: { ...THEME, description: 'x'.repeat(10_001) },
      path: 'body.description',
      message: 'must be at most 10000 characters',
    },
    {
      what: 'an empty tag',
      input: { ...ORGANISATION, offers: ['food', ' '] },
      path: 'body.offers[1]',
      message: 'must not be empty',
    },
    {
      what: '51 tags',
      input: { ...ORGANISATION, needs: Array.from({ length: 51 }, (_, i) => `need ${i}`) },
      path: 'body.needs',
      message: 'must have at most 50 entries',
    },
    // unknown enum values
    {
      what: 'an unknown organisation kind',
      input: { ...ORGANISATION, orgKind: 'club' },
      path: 'body.orgKind',
      message: /^Invalid option: expected one of .*"charity".*"network"/,
    },
    {
      what: 'an unknown organisation status',
      input: { ...ORGANISATION, status: 'asleep' },
      path: 'body.status',
      message: /^Invalid option: expected one of "active"\|"dormant"\|"closed"$/,
    },
    {
      what: 'a project with an organisation status',
      input: { kind: 'project', name: 'Warm Spaces', status: 'dormant' },
      path: 'body.status',
      message: /^Invalid option: expected one of .*"planned"/,
    },
    {
      what: 'an unknown place type',
      input: { kind: 'place', name: 'Dagenham', placeType: 'city' },
      path: 'body.placeType',
      message: /^Invalid option: expected one of .*"neighbourhood"/,
    },
    {
      what: 'an unknown e-mail visibility',
      input: { ...PERSON, email: { value: 'ana@example.org', visibility: 'everyone' } },
      path: 'body.email.visibility',
      message: /^Invalid option: expected one of "private"\|"attendees"\|"network"\|"public"$/,
    },
    {
      what: 'an unknown phone visibility',
      input: { ...PERSON, phone: { value: '020 7946 0958', visibility: 'friends' } },
      path: 'body.phone.visibility',
      message: /^Invalid option: expected one of .*"attendees"/,
    },
    {
      what: 'an unknown node kind',
      input: { kind: 'robot', name: 'R2' },
      path: 'body.kind',
      message: /^Invalid discriminator value.*'organisation'.*'place'/,
    },
    // dates
    {
      what: 'a since in the form DD/MM/YYYY',
      input: { ...THEME, since: '01/02/2024' },
      path: 'body.since',
      message: 'must be a date in the form YYYY-MM-DD',
    },
    {
      what: 'a since that does not exist (30 February)',
      input: { ...THEME, since: '2024-02-30' },
      path: 'body.since',
      message: 'must be a date in the form YYYY-MM-DD',
    },
    {
      what: 'a since with a time',
      input: { ...THEME, since: '2024-02-01T10:00:00Z' },
      path: 'body.since',
      message: 'must be a date in the form YYYY-MM-DD',
    },
    {
      what: 'an until that is a number',
      input: { ...THEME, until: 20240201 },
      path: 'body.until',
      message: 'must be a date in the form YYYY-MM-DD',
    },
    {
      what: 'a meeting with a malformed date',
      input: { kind: 'meeting', name: 'Forum', date: '2024-4-18' },
      path: 'body.date',
      message: 'must be a date in the form YYYY-MM-DD',
    },
    {
      what: 'an until before since',
      input: { ...ORGANISATION, since: '2020-06-01', until: '2020-05-31' },
      path: 'body.until',
      message: 'must not be before since',
    },
    // contact details
    {
      what: 'an e-mail address without @',
      input: { ...PERSON, email: { value: 'ana.example.org', visibility: 'public' } },
      path: 'body.email.value',
      message: 'must be an e-mail address',
    },
    {
      what: 'an e-mail address with a space',
      input: { ...PERSON, email: { value: 'ana k@example.org', visibility: 'public' } },
      path: 'body.email.value',
      message: 'must be an e-mail address',
    },
    {
      what: 'a phone number with letters',
      input: { ...PERSON, phone: { value: 'call the office', visibility: 'public' } },
      path: 'body.phone.value',
      message: 'must be a phone number (digits, spaces, + ( ) -)',
    },
    {
      what: 'a phone number of four digits',
      input: { ...PERSON, phone: { value: '1234', visibility: 'public' } },
      path: 'body.phone.value',
      message: 'must be a phone number (digits, spaces, + ( ) -)',
    },
    // websites
    {
      what: 'a javascript: website',
      input: { ...ORGANISATION, website: 'javascript:alert(1)' },
      path: 'body.website',
      message: 'must be an http or https address',
    },
    {
      what: 'an upper-case JAVASCRIPT: website',
      input: { ...ORGANISATION, website: 'JAVASCRIPT:alert(1)' },
      path: 'body.website',
      message: 'must be an http or https address',
    },
    {
      what: 'a javascript: website behind leading spaces',
      input: { ...ORGANISATION, website: '  javascript:alert(1)' },
      path: 'body.website',
      message: 'must be an http or https address',
    },
    {
      what: 'a data: website',
      input: { ...ORGANISATION, website: 'data:text/html,<script>alert(1)</script>' },
      path: 'body.website',
      message: 'must be an http or https address',
    },
    {
      what: 'an ftp website',
      input: { ...ORGANISATION, website: 'ftp://files.example.org' },
      path: 'body.website',
      message: 'must be an http or https address',
    },
    {
      what: 'a website that is not an address',
      input: { ...ORGANISATION, website: 'our facebook page' },
      path: 'body.website',
      message: 'must be an http or https address',
    },
    // unknown fields
    {
      what: 'an unknown extra field',
      input: { ...THEME, foo: 'bar' },
      path: 'body.foo',
      message: 'is not a known field',
    },
    {
      what: 'an organisation with a person field',
      input: { ...ORGANISATION, email: null },
      path: 'body.email',
      message: 'is not a known field',
    },
    {
      what: 'a theme with a createdAt',
      input: { ...THEME, createdAt: CREATED },
      path: 'body.createdAt',
      message: 'is not a known field',
    },
    {
      what: 'an unknown field inside an e-mail',
      input: { ...PERSON, email: { value: 'ana@example.org', visibility: 'public', note: 'x' } },
      path: 'body.email.note',
      message: 'is not a known field',
    },
    // ids
    {
      what: 'an id with a space',
      input: { ...THEME, id: 'theme befriending' },
      path: 'body.id',
      message: 'may contain only letters, digits and . _ : -',
    },
    {
      what: 'an id with a slash',
      input: { ...THEME, id: 'themes/befriending' },
      path: 'body.id',
      message: 'may contain only letters, digits and . _ : -',
    },
    {
      what: 'an id starting with a hyphen',
      input: { ...THEME, id: '-befriending' },
      path: 'body.id',
      message: 'may contain only letters, digits and . _ : -',
    },
    {
      what: 'an id of 101 characters',
      input: { ...THEME, id: 'a'.repeat(101) },
      path: 'body.id',
      message: 'must be at most 100 characters',
    },
  ];

  it.each(invalidBodies)('rejects $what, naming $path', ({ input, path, message }) => {
    expectOneIssue(issuesOf(CreateNodeBodySchema, input), path, message);
  });

  it('reports one issue per unknown field', () => {
    const issues = issuesOf(CreateNodeBodySchema, { ...THEME, colour: 'red', size: 3 });

    expect(issues).toEqual([
      { path: 'body.colour', message: 'is not a known field' },
      { path: 'body.size', message: 'is not a known field' },
    ]);
  });
});

describe('GraphNodeSchema', () => {
  it.each(NODE_KINDS)('parses a stored %s unchanged', (kind) => {
    const node = STORED_NODES[kind];

    expect(GraphNodeSchema.parse(node)).toStrictEqual(node);
  });

  it('rejects a stored node without timestamps, naming both', () => {
    const node = withoutKeys(STORED_NODES.theme, 'createdAt', 'updatedAt');

    expect(issuesOf(GraphNodeSchema, node)).toEqual([
      { path: 'body.createdAt', message: 'is required' },
      { path: 'body.updatedAt', message: 'is required' },
    ]);
  });

  it('rejects a stored node without an id, naming body.id', () => {
    const node = withoutKeys(STORED_NODES.place, 'id');

    expectOneIssue(issuesOf(GraphNodeSchema, node), 'body.id', 'is required');
  });

  it('rejects a timestamp without a time zone, naming body.createdAt', () => {
    const node = { ...STORED_NODES.project, createdAt: '2024-05-01T09:30:00' };

    expectOneIssue(issuesOf(GraphNodeSchema, node), 'body.createdAt', 'Invalid ISO datetime');
  });

  it('rejects a stored node whose until is before since, naming body.until', () => {
    const node = { ...STORED_NODES.project, since: '2023-01-02', until: '2023-01-01' };

    expectOneIssue(issuesOf(GraphNodeSchema, node), 'body.until', 'must not be before since');
  });

  it('rejects organisation fields on a stored project, naming each', () => {
    const node = { ...STORED_NODES.organisation, kind: 'project' };

    const paths = issuesOf(GraphNodeSchema, node).map((issue) => issue.path);

    expect(paths).toEqual([
      'body.orgKind',
      'body.website',
      'body.values',
      'body.offers',
      'body.needs',
      'body.founded',
    ]);
  });
});

describe('UpdateNodeBodySchema', () => {
  it('rejects a patch without kind, naming body.kind', () => {
    expectOneIssue(
      issuesOf(UpdateNodeBodySchema, { name: 'New name' }),
      'body.kind',
      'is required',
    );
  });

  it.each(NODE_KINDS)('accepts a %s patch that holds only its kind', (kind) => {
    expect(UpdateNodeBodySchema.parse({ kind })).toStrictEqual({ kind });
  });

  it('accepts a partial organisation without adding defaults', () => {
    const patch = { kind: 'organisation', status: 'dormant', website: null };

    expect(UpdateNodeBodySchema.parse(patch)).toStrictEqual(patch);
  });

  it('accepts a partial person that changes only the e-mail', () => {
    const patch = { kind: 'person', email: { value: 'sam@example.org', visibility: 'private' } };

    expect(UpdateNodeBodySchema.parse(patch)).toStrictEqual(patch);
  });

  const otherKindFields: RejectCase[] = [
    {
      what: 'a theme patch with an orgKind',
      input: { kind: 'theme', orgKind: 'charity' },
      path: 'body.orgKind',
      message: 'is not a known field',
    },
    {
      what: 'an organisation patch with a phone',
      input: { kind: 'organisation', phone: null },
      path: 'body.phone',
      message: 'is not a known field',
    },
    {
      what: 'a person patch with a date',
      input: { kind: 'person', date: '2024-01-01' },
      path: 'body.date',
      message: 'is not a known field',
    },
    {
      what: 'a meeting patch with a placeType',
      input: { kind: 'meeting', placeType: 'town' },
      path: 'body.placeType',
      message: 'is not a known field',
    },
    {
      what: 'a place patch with a description',
      input: { kind: 'place', description: 'A town.' },
      path: 'body.description',
      message: 'is not a known field',
    },
  ];

  it.each(otherKindFields)('rejects $what, naming $path', ({ input, path, message }) => {
    expectOneIssue(issuesOf(UpdateNodeBodySchema, input), path, message);
  });

  const invalidPatches: RejectCase[] = [
    {
      what: 'an empty name',
      input: { kind: 'person', name: '' },
      path: 'body.name',
      message: 'must not be empty',
    },
    {
      what: 'a javascript: website',
      input: { kind: 'organisation', website: 'javascript:alert(1)' },
      path: 'body.website',
      message: 'must be an http or https address',
    },
    {
      what: 'a null description',
      input: { kind: 'theme', description: null },
      path: 'body.description',
      message: 'Invalid input: expected string, received null',
    },
    {
      what: 'an unknown orgKind',
      input: { kind: 'organisation', orgKind: 'club' },
      path: 'body.orgKind',
      message: /^Invalid option: expected one of .*"charity"/,
    },
    {
      what: 'an unknown node kind',
      input: { kind: 'robot' },
      path: 'body.kind',
      message: /^Invalid discriminator value/,
    },
  ];

  it.each(invalidPatches)('rejects $what, naming $path', ({ input, path, message }) => {
    expectOneIssue(issuesOf(UpdateNodeBodySchema, input), path, message);
  });
});

describe('CreateLinkBodySchema', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-04T12:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(LINK_KINDS)('fills in the defaults of a minimal %s body', (kind) => {
    const parsed = CreateLinkBodySchema.parse({ kind, source: 'node-a', target: 'node-b' });

    expect(parsed).toStrictEqual({
      kind,
      source: 'node-a',
      target: 'node-b',
      since: '2025-03-04',
      until: null,
      strength: 2,
      notes: '',
      meetingId: null,
      collaborationType: null,
      role: null,
      consent: null,
    });
  });

  const kindSpecificValues: { kind: LinkKind; field: KindSpecificLinkField; value: unknown }[] = [
    ...COLLABORATION_TYPES.map((value) => ({
      kind: 'COLLABORATES_WITH' as const,
      field: 'collaborationType' as const,
      value,
    })),
    ...PARTNER_ROLES.map((value) => ({
      kind: 'PARTNER_IN' as const,
      field: 'role' as const,
      value,
    })),
    ...[
      { shareEmail: true, sharePhone: false },
      { shareEmail: false, sharePhone: false },
    ].map((value) => ({ kind: 'ATTENDED' as const, field: 'consent' as const, value })),
  ];

  it.each(kindSpecificValues)('accepts a full $kind body with $field $value', (example) => {
    const body: CreateLinkInput = {
      id: 'link:2024-001',
      kind: example.kind,
      source: 'org-a',
      target: 'org-b',
      since: '2023-05-01',
      until: '2024-05-01',
      strength: 3,
      notes: 'Met at the spring forum.',
      meetingId: 'meet_2024_03',
      collaborationType: null,
      role: null,
      consent: null,
      [example.field]: example.value,
    };

    expect(CreateLinkBodySchema.parse(body)).toStrictEqual(body);
  });

  it.each([1, 2, 3])('accepts strength %i', (strength) => {
    const parsed = CreateLinkBodySchema.parse({
      kind: 'FUNDS',
      source: 'org-a',
      target: 'org-b',
      strength,
    });

    expect(parsed.strength).toBe(strength);
  });

  it('accepts null for the kind-specific fields of other kinds', () => {
    const parsed = CreateLinkBodySchema.parse({
      kind: 'WORKS_AT',
      source: 'person-a',
      target: 'org-b',
      collaborationType: null,
      role: null,
      consent: null,
    });

    expect(parsed).toMatchObject({ collaborationType: null, role: null, consent: null });
  });

  const invalidLinks: RejectCase[] = [
    {
      what: 'a link without a source',
      input: { kind: 'WORKS_AT', target: 'org-b' },
      path: 'body.source',
      message: 'is required',
    },
    {
      what: 'a link without a target',
      input: { kind: 'WORKS_AT', source: 'person-a' },
      path: 'body.target',
      message: 'is required',
    },
    {
      what: 'an unknown link kind',
      input: { kind: 'LIKES', source: 'person-a', target: 'org-b' },
      path: 'body.kind',
      message: /^Invalid option: expected one of "COLLABORATES_WITH".*"BASED_IN"$/,
    },
    {
      what: 'strength 0',
      input: { kind: 'FUNDS', source: 'org-a', target: 'org-b', strength: 0 },
      path: 'body.strength',
      message: 'must be 1, 2 or 3',
    },
    {
      what: 'strength 4',
      input: { kind: 'FUNDS', source: 'org-a', target: 'org-b', strength: 4 },
      path: 'body.strength',
      message: 'must be 1, 2 or 3',
    },
    {
      what: 'strength 1.5',
      input: { kind: 'FUNDS', source: 'org-a', target: 'org-b', strength: 1.5 },
      path: 'body.strength',
      message: 'must be 1, 2 or 3',
    },
    {
      what: 'strength given as a string',
      input: { kind: 'FUNDS', source: 'org-a', target: 'org-b', strength: '2' },
      path: 'body.strength',
      message: 'must be 1, 2 or 3',
    },
    {
      what: 'an unknown partner role',
      input: { kind: 'PARTNER_IN', source: 'org-a', target: 'proj-b', role: 'boss' },
      path: 'body.role',
      message: 'Invalid option: expected one of "lead"|"partner"',
    },
    {
      what: 'an unknown collaboration type',
      input: {
        kind: 'COLLABORATES_WITH',
        source: 'org-a',
        target: 'org-b',
        collaborationType: 'friendship',
      },
      path: 'body.collaborationType',
      message: /^Invalid option: expected one of "partnership"/,
    },
    {
      what: 'a consent without its phone choice',
      input: {
        kind: 'ATTENDED',
        source: 'person-a',
        target: 'meet-b',
        consent: { shareEmail: true },
      },
      path: 'body.consent.sharePhone',
      message: 'is required',
    },
    {
      what: 'a consent that says when it was recorded (the store records that)',
      input: {
        kind: 'ATTENDED',
        source: 'person-a',
        target: 'meet-b',
        consent: { shareEmail: true, sharePhone: false, recordedAt: '2024-05-10T10:00:00Z' },
      },
      path: 'body.consent.recordedAt',
      message: 'is not a known field',
    },
    {
      what: 'an until before since',
      input: {
        kind: 'WORKS_AT',
        source: 'person-a',
        target: 'org-b',
        since: '2024-05-01',
        until: '2024-04-30',
      },
      path: 'body.until',
      message: 'must not be before since',
    },
    {
      what: 'an until before the default since (today)',
      input: { kind: 'WORKS_AT', source: 'person-a', target: 'org-b', until: '2025-03-03' },
      path: 'body.until',
      message: 'must not be before since',
    },
    {
      what: 'a malformed since',
      input: { kind: 'FUNDS', source: 'org-a', target: 'org-b', since: '4 March 2025' },
      path: 'body.since',
      message: 'must be a date in the form YYYY-MM-DD',
    },
    {
      what: 'a null since',
      input: { kind: 'FUNDS', source: 'org-a', target: 'org-b', since: null },
      path: 'body.since',
      message: 'must be a date in the form YYYY-MM-DD',
    },
    {
      what: 'a source id with a space',
      input: { kind: 'FUNDS', source: 'org a', target: 'org-b' },
      path: 'body.source',
      message: 'may contain only letters, digits and . _ : -',
    },
    {
      what: 'a meeting id with a slash',
      input: { kind: 'FUNDS', source: 'org-a', target: 'org-b', meetingId: 'meet/1' },
      path: 'body.meetingId',
      message: 'may contain only letters, digits and . _ : -',
    },
    {
      what: 'notes of 10001 characters',
      input: { kind: 'FUNDS', source: 'org-a', target: 'org-b', notes: 'x'.repeat(10_001) },
      path: 'body.notes',
      message: 'must be at most 10000 characters',
    },
    {
      what: 'an unknown extra field',
      input: { kind: 'FUNDS', source: 'org-a', target: 'org-b', weight: 3 },
      path: 'body.weight',
      message: 'is not a known field',
    },
  ];

  it.each(invalidLinks)('rejects $what, naming $path', ({ input, path, message }) => {
    expectOneIssue(issuesOf(CreateLinkBodySchema, input), path, message);
  });

  const sampleValues: Record<KindSpecificLinkField, unknown> = {
    collaborationType: 'referral',
    role: 'lead',
    consent: { shareEmail: false, sharePhone: false },
  };
  const misplacedFields = LINK_KINDS.flatMap((kind) =>
    (Object.keys(KIND_SPECIFIC_LINK_FIELDS) as KindSpecificLinkField[])
      .filter((field) => KIND_SPECIFIC_LINK_FIELDS[field] !== kind)
      .map((field) => ({ kind, field, owner: KIND_SPECIFIC_LINK_FIELDS[field] })),
  );

  it('has a misplaced-field case for every other kind of each kind-specific field', () => {
    expect(misplacedFields).toHaveLength(3 * (LINK_KINDS.length - 1));
  });

  it.each(misplacedFields)('rejects a $field on a $kind link, naming body.$field', (example) => {
    const input = {
      kind: example.kind,
      source: 'node-a',
      target: 'node-b',
      [example.field]: sampleValues[example.field],
    };

    expectOneIssue(
      issuesOf(CreateLinkBodySchema, input),
      `body.${example.field}`,
      `only ${example.owner} links have a ${example.field}, not ${example.kind}`,
    );
  });
});

describe('LinkSchema', () => {
  const storedLink: Link = {
    id: 'link-7',
    kind: 'PARTNER_IN',
    source: 'org-a',
    target: 'proj-b',
    since: '2024-01-01',
    until: null,
    strength: 3,
    notes: '',
    meetingId: null,
    collaborationType: null,
    role: 'lead',
    consent: null,
    createdBy: null,
    createdAt: CREATED,
    updatedAt: UPDATED,
  };

  it('parses a stored link unchanged', () => {
    expect(LinkSchema.parse(storedLink)).toStrictEqual(storedLink);
  });

  it('rejects a stored link with a role on a FUNDS link, naming body.role', () => {
    expectOneIssue(
      issuesOf(LinkSchema, { ...storedLink, kind: 'FUNDS' }),
      'body.role',
      'only PARTNER_IN links have a role, not FUNDS',
    );
  });
});

describe('UpdateLinkBodySchema', () => {
  it('accepts a partial that changes only the strength', () => {
    expect(UpdateLinkBodySchema.parse({ strength: 1 })).toStrictEqual({ strength: 1 });
  });

  it('rejects a change of kind, naming body.kind', () => {
    expectOneIssue(
      issuesOf(UpdateLinkBodySchema, { kind: 'FUNDS' }),
      'body.kind',
      'is not a known field',
    );
  });

  it('rejects an until before since, naming body.until', () => {
    expectOneIssue(
      issuesOf(UpdateLinkBodySchema, { since: '2024-02-01', until: '2024-01-31' }),
      'body.until',
      'must not be before since',
    );
  });

  it('rejects strength 4, naming body.strength', () => {
    expectOneIssue(
      issuesOf(UpdateLinkBodySchema, { strength: 4 }),
      'body.strength',
      'must be 1, 2 or 3',
    );
  });
});

describe('ListNodesQuerySchema', () => {
  it('defaults limit to 50 and leaves every filter out', () => {
    expect(ListNodesQuerySchema.parse({})).toStrictEqual({ limit: 50 });
  });

  it('splits a comma-separated list into a de-duplicated array', () => {
    const query = ListNodesQuerySchema.parse({ kind: 'organisation, person,organisation' });

    expect(query.kind).toEqual(['organisation', 'person']);
  });

  it('joins a repeated key and comma-separated values into a de-duplicated array', () => {
    const query = ListNodesQuerySchema.parse({
      orgKind: ['charity', 'network,charity', 'company'],
    });

    expect(query.orgKind).toEqual(['charity', 'network', 'company']);
  });

  it('treats an empty list parameter as absent', () => {
    const query = ListNodesQuerySchema.parse({ status: '' });

    expect(query.status).toBeUndefined();
  });

  it('coerces limit from a string', () => {
    expect(ListNodesQuerySchema.parse({ limit: '20' }).limit).toBe(20);
  });

  it.each(['1', '500'])('accepts limit %s', (limit) => {
    expect(ListNodesQuerySchema.parse({ limit }).limit).toBe(Number(limit));
  });

  it('keeps the other filters', () => {
    const query = ListNodesQuerySchema.parse({
      theme: 'theme-wellbeing',
      place: 'place-dagenham',
      q: '  food  ',
      asOf: '2023-12-31',
      cursor: 'abc',
    });

    expect(query).toStrictEqual({
      theme: ['theme-wellbeing'],
      place: ['place-dagenham'],
      q: 'food',
      asOf: '2023-12-31',
      cursor: 'abc',
      limit: 50,
    });
  });

  it.each(['theme', 'place'])('accepts 100 %s values', (key) => {
    const values = Array.from({ length: 100 }, (_, i) => `id-${i}`);

    const query = ListNodesQuerySchema.parse({ [key]: values.join(',') });

    expect(query).toMatchObject({ [key]: values });
  });

  it('counts list values after removing duplicates', () => {
    const query = ListNodesQuerySchema.parse({ theme: Array.from({ length: 150 }, () => 'same') });

    expect(query.theme).toEqual(['same']);
  });

  const invalidQueries: RejectCase[] = [
    {
      what: 'limit 0',
      input: { limit: '0' },
      path: 'query.limit',
      message: 'must be between 1 and 500',
    },
    {
      what: 'limit 501',
      input: { limit: '501' },
      path: 'query.limit',
      message: 'must be between 1 and 500',
    },
    {
      what: 'a fractional limit',
      input: { limit: '2.5' },
      path: 'query.limit',
      message: 'must be a whole number',
    },
    {
      what: 'a limit that is not a number',
      input: { limit: 'ten' },
      path: 'query.limit',
      message: 'must be a whole number',
    },
    {
      what: '101 theme values',
      input: { theme: Array.from({ length: 101 }, (_, i) => `id-${i}`).join(',') },
      path: 'query.theme',
      message: 'must list at most 100 values',
    },
    {
      what: '101 place values given as repeated keys',
      input: { place: Array.from({ length: 101 }, (_, i) => `id-${i}`) },
      path: 'query.place',
      message: 'must list at most 100 values',
    },
    {
      what: 'an unknown node kind in a list',
      input: { kind: 'organisation,robot' },
      path: 'query.kind[1]',
      message: /^Invalid option: expected one of "organisation"/,
    },
    {
      what: 'an unknown organisation kind',
      input: { orgKind: 'club' },
      path: 'query.orgKind[0]',
      message: /^Invalid option: expected one of "charity"/,
    },
    {
      what: 'an unknown status',
      input: { status: 'active,sleepy' },
      path: 'query.status[1]',
      message: /^Invalid option: expected one of "active"/,
    },
    {
      what: 'a theme id with forbidden characters',
      input: { theme: 'theme-ok,theme<script>' },
      path: 'query.theme[1]',
      message: 'may contain only letters, digits and . _ : -',
    },
    {
      what: 'a malformed asOf',
      input: { asOf: '2024-1-1' },
      path: 'query.asOf',
      message: 'must be a date in the form YYYY-MM-DD',
    },
    {
      what: 'a search text of 201 characters',
      input: { q: 'x'.repeat(201) },
      path: 'query.q',
      message: 'must be at most 200 characters',
    },
  ];

  it.each(invalidQueries)('rejects $what, naming $path', ({ input, path, message }) => {
    expectOneIssue(issuesOf(ListNodesQuerySchema, input, 'query'), path, message);
  });
});

describe('MapQuerySchema', () => {
  it('leaves every filter and the depth out when none is given', () => {
    expect(MapQuerySchema.parse({})).toStrictEqual({});
  });

  it('rejects a depth without a focus, naming query.depth', () => {
    expectOneIssue(
      issuesOf(MapQuerySchema, { depth: '2' }, 'query'),
      'query.depth',
      'needs a focus node (focus=…)',
    );
  });

  it('parses link kinds, focus and a depth given as a string', () => {
    const query = MapQuerySchema.parse({
      linkKind: ['FUNDS,WORKS_AT', 'FUNDS'],
      focus: 'org-a',
      depth: '3',
    });

    expect(query).toStrictEqual({ linkKind: ['FUNDS', 'WORKS_AT'], focus: 'org-a', depth: 3 });
  });

  it.each(['1', '2', '3'])('accepts depth %s with a focus', (depth) => {
    expect(MapQuerySchema.parse({ focus: 'org-a', depth }).depth).toBe(Number(depth));
  });

  const invalidQueries: RejectCase[] = [
    {
      what: 'depth 0',
      input: { focus: 'a', depth: '0' },
      path: 'query.depth',
      message: 'must be 1, 2 or 3',
    },
    {
      what: 'depth 4',
      input: { focus: 'a', depth: '4' },
      path: 'query.depth',
      message: 'must be 1, 2 or 3',
    },
    {
      what: 'a fractional depth',
      input: { focus: 'a', depth: '1.5' },
      path: 'query.depth',
      message: 'must be 1, 2 or 3',
    },
    {
      what: 'an unknown link kind',
      input: { linkKind: 'FUNDS,LIKES' },
      path: 'query.linkKind[1]',
      message: /^Invalid option: expected one of "COLLABORATES_WITH"/,
    },
    {
      what: 'a focus id with forbidden characters',
      input: { focus: 'org a' },
      path: 'query.focus',
      message: 'may contain only letters, digits and . _ : -',
    },
  ];

  it.each(invalidQueries)('rejects $what, naming $path', ({ input, path, message }) => {
    expectOneIssue(issuesOf(MapQuerySchema, input, 'query'), path, message);
  });
});

describe('NeighbourhoodQuerySchema', () => {
  it('defaults depth to 1', () => {
    expect(NeighbourhoodQuerySchema.parse({})).toStrictEqual({ depth: 1 });
  });

  it('rejects depth 4, naming query.depth', () => {
    expectOneIssue(
      issuesOf(NeighbourhoodQuerySchema, { depth: '4' }, 'query'),
      'query.depth',
      'must be 1, 2 or 3',
    );
  });
});

describe('IdParamsSchema', () => {
  it('rejects an id with forbidden characters, naming params.id', () => {
    expectOneIssue(
      issuesOf(IdParamsSchema, { id: '..%2Fetc' }, 'params'),
      'params.id',
      'may contain only letters, digits and . _ : -',
    );
  });
});

describe('ErrorBodySchema', () => {
  it('accepts an error body with issues', () => {
    const body = {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'body.name is required',
      issues: [{ path: 'body.name', message: 'is required' }],
    };

    expect(ErrorBodySchema.parse(body)).toStrictEqual(body);
  });

  it('rejects an error body without code', () => {
    const issues = issuesOf(ErrorBodySchema, {
      statusCode: 404,
      message: 'Not found',
      issues: [],
    });

    expect(issues.map((issue) => issue.path)).toEqual(['body.code']);
  });

  it('rejects an error body without issues, naming body.issues', () => {
    expectOneIssue(
      issuesOf(ErrorBodySchema, { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }),
      'body.issues',
      'is required',
    );
  });
});

describe('toFieldIssues', () => {
  it('writes array indices in brackets inside a nested path', () => {
    const issues = issuesOf(BatchBodySchema, {
      ops: [
        { op: 'deleteNode', id: 'n1' },
        { op: 'createNode', node: { kind: 'theme' } },
      ],
    });

    expect(issues).toEqual([{ path: 'body.ops[1].node.name', message: 'is required' }]);
  });

  it('names an issue at the root (root) when there is no prefix', () => {
    const issues = issuesOf(CreateNodeBodySchema, 'not an object', '');

    expect(issues.map((issue) => issue.path)).toEqual(['(root)']);
  });

  it('leaves the path unprefixed when there is no prefix', () => {
    const issues = issuesOf(CreateNodeBodySchema, { kind: 'theme' }, '');

    expect(issues).toEqual([{ path: 'name', message: 'is required' }]);
  });
});

describe('summariseIssues', () => {
  it('joins issues as "path message" separated by semicolons', () => {
    const summary = summariseIssues([
      { path: 'body.name', message: 'is required' },
      { path: 'body.until', message: 'must not be before since' },
    ]);

    expect(summary).toBe('body.name is required; body.until must not be before since');
  });

  it('summarises no issues as an empty string', () => {
    expect(summariseIssues([])).toBe('');
  });
});

describe('lifetimeOf', () => {
  it('starts a meeting without since on its date', () => {
    expect(lifetimeOf(STORED_NODES.meeting)).toEqual({ from: '2024-03-12', until: null });
  });

  it('starts a meeting with since on its since', () => {
    const meeting = { ...STORED_NODES.meeting, since: '2024-01-15', until: '2024-06-01' };

    expect(lifetimeOf(meeting)).toEqual({ from: '2024-01-15', until: '2024-06-01' });
  });

  it('gives a node of another kind without since no start', () => {
    expect(lifetimeOf(STORED_NODES.theme)).toEqual({ from: null, until: null });
  });

  it('uses since and until of a project', () => {
    expect(lifetimeOf(STORED_NODES.project)).toEqual({ from: '2022-10-01', until: '2023-03-31' });
  });
});

describe('isAliveOn', () => {
  const cases: {
    what: string;
    from: string | null;
    until: string | null;
    asOf: string;
    alive: boolean;
  }[] = [
    { what: 'always there', from: null, until: null, asOf: '1999-01-01', alive: true },
    {
      what: 'the day before from',
      from: '2024-01-01',
      until: null,
      asOf: '2023-12-31',
      alive: false,
    },
    { what: 'on from', from: '2024-01-01', until: null, asOf: '2024-01-01', alive: true },
    {
      what: 'the day before until',
      from: null,
      until: '2024-06-01',
      asOf: '2024-05-31',
      alive: true,
    },
    {
      what: 'on until (exclusive)',
      from: null,
      until: '2024-06-01',
      asOf: '2024-06-01',
      alive: false,
    },
    {
      what: 'after until',
      from: '2024-01-01',
      until: '2024-06-01',
      asOf: '2025-01-01',
      alive: false,
    },
  ];

  it.each(cases)('returns $alive for $what', ({ from, until, asOf, alive }) => {
    expect(isAliveOn({ from, until }, asOf)).toBe(alive);
  });

  it('shows a meeting without since from its date on', () => {
    const lifetime = lifetimeOf(STORED_NODES.meeting);

    expect([isAliveOn(lifetime, '2024-03-11'), isAliveOn(lifetime, '2024-03-12')]).toEqual([
      false,
      true,
    ]);
  });
});

describe('orgKindOf', () => {
  it("returns an organisation's kind", () => {
    expect(orgKindOf(STORED_NODES.organisation)).toBe('charity');
  });

  it.each(NODE_KINDS.filter((kind) => kind !== 'organisation'))('returns null for a %s', (kind) => {
    expect(orgKindOf(STORED_NODES[kind])).toBeNull();
  });
});

describe('statusOf', () => {
  it("returns an organisation's status", () => {
    expect(statusOf(STORED_NODES.organisation)).toBe('active');
  });

  it("returns a project's status", () => {
    expect(statusOf(STORED_NODES.project)).toBe('paused');
  });

  it.each(['person', 'meeting', 'theme', 'place'] as const)('returns null for a %s', (kind) => {
    expect(statusOf(STORED_NODES[kind])).toBeNull();
  });
});
