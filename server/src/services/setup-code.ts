/**
 * The one-time set-up code (issue 15): the browser's set-up of the first admin needs it besides
 * a visit from this machine, so that a visitor from elsewhere who reaches the port (a proxy that
 * sends no forwarding header, a tunnel, a misconfigured firewall) cannot claim the install. A new
 * code is made each time the server starts without an admin and printed in its log, which only
 * whoever runs the server reads.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A new code such as `7KQP-M3XD-9RTA`: 12 characters of 31, about 59 bits. */
export function newSetupCode(): string {
  const groups = Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

/** The code as typed, in one spelling: capitals, without spaces or dashes. */
function normalised(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

function digest(code: string): Buffer {
  return createHash('sha256').update(normalised(code), 'utf8').digest();
}

/** Whether `given` is `expected`, however spaced or cased, compared in constant time. */
export function setupCodeMatches(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}
