/**
 * Text stored before control characters were refused (issue 15) is named when the app starts:
 * one warning per node or link, naming each field and the character, so an editor can correct
 * it (exports already write U+FFFD in its place). A store without such text logs nothing of it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Link } from '@octograph/graph-schema';
import { buildApp, EmbeddedGraphStore, loadConfig } from '@octograph/server';
import { afterEach, describe, expect, it } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';

let dataDir: string | undefined;

afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

/** A store with three organisations and two links; `legacy` puts old text in one of each. */
async function storeWith(legacy: boolean): Promise<EmbeddedGraphStore> {
  dataDir = await mkdtemp(join(tmpdir(), 'octograph-legacy-text-'));
  const store = EmbeddedGraphStore.open(join(dataDir, 'octograph.db'));
  await store.applyBatch([
    { op: 'createNode', node: organisation('org-a', 'Alpha') },
    { op: 'createNode', node: organisation('org-b', 'Bravo') },
    { op: 'createNode', node: organisation('org-c', 'Charlie') },
    { op: 'createLink', link: link('l-ab', 'COLLABORATES_WITH', 'org-a', 'org-b') },
    { op: 'createLink', link: link('l-bc', 'COLLABORATES_WITH', 'org-b', 'org-c') },
  ]);
  if (legacy) {
    const snapshot = await store.snapshot();
    // A restore stores records as they are: how text from before the rule is in a store.
    await store.restore(
      {
        nodes: snapshot.nodes.map((node) =>
          node.id === 'org-a' && node.kind === 'organisation'
            ? { ...node, name: 'Ctrl \u0001 end', values: ['tab\tok', 'esc\u001b'] }
            : node,
        ),
        links: snapshot.links.map((stored): Link =>
          stored.id === 'l-bc' ? { ...stored, notes: 'half \ud800 a pair' } : stored,
        ),
        positions: snapshot.positions,
      },
      { replace: true },
    );
  }
  return store;
}

/** Starts the app over `store` and answers the warnings it logged. */
async function startupWarnings(store: EmbeddedGraphStore): Promise<string[]> {
  const log = new PassThrough();
  const lines: string[] = [];
  log.on('data', (chunk: Buffer) => {
    lines.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== ''),
    );
  });
  const config = loadConfig({ DATA_DIR: dataDir ?? '', LOG_LEVEL: 'warn' });
  const app = await buildApp({ config, store, logStream: log });
  await app.ready();
  await app.close();
  await store.close();
  return lines
    .map((line) => JSON.parse(line) as { level: number; msg: string })
    .filter((entry) => entry.level === 40 && entry.msg.startsWith('stored '))
    .map((entry) => entry.msg);
}

describe('text stored before control characters were refused', () => {
  it('is named on start: each node and link, each field and the character', async () => {
    const warnings = await startupWarnings(await storeWith(true));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain("stored node 'org-a' has text from before control characters");
    expect(warnings[0]).toContain('name: must not contain control characters');
    expect(warnings[0]).toContain('U+0001, at character 6');
    expect(warnings[0]).toContain('values[1]: ');
    expect(warnings[0]).not.toContain('values[0]');
    expect(warnings[1]).toContain("stored link 'l-bc'");
    expect(warnings[1]).toContain('notes: ');
    expect(warnings[1]).toContain('an unpaired surrogate, U+D800');
  });

  it('is not mentioned when there is none', async () => {
    expect(await startupWarnings(await storeWith(false))).toEqual([]);
  });
});
