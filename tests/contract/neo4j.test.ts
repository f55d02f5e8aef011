/**
 * The GraphStore contract against Neo4j, when NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD and
 * optionally NEO4J_DATABASE) names a Neo4j 5 server: `npm run test:neo4j`. Each case starts from an
 * empty database (everything in it is deleted: never point this at data you want to keep).
 *
 * Without a server, this file still checks what can be checked: that every node and link, written
 * as the adapter writes it, encoded and decoded by neo4j-driver's own Bolt 5 code, reads back as
 * exactly the same JSON. It deliberately has no stand-in for the database: store behaviour is
 * checked only against a real Neo4j (and Cypher by Neo4j's own front end, cypher-lint.test.ts).
 */
import { createRequire } from 'node:module';
import { loadConfig, openStore, type GraphStore } from '@octograph/server';
import {
  type CreateLinkInput,
  type CreateNodeInput,
  type GraphNode,
  type Link,
} from '@octograph/graph-schema';
import { describe, expect, it, vi } from 'vitest';
import {
  linkFromProperties,
  linkProperties,
  nodeFromProperties,
  nodeProperties,
} from '../../server/src/store/neo4j/properties.js';
import { emptyNeo4jDatabase } from '../../server/src/store/neo4j/test-support.js';
import {
  fromNeoDate,
  fromNeoDateTime,
  toNeoDate,
  toNeoDateTime,
  type PropertyMap,
} from '../../server/src/store/neo4j/values.js';
import { newLink, newNode } from '../../server/src/store/write-rules.js';
import { NOT_ASKED_REASON, NOT_SET_REASON, neo4jTestRun } from '../helpers/neo4j-env.js';
import { testStoreIsNeo4j } from '../helpers/neo4j.js';
import { describeGraphStoreContract } from './graph-store-contract.js';

/**
 * The server part runs in the `neo4j` project only (vitest.config.ts hands that project the Neo4j
 * variables); in the `contract` project only the checks without a server below run.
 */
const skipReason = testStoreIsNeo4j()
  ? neo4jTestRun(process.env).reason
  : 'the Neo4j contract runs in the `neo4j` project';

// Only the Neo4j variables, so an unrelated variable of the environment cannot stop this file.
const neo4j =
  skipReason === null
    ? loadConfig({
        NEO4J_URI: process.env.NEO4J_URI,
        NEO4J_USER: process.env.NEO4J_USER,
        NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
        NEO4J_DATABASE: process.env.NEO4J_DATABASE,
      }).neo4j
    : undefined;

describe.skipIf(testStoreIsNeo4j())('the Neo4j contract run', () => {
  it.each([
    [{}, NOT_SET_REASON],
    [{ NEO4J_URI: 'bolt://localhost:7687' }, NOT_ASKED_REASON],
    [{ NEO4J_URI: 'bolt://localhost:7687', OCTOGRAPH_TEST_NEO4J: 'yes' }, NOT_ASKED_REASON],
    [{ NEO4J_URI: 'bolt://localhost:7687', OCTOGRAPH_TEST_NEO4J: '1' }, null],
  ] as [NodeJS.ProcessEnv, string | null][])(
    'runs against Neo4j only when asked to, saying why not (%o)',
    (env, reason) => {
      expect(neo4jTestRun(env).reason).toBe(reason);
    },
  );
});

