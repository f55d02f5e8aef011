/**
 * The OpenAPI description (@fastify/swagger, always: tests and tools read `app.swagger()`) and
 * its page at /docs (@fastify/swagger-ui), which DOCS=false leaves out for public deployments.
 *
 * The page's files are served by @fastify/static under /docs/static/. Two of its paths are
 * answered here before the plugin sees them (issue 15):
 * - a path with a `.` or `..` segment (also written `%2e%2e`), a NUL, a slash hidden as `%2f`
 *   or bad percent-encoding is a plain 404, where the static server would throw an error the
 *   app logged and answered as a 500;
 * - /docs/static/index.html, which the plugin redirects to /docs/ only without a query string
 *   (with one, it redirected to itself forever), always goes to /docs/, without the query.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import fp from 'fastify-plugin';
import { NoSuchFileError } from '../errors.js';
import { APP_VERSION } from '../version.js';

/** What the docs plugin needs from the configuration. */
export interface DocsOptions {
  /** Whether /docs serves the OpenAPI page and description (DOCS). */
  enabled: boolean;
}

const DOCS_PREFIX = '/docs';
const STATIC_PREFIX = `${DOCS_PREFIX}/static/`;

/** Whether a path segment, once decoded, could leave the folder it names or is not a name. */
function isUnsafeSegment(segment: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return true;
  }
  return decoded === '.' || decoded === '..' || /[/\\\0]/.test(decoded);
}

/** Answers the static paths the plugin would get wrong (see the file comment). */
async function guardStaticPaths(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const path = request.url.split('?')[0] ?? '';
  if (!path.startsWith(STATIC_PREFIX)) return;
  if (path === `${STATIC_PREFIX}index.html`) {
    await reply.redirect(`${DOCS_PREFIX}/`);
    return;
  }
  if (path.slice(STATIC_PREFIX.length).split('/').some(isUnsafeSegment)) {
    throw new NoSuchFileError(path);
  }
}

async function docs(app: FastifyInstance, options: DocsOptions): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Octograph API',
        description:
          'Who works with whom among community groups, charities and social enterprises.',
        version: APP_VERSION,
      },
    },
    transform: jsonSchemaTransform,
  });
  if (!options.enabled) return;
  // In a scope of its own, so the guard runs for the page's routes only.
  await app.register(async (scope) => {
    scope.addHook('onRequest', guardStaticPaths);
    await scope.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX });
  });
}

/** Registers the OpenAPI description, and the /docs page unless it is turned off. */
export default fp(docs, { name: 'docs', fastify: '5.x', dependencies: ['security'] });
