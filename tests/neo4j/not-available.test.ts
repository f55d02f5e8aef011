/**
 * Runs instead of the Neo4j suites when no Neo4j was given (vitest.config.ts): it says why they
 * were skipped, and in CI (CI=true), where `.ci/run` starts one, a missing Neo4j is a failure.
 */
import { describe, it } from 'vitest';

const reason = process.env.OCTOGRAPH_NEO4J_SKIPPED ?? 'Neo4j suites skipped';

describe('the Neo4j suites', () => {
  if (process.env.CI === 'true') {
    it('run in CI, against the Neo4j .ci/run starts', () => {
      throw new Error(`CI=true, yet ${reason}`);
    });
  } else {
    console.warn(reason);
    // Skipped on purpose, with the reason as its name: no Neo4j was given here (NEO4J_URI and
    // OCTOGRAPH_TEST_NEO4J=1 unset), which is allowed outside CI; vitest.config.ts says why.
    it.skip(reason, () => undefined);
  }
});
