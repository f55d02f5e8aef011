/**
 * GET /api/events: the change stream, as Server-Sent Events. One `change` event per write the
 * store committed (ids and kinds only, see graph-schema events.ts), its `id:` the revision, so a
 * browser that reconnects sends `Last-Event-ID` and gets what it missed — or `reload` when it is
 * more than MAX_CATCH_UP revisions behind. A comment every HEARTBEAT_MS keeps proxies from
 * closing it. The sessions behind the streams are checked every SESSION_CHECK_MS (one timer for
 * all, each session once); a stream whose session is gone ends with `signedOut`. Signed-in
 * readers also get `presence`: who has the map open on this app server (per process: two servers
 * each tell of their own). At most `streamsPerAddress` open streams per address (429;
 * EVENT_STREAMS_PER_ADDRESS).
 */
import { STREAM_EVENTS, type ChangeEvent } from '@octograph/graph-schema';
import { z } from 'zod';
import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RateLimitedError } from '../errors.js';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { ChangeFeed, changesBetween, type FeedMessage } from '../services/change-feed.js';

export const HEARTBEAT_MS = 15_000;
export const SESSION_CHECK_MS = 1_000;
/** How long a browser waits before reconnecting after the stream drops. */
const RETRY_MS = 2_000;

/** The revision a reconnecting browser last had, if it sent a usable one. */
function lastEventId(header: string | string[] | undefined): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return null;
  return Number(value.trim());
}

const EventsQuerySchema = z.strictObject({
  /** false: send what was missed and end, rather than keep the stream open. */
  follow: z.enum(['true', 'false'], 'must be true or false').default('true'),
});

const eventRoutes: FastifyPluginAsyncZod<{ streamsPerAddress: number }> = async (
  app,
  { streamsPerAddress },
) => {
  const feed = new ChangeFeed(app.store);
  const open = new Map<string, number>();
  const streams = new Set<ServerResponse>();
  /** The signed-in people behind the open streams (a person with two tabs counts once). */
  const present = new Map<ServerResponse, { id: string; name: string }>();
  const announcePresence = () => {
    const people = [
      ...new Map([...present.values()].map((person) => [person.id, person])).values(),
    ].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const message = `event: ${STREAM_EVENTS.presence}\ndata: ${JSON.stringify({ people })}\n\n`;
    for (const stream of present.keys()) stream.write(message);
  };
  /**
   * The session token behind each signed-in stream. One timer checks them all, every
   * SESSION_CHECK_MS while any is open, each session once however many tabs share it.
   */
  const signedIn = new Map<ServerResponse, string>();
  let sessionTimer: ReturnType<typeof setTimeout> | undefined;
  const checkSessions = async () => {
    const tokens = new Set(signedIn.values());
    const ended = new Set<string>();
    for (const token of tokens) {
      const found = await app.accounts.session(token).catch(() => undefined);
      if (found === null) ended.add(token);
    }
    for (const [stream, token] of signedIn) {
      if (!ended.has(token)) continue;
      stream.write(`event: ${STREAM_EVENTS.signedOut}\ndata: {}\n\n`);
      stream.end();
    }
  };
  const checkSessionsSoon = () => {
    if (sessionTimer !== undefined || signedIn.size === 0) return;
    sessionTimer = setTimeout(() => {
      void checkSessions().finally(() => {
        sessionTimer = undefined;
        checkSessionsSoon();
      });
    }, SESSION_CHECK_MS);
    sessionTimer.unref();
  };
  // Before the server waits for its connections to end: an event stream never ends by itself.
  app.addHook('preClose', (done) => {
    feed.stop();
    clearTimeout(sessionTimer);
    for (const stream of streams) stream.end();
    done();
  });

  app.get(
    '/events',
    {
      config: { access: 'read' },
      schema: {
        summary: 'The change stream: one Server-Sent Event per committed write',
        description:
          'text/event-stream. Events: `change` (data: ChangeEvent, id: the revision), `reload` (too far behind: refetch everything), `signedOut` (the session ended; the stream closes). Send `Last-Event-ID` to resume. `follow=false` sends what was missed since Last-Event-ID and ends (for a client that cannot keep a stream open).',
        tags: ['events'],
        querystring: EventsQuerySchema,
      },
    },
    async (request, reply) => {
      const address = request.ip;
      const fromAddress = open.get(address) ?? 0;
      if (fromAddress >= streamsPerAddress) throw new RateLimitedError('a minute');
      const current = await feed.revision();
      const from = lastEventId(request.headers['last-event-id']) ?? current;

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // nginx and the like would otherwise hold the events back in their buffers.
        'x-accel-buffering': 'no',
      });
      // HEAD: the headers a GET would get, and no stream.
      if (request.method === 'HEAD') {
        raw.end();
        return;
      }
      raw.write(`retry: ${String(RETRY_MS)}\n\n`);
      open.set(address, fromAddress + 1);
      streams.add(raw);
      const { user } = request.viewer;
      // A catch-up (follow=false) is not someone with the map open.
      if (user && request.query.follow !== 'false') {
        present.set(raw, { id: user.id, name: user.name });
        announcePresence();
      }

      let sent = Math.min(from, current);
      let ready = false;
      const waiting: FeedMessage[] = [];
      const sendChange = (event: ChangeEvent) => {
        if (event.revision <= sent) return;
        sent = event.revision;
        // Who made a change is for signed-in readers only.
        const shown = request.viewer.user ? event : { ...event, by: null };
        raw.write(
          `id: ${String(event.revision)}\nevent: ${STREAM_EVENTS.change}\ndata: ${JSON.stringify(shown)}\n\n`,
        );
      };
      const send = (message: FeedMessage) => {
        if (message.type === 'change') {
          sendChange(message.event);
        } else if (message.revision > sent) {
          sent = message.revision;
          raw.write(
            `id: ${String(message.revision)}\nevent: ${STREAM_EVENTS.reload}\ndata: {}\n\n`,
          );
        }
      };
      const unsubscribe = feed.subscribe((message) => {
        if (ready) send(message);
        else waiting.push(message);
      }, current);

      const heartbeat = setInterval(() => {
        raw.write(': still here\n\n');
      }, HEARTBEAT_MS);
      const token = request.cookies[SESSION_COOKIE];
      if (request.viewer.session !== null && token !== undefined) {
        signedIn.set(raw, token);
        checkSessionsSoon();
      }

      const close = () => {
        streams.delete(raw);
        if (present.delete(raw)) announcePresence();
        clearInterval(heartbeat);
        signedIn.delete(raw);
        unsubscribe();
        const left = (open.get(address) ?? 1) - 1;
        if (left > 0) open.set(address, left);
        else open.delete(address);
      };
      raw.on('close', close);

      // What a reconnecting browser missed, then whatever came meanwhile.
      try {
        if (from < current) {
          const missed = await changesBetween(app.store, from, current);
          if (missed === null) send({ type: 'reload', revision: current });
          else for (const event of missed) sendChange(event);
        }
      } finally {
        ready = true;
        for (const message of waiting.splice(0)) send(message);
        if (request.query.follow === 'false') raw.end();
      }
    },
  );
  await Promise.resolve();
};

export default eventRoutes;
