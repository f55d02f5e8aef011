import type { ErrorBody } from '@octograph/graph-schema';

/** A non-2xx answer from the API, carrying the server's error body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** The error body, as the server sent it (or as close as we could make it). */
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }

  get statusCode(): number {
    return this.body.statusCode;
  }

  get code(): ErrorBody['code'] {
    return this.body.code;
  }
}

/** A 2xx answer whose body does not match the schema the client expects. */
export class UnexpectedResponseError extends Error {
  override readonly name = 'UnexpectedResponseError';

  constructor(
    /** Which request it was, e.g. `GET /api/map`. */
    readonly request: string,
    /** What did not match, for the console. */
    readonly detail: string,
  ) {
    super(`${request} answered with an unexpected body: ${detail}`);
  }
}

/** Whether it is worth asking again: network trouble and 5xx, not 4xx or a bad body. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError) return error.statusCode >= 500;
  return !(error instanceof UnexpectedResponseError);
}
