/**
 * GET /api/events, the change stream, over a real HTTP connection to the app (inject cannot
 * stream): one `change` event per committed write, in revision order, with ids only; resuming
 * with Last-Event-ID gives exactly what was missed; a stream without a session is 401; signing
 * out closes it; a Last-Event-ID that is not a number starts from now.
 */
import { ChangeEventSchema, PresenceEventSchema, type ChangeEvent } from '@octograph/graph-schema';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEventStream, type StreamEvent } from '../../bench/src/sse.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let api: TestApp;
let baseUrl: string;

beforeAll(async () => {
  api = await startTestApp({ env: { PUBLIC_READ: 'false', EVENT_STREAMS_PER_ADDRESS: '4' } });
  // With an administrator, a visitor from this machine is no longer let in to set one up.
  await api.user('admin');
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = api.app.server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${String(port)}`;
});

afterAll(async () => {
  await api.close();
});

/** An open stream: the events read so far, and a way to wait for more. */
interface Stream {
  events: StreamEvent[];
  /** Resolves when `count` events have come (fails after `ms`). */
  next(count: number, ms?: number): Promise<StreamEvent[]>;
  /** Whether the server ended the stream. */
  ended(): boolean;
  close(): void;
}

async function openStream(headers: Record<string, string>): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, { headers, signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: StreamEvent[] = [];
  let done = false;
  if (!response.body) throw new Error('no body');
  void readEventStream(response.body, (event) => events.push(event)).finally(() => {
    done = true;
  });
  return {
    events,
    async next(count, ms = 5_000) {
      await expect.poll(() => events.length, { timeout: ms }).toBeGreaterThanOrEqual(count);
      return events.slice(0, count);
    },
    ended: () => done,
    close: () => {
      controller.abort();
    },
  };
}

function changes(events: readonly StreamEvent[]): ChangeEvent[] {
  return events
    .filter((event) => event.event === 'change')
    .map((event) => ChangeEventSchema.parse(JSON.parse(event.data)));
}

/** The events of graph writes (a new node's position is saved by a write of its own). */
function graphWrites(events: readonly StreamEvent[]): ChangeEvent[] {
  return changes(events).filter((event) => event.action !== 'savePositions');
}

/** Waits for `count` graph writes on the stream. */
async function writes(stream: Stream, count: number): Promise<ChangeEvent[]> {
  await expect.poll(() => graphWrites(stream.events).length).toBeGreaterThanOrEqual(count);
  return graphWrites(stream.events).slice(0, count);
}

async function createOrganisation(name: string): Promise<string> {
  const { status, body } = await api.request({
    method: 'POST',
    url: '/api/nodes',
    as: 'editor',
    payload: { kind: 'organisation', name, orgKind: 'charity' },
  });
  expect(status).toBe(201);
  return (body as { id: string }).id;
}

describe('GET /api/events', () => {
  it('sends one change event per write, in order, with the ids it touched and nothing else', async () => {
    const viewer = await api.user('viewer');
    const stream = await openStream(viewer.headers);
    try {
      const first = await createOrganisation('Harbour Lights Choir');
      const second = await createOrganisation('Quay Street Pantry');
      const { status } = await api.request({
        method: 'POST',
        url: '/api/links',
        as: 'editor',
        payload: { kind: 'COLLABORATES_WITH', source: first, target: second },
      });
      expect(status).toBe(201);
      const received = await writes(stream, 3);
      expect(received.map((event) => event.action)).toEqual([
        'createNode',
        'createNode',
        'createLink',
      ]);
      expect(received[0]?.nodes).toEqual([first]);
      // Who made it, by name, for a signed-in reader.
      const editor = await api.user('editor');
      expect(received[0]?.by?.id).toBe(editor.id);
      expect(received[0]?.by?.name).toEqual(expect.any(String));
      expect(received[1]?.nodes).toEqual([second]);
      expect(received[2]?.links).toHaveLength(1);
      // Every revision once, in order, each event's id its revision.
      const all = changes(stream.events);
      const revisions = all.map((event) => event.revision);
      expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
      expect(new Set(revisions).size).toBe(revisions.length);
      expect(
        stream.events.filter((event) => event.event === 'change').map((event) => event.id),
      ).toEqual(revisions.map(String));
      // Ids and kinds only: no names or other field values on the stream.
      expect(stream.events.map((event) => event.data).join('')).not.toContain('Harbour');
    } finally {
      stream.close();
    }
  });

  it('resumes from Last-Event-ID with exactly the writes missed', async () => {
    const viewer = await api.user('viewer');
    const { body } = await api.request({ method: 'GET', url: '/api/health', as: 'viewer' });
    const seen = (body as { revision: number }).revision;
    const missed = [await createOrganisation('Missed One'), await createOrganisation('Missed Two')];
    const stream = await openStream({ ...viewer.headers, 'last-event-id': String(seen) });
    try {
      const received = await writes(stream, 2);
      expect(received.map((event) => event.nodes[0])).toEqual(missed);
      expect(changes(stream.events)[0]?.revision).toBe(seen + 1);
      // Nothing twice: a write after the resume comes once, after those.
      const later = await createOrganisation('After The Resume');
      const all = await writes(stream, 3);
      expect(all.map((event) => event.nodes[0])).toEqual([...missed, later]);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(graphWrites(stream.events)).toHaveLength(3);
      const revisions = changes(stream.events).map((event) => event.revision);
      expect(new Set(revisions).size).toBe(revisions.length);
    } finally {
      stream.close();
    }
  });

  it('starts from now when Last-Event-ID is not a number', async () => {
    const viewer = await api.user('viewer');
    await createOrganisation('Before The Stream');
    const stream = await openStream({ ...viewer.headers, 'last-event-id': 'yesterday' });
    try {
      const after = await createOrganisation('After The Stream');
      const received = await writes(stream, 1);
      expect(received.map((event) => event.nodes[0])).toEqual([after]);
    } finally {
      stream.close();
    }
  });

  it('refuses a stream over the per-address limit with 429, and takes one again once one closes', async () => {
    const viewer = await api.user('viewer');
    // The streams of the tests before have closed.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const streams = await Promise.all([1, 2, 3, 4].map(() => openStream(viewer.headers)));
    try {
      const refused = await fetch(`${baseUrl}/api/events`, { headers: viewer.headers });
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { code: string }).code).toBe('RATE_LIMITED');
      streams.pop()?.close();
      await expect
        .poll(async () => {
          const again = await fetch(`${baseUrl}/api/events?follow=false`, {
            headers: viewer.headers,
          });
          await again.body?.cancel();
          return again.status;
        })
        .toBe(200);
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it('tells signed-in readers who has the map open, each person once, and when they leave', async () => {
    const viewer = await api.user('viewer');
    const editor = await api.user('editor');
    const names = (stream: Stream): string[][] =>
      stream.events
        .filter((event) => event.event === 'presence')
        .map((event) =>
          PresenceEventSchema.parse(JSON.parse(event.data)).people.map((person) => person.id),
        );
    const watching = await openStream(viewer.headers);
    try {
      const other = await openStream(editor.headers);
      const again = await openStream(editor.headers);
      // The editor's two tabs count once.
      await expect
        .poll(() => [...(names(watching).at(-1) ?? [])].sort())
        .toEqual([viewer.id, editor.id].sort());
      other.close();
      again.close();
      await expect.poll(() => names(watching).at(-1)).toEqual([viewer.id]);
    } finally {
      watching.close();
    }
  });

  it('refuses a stream without a session (401) and closes one whose session ends', async () => {
    const refused = await fetch(`${baseUrl}/api/events`);
    expect(refused.status).toBe(401);
    await refused.body?.cancel();

    const viewer = await api.user('viewer');
    const stream = await openStream(viewer.headers);
    try {
      const out = await fetch(`${baseUrl}/api/session`, {
        method: 'DELETE',
        headers: viewer.headers,
      });
      expect(out.status).toBeLessThan(300);
      await expect.poll(() => stream.events.map((event) => event.event)).toContain('signedOut');
      await expect.poll(() => stream.ended(), { timeout: 5_000 }).toBe(true);
    } finally {
      stream.close();
    }
  });
});
