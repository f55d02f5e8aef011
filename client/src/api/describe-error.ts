import type { ParseKeys } from 'i18next';
import { ApiError, UnexpectedResponseError } from './api-error';

/** What to tell a person about an error: a translated title and, if any, the server's words. */
export interface ErrorDescription {
  title: ParseKeys;
  /** The server's own message (and field issues), already readable. */
  detail: string | null;
}

/** Turns any thrown value into something a person can read. Pure, so it can be unit-tested. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ApiError) {
    const issues = error.body.issues.map((issue) => `${issue.path} ${issue.message}`);
    return {
      title: `errors.code.${error.code}`,
      detail: [error.body.message, ...issues].join('; '),
    };
  }
  if (error instanceof UnexpectedResponseError) {
    return { title: 'errors.unexpectedResponse', detail: null };
  }
  // fetch rejects with a TypeError when the server cannot be reached.
  if (error instanceof TypeError) return { title: 'errors.network', detail: null };
  return { title: 'errors.unknown', detail: error instanceof Error ? error.message : null };
}
