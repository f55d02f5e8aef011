/**
 * One import at a time per server (issue 15): while an upload is being imported, a second one
 * is answered 429 BUSY with Retry-After at once, the server keeps answering everything else, and
 * the first import finishes as if alone. The first upload is held open (its body not finished)
 * so that it is certainly still running while the others are sent.
 */
import { PassThrough } from 'node:stream';
import { ErrorBodySchema, ImportPreviewSchema } from '@octograph/graph-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { multipart } from '../helpers/multipart.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let api: TestApp;

beforeEach(async () => {
  api = await startTestApp();
});

afterEach(async () => {
  await api.close();
});

const CSV = 'Label,Type\r\nHarbour Larder,Charity\r\nTidemark Arts,Community group\r\n';

function preview() {
  const { payload, headers } = multipart([{ name: 'elements.csv', bytes: CSV }]);
  return api.inject({ method: 'POST', url: '/api/import/preview', payload, headers });
}

describe('POST /api/import/preview while another import runs', () => {
  it('is answered 429 BUSY with Retry-After; health and the map answer; the first finishes', async () => {
    const { payload, headers } = multipart([{ name: 'elements.csv', bytes: CSV }]);
    const held = new PassThrough();
    // All but the closing boundary: the server reads the file and waits for the rest.
    held.write(payload.subarray(0, payload.length - 10));
    const first = api.inject({
      method: 'POST',
      url: '/api/import/preview',
      payload: held,
      headers,
    });

    // The first request reaches its handler within a few turns of the event loop; until then a
    // second preview simply runs (and changes nothing). Bounded, so a broken gate fails here.
    let refused: Awaited<ReturnType<typeof preview>> | undefined;
    for (let attempt = 0; attempt < 200 && refused === undefined; attempt += 1) {
      const second = await preview();
      if (second.statusCode === 429) refused = second;
      else expect(second.statusCode).toBe(200);
    }
    if (!refused) throw new Error('no second import was refused while the first was held open');
    expect(ErrorBodySchema.parse(refused.json())).toMatchObject({ code: 'BUSY', issues: [] });
    expect(refused.json<{ message: string }>().message).toContain('another import is running');
    expect(refused.headers['retry-after']).toBe('2');

    expect((await api.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await api.inject({ method: 'GET', url: '/api/map' })).statusCode).toBe(200);

    held.end(payload.subarray(payload.length - 10));
    const finished = await first;
    expect(finished.statusCode, finished.body).toBe(200);
    expect(ImportPreviewSchema.parse(finished.json()).nodes.create).toBe(2);

    // Once it has finished, the next import runs.
    expect((await preview()).statusCode).toBe(200);
  });
});