describe.skipIf(neo4j === undefined)('Neo4j server', () => {
  // A real server over the network: slower than the embedded store's file.
  vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

  const open = async (): Promise<GraphStore> => {
    if (neo4j === undefined) throw new Error(skipReason ?? NOT_SET_REASON);
    return openStore({ dataDir: '(unused with Neo4j)', neo4j });
  };

  describeGraphStoreContract('neo4j', async () => {
    if (neo4j === undefined) throw new Error(skipReason ?? NOT_SET_REASON);
    await emptyNeo4jDatabase(neo4j);
    return { store: await open(), cleanup: () => Promise.resolve() };
  });

  describe('Neo4jGraphStore', () => {
    it('opens again over the same database: the schema statements are idempotent', async () => {
      if (neo4j === undefined) throw new Error(skipReason ?? NOT_SET_REASON);
      await emptyNeo4jDatabase(neo4j);
      const first = await open();
      try {
        await first.createNode({ kind: 'theme', id: 't', name: 'Wellbeing' });
        const second = await open();
        try {
          expect(await second.getNode('t')).toEqual(await first.getNode('t'));
          expect(await second.revision()).toBe(await first.revision());
        } finally {
          await second.close();
        }
      } finally {
        await first.close();
      }
    });

    it('runs concurrent writes one at a time, each at its own revision', async () => {
      if (neo4j === undefined) throw new Error(skipReason ?? NOT_SET_REASON);
      await emptyNeo4jDatabase(neo4j);
      const store = await open();
      try {
        const before = await store.revision();
        const results = await Promise.all(
          Array.from({ length: 12 }, (_, index) =>
            store.applyBatch([
              { op: 'createNode', node: { kind: 'theme', id: `t${index}`, name: `T${index}` } },
            ]),
          ),
        );
        const revisions = results.map((result) => result.revision).sort((a, b) => a - b);
        expect(revisions).toEqual(Array.from({ length: 12 }, (_, index) => before + index + 1));
        // Each write left its entry, and entry ids follow the order the writes committed in.
        const log = (await store.listAudit({ limit: 50 })).items.reverse();
        expect(log.map((entry) => entry.revision)).toEqual(revisions);
        expect(log.map((entry) => entry.action)).toEqual(revisions.map(() => 'batch'));
      } finally {
        await store.close();
      }
    });
  });
});

// --- without a server: values through neo4j-driver's own Bolt 5 encoding ---

interface BoltTransformer {
  toStructure(value: unknown): unknown;
  fromStructure(value: unknown): unknown;
}
interface BoltBuffer {
  reset(): void;
}

// neo4j-driver's bolt-connection package has no public API for this, so its internal modules are
// loaded by path: the packstream codec and the value transformers of Bolt 5.8, exactly what the
// driver uses to send parameters and read results. A driver update that moves them fails here.
const requireInternal = createRequire(import.meta.url);
const { alloc } = requireInternal('neo4j-driver-bolt-connection/lib/channel/channel-buf.js') as {
  alloc: (size: number) => BoltBuffer;
};
const { v2: packstream } = requireInternal(
  'neo4j-driver-bolt-connection/lib/packstream/index.js',
) as {
  v2: {
    Packer: new (buffer: BoltBuffer) => {
      packable(value: unknown, dehydrate: (value: unknown) => unknown): () => void;
    };
    Unpacker: new (
      disableLosslessIntegers: boolean,
      useBigInt: boolean,
    ) => { unpack(buffer: BoltBuffer, hydrate: (value: unknown) => unknown): unknown };
  };
};
const { default: Transformer } = requireInternal(
  'neo4j-driver-bolt-connection/lib/bolt/transformer.js',
) as { default: new (transformers: unknown[]) => BoltTransformer };
const { default: bolt5Transformers } = requireInternal(
  'neo4j-driver-bolt-connection/lib/bolt/bolt-protocol-v5x8.transformer.js',
) as { default: Record<string, (config: object, logger: object) => unknown> };

const transformer = new Transformer(
  Object.values(bolt5Transformers).map((create) => create({}, { warn: () => undefined })),
);

/** A value packed as the driver sends it and unpacked as the driver reads it (default config). */
function overBolt(value: unknown): unknown {
  const buffer = alloc(1 << 16);
  new packstream.Packer(buffer).packable(value, (part) => transformer.toStructure(part))();
  buffer.reset();
  return new packstream.Unpacker(false, false).unpack(buffer, (part) =>
    transformer.fromStructure(part),
  );
}

/**
 * Properties written with `SET n = $props` and read back with `n {.*}`: Neo4j stores no nulls, so
 * null-valued keys come back absent; the position the map may add comes back too.
 */
function storedAndRead(properties: PropertyMap, extra: PropertyMap = {}): Record<string, unknown> {
  const stored = Object.fromEntries(
    Object.entries({ ...properties, ...extra }).filter(([, value]) => value !== null),
  );
  const read = overBolt(stored);
  if (typeof read !== 'object' || read === null) throw new Error('a map did not come back');
  return read as Record<string, unknown>;
}

