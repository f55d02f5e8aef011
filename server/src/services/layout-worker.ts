/**
 * The re-arrange's worker thread: lays out the network it is given with computeLayout and posts
 * its progress and then the positions back. It runs apart from the server's event loop, which
 * keeps answering requests meanwhile (a layout of a big network takes many seconds).
 * Started by layout-job.ts; built as its own file (tsup entry `layout-worker`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Position } from '@octograph/graph-schema';
import { computeLayout, type LayoutLink } from './layout.js';

/** What the worker lays out (its workerData). */
export interface LayoutWorkerInput {
  nodeIds: string[];
  links: LayoutLink[];
}

/** What the worker posts: progress as it goes, then the positions. */
export type LayoutWorkerMessage =
  { type: 'progress'; progress: number } | { type: 'done'; positions: Position[] };

function post(message: LayoutWorkerMessage): void {
  parentPort?.postMessage(message);
}

// layout-job.ts is the only one to start this file, with a LayoutWorkerInput.
const input = workerData as LayoutWorkerInput;
const positions = computeLayout(input.nodeIds, input.links, {
  onProgress: (progress) => {
    post({ type: 'progress', progress });
  },
});
post({ type: 'done', positions });
