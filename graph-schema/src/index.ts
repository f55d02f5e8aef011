/**
 * @octograph/graph-schema — the one definition of Octograph's graph and API bodies.
 * Start with kinds.ts (closed sets), then nodes.ts, links.ts, link-rules.ts, api.ts, errors.ts.
 */
export * from './kinds.js';
export * from './common.js';
export * from './nodes.js';
export * from './links.js';
export * from './link-rules.js';
export * from './api.js';
export * from './errors.js';
export * from './network-file.js';
export * from './layout.js';
export * from './insights.js';

export * from './meetings.js';
export * from './exchange.js';
export * from './accounts.js';
export * from './audit.js';
export * from './events.js';
export * from './backups.js';
export * from './forms.js';
export * from './link-choices.js';
