/**
 * What the page makes of the re-arrange job the server reports (GET /api/layout). Pure, so it
 * is tested without React.
 */
import type { LayoutJob, LayoutJobState } from '@octograph/graph-schema';

/** How often the job is asked about while it runs. */
export const REARRANGE_POLL_MS = 300;

/** Whole per cent, 0 to 100, of a progress from 0 to 1. */
export function percentOf(progress: number): number {
  return Math.round(Math.min(1, Math.max(0, progress)) * 100);
}

/**
 * Whether the re-arrange this page saw running has now saved its positions, so every map must
 * be read again. A job found already done when the page loads changes nothing on screen.
 */
export function savedSince(
  previous: LayoutJobState | undefined,
  next: LayoutJobState | undefined,
): boolean {
  return previous === 'running' && next === 'done';
}

/** What the progress notice shows: nothing, the progress, or why it failed. */
export type RearrangeNotice =
  { kind: 'running'; percent: number } | { kind: 'failed'; reason: string } | null;

/**
 * The notice for a job. A failure is shown only when this page saw the job running
 * (`seenRunning`), not for an old failure found when the page loads.
 */
export function rearrangeNotice(job: LayoutJob | undefined, seenRunning: boolean): RearrangeNotice {
  if (job?.state === 'running') return { kind: 'running', percent: percentOf(job.progress) };
  if (job?.state === 'failed' && seenRunning) return { kind: 'failed', reason: job.error ?? '' };
  return null;
}
