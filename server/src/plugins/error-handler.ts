/**
 * The one error handler and the not-found handler for the API. Every error leaves as the
 * ErrorBody of graph-schema: deliberate errors (errors.ts) keep their status and message, the
 * framework's own 4xx errors get a code, and anything else is logged and answered with a generic
 * 500 that reveals nothing.
 */
import { summariseIssues, type ErrorBody, type ErrorCode } from '@octograph/graph-schema';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  AppError,
  EditConflictError,
  StorageFullError,
  StoreBusyError,
  ValidationError,
} from '../errors.js';

const FRAMEWORK_CODES: Readonly<Record<string, { code: ErrorCode; message?: string }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'BAD_JSON',
    message: 'the request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'BAD_JSON',
    message: 'the request body is empty but its content-type says JSON',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    message: 'the request body is larger than this server accepts',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE' },
  // @fastify/multipart (imports): the message names the limit from the configuration.
  FST_REQ_FILE_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE' },
  FST_FILES_LIMIT: { code: 'PAYLOAD_TOO_LARGE', message: 'too many files in one upload' },
  FST_PARTS_LIMIT: { code: 'PAYLOAD_TOO_LARGE', message: 'too many parts in one upload' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'an upload must be sent as multipart/form-data',
  },
  FST_ERR_BAD_URL: { code: 'VALIDATION_FAILED', message: 'the address is not valid URL encoding' },
};

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && 'code' in error && typeof error.code === 'string';
}

/**
 * The 4xx status of an error a plugin raised without a Fastify code (@fastify/static's file
 * server raises plain http errors), or null: such an error is the client's, not a 500.
 */
function clientStatusOf(error: unknown): number | null {
  if (!(error instanceof Error) || !('statusCode' in error)) return null;
  const status = error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/**
 * A store's ValidationError names fields of what the request sent (`until`, `cursor`,
 * `ops[2].node.name`); say where they were in the request (`body.until`, `query.cursor`), as the
 * request validator does. The validator's own errors carry `validationContext` and are left as
 * they are.
 */
function locatedInRequest(error: ValidationError, request: FastifyRequest): ValidationError {
  if ('validationContext' in error) return error;
  const part = request.method === 'GET' || request.method === 'DELETE' ? 'query' : 'body';
  const issues = error.issues.map((issue) => ({
    ...issue,
    path: issue.path.startsWith('[') ? `${part}${issue.path}` : `${part}.${issue.path}`,
  }));
  // A message the thrower wrote says more than the list of issues (which the body carries).
  return new ValidationError(
    issues,
    error.explained ? error.message : `invalid ${part}: ${summariseIssues(issues)}`,
  );
}

/**
 * Whether the error says the disk is full: SQLite's SQLITE_FULL (better-sqlite3 puts it in
 * `code`; the transaction is rolled back, so nothing was written) or the file system's ENOSPC.
 */
function isStorageFull(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    (error.code === 'SQLITE_FULL' || error.code === 'ENOSPC')
  );
}

/**
 * Whether SQLite found the database locked by another writer (an import's worker, another
 * process) where the store did not turn it into StoreBusyError itself (an account's write).
 */
function isStoreBusy(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    (error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_LOCKED'))
  );
}

/** The error body for anything thrown while handling a request. */
export function errorBodyOf(error: unknown, request?: FastifyRequest): ErrorBody {
  if (isStorageFull(error)) return errorBodyOf(new StorageFullError());
  if (isStoreBusy(error)) return errorBodyOf(new StoreBusyError());
  if (error instanceof ValidationError && request) {
    const located = locatedInRequest(error, request);
    return {
      statusCode: 400,
      code: located.code,
      message: located.message,
      issues: located.issues,
    };
  }
  if (error instanceof AppError) {
    return {
      statusCode: error.statusCode,
      code: error.code,
      message: error.message,
      issues: error.issues,
      // Whole, as the PATCH that hit the conflict would have answered it: only editors can send
      // one, and the routes show editors every field (privacy.ts: they see everything).
      ...(error instanceof EditConflictError ? { current: error.current } : {}),
    };
  }
  const status = clientStatusOf(error);
  if (status !== null && error instanceof Error) {
    const known = isFastifyError(error) ? FRAMEWORK_CODES[error.code] : undefined;
    const fallback: ErrorCode =
      status === 404 ? 'NOT_FOUND' : status === 403 ? 'FORBIDDEN' : 'VALIDATION_FAILED';
    return {
      statusCode: status,
      code: known?.code ?? fallback,
      message: known?.message ?? error.message,
      issues: [],
    };
  }
  return {
    statusCode: 500,
    code: 'INTERNAL',
    message: 'something went wrong on the server; it has been logged',
    issues: [],
  };
}

/** Sends an ErrorBody with its status (and, when busy, when to try again). */
export function sendError(reply: FastifyReply, body: ErrorBody): FastifyReply {
  if (body.code === 'BUSY') void reply.header('retry-after', '2');
  return reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
}

async function errorHandler(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const body = errorBodyOf(error, request);
    if (body.statusCode >= 500) {
      request.log.error(
        { err: error, method: request.method, url: request.url, params: request.params },
        'unexpected error',
      );
    }
    return sendError(reply, body);
  });
  await Promise.resolve();
}

/** Registers the error handler for the whole app. */
export default fp(errorHandler, { name: 'error-handler', fastify: '5.x' });

/** Replies 404 naming the route that does not exist. */
export function notFoundReply(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(reply, {
    statusCode: 404,
    code: 'NOT_FOUND',
    message: `no route ${request.method} ${request.url.split('?')[0] ?? ''}`,
    issues: [],
  });
}
