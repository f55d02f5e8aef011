/**
 * The server's words about an error, in the reader's language where the client knows them
 * (issue 17): a Polish reader who mistypes a password reads Polish, field problems name their
 * field in Polish words, and a message the client does not know is shown as the server wrote it.
 */
import type { ErrorBody } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/src/api/api-error.js';
import { errorDetail } from '../../client/src/api/describe-error.js';
import { clientI18n } from '../helpers/client-i18n.js';

function apiError(body: Partial<ErrorBody>): ApiError {
  return new ApiError({
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    message: '',
    issues: [],
    ...body,
  });
}

const polish = clientI18n('pl').t;
const english = clientI18n('en').t;

describe('errorDetail', () => {
  it('says a wrong password in Polish', () => {
    const error = apiError({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
      message: 'the e-mail or password is wrong',
    });
    expect(errorDetail(error, polish)).toBe('Nieprawidłowy e-mail lub hasło');
    expect(errorDetail(error, english)).toBe('The e-mail or password is wrong');
  });

  it('names the e-mail of an account that already exists', () => {
    const error = apiError({
      statusCode: 409,
      code: 'CONFLICT',
      message: "a user with e-mail 'ala@example.org' already exists",
    });
    expect(errorDetail(error, polish)).toBe('Konto z adresem ala@example.org już istnieje');
  });

  it('says known field problems with Polish plurals, and leaves out the English summary', () => {
    const error = apiError({
      message: 'body.newPassword must be at least 10 characters',
      issues: [
        { path: 'body.newPassword', message: 'must be at least 10 characters' },
        { path: 'body.name', message: 'is required' },
      ],
    });
    expect(errorDetail(error, polish)).toBe(
      'newPassword: musi mieć co najmniej 10 znaków; name: to pole jest wymagane',
    );
  });

  it('shows a message it does not know as the server wrote it', () => {
    const error = apiError({
      statusCode: 409,
      code: 'CONFLICT',
      message: 'the server is shutting down',
    });
    expect(errorDetail(error, polish)).toBe('the server is shutting down');
  });

  it('has nothing to add for a network failure', () => {
    expect(errorDetail(new TypeError('fetch failed'), polish)).toBeNull();
  });
});
