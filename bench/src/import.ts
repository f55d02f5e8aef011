/**
 * Import of a whole network from a Kumu-layout workbook, as a user would: POST the file to
 * /api/import/preview, then the same file with the preview's revision to /api/import/apply, into
 * an empty store. Each request is timed from sending until the whole answer has arrived.
 */
import { ImportPreviewSchema, ImportResultSchema } from '@octograph/graph-schema';
import type { Session } from './session.js';
import { since } from './stats.js';

/** What one preview + apply took, and what it imported. */
export interface ImportRun {
  previewMs: number;
  applyMs: number;
  nodesCreated: number;
  linksCreated: number;
  errors: number;
}

/** The workbook as a multipart body. */
function form(workbook: Buffer, fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('files', new Blob([new Uint8Array(workbook)]), 'network.xlsx');
  return body;
}

async function post(url: string, session: Session, body: FormData): Promise<unknown> {
  // No content-type here: fetch sets multipart/form-data with the form's boundary itself.
  const response = await fetch(url, {
    method: 'POST',
    headers: session.writeHeaders,
    body,
    // Over Neo4j an import writes each row with a few queries of its own: minutes at 50,000 rows.
    signal: AbortSignal.timeout(process.env.NEO4J_URI ? 20 * 60_000 : 120_000),
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`POST ${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
  }
  return JSON.parse(text) as unknown;
}

/** Previews and applies `workbook` on the (empty) server at `baseUrl`, signed in. */
export async function importWorkbook(
  baseUrl: string,
  session: Session,
  workbook: Buffer,
): Promise<ImportRun> {
  const previewStarted = performance.now();
  const preview = ImportPreviewSchema.parse(
    await post(`${baseUrl}/api/import/preview`, session, form(workbook, {})),
  );
  const previewMs = since(previewStarted);
  const applyStarted = performance.now();
  const result = ImportResultSchema.parse(
    await post(
      `${baseUrl}/api/import/apply`,
      session,
      form(workbook, { expectedRevision: String(preview.revision) }),
    ),
  );
  return {
    previewMs,
    applyMs: since(applyStarted),
    nodesCreated: result.nodes.create,
    linksCreated: result.links.create,
    errors: preview.problems.filter((problem) => problem.severity === 'error').length,
  };
}
