/**
 * @octograph/seed — fictional demo networks. Start with demo-network.ts (the map new users see)
 * and synthetic.ts (large generated networks for benchmarks).
 */
export type { SeedNetwork } from './network.js';
export { demoNetwork } from './demo-network.js';
export { syntheticNetwork, type SyntheticOptions } from './synthetic.js';
export { mulberry32 } from './random.js';
