/**
 * A real HTTP server on a free local port for the client's API functions: it answers every
 * request with the reply the test set and records what it was sent. The client fetches
 * same-origin paths (`/api/map`), which Node's fetch cannot resolve without a page, so while the
 * server runs the global fetch is wrapped to resolve them against it; everything else is the
 * real fetch.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** What the server answers next. */
export interface FakeReply {
  status: number;
  body: string;
  /** Sent as the content-type header; none at all when left out (a 204 has no body to type). */
  contentType?: string;
}

/** One request the server was sent. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The server of one test file: set `reply` before a call, read `seen` after it. */
export interface FakeApi {
  reply: FakeReply;
  seen: SeenRequest[];
}

/** A JSON reply with this status and body. */
export const json = (status: number, body: unknown): FakeReply => ({
  status,
  body: JSON.stringify(body),
  contentType: 'application/json; charset=utf-8',
});

/** The error the promise rejects with. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

/**
 * Starts the server before the file's tests and closes it after them; before each test the
 * record is emptied and the reply reset to a 500, so a test that forgets to set one fails.
 * Call it once at the top of a test file.
 */
export function fakeApi(): FakeApi {
  const api: FakeApi = { reply: json(500, {}), seen: [] };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      api.seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const { status, body, contentType } = api.reply;
      response.writeHead(status, contentType === undefined ? {} : { 'content-type': contentType });
      response.end(body);
    });
  });
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    globalThis.fetch = (input, init) =>
      realFetch(typeof input === 'string' ? new URL(input, base) : input, init);
  });

  afterAll(async () => {
    globalThis.fetch = realFetch;
    server.close();
    await once(server, 'close');
  });

  beforeEach(() => {
    api.seen = [];
    api.reply = json(500, {
      statusCode: 500,
      code: 'INTERNAL',
      message: 'no reply set',
      issues: [],
    });
  });

  return api;
}
