/**
 * The checks the account forms make before sending (the server makes them again): a new
 * password long enough, typed the same twice. The limits are graph-schema's, so the two agree.
 */
import { PasswordSchema } from '@octograph/graph-schema';

/** The fewest characters a password may have. */
export const PASSWORD_MIN_LENGTH = PasswordSchema.minLength ?? 1;

/** What is wrong with a new password and its repetition, or null when they will do. */
export type PasswordProblem = 'tooShort' | 'mismatch' | null;

export function passwordProblem(password: string, repeated: string): PasswordProblem {
  if (password.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  return password === repeated ? null : 'mismatch';
}
