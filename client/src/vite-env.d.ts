/** The build-time settings the client reads (Vite replaces them when it builds). */
interface ImportMetaEnv {
  /**
   * 'true' only in the test build (`npm run build:test -w client`, into dist-test/): it carries
   * the browser tests' read-only handle (map/test-handle.ts); the production build does not.
   */
  readonly VITE_TEST_HANDLE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
