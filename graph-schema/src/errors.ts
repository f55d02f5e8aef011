/**
 * The one error body every API error uses, and the conversion of zod issues into it.
 */
import { z } from 'zod';
import { LinkSchema } from './links.js';
import { GraphNodeSchema } from './nodes.js';

/** Stable machine-readable error codes. */
export const ERROR_CODES = [
  'BAD_JSON',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF',
  'VALIDATION_FAILED',
  'LINK_NOT_ALLOWED',
  'NOT_FOUND',
  'CONFLICT',
  /** A PATCH whose expectedVersion is no longer the stored updatedAt; the body holds `current`. */
  'EDIT_CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'BUSY',
  /** 507: the disk holding the data is full; nothing was written. */
  'STORAGE_FULL',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field. */
export const FieldIssueSchema = z.object({
  /** Where the problem is, e.g. `body.email.value` or `query.limit`. */
  path: z.string(),
  /** What is wrong, in words. */
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/** The body of every error response. */
export const ErrorBodySchema = z.object({
  /** The HTTP status code, repeated for clients that only see the body. */
  statusCode: z.int(),
  code: z.enum(ERROR_CODES),
  /** One sentence a person can read. */
  message: z.string(),
  /** Each bad field, for validation errors; empty otherwise. */
  issues: z.array(FieldIssueSchema),
  /**
   * EDIT_CONFLICT only: the node or link as it is stored now, for the editor to compare with
   * what they were saving (and to send its updatedAt as the next expectedVersion).
   */
  current: z.union([GraphNodeSchema, LinkSchema]).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

function joinPath(prefix: string | undefined, path: readonly PropertyKey[]): string {
  const parts = path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part)));
  const joined = parts.reduce(
    (acc, part) => (part.startsWith('[') || acc === '' ? acc + part : `${acc}.${part}`),
    '',
  );
  if (!prefix) return joined === '' ? '(root)' : joined;
  if (joined === '') return prefix;
  return joined.startsWith('[') ? prefix + joined : `${prefix}.${joined}`;
}

/** Whether the input had an object at the issue's parent path without the issue's key. */
function isAbsent(input: unknown, path: readonly PropertyKey[]): boolean {
  let parent: unknown = input;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return false;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  const last = path.at(-1);
  return (
    last !== undefined &&
    typeof parent === 'object' &&
    parent !== null &&
    (parent as Record<PropertyKey, unknown>)[last] === undefined
  );
}

/**
 * Turns zod issues into field issues whose path names the field (prefixed with where it was,
 * such as `body`). Unknown keys become one issue each, at their own path. Given the input that
 * was parsed, a field that is simply absent is reported as 'is required' rather than with the
 * message meant for a wrong value.
 */
export function toFieldIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix?: string,
  input?: unknown,
): FieldIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: joinPath(prefix, [...issue.path, key]),
        message: 'is not a known field',
      }));
    }
    const missing = issue.code !== 'custom' && isAbsent(input, issue.path);
    return [
      { path: joinPath(prefix, issue.path), message: missing ? 'is required' : issue.message },
    ];
  });
}

/** A one-line summary of field issues, e.g. for an error message. */
export function summariseIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.path} ${issue.message}`).join('; ');
}