const NODES: CreateNodeInput[] = [
  {
    kind: 'organisation',
    id: 'larder',
    name: 'Devonport Community Larder',
    orgKind: 'charity',
    description: 'Food for families',
    website: 'https://larder.example.org/',
    values: ['dignity', 'kindness'],
    offers: ['kitchen'],
    needs: [],
    status: 'dormant',
    founded: 1998,
    since: '2019-01-01',
    until: '2031-12-31',
  },
  { kind: 'organisation', id: 'plain', name: 'Plain Group', orgKind: 'informal_group' },
  {
    kind: 'person',
    id: 'ania',
    name: 'Ania Nowak',
    role: 'Coordinator',
    email: { value: 'ania@example.org', visibility: 'attendees' },
    phone: { value: '+44 1752 000000', visibility: 'private' },
  },
  { kind: 'person', id: 'bob', name: 'Bob' },
  { kind: 'project', id: 'walks', name: 'Wellbeing Walks', status: 'planned', since: '2024-03-01' },
  {
    kind: 'meeting',
    id: 'breakfast',
    name: 'Śniadanie sieciujące',
    date: '2024-05-10',
    venue: 'Biłgoraj library',
    organiser: 'Seniors Club',
    notes: 'Line one\nline two',
  },
  { kind: 'theme', id: 'wellbeing', name: 'Wellbeing', description: '' },
  { kind: 'place', id: 'bilgoraj', name: 'Biłgoraj', placeType: 'town', until: '2030-01-01' },
];

const LINKS: CreateLinkInput[] = [
  {
    kind: 'COLLABORATES_WITH',
    id: 'c1',
    source: 'larder',
    target: 'plain',
    since: '2022-01-01',
    until: '2024-02-29',
    strength: 3,
    notes: 'Shared kitchen',
    meetingId: 'breakfast',
    collaborationType: 'shared_space',
  },
  { kind: 'PARTNER_IN', source: 'larder', target: 'walks', role: 'lead', strength: 1 },
  {
    kind: 'ATTENDED',
    source: 'ania',
    target: 'breakfast',
    consent: { shareEmail: true, sharePhone: false },
  },
  { kind: 'BASED_IN', source: 'walks', target: 'bilgoraj' },
];

// Checked once, in the `contract` project: nothing here needs the server.
describe.skipIf(testStoreIsNeo4j())(
  'Neo4j values without a server (neo4j-driver Bolt 5 encoding)',
  () => {
    it.each(NODES.map((input) => [`${input.kind} ${input.id ?? ''}`, input] as const))(
      'reads a stored %s back exactly as it was written',
      (_name, input) => {
        const node: GraphNode = newNode(input);
        const read = storedAndRead(nodeProperties(node), { x: 12.5, y: -3 });
        expect(nodeFromProperties(read)).toEqual(node);
      },
    );

    it.each(LINKS.map((input) => [input.kind, input] as const))(
      'reads a stored %s link back exactly as it was written',
      (_kind, input) => {
        const link: Link = newLink(input, { actor: 'coordinator@example.org' });
        const read = storedAndRead(linkProperties(link));
        expect(
          linkFromProperties(read, { kind: link.kind, source: link.source, target: link.target }),
        ).toEqual(link);
      },
    );

    it.each([
      '2026-11-21T14:32:53.271Z',
      '2026-11-21T14:32:53.000Z',
      '2024-02-29T23:59:59.999Z',
      '1970-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.001Z',
      '0001-01-01T00:00:00.000Z',
      '0099-06-15T12:00:00.500Z',
      '9999-12-31T23:59:59.999Z',
    ])('keeps the timestamp %s to the character', (timestamp) => {
      expect(fromNeoDateTime(overBolt(toNeoDateTime(timestamp)), 'createdAt')).toBe(timestamp);
    });

    it.each(['2024-05-10', '0001-01-01', '1969-12-31', '2024-02-29', '9999-12-31'])(
      'keeps the date %s to the character',
      (date) => {
        expect(fromNeoDate(overBolt(toNeoDate(date)), 'since')).toBe(date);
      },
    );

    it.each([
      { written: '2026-11-21T16:32:53+02:00', read: '2026-11-21T14:32:53.000Z' },
      { written: '2026-11-21T14:32:53.1234567Z', read: '2026-11-21T14:32:53.123Z' },
    ])(
      'reads another spelling of an instant ($written) in the canonical form',
      ({ written, read }) => {
        expect(fromNeoDateTime(overBolt(toNeoDateTime(written)), 'createdAt')).toBe(read);
      },
    );
  },
);
