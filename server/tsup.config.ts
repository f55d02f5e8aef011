import { defineConfig } from 'tsup';

// Bundles the server and CLI into server/dist. Workspace packages (graph-schema, seed) are
// TypeScript sources, so they are bundled in; npm dependencies stay external. The re-arrange's
// worker thread is a file of its own, dist/layout-worker.js, next to the code that starts it.
export default defineConfig({
  entry: {
    server: 'src/server.ts',
    cli: 'src/cli.ts',
    'layout-worker': 'src/services/layout-worker.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  noExternal: [/^@octograph\//],
});
