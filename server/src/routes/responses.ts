/** Response schemas shared by routes: the one error body under each status a route can answer. */
import { ErrorBodySchema } from '@octograph/graph-schema';

/** The error statuses a route may answer, each with the ErrorBody schema. */
export function errorResponses<const S extends readonly number[]>(
  ...statuses: S
): Record<S[number], typeof ErrorBodySchema> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBodySchema])) as Record<
    S[number],
    typeof ErrorBodySchema
  >;
}
