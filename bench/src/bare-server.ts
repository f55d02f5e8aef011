/**
 * The baseline for /api/map: a Fastify server with nothing but one route that sends a JSON
 * string it read at start-up. Whatever the real route costs beyond this is Octograph's own work.
 * Started by run.ts as `node --import tsx src/bare-server.ts` with BODY_FILE, PORT and HOST.
 */
import { readFileSync } from 'node:fs';
// Fastify comes with @octograph/server (one hoisted copy), so the baseline runs the same version.
import Fastify from 'fastify';

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`bare server: ${name} is not set`);
  return value;
}

const body = readFileSync(required('BODY_FILE'), 'utf8');
const app = Fastify({ logger: false });

app.get('/api/map', (_request, reply) => {
  return reply.type('application/json; charset=utf-8').send(body);
});

process.once('SIGTERM', () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});

await app.listen({ port: Number(required('PORT')), host: required('HOST') });
