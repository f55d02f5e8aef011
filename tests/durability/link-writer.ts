/**
 * Child process of the durability test: writes links into the embedded store at argv[2] as fast
 * as it can and prints each link's id once its write has returned (committed). It never stops by
 * itself; the test kills it with SIGKILL.
 */
import { EmbeddedGraphStore } from '@octograph/server';

const file = process.argv[2];
if (!file) throw new Error('usage: link-writer <database file>');
const store = EmbeddedGraphStore.open(file);
const ORGANISATIONS = 300;
await store.applyBatch(
  Array.from({ length: ORGANISATIONS }, (_, index) => ({
    op: 'createNode' as const,
    node: {
      kind: 'organisation' as const,
      id: `org-${index}`,
      name: `Group ${index}`,
      orgKind: 'charity' as const,
    },
  })),
);
process.stdout.write('ready\n');
for (let a = 0; a < ORGANISATIONS; a += 1) {
  for (let b = a + 1; b < ORGANISATIONS; b += 1) {
    const link = await store.createLink({
      id: `link-${a}-${b}`,
      kind: 'COLLABORATES_WITH',
      source: `org-${a}`,
      target: `org-${b}`,
    });
    process.stdout.write(`${link.id}\n`);
  }
}
