/**
 * The app's hardening, registered before everything else so that every route (the API, the
 * OpenAPI page, the built client and the not-found fallback) gets it:
 *
 * - security headers (@fastify/helmet) with a strict Content-Security-Policy for the client; the
 *   OpenAPI page at /docs gets its own, looser policy, and the printable attendee pack adds the
 *   hash of its one inline style (`contentSecurityPolicy` below, used by routes/meetings.ts);
 * - a per-address rate limit for the API (@fastify/rate-limit), answered with the one error
 *   body (429, RATE_LIMITED) and `retry-after`;
 * - CORS (@fastify/cors) only when origins are configured; otherwise no CORS headers at all, so
 *   browsers keep other sites from reading the API.
 *
 * A tighter limit for one route (sign-in: routes/accounts.ts) goes in that route's options:
 * `config: { rateLimit: { max: 10, timeWindow: '1 minute' } }`. The route then has its own
 * counter per address instead of the global one, and keeps it even when the global limit is off
 * (RATE_LIMIT_PER_MINUTE=0), because the plugin stays registered.
 *
 * Sessions, access checks and CSRF protection for cookie-authenticated writes are in auth.ts.
 */
import { createHash } from 'node:crypto';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { RateLimitedError } from '../errors.js';

/** What the security plugin needs from the configuration. */
export interface SecurityOptions {
  /** API requests one address may make per minute; 0: no global limit. */
  rateLimitPerMinute: number;
  /** Origins allowed to call the API from other sites; empty: no CORS. */
  corsOrigins: readonly string[];
}

/** A CSP source allowing exactly one inline `<style>` or `<script>` whose text is `text`. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Cytoscape adds this one rule to the page as an inline `<style>` when it draws the map
 * (cytoscape's BaseRenderer init). Allowing its hash keeps `style-src` free of
 * 'unsafe-inline'; if a Cytoscape upgrade changes the text, the browser test
 * tests/e2e/csp.test.ts sees the violation.
 */
const CYTOSCAPE_STYLE = '.__________cytoscape_container { position: relative; }';

type Directives = Readonly<Record<string, readonly string[]>>;

/**
 * The client's policy: everything from this origin only, nothing inline except Cytoscape's one
 * rule. Pictures may be data: and blob: URLs (the PNG and SVG exports are made as blobs). No
 * `upgrade-insecure-requests` (helmet's default): on a plain-http local network install it would
 * send every script and style request to an https port that does not exist.
 */
const APP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", cspHash(CYTOSCAPE_STYLE)],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

/**
 * The OpenAPI page (@fastify/swagger-ui at /docs): Swagger UI's script adds inline `<style>`
 * elements whose text it builds as it runs, so no hash can name them; styles may be inline
 * there, scripts stay 'self'. Scoped to /docs only (tests/e2e/csp.test.ts checks it works).
 */
const DOCS_DIRECTIVES: Directives = {
  ...APP_DIRECTIVES,
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
};

/**
 * The Content-Security-Policy header value for the client, with `styleSources` added to
 * `style-src` (e.g. `cspHash(text)` of a page's own inline style). The same text helmet sends.
 */
export function contentSecurityPolicy(styleSources: readonly string[] = []): string {
  const directives = {
    ...APP_DIRECTIVES,
    'style-src': [...(APP_DIRECTIVES['style-src'] ?? []), ...styleSources],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join(';');
}

/** helmet's CSP option for these directives, without helmet's defaults mixed in. */
function cspOption(directives: Directives) {
  const copy = Object.fromEntries(
    Object.entries(directives).map(([name, sources]) => [name, [...sources]]),
  );
  return { useDefaults: false, directives: copy };
}

/** The health check (load balancers poll it) and everything outside /api are never limited. */
function isExemptFromRateLimit(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return route === undefined || !route.startsWith('/api/') || route === '/api/health';
}

/** Methods the API uses, for CORS preflights (the plugin's default allows only GET, HEAD, POST). */
const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

async function security(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  // Before helmet registers: helmet reads a route's `helmet` option in its own onRoute hook,
  // which runs after this one.
  app.addHook('onRoute', (routeOptions) => {
    if (routeOptions.url === '/docs' || routeOptions.url.startsWith('/docs/')) {
      routeOptions.helmet = { contentSecurityPolicy: cspOption(DOCS_DIRECTIVES) };
    }
  });
  await app.register(fastifyHelmet, { contentSecurityPolicy: cspOption(APP_DIRECTIVES) });

  await app.register(fastifyRateLimit, {
    global: options.rateLimitPerMinute > 0,
    max: options.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: isExemptFromRateLimit,
    errorResponseBuilder: (_request, context) => new RateLimitedError(context.after),
  });

  if (options.corsOrigins.length > 0) {
    await app.register(fastifyCors, {
      origin: [...options.corsOrigins],
      methods: CORS_METHODS,
    });
  }
}

/** Registers security headers, the rate limit and (if configured) CORS for the whole app. */
export default fp(security, { name: 'security', fastify: '5.x' });
