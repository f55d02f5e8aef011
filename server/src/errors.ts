/**
 * The errors the app throws on purpose. Each carries its HTTP status and a stable code; the one
 * error handler (plugins/error-handler.ts) turns them into the ErrorBody of graph-schema.
 */
import type { ErrorCode, FieldIssue, GraphNode, Link } from '@octograph/graph-schema';

/** Base of every deliberate error: a status, a stable code and field issues if any. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 404: a node, link or meeting with this id does not exist. */
export class NotFoundError extends AppError {
  constructor(what: 'node' | 'link' | 'meeting', id: string) {
    super(404, 'NOT_FOUND', `no ${what} with id '${id}'`);
  }
}

/** 404: the pair of organisations has no dismissed introduction to undo. */
export class NotDismissedError extends AppError {
  constructor(a: string, b: string) {
    super(404, 'NOT_FOUND', `the introduction of '${a}' and '${b}' has not been dismissed`);
  }
}

/** 404: the node is not on the meeting's attendee list. */
export class NotAttendingError extends AppError {
  constructor(nodeId: string, meetingId: string) {
    super(404, 'NOT_FOUND', `'${nodeId}' is not an attendee of meeting '${meetingId}'`);
  }
}

/** 404: no backup of this name in the backup folder (issue 22). */
export class BackupNotFoundError extends AppError {
  constructor(name: string) {
    super(404, 'NOT_FOUND', `no backup named '${name}'`);
  }
}

/** 409: the id is taken, or the same link already exists. */
export class ConflictError extends AppError {
  constructor(message: string) {
    super(409, 'CONFLICT', message);
  }
}

/**
 * 409: a patch whose `expectedVersion` is not the stored `updatedAt`: someone else saved since
 * the editor opened it. Carries the stored value, which the error body returns as `current`.
 */
export class EditConflictError extends AppError {
  constructor(
    readonly current: GraphNode | Link,
    message = `${describeVersioned(current)} was changed by someone else since you opened it (at ${current.updatedAt}); compare and save again`,
  ) {
    super(409, 'EDIT_CONFLICT', message);
  }
}

function describeVersioned(current: GraphNode | Link): string {
  return 'name' in current
    ? `'${current.name}'`
    : `the ${current.kind} link from '${current.source}' to '${current.target}'`;
}

/** 400: input that breaks the schema, with one issue per bad field. */
export class ValidationError extends AppError {
  /** Whether the thrower wrote its own message (kept as it is), rather than the issue list. */
  readonly explained: boolean;

  constructor(issues: FieldIssue[], message?: string) {
    super(
      400,
      'VALIDATION_FAILED',
      message ??
        `invalid input: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`,
      issues,
    );
    this.explained = message !== undefined;
  }
}

/** 400: the link kind may not join these two kinds of node. */
export class LinkNotAllowedError extends AppError {
  constructor(message: string) {
    super(400, 'LINK_NOT_ALLOWED', message);
  }
}

/** 503: the database is held by another writer (an import, a seed) for now; try again soon. */
export class StoreBusyError extends AppError {
  constructor() {
    super(
      503,
      'BUSY',
      'the database is busy with another writer (an import or a seed); try again in a moment',
    );
  }
}

/**
 * 503 (code BUSY, so it carries Retry-After): the database server cannot be reached right now (a
 * Neo4j restarting, a network cut). Whether a write sent just as it went away was saved is not
 * known: it is in the audit log if it was.
 */
export class StoreUnavailableError extends AppError {
  constructor() {
    super(503, 'BUSY', 'the database cannot be reached right now; try again in a moment');
  }
}

/** 507: the disk holding the data is full (SQLite's SQLITE_FULL, ENOSPC); nothing was written. */
export class StorageFullError extends AppError {
  constructor() {
    super(
      507,
      'STORAGE_FULL',
      'the server’s disk is full, so nothing was saved; ask whoever runs Octograph to free some space, then try again',
    );
  }
}

/** 429: this address sent more requests than the rate limit allows; `retry-after` says when. */
export class RateLimitedError extends AppError {
  constructor(retryIn: string) {
    super(429, 'RATE_LIMITED', `too many requests from this address; try again in ${retryIn}`);
  }
}

/** 400: a JSON body that is not valid UTF-8. */
export class InvalidUtf8Error extends AppError {
  constructor() {
    super(400, 'BAD_JSON', 'the request body is not valid UTF-8');
  }
}

/** 409: an audit entry that cannot be undone, and why. */
export class UndoRefusedError extends AppError {
  constructor(entryId: number, reason: string) {
    super(409, 'CONFLICT', `change #${entryId} cannot be undone: ${reason}`);
  }
}

/** 404: no file at this path (the /docs page's own files). */
export class NoSuchFileError extends AppError {
  constructor(path: string) {
    super(404, 'NOT_FOUND', `no file at ${path}`);
  }
}

/** 404: no audit entry with this id. */
export class AuditEntryNotFoundError extends AppError {
  constructor(id: number) {
    super(404, 'NOT_FOUND', `no change #${id} in the audit log`);
  }
}

/** 404: no user with this id. */
export class UserNotFoundError extends AppError {
  constructor(id: string) {
    super(404, 'NOT_FOUND', `no user with id '${id}'`);
  }
}

/** 401: the caller must sign in first (or their session ended). */
export class UnauthenticatedError extends AppError {
  constructor(message = 'sign in first') {
    super(401, 'UNAUTHENTICATED', message);
  }
}

/** 403: signed in, but the role may not do this. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(403, 'FORBIDDEN', message);
  }
}

/** 403: a cookie-authenticated write without the session's CSRF token. */
export class CsrfError extends AppError {
  constructor() {
    super(
      403,
      'CSRF',
      'this write needs the x-csrf-token header with the token from GET /api/session',
    );
  }
}
