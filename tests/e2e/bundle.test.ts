/**
 * What ships: the production build (client/dist) carries no test handle into the browser, while
 * the test build (client/dist-test), which the browser tests run against, does — the positive
 * control that the search below would find it.
 *
 * Needs `npm run build` and `npm run build:test -w client` first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/app-process';

/** The names of the build's script files that mention `text`. */
function scriptsMentioning(build: string, text: string): string[] {
  const assets = join(REPO_ROOT, 'client', build, 'assets');
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .filter((file) => readFileSync(join(assets, file), 'utf8').includes(text));
}

describe('the client bundles', () => {
  it('keeps the test handle out of the production build', () => {
    expect(scriptsMentioning('dist', '__octograph')).toEqual([]);
    expect(scriptsMentioning('dist', 'nodeScreenPosition')).toEqual([]);
  });

  it('has it in the test build the browser tests use', () => {
    expect(scriptsMentioning('dist-test', '__octograph').length).toBeGreaterThan(0);
  });
});
