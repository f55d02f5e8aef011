/**
 * Page cursors: an opaque string holding the sort key and id of the last item of a page, so the
 * next page starts right after it however the data changed meanwhile.
 */
import { z } from 'zod';
import { ValidationError } from '../errors.js';

const CursorSchema = z.tuple([z.string(), z.string()]);

/** Where a page ended. */
export interface CursorPosition {
  sortKey: string;
  id: string;
}

/** The cursor for the page after this position. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sortKey, position.id]), 'utf8').toString('base64url');
}

/** The position a cursor holds; ValidationError naming `cursor` if it is not one of ours. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const [sortKey, id] = CursorSchema.parse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')),
    );
    return { sortKey, id };
  } catch {
    throw new ValidationError([
      { path: 'cursor', message: 'is not a cursor this server gave out' },
    ]);
  }
}
