/**
 * The client's API functions against a real HTTP server on a free local port
 * (helpers/fake-api.ts), which answers with the reply each test sets and records the requests.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorBody, MapResponse, SearchResults, Subgraph } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import { ApiError, UnexpectedResponseError } from '../../client/src/api/api-error.js';
import {
  getMap,
  getNeighbourhood,
  getNode,
  searchNodes,
  toQueryString,
} from '../../client/src/api/client.js';
import { describeError } from '../../client/src/api/describe-error.js';
import { fakeApi, json, rejection } from '../helpers/fake-api.js';
import { link, mapLink, mapOrg, organisation, person } from './client-fixtures.js';

const api = fakeApi();
/** Read before fakeApi's beforeAll wraps it, for the one test that needs no server. */
const realFetch = globalThis.fetch;

const MAP: MapResponse = {
  revision: 3,
  nodes: [
    mapOrg('org-1', 'charity', { name: 'Food Bank', degree: 1, x: 10, y: 20 }),
    mapOrg('org-2', 'network', { name: 'Town Network', degree: 1, x: -5, y: 0.5 }),
  ],
  links: [mapLink('l-1', 'MEMBER_OF', 'org-1', 'org-2')],
};

const BAD_QUERY: ErrorBody = {
  statusCode: 400,
  code: 'VALIDATION_FAILED',
  message: 'The query is not valid',
  issues: [{ path: 'query.depth', message: 'must be 1, 2 or 3' }],
};

describe('getMap', () => {
  it('returns the map the server sends', async () => {
    api.reply = json(200, MAP);
    expect(await getMap({})).toEqual(MAP);
  });

  it('asks GET /api/map for JSON', async () => {
    api.reply = json(200, MAP);
    await getMap({});
    expect(api.seen).toMatchObject([
      { method: 'GET', url: '/api/map', headers: { accept: 'application/json' } },
    ]);
  });

  it('sends filters in the query, lists comma-separated, leaving out empty ones', async () => {
    api.reply = json(200, MAP);
    await getMap({ kind: ['organisation', 'person'], orgKind: [], asOf: '2024-05-01', depth: 2 });
    const url = new URL(api.seen[0]?.url ?? '', 'http://localhost');
    expect(url.pathname).toBe('/api/map');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      kind: 'organisation,person',
      asOf: '2024-05-01',
      depth: '2',
    });
  });

  it('drops fields the schema does not know', async () => {
    api.reply = json(200, { ...MAP, debug: { took: 12 } });
    expect(await getMap({})).toEqual(MAP);
  });

  it('rejects a 4xx with an ApiError carrying the server’s error body', async () => {
    api.reply = json(400, BAD_QUERY);
    const error = await rejection(getMap({ depth: 9 }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toEqual(BAD_QUERY);
    expect((error as ApiError).statusCode).toBe(400);
  });

  it('turns a 4xx into words with the server’s message and field issues', async () => {
    api.reply = json(400, BAD_QUERY);
    expect(describeError(await rejection(getMap({ depth: 9 })))).toEqual({
      title: 'errors.code.VALIDATION_FAILED',
      detail: 'The query is not valid; query.depth must be 1, 2 or 3',
    });
  });

  it('rejects a 2xx whose body does not match the schema, naming the bad field', async () => {
    api.reply = json(200, { ...MAP, nodes: [{ ...MAP.nodes[0], x: 'left' }] });
    const error = await rejection(getMap({}));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as UnexpectedResponseError).request).toBe('GET /api/map');
    expect((error as UnexpectedResponseError).detail).toContain('nodes[0].x');
  });

  it.each([
    { status: 502, text: 'Bad Gateway', code: 'INTERNAL' },
    { status: 404, text: 'Not Found', code: 'NOT_FOUND' },
  ])(
    'makes up an error body for a $status page that is not ours',
    async ({ status, text, code }) => {
      api.reply = { status, body: `<html><h1>${text}</h1></html>`, contentType: 'text/html' };
      const error = await rejection(getMap({}));
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).body).toEqual({
        statusCode: status,
        code,
        message: text,
        issues: [],
      });
    },
  );

  it('makes up an error body for a JSON error that is not an ErrorBody', async () => {
    api.reply = json(500, { error: 'boom' });
    const error = await rejection(getMap({}));
    expect((error as ApiError).body).toEqual({
      statusCode: 500,
      code: 'INTERNAL',
      message: 'Internal Server Error',
      issues: [],
    });
  });

  it('stops when its signal is aborted', async () => {
    api.reply = json(200, MAP);
    const error = await rejection(getMap({}, AbortSignal.abort()));
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('getNode', () => {
  it('fetches the node by its id, escaped, and returns it', async () => {
    const node = organisation('org:1', 'Food Bank');
    api.reply = json(200, node);
    expect(await getNode('org:1')).toEqual(node);
    expect(api.seen[0]?.url).toBe('/api/nodes/org%3A1');
  });

  it('rejects a missing node with a NOT_FOUND ApiError and the server’s message', async () => {
    api.reply = json(404, {
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'No node with id org-9',
      issues: [],
    });
    const error = await rejection(getNode('org-9'));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('NOT_FOUND');
    expect((error as ApiError).message).toBe('No node with id org-9');
  });
});

describe('getNeighbourhood', () => {
  it('asks for the given depth and returns the subgraph', async () => {
    const subgraph: Subgraph = {
      nodes: [organisation('r', 'Riverside Trust'), person('zoe', 'Zoe')],
      links: [link('l1', 'MEMBER_OF', 'zoe', 'r')],
    };
    api.reply = json(200, subgraph);
    expect(await getNeighbourhood('r', 2)).toEqual(subgraph);
    expect(api.seen[0]?.url).toBe('/api/nodes/r/neighbourhood?depth=2');
  });
});

describe('searchNodes', () => {
  it('sends the search text and returns the best matches', async () => {
    const found: SearchResults = { items: [organisation('food', 'Food Bank')], total: 1 };
    api.reply = json(200, found);
    expect(await searchNodes({ q: 'food bank', limit: 5 })).toEqual(found);
    expect(api.seen[0]?.url).toBe('/api/search?q=food+bank&limit=5');
  });
});

describe('an unreachable server', () => {
  it('is described as a network problem', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    closed.close();
    await once(closed, 'close');
    const error = await rejection(realFetch(`http://127.0.0.1:${port}/api/map`));
    expect(error).toBeInstanceOf(TypeError);
    expect(describeError(error)).toEqual({ title: 'errors.network', detail: null });
  });
});

describe('toQueryString', () => {
  it.each([
    { params: {}, query: '' },
    { params: { q: 'food bank' }, query: '?q=food+bank' },
    { params: { q: '', kind: [] }, query: '' },
    { params: { kind: ['organisation', 'place'] }, query: '?kind=organisation%2Cplace' },
    { params: { depth: 0 }, query: '?depth=0' },
    { params: { limit: undefined, cursor: 'abc' }, query: '?cursor=abc' },
  ])('turns $params into "$query"', ({ params, query }) => {
    expect(toQueryString(params)).toBe(query);
  });
});
