import type { ParseKeys, TFunction } from 'i18next';
import { sayKnown, type KnownSentence } from '../i18n/server-words';
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

/**
 * The server's messages people meet most (signing in, accounts, forms), recognised by their
 * words so they can be said in any language; anything else is shown as the server wrote it.
 */
const KNOWN_MESSAGES: readonly KnownSentence[] = [
  { pattern: /^the e-mail or password is wrong$/, key: 'errors.message.wrongPassword' },
  { pattern: /^this account is disabled; ask an admin$/, key: 'errors.message.accountDisabled' },
  { pattern: /^the set-up code is wrong/, key: 'errors.message.wrongSetupCode' },
  {
    pattern: /^a user with e-mail '(.+)' already exists$/,
    key: 'errors.message.emailTaken',
    values: ['email'],
  },
  { pattern: /^the current password is wrong$/, key: 'errors.message.currentPasswordWrong' },
  { pattern: /^sign in/, key: 'errors.code.UNAUTHENTICATED' },
  { pattern: /^only (editors and admins|admins) may/, key: 'errors.code.FORBIDDEN' },
];

/** Field problems (zod's and the server's), by their words. */
const KNOWN_ISSUES: readonly KnownSentence[] = [
  { pattern: /^is required$/, key: 'errors.issue.required' },
  { pattern: /^must be an e-mail address$/, key: 'errors.issue.email' },
  {
    pattern: /^must be at least (\d+) characters$/,
    key: 'errors.issue.tooShort',
    values: ['count'],
  },
  { pattern: /^must be at most (\d+) characters$/, key: 'errors.issue.tooLong', values: ['count'] },
  { pattern: /^is not your current password$/, key: 'errors.issue.notCurrentPassword' },
];

/**
 * The server's words about an error in the reader's language where the client knows them ("the
 * e-mail or password is wrong" → "Nieprawidłowy e-mail lub hasło"), else as the server wrote
 * them; null when there are none (the network, say).
 */
export function errorDetail(error: unknown, t: TFunction): string | null {
  if (!(error instanceof ApiError)) return describeError(error).detail;
  const issues = error.body.issues.map((issue) => {
    const field = issue.path.split('.').at(-1) ?? issue.path;
    const said = sayKnown(KNOWN_ISSUES, issue.message, t);
    return {
      known: said !== null,
      text: said === null ? `${issue.path} ${issue.message}` : `${field}: ${said}`,
    };
  });
  // An unknown message with issues that are all known only repeats their gist: leave it out.
  const allKnown = issues.length > 0 && issues.every((issue) => issue.known);
  const message =
    sayKnown(KNOWN_MESSAGES, error.body.message, t) ?? (allKnown ? null : error.body.message);
  const parts = [message, ...issues.map((issue) => issue.text)];
  return parts.filter((part): part is string => part !== null && part !== '').join('; ') || null;
}
