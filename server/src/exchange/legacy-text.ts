/**
 * Text stored before node and link text refused what no file format can carry (issue 15):
 * control characters other than tab and line break, and unpaired surrogates. Such text is still
 * read and shown, and every export replaces those characters with U+FFFD (export-content.ts);
 * this check says where it is, so an editor can correct it. The app runs it once when it
 * starts (app.ts) and logs one warning per node or link with such text, naming each field.
 */
import { uncarriableTextProblem } from '@octograph/graph-schema';
import type { FastifyBaseLogger } from 'fastify';
import type { GraphStore } from '../store/graph-store.js';

/** A stored node or link with text no format can carry, and where in it. */
export interface UncarriableRecord {
  what: 'node' | 'link';
  id: string;
  /** Each field's path (`name`, `values[1]`, `contact.email`) and what is wrong with it. */
  fields: { path: string; problem: string }[];
}

/** The fields of `value` (a stored record) whose text no format can carry. */
function uncarriableFields(value: unknown, path: string, found: UncarriableRecord['fields']): void {
  if (typeof value === 'string') {
    const problem = uncarriableTextProblem(value);
    if (problem !== null) found.push({ path, problem });
  } else if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      uncarriableFields(item, `${path}[${String(index)}]`, found);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      uncarriableFields(item, path === '' ? key : `${path}.${key}`, found);
    }
  }
}

/** Every stored node and link with text no file format can carry, nodes first. */
export async function findUncarriableText(store: GraphStore): Promise<UncarriableRecord[]> {
  const snapshot = await store.snapshot();
  const records: UncarriableRecord[] = [];
  for (const [what, list] of [
    ['node', snapshot.nodes],
    ['link', snapshot.links],
  ] as const) {
    for (const record of list) {
      const fields: UncarriableRecord['fields'] = [];
      uncarriableFields(record, '', fields);
      if (fields.length > 0) records.push({ what, id: record.id, fields });
    }
  }
  return records;
}

/** At most this many records are named one by one in the log; the rest are counted. */
const NAMED_IN_LOG = 50;

/** Logs a warning for each record findUncarriableText finds (a summary past NAMED_IN_LOG). */
export async function reportUncarriableText(
  store: GraphStore,
  log: FastifyBaseLogger,
): Promise<UncarriableRecord[]> {
  const records = await findUncarriableText(store);
  for (const record of records.slice(0, NAMED_IN_LOG)) {
    log.warn(
      { [record.what]: record.id, fields: record.fields.map((field) => field.path) },
      `stored ${record.what} '${record.id}' has text from before control characters were refused ` +
        `(${record.fields.map((field) => `${field.path}: ${field.problem}`).join('; ')}); ` +
        'exports write U+FFFD in their place; edit the field to correct it',
    );
  }
  if (records.length > NAMED_IN_LOG) {
    log.warn(`${String(records.length - NAMED_IN_LOG)} more stored nodes and links have such text`);
  }
  return records;
}
