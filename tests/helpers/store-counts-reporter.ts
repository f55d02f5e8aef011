/**
 * A vitest reporter that ends the run with how many tests ran on each store: the embedded store
 * (the api, contract and durability projects) and Neo4j (the neo4j project), so CI's output says
 * both were exercised and how much.
 */
import type { Reporter, TestModule } from 'vitest/node';

/** The store each project's tests run their app or store on. */
const STORE_OF_PROJECT: Readonly<Record<string, string>> = {
  api: 'embedded',
  contract: 'embedded',
  durability: 'embedded',
  neo4j: 'Neo4j',
};

const NEO4J_CONTRACT = '/tests/contract/neo4j.test.ts';

type Tally = Record<'passed' | 'failed' | 'skipped', number>;

export default class StoreCountsReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const tallies = new Map<string, Tally>();
    for (const module of testModules) {
      const store = STORE_OF_PROJECT[module.project.name];
      // Outside the neo4j project, the Neo4j contract file only checks values without a server.
      if (store === undefined || (store !== 'Neo4j' && module.moduleId.endsWith(NEO4J_CONTRACT))) {
        continue;
      }
      const tally = tallies.get(store) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed' || state === 'failed' || state === 'skipped') tally[state] += 1;
      }
      tallies.set(store, tally);
    }
    if (tallies.size === 0) return;
    const lines = [...tallies].map(
      ([store, tally]) =>
        `  ${store.padEnd(8)} ${String(tally.passed)} passed, ${String(tally.failed)} failed, ${String(tally.skipped)} skipped`,
    );
    process.stdout.write(
      `\nstore tests (api, contract, durability; neo4j):\n${lines.join('\n')}\n`,
    );
  }
}
