import { defineConfig } from 'tsup';

// Bundles the server and CLI into server/dist. Workspace packages (graph-schema, seed) are
// TypeScript sources, so they are bundled in; npm dependencies stay external. The worker threads
// (the re-arrange's, the backups', the imports') are files of their own, dist/layout-worker.js,
// dist/backup-worker.js and dist/import-worker.js, next to the code that starts them.
export default defineConfig({
  entry: {
    server: 'src/server.ts',
    cli: 'src/cli.ts',
    'layout-worker': 'src/services/layout-worker.ts',
    'backup-worker': 'src/store/embedded/backup-worker.ts',
    'import-worker': 'src/exchange/import-worker.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  noExternal: [/^@octograph\//],
});
