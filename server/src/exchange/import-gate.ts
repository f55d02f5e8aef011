/**
 * One import at a time per server (issue 15): reading, matching and applying a large file takes
 * memory and time, so a second upload while one runs is refused at once (429 BUSY with
 * Retry-After) rather than doubling both. Previews count too: they read the whole file.
 */
import { AppError } from '../errors.js';

/** 429: another import is running on this server. */
export class ImportRunningError extends AppError {
  constructor() {
    super(429, 'BUSY', 'another import is running on this server; try again when it has finished');
  }
}

/** Lets one import run at a time; the others are refused with ImportRunningError. */
export class ImportGate {
  private running = false;

  /** Runs `work` unless an import is running, in which case it throws ImportRunningError. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running) throw new ImportRunningError();
    this.running = true;
    try {
      return await work();
    } finally {
      this.running = false;
    }
  }
}
