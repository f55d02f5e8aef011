/**
 * The re-arrange: lays out the whole map again (computeLayout, ForceAtlas2) in a worker thread,
 * so the server keeps answering while it runs, reports its progress, and saves every position in
 * one write when it is done. One at a time per server; its state lives in this process.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LayoutJob as LayoutJobStatus, Position } from '@octograph/graph-schema';
import type { FastifyBaseLogger } from 'fastify';
import { ConflictError, NotFoundError } from '../errors.js';
import type { GraphStore, WriteContext } from '../store/graph-store.js';
import { placeNodes, type Point } from './layout.js';
import type { LayoutWorkerInput, LayoutWorkerMessage } from './layout-worker.js';

const IDLE: LayoutJobStatus = {
  state: 'idle',
  progress: 0,
  nodes: null,
  startedAt: null,
  finishedAt: null,
  error: null,
};

/**
 * Saving gives up after this many tries, each lost to a node deleted between reading the network
 * and writing its positions.
 */
const SAVE_ATTEMPTS = 3;

// Under vitest and `tsx` the server runs from its TypeScript sources, and so must the worker;
// the built server (tsup) has it as dist/layout-worker.js, next to the code that starts it.
const FROM_SOURCE = import.meta.url.endsWith('.ts');

function startWorker(input: LayoutWorkerInput): Worker {
  if (!FROM_SOURCE) {
    return new Worker(new URL('./layout-worker.js', import.meta.url), { workerData: input });
  }
  // Node 20 does not apply `--import tsx` to a worker's own entry file, so a two-line CommonJS
  // entry registers tsx's require hook and then loads the TypeScript worker through it.
  const require = createRequire(import.meta.url);
  const tsx = require.resolve('tsx/cjs/api');
  const file = fileURLToPath(new URL('./layout-worker.ts', import.meta.url));
  return new Worker(
    `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`,
    { eval: true, workerData: input },
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The re-arrange job of one server. */
export class LayoutJob {
  private status: LayoutJobStatus = IDLE;
  private worker: Worker | null = null;
  private finished: Promise<void> = Promise.resolve();
  private closing = false;

  constructor(
    private readonly store: GraphStore,
    private readonly log?: Pick<FastifyBaseLogger, 'info' | 'error'>,
  ) {}

  /** Where the latest re-arrange stands. */
  current(): LayoutJobStatus {
    return { ...this.status };
  }

  /** Starts a re-arrange for `writer` (its saved positions are theirs); a ConflictError while one is running. */
  start(writer: WriteContext = {}): LayoutJobStatus {
    if (this.status.state === 'running') {
      const done = Math.round(this.status.progress * 100);
      throw new ConflictError(
        `the map is already being re-arranged (started at ${this.status.startedAt ?? '?'}, ${done}% done); wait for it to finish`,
      );
    }
    if (this.closing) throw new ConflictError('the server is shutting down');
    this.status = { ...IDLE, state: 'running', startedAt: new Date().toISOString() };
    this.finished = this.run(writer);
    return this.current();
  }

  /** Stops a running re-arrange (the server is closing); nothing is saved. */
  async close(): Promise<void> {
    this.closing = true;
    await this.worker?.terminate();
    await this.finished;
  }

  private async run(writer: WriteContext): Promise<void> {
    const started = performance.now();
    try {
      const network = await this.store.snapshot();
      const input: LayoutWorkerInput = {
        nodeIds: network.nodes.map((node) => node.id),
        links: network.links.map(({ id, kind, source, target, strength }) => ({
          id,
          kind,
          source,
          target,
          strength,
        })),
      };
      this.status = { ...this.status, nodes: input.nodeIds.length };
      const layout = await this.layOut(input);
      const saved = await this.save(layout, writer);
      this.status = {
        ...this.status,
        state: 'done',
        progress: 1,
        finishedAt: new Date().toISOString(),
      };
      this.log?.info(
        { nodes: saved, ms: Math.round(performance.now() - started) },
        'map re-arranged',
      );
    } catch (error: unknown) {
      this.status = {
        ...this.status,
        state: 'failed',
        finishedAt: new Date().toISOString(),
        error: this.closing ? 'stopped: the server shut down' : messageOf(error),
      };
      if (!this.closing) this.log?.error({ err: error }, 're-arranging the map failed');
    }
  }

  /** Runs computeLayout in a worker thread, following its progress. */
  private layOut(input: LayoutWorkerInput): Promise<Position[]> {
    if (this.closing) return Promise.reject(new Error('the server is shutting down'));
    return new Promise((resolve, reject) => {
      const worker = startWorker(input);
      this.worker = worker;
      let positions: Position[] | null = null;
      worker.on('message', (message: LayoutWorkerMessage) => {
        if (message.type === 'progress') {
          // Kept below 1 until the positions are saved.
          this.status = { ...this.status, progress: Math.min(message.progress, 0.99) };
        } else {
          positions = message.positions;
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        this.worker = null;
        if (positions) resolve(positions);
        else reject(new Error(`the layout worker stopped (exit code ${code}) without a result`));
      });
    });
  }

  /**
   * Saves the new layout in one write. The network may have changed while it was computed:
   * deleted nodes are left out, and nodes added meanwhile are placed next to their neighbours in
   * the new layout (or on its ring), as new nodes always are.
   */
  private async save(layout: readonly Position[], writer: WriteContext): Promise<number> {
    const computed = new Map<string, Point>(layout.map((position) => [position.id, position]));
    for (let attempt = 1; ; attempt += 1) {
      const network = await this.store.snapshot();
      const fixed = new Map<string, Point>();
      const added: string[] = [];
      for (const node of network.nodes) {
        const point = computed.get(node.id);
        if (point) fixed.set(node.id, point);
        else added.push(node.id);
      }
      const neighbours = new Map<string, string[]>();
      for (const link of network.links) {
        for (const [from, to] of [
          [link.source, link.target],
          [link.target, link.source],
        ] as const) {
          const list = neighbours.get(from);
          if (list) list.push(to);
          else neighbours.set(from, [to]);
        }
      }
      const placed = placeNodes({
        ids: added,
        neighbours,
        positions: fixed,
        linked: (id) => neighbours.has(id),
      });
      const positions = [...fixed, ...placed].map(([id, point]) => ({
        id,
        x: point.x,
        y: point.y,
      }));
      try {
        if (positions.length > 0) await this.store.savePositions(positions, writer);
        return positions.length;
      } catch (error: unknown) {
        // A node deleted between the read above and this write: read again and retry.
        if (!(error instanceof NotFoundError) || attempt >= SAVE_ATTEMPTS) throw error;
      }
    }
  }
}
