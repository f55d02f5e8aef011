/** The Backups dialog's pure helpers (client/src/features/backups/backups-format.ts). */
import { describe, expect, it } from 'vitest';
import { checkState, formatSize } from '../../client/src/features/backups/backups-format.js';

describe('formatSize', () => {
  it.each([
    [512, '512 byte'],
    [4_532, '4.5 kB'],
    [812_000, '812 kB'],
    [3_400_000, '3.4 MB'],
    [2_000_000_000, '2 GB'],
  ])('writes %d bytes as %s in English', (bytes, text) => {
    expect(formatSize(bytes, 'en')).toBe(text);
  });
});

describe('checkState', () => {
  it('reads a verified, a failed and an unchecked backup', () => {
    const at = '2025-03-01T04:00:00.000Z';
    expect(checkState({ check: { ok: true, checkedAt: at, problem: null } })).toEqual({
      state: 'ok',
    });
    expect(
      checkState({ check: { ok: false, checkedAt: at, problem: 'nodes 3 instead of 4' } }),
    ).toEqual({ state: 'failed', problem: 'nodes 3 instead of 4' });
    expect(checkState({ check: null })).toEqual({ state: 'none' });
  });
});
