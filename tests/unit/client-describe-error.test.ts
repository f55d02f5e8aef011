import { ERROR_CODES, type ErrorBody } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import { ApiError, UnexpectedResponseError, isRetryable } from '../../client/src/api/api-error.js';
import { describeError } from '../../client/src/api/describe-error.js';
import { en } from '../../client/src/i18n/en.js';
import { englishI18n } from '../helpers/english-i18n.js';

const VALIDATION: ErrorBody = {
  statusCode: 400,
  code: 'VALIDATION_FAILED',
  message: 'The query is not valid',
  issues: [
    { path: 'query.limit', message: 'must be between 1 and 500' },
    { path: 'query.kind', message: 'must be one of the node kinds' },
  ],
};

const NOT_FOUND: ErrorBody = {
  statusCode: 404,
  code: 'NOT_FOUND',
  message: 'No node with id org-9',
  issues: [],
};

const i18n = englishI18n();

describe('ApiError', () => {
  it('carries the server’s error body, status and code', () => {
    const error = new ApiError(VALIDATION);
    expect(error.body).toBe(VALIDATION);
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
  });

  it('uses the server’s message as its own, so the console shows it', () => {
    const error = new ApiError(NOT_FOUND);
    expect(error.message).toBe('No node with id org-9');
    expect(error.name).toBe('ApiError');
    expect(error).toBeInstanceOf(Error);
  });
});

describe('isRetryable', () => {
  it.each([
    {
      name: 'a 503',
      error: new ApiError({ ...NOT_FOUND, statusCode: 503, code: 'INTERNAL' }),
      retry: true,
    },
    {
      name: 'a 500',
      error: new ApiError({ ...NOT_FOUND, statusCode: 500, code: 'INTERNAL' }),
      retry: true,
    },
    { name: 'a 404', error: new ApiError(NOT_FOUND), retry: false },
    { name: 'a 400', error: new ApiError(VALIDATION), retry: false },
    { name: 'a bad body', error: new UnexpectedResponseError('GET /api/map', 'x'), retry: false },
    { name: 'a network failure', error: new TypeError('fetch failed'), retry: true },
  ])('retries $name: $retry', ({ error, retry }) => {
    expect(isRetryable(error)).toBe(retry);
  });
});

describe('describeError', () => {
  it('titles an API error by its code', () => {
    expect(describeError(new ApiError(VALIDATION)).title).toBe('errors.code.VALIDATION_FAILED');
  });

  it('puts the server’s message and every field issue into the detail', () => {
    expect(describeError(new ApiError(VALIDATION)).detail).toBe(
      'The query is not valid; query.limit must be between 1 and 500; ' +
        'query.kind must be one of the node kinds',
    );
  });

  it('gives just the server’s message when there are no field issues', () => {
    expect(describeError(new ApiError(NOT_FOUND))).toEqual({
      title: 'errors.code.NOT_FOUND',
      detail: 'No node with id org-9',
    });
  });

  it.each(ERROR_CODES)('has an English title for the error code %s', (code) => {
    const { title } = describeError(new ApiError({ ...NOT_FOUND, code }));
    const text = i18n.t(title);
    expect(text).not.toBe(title);
    expect(text).toBe(en.errors.code[code]);
  });

  it('reads an API error as a person would see it, in English', () => {
    const { title, detail } = describeError(new ApiError(NOT_FOUND));
    expect(`${i18n.t(title)}: ${detail ?? ''}`).toBe('Not found: No node with id org-9');
  });

  it.each([
    {
      name: 'a body that does not match the schema',
      error: new UnexpectedResponseError('GET /api/map', 'nodes[0].x expected number'),
      title: 'errors.unexpectedResponse',
      detail: null,
    },
    {
      name: 'a network failure',
      error: new TypeError('fetch failed'),
      title: 'errors.network',
      detail: null,
    },
    {
      name: 'any other error',
      error: new RangeError('out of range'),
      title: 'errors.unknown',
      detail: 'out of range',
    },
    { name: 'a thrown string', error: 'boom', title: 'errors.unknown', detail: null },
  ])('describes $name as $title', ({ error, title, detail }) => {
    expect(describeError(error)).toEqual({ title, detail });
  });

  it.each([
    { title: 'errors.unexpectedResponse', text: en.errors.unexpectedResponse },
    { title: 'errors.network', text: en.errors.network },
    { title: 'errors.unknown', text: en.errors.unknown },
  ])('has an English text for $title', ({ title, text }) => {
    expect(i18n.t(title)).toBe(text);
    expect(text.length).toBeGreaterThan(10);
  });
});
