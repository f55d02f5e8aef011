/**
 * The client's layout API functions (client/src/api/client.ts) against the real app listening
 * on a free local port: what the map's drag and re-arrange send is what the server accepts. The
 * client fetches same-origin paths (`/api/...`), so the global fetch is wrapped to resolve them
 * against the app; everything else is the real fetch.
 */
import { ApiError } from '../../client/src/api/api-error.js';
import {
  getLayoutJob,
  getMap,
  savePositions,
  startRearrange,
} from '../../client/src/api/client.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let api: TestApp;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  api = await startTestApp();
  await api.app.store.applyBatch([
    { op: 'createNode', node: organisation('a', 'A') },
    { op: 'createNode', node: organisation('b', 'B') },
    { op: 'createLink', link: link('ab', 'COLLABORATES_WITH', 'a', 'b') },
  ]);
  const base = new URL(await api.app.listen({ port: 0, host: '127.0.0.1' }));
  // The browser would send the editor's session cookie and CSRF token with each request.
  const { headers: session } = await api.user('editor');
  globalThis.fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    for (const [name, value] of Object.entries(session)) headers.set(name, value);
    return realFetch(typeof input === 'string' ? new URL(input, base) : input, {
      ...init,
      headers,
    });
  };
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await api.close();
});

describe('the client layout API against the server', () => {
  it('savePositions saves a dropped node where the map then shows it', async () => {
    const saved = await savePositions([{ id: 'a', x: 12.5, y: -7.25 }]);
    expect(saved.saved).toBe(1);
    const map = await getMap({});
    expect(map.nodes.find((node) => node.id === 'a')).toMatchObject({ x: 12.5, y: -7.25 });
  });

  it('savePositions rejects with the ApiError naming an unknown node', async () => {
    const error = await savePositions([{ id: 'gone', x: 1, y: 1 }]).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 404, message: "no node with id 'gone'" });
  });

  it('startRearrange starts a re-arrange that getLayoutJob follows to the end', async () => {
    expect(await startRearrange()).toMatchObject({ state: 'running' });
    await expect
      .poll(async () => (await getLayoutJob()).state, { timeout: 60_000, interval: 100 })
      .toBe('done');
  });
});
