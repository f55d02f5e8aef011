/**
 * Decorates the app with its GraphStore (`app.store`) and the readers built on it: the map
 * (`app.mapView`), neighbourhoods (`app.egoView`) and insights (`app.insightsView`); closes the
 * store when the app closes if the app opened it.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { InsightsView } from '../insights/insights-view.js';
import { NodeSearch } from '../services/node-search.js';
import { EgoView } from '../services/ego-view.js';
import { MapView } from '../services/map-view.js';
import type { GraphStore } from '../store/graph-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The graph store every route reads and writes through. */
    store: GraphStore;
    /** Builds and caches /api/map responses. */
    mapView: MapView;
    /** Answers neighbourhood requests from a model kept per revision. */
    egoView: EgoView;
    /** Insight findings kept per revision (insights routes and meeting suggestions). */
    insightsView: InsightsView;
    /** Search by relevance, its index kept per revision (GET /api/search). */
    nodeSearch: NodeSearch;
  }
}

/** Options of the store plugin. */
export interface StorePluginOptions {
  store: GraphStore;
  /** Close the store with the app (true when the app opened it). */
  ownsStore: boolean;
}

async function storePlugin(app: FastifyInstance, options: StorePluginOptions): Promise<void> {
  app.decorate('store', options.store);
  app.decorate('mapView', new MapView(options.store));
  app.decorate('egoView', new EgoView(options.store));
  app.decorate('insightsView', new InsightsView(options.store));
  app.decorate('nodeSearch', new NodeSearch(options.store));
  if (options.ownsStore) {
    app.addHook('onClose', async () => {
      await options.store.close();
    });
  }
  await Promise.resolve();
}

export default fp(storePlugin, { name: 'store', fastify: '5.x' });
