/** JSON bodies that are already serialised (see `serialised`). */
/** The content type of JSON responses. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * A response body that is already JSON text, typed as the object it encodes. Fastify sends a
 * string with a JSON content type as it is, skipping the response schema's runtime check and a
 * second serialisation. Only for the large read routes (map, neighbourhood), whose bodies are
 * built from typed store data; every other route's response is checked against its schema.
 */
export function serialised<T>(body: T): T {
  return JSON.stringify(body) as unknown as T;
}
