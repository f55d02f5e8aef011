/**
 * An import in two steps over the same files: preview (read, match against the store, report)
 * and apply (the same plan, written in one store batch if nothing is wrong and the store is still
 * at the previewed revision). Nothing is written by a preview or by a failing apply.
 */
import {
  IMPORT_PREVIEW_LINES,
  type ImportPreview,
  type ImportResult,
  type UnknownType,
} from '@octograph/graph-schema';
import { createHash } from 'node:crypto';
import { AppError, ConflictError } from '../errors.js';
import type { BatchResult, GraphStore, Snapshot, WriteContext } from '../store/graph-store.js';
import type { ElementType } from './columns.js';
import { planImport, type ImportPlan, type PlanLine } from './import-plan.js';
import { readUpload } from './read-upload.js';
import type { ImportProblem, UploadedFile } from './source.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './upload-limits.js';

/** 400: the files cannot be imported; `problems` says where and why. */
export class ImportRefusedError extends AppError {
  constructor(readonly problems: readonly ImportProblem[]) {
    const errors = problems.filter((problem) => problem.severity === 'error');
    const first = errors
      .slice(0, 3)
      .map((problem) => `${placeOf(problem)}: ${problem.message}`)
      .join('; ');
    super(
      400,
      'VALIDATION_FAILED',
      `the files cannot be imported (${String(errors.length)} problem${errors.length === 1 ? '' : 's'}); nothing was written: ${first}`,
      errors.map((problem) => ({ path: placeOf(problem), message: problem.message })),
    );
  }
}

/** "file, sheet Elements, row 4, column Type" for a problem's place. */
export function placeOf(problem: {
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
}): string {
  return [
    problem.file,
    problem.sheet === null ? null : `sheet ${problem.sheet}`,
    problem.row === null ? null : `row ${String(problem.row)}`,
    problem.column === null ? null : `column ${problem.column}`,
  ]
    .filter((part): part is string => part !== null)
    .join(', ');
}

/** The type an unknown element becomes, from the form's choice. */
export function elementTypeOfChoice(choice: UnknownType): ElementType {
  if (choice.startsWith('organisation:')) {
    const orgKind = choice.slice('organisation:'.length);
    return { kind: 'organisation', orgKind: orgKind as ElementType['orgKind'] };
  }
  return { kind: choice as Exclude<ElementType['kind'], 'organisation'>, orgKind: null };
}

/** How many previewed plans are kept for the apply that follows them. */
const PLANS_KEPT = 2;

/**
 * Plans previewed lately, per store, by the files and choice they were made from. Reading a large workbook
 * and matching it against the store take seconds; the apply that follows a preview reuses its
 * plan when the store is still at the revision the plan was made at.
 */
const recentPlans = new WeakMap<GraphStore, Map<string, Planned>>();

/** A plan and the store's content it was made against. */
interface Planned {
  plan: ImportPlan;
  state: Snapshot;
}

/** A digest of the files and the choice: the same upload gives the same key. */
function planKey(files: readonly UploadedFile[], unknownType: UnknownType): string {
  const hash = createHash('sha256').update(unknownType);
  for (const file of files) {
    hash.update(`\u0000${file.name}\u0000${String(file.bytes.length)}\u0000`).update(file.bytes);
  }
  return hash.digest('hex');
}

async function planOf(
  store: GraphStore,
  files: readonly UploadedFile[],
  unknownType: UnknownType,
  limits: UploadLimits,
): Promise<Planned> {
  const key = planKey(files, unknownType);
  const plans = recentPlans.get(store) ?? new Map<string, Planned>();
  recentPlans.set(store, plans);
  const kept = plans.get(key);
  if (kept && kept.plan.revision === (await store.revision())) return kept;
  const source = await readUpload([...files], limits);
  const state = await store.snapshot();
  const plan = planImport(source, state, { unknownType: elementTypeOfChoice(unknownType) });
  plans.delete(key);
  plans.set(key, { plan, state });
  for (const oldest of plans.keys()) {
    if (plans.size <= PLANS_KEPT) break;
    plans.delete(oldest);
  }
  return { plan, state };
}

function hasErrors(plan: ImportPlan): boolean {
  return plan.problems.some((problem) => problem.severity === 'error');
}

/** Lines with a problem first (so the preview shows them), then in file order. */
function previewLines(plan: ImportPlan): PlanLine[] {
  const troubled = new Set(
    plan.problems.map(
      (problem) => `${problem.file}\u0000${problem.sheet ?? ''}\u0000${String(problem.row)}`,
    ),
  );
  const key = (line: PlanLine): string =>
    `${line.location.file}\u0000${line.location.sheet ?? ''}\u0000${String(line.location.row)}`;
  return [
    ...plan.lines.filter((line) => troubled.has(key(line))),
    ...plan.lines.filter((line) => !troubled.has(key(line))),
  ].slice(0, IMPORT_PREVIEW_LINES);
}

/** What importing the files would do. */
export async function previewImport(
  store: GraphStore,
  files: readonly UploadedFile[],
  unknownType: UnknownType,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<ImportPreview> {
  const { plan } = await planOf(store, files, unknownType, limits);
  return {
    revision: plan.revision,
    nodes: plan.nodes,
    links: plan.links,
    canApply: !hasErrors(plan),
    problems: plan.problems,
    lines: previewLines(plan).map(({ location, ...line }) => ({ ...line, ...location })),
    linesTotal: plan.lines.length,
  };
}

/**
 * Writes a plan's ops, made against `state`, and answers the batch's result: by default one
 * store batch (withPlacement then places what it adds); the import worker writes the ops and
 * their positions in one transaction instead.
 */
export type PlanWriter = (
  ops: ImportPlan['ops'],
  state: Snapshot,
  context: WriteContext,
) => Promise<BatchResult>;

/**
 * Imports the files: ImportRefusedError (400) when any problem is an error, ConflictError (409)
 * when the store changed since the preview; otherwise every write in one store batch.
 */
export async function applyImport(
  store: GraphStore,
  files: readonly UploadedFile[],
  unknownType: UnknownType,
  expectedRevision: number,
  context: WriteContext = {},
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
  write: PlanWriter = (ops, _state, writer) => store.applyBatch(ops, writer),
): Promise<ImportResult> {
  const { plan, state } = await planOf(store, files, unknownType, limits);
  if (hasErrors(plan)) throw new ImportRefusedError(plan.problems);
  if (plan.revision !== expectedRevision) {
    throw new ConflictError(
      `the network changed since the preview (revision ${String(expectedRevision)}, now ${String(plan.revision)}); preview the files again`,
    );
  }
  const revision =
    plan.ops.length === 0 ? plan.revision : (await write(plan.ops, state, context)).revision;
  return { revision, nodes: plan.nodes, links: plan.links, problems: plan.problems };
}
