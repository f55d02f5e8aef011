/**
 * The client's introduction calls against a real HTTP server on a free local port
 * (helpers/fake-api.ts): the method, path and body each sends, the answers parsed with the
 * graph-schema schemas, a 204 without a body, and a refusal as an ApiError.
 */
import type { DismissedIntroduction } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import { ApiError, UnexpectedResponseError } from '../../client/src/api/api-error.js';
import {
  acceptIntroduction,
  deleteLink,
  dismissIntroduction,
  getDismissedIntroductions,
  restoreIntroduction,
} from '../../client/src/api/client.js';
import { fakeApi, json, rejection } from '../helpers/fake-api.js';
import { link } from './client-fixtures.js';

const api = fakeApi();

const ref = (id: string, name: string) => ({ id, name, kind: 'organisation' as const });
const DISMISSED: DismissedIntroduction = {
  a: ref('org-1', 'Food Bank'),
  b: ref('org-2', 'Men’s Shed'),
  dismissedAt: '2026-03-01T10:00:00.000Z',
  dismissedBy: null,
};

describe('acceptIntroduction', () => {
  it('posts the pair and returns the link the server made', async () => {
    const made = link('l-9', 'COLLABORATES_WITH', 'org-1', 'org-2');
    api.reply = json(201, made);
    expect(await acceptIntroduction({ a: 'org-1', b: 'org-2' })).toEqual(made);
    expect(api.seen).toMatchObject([
      {
        method: 'POST',
        url: '/api/insights/introductions/accept',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ a: 'org-1', b: 'org-2' }),
      },
    ]);
  });

  it('throws the server’s 409 as an ApiError', async () => {
    api.reply = json(409, {
      statusCode: 409,
      code: 'CONFLICT',
      message: 'Food Bank and Men’s Shed are already linked',
      issues: [],
    });
    const error = await rejection(acceptIntroduction({ a: 'org-1', b: 'org-2' }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body.statusCode).toBe(409);
  });

  it('refuses an answer that is not a link', async () => {
    api.reply = json(201, { id: 'l-9' });
    expect(await rejection(acceptIntroduction({ a: 'org-1', b: 'org-2' }))).toBeInstanceOf(
      UnexpectedResponseError,
    );
  });
});

describe('dismissIntroduction', () => {
  it('posts the pair to the dismissals and returns the dismissal', async () => {
    api.reply = json(201, DISMISSED);
    expect(await dismissIntroduction({ a: 'org-2', b: 'org-1' })).toEqual(DISMISSED);
    expect(api.seen).toMatchObject([
      {
        method: 'POST',
        url: '/api/insights/introductions/dismissals',
        body: JSON.stringify({ a: 'org-2', b: 'org-1' }),
      },
    ]);
  });
});

describe('restoreIntroduction and deleteLink', () => {
  it('deletes the dismissal of the pair, accepting a 204 without a body', async () => {
    api.reply = { status: 204, body: '' };
    await restoreIntroduction({ a: 'org 1', b: 'org-2' });
    expect(api.seen).toMatchObject([
      { method: 'DELETE', url: '/api/insights/introductions/dismissals/org%201/org-2', body: '' },
    ]);
  });

  it('deletes a link by id', async () => {
    api.reply = { status: 204, body: '' };
    await deleteLink('l-9');
    expect(api.seen).toMatchObject([{ method: 'DELETE', url: '/api/links/l-9' }]);
  });

  it('throws a 404 as an ApiError', async () => {
    api.reply = json(404, {
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'no dismissal of org-1 and org-2',
      issues: [],
    });
    const error = await rejection(restoreIntroduction({ a: 'org-1', b: 'org-2' }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body.code).toBe('NOT_FOUND');
  });
});

describe('getDismissedIntroductions', () => {
  it('asks for a page and returns it', async () => {
    const page = { revision: 4, total: 1, limit: 10, offset: 0, items: [DISMISSED] };
    api.reply = json(200, page);
    expect(await getDismissedIntroductions({ limit: 10 })).toEqual(page);
    expect(api.seen).toMatchObject([
      { method: 'GET', url: '/api/insights/introductions/dismissals?limit=10' },
    ]);
  });
});
