/**
 * The request validator: zod schemas from graph-schema, with errors that name each bad field by
 * where it was (`body.email.value`, `query.limit`, `params.id`). Replaces the type provider's
 * default compiler only to word the issues; parsing is plain zod.
 */
import { toFieldIssues } from '@octograph/graph-schema';
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { ValidationError } from '../errors.js';

const PART_NAMES: Readonly<Record<string, string>> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/** Compiles a route's zod schema for one part of the request. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const part = PART_NAMES[httpPart ?? 'body'] ?? 'body';
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const issues = toFieldIssues(result.error.issues, part, data);
    return {
      error: new ValidationError(
        issues,
        `invalid ${part}: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`,
      ),
    };
  };
};
