/**
 * A read model kept per store revision: built from the store when the revision has moved since
 * the last build, shared by every request while it is built, and forgotten if the build fails (the
 * next request tries again). The neighbourhoods (ego-view.ts) and search (node-search.ts) use it.
 */
import type { GraphStore } from '../store/graph-store.js';

export class RevisionCache<T> {
  private model: Promise<T> | null = null;
  private modelRevision = -1;

  constructor(
    private readonly store: GraphStore,
    private readonly build: () => Promise<T>,
  ) {}

  /** The model of the store's current revision. */
  async current(): Promise<T> {
    const revision = await this.store.revision();
    if (this.model === null || this.modelRevision !== revision) {
      this.modelRevision = revision;
      // Requests arriving while it is built share the same promise.
      this.model = this.build().catch((error: unknown) => {
        this.model = null;
        this.modelRevision = -1;
        throw error;
      });
    }
    return this.model;
  }
}
