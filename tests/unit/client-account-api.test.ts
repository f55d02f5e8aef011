/**
 * The account and audit functions of the client's API (client/src/api/client.ts) against a real
 * local HTTP server (helpers/fake-api.ts): every write carries the session's CSRF token and no
 * read does, a 401 (or a 403 FORBIDDEN or CSRF) tells the page to read its session again, and
 * answers are parsed with graph-schema.
 */
import type { AuditPage, ErrorBody, SessionInfo } from '@octograph/graph-schema';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, UnexpectedResponseError } from '../../client/src/api/api-error.js';
import {
  changePassword,
  deleteLink,
  getAuditPage,
  getMap,
  getSession,
  onSessionStale,
  signIn,
  signOut,
  undoAuditEntry,
  updateNode,
} from '../../client/src/api/client.js';
import { fakeApi, json, rejection } from '../helpers/fake-api.js';
import { ALICE } from './client-fixtures.js';

const api = fakeApi();

const SESSION: SessionInfo = {
  user: ALICE,
  audience: 'editor',
  csrfToken: 'token-from-the-session',
  publicRead: false,
  setupAvailable: false,
};

const UNAUTHENTICATED: ErrorBody = {
  statusCode: 401,
  code: 'UNAUTHENTICATED',
  message: 'Sign in first',
  issues: [],
};

const noContent = { status: 204, body: '' };

describe('the CSRF token', () => {
  it('is sent with every write after a session answer, and with no read', async () => {
    api.reply = json(200, SESSION);
    await getSession();
    api.reply = noContent;
    await deleteLink('l-1');
    await changePassword({ currentPassword: 'old password', newPassword: 'a new password' });
    api.reply = json(200, { revision: 1, nodes: [], links: [] });
    await getMap({});
    const [session, remove, password, read] = api.seen;
    expect(session?.headers['x-csrf-token']).toBeUndefined();
    expect(remove?.headers['x-csrf-token']).toBe('token-from-the-session');
    expect(password?.headers['x-csrf-token']).toBe('token-from-the-session');
    expect(read?.headers['x-csrf-token']).toBeUndefined();
  });

  it('follows the latest session: a new one after signing in, none after signing out', async () => {
    api.reply = json(200, { ...SESSION, csrfToken: 'after-sign-in' });
    await signIn({ email: 'alice@example.org', password: 'secret password' });
    api.reply = json(400, { ...UNAUTHENTICATED, statusCode: 400, code: 'VALIDATION_FAILED' });
    await rejection(updateNode('o-1', { kind: 'organisation', description: 'x' }));
    expect(api.seen[1]?.headers['x-csrf-token']).toBe('after-sign-in');

    api.reply = noContent;
    await signOut();
    await deleteLink('l-1');
    expect(api.seen[2]).toMatchObject({ method: 'DELETE', url: '/api/session' });
    expect(api.seen[2]?.headers['x-csrf-token']).toBe('after-sign-in');
    expect(api.seen[3]?.headers['x-csrf-token']).toBeUndefined();
  });
});

describe('the stale-session listener', () => {
  it('is told of a 401, for reads and writes, until the listener unsubscribes', async () => {
    const ended = vi.fn();
    const stop = onSessionStale(ended);
    api.reply = json(401, UNAUTHENTICATED);
    const error = await rejection(getMap({}));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('UNAUTHENTICATED');
    await rejection(deleteLink('l-1'));
    expect(ended).toHaveBeenCalledTimes(2);

    stop();
    await rejection(getMap({}));
    expect(ended).toHaveBeenCalledTimes(2);
  });

  it('is not told about other refusals', async () => {
    const ended = vi.fn();
    const stop = onSessionStale(ended);
    api.reply = json(409, { ...UNAUTHENTICATED, statusCode: 409, code: 'CONFLICT' });
    await rejection(deleteLink('l-1'));
    stop();
    expect(ended).not.toHaveBeenCalled();
  });

  it.each(['FORBIDDEN', 'CSRF'] as const)(
    'is told of a 403 %s too (the role or the token changed)',
    async (code) => {
      const stale = vi.fn();
      const stop = onSessionStale(stale);
      api.reply = json(403, { ...UNAUTHENTICATED, statusCode: 403, code });
      await rejection(deleteLink('l-1'));
      stop();
      expect(stale).toHaveBeenCalledTimes(1);
    },
  );
});

describe('the audit log', () => {
  const PAGE: AuditPage = {
    items: [
      {
        id: 7,
        revision: 12,
        at: '2024-05-01T10:00:00.000Z',
        actor: 'u-1',
        action: 'dismissIntroduction',
        changes: [
          {
            entity: 'dismissal',
            id: 'o-1|o-2',
            before: null,
            after: {
              a: 'o-1',
              b: 'o-2',
              dismissedAt: '2024-05-01T10:00:00.000Z',
              dismissedBy: 'u-1',
            },
          },
        ],
        changeCount: 1,
        undoes: null,
        undoneBy: null,
      },
    ],
    nextCursor: 7,
    actors: { 'u-1': { name: 'Alice', email: 'alice@example.org' } },
  };

  it('asks GET /api/audit with the filters and paging given, and parses the page', async () => {
    api.reply = json(200, PAGE);
    expect(await getAuditPage({ node: 'o-1', from: '2024-05-01', limit: 20, before: 9 })).toEqual(
      PAGE,
    );
    const url = new URL(api.seen[0]?.url ?? '', 'http://localhost');
    expect(url.pathname).toBe('/api/audit');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      node: 'o-1',
      from: '2024-05-01',
      limit: '20',
      before: '9',
    });
  });

  it('refuses a page that is not an audit page', async () => {
    api.reply = json(200, { items: [{ id: 'seven' }], nextCursor: null, actors: {} });
    expect(await rejection(getAuditPage({}))).toBeInstanceOf(UnexpectedResponseError);
  });

  it("undoes with POST /api/audit/:id/undo, and a 409 carries the server's reason", async () => {
    api.reply = json(409, {
      statusCode: 409,
      code: 'CONFLICT',
      message: 'A later change to Food Bank depends on this one',
      issues: [],
    });
    const error = await rejection(undoAuditEntry(7));
    expect(api.seen[0]).toMatchObject({ method: 'POST', url: '/api/audit/7/undo' });
    expect((error as ApiError).message).toBe('A later change to Food Bank depends on this one');
  });
});
