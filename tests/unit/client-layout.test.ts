/**
 * The client's re-arrange state (features/layout/rearrange-state.ts) and the conversion of a
 * dragged node's drawn position back into the server's units (map/model-scale.ts).
 */
import type { LayoutJob } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import {
  percentOf,
  rearrangeNotice,
  savedSince,
} from '../../client/src/features/layout/rearrange-state.js';
import { positionScale } from '../../client/src/map/map-elements.js';
import { toServerPosition } from '../../client/src/map/model-scale.js';

function job(state: LayoutJob['state'], progress = 0, error: string | null = null): LayoutJob {
  return { state, progress, nodes: 10, startedAt: null, finishedAt: null, error };
}

describe('percentOf', () => {
  it.each([
    [0, 0],
    [0.424, 42],
    [0.999, 100],
    [1, 100],
    [1.5, 100],
    [-0.2, 0],
  ])('turns %s into %s per cent', (progress, percent) => {
    expect(percentOf(progress)).toBe(percent);
  });
});

describe('savedSince', () => {
  it.each([
    ['running', 'done', true],
    ['running', 'running', false],
    ['running', 'failed', false],
    [undefined, 'done', false],
    ['done', 'done', false],
    ['idle', 'running', false],
  ] as const)('from %s to %s: the maps must be read again: %s', (previous, next, expected) => {
    expect(savedSince(previous, next)).toBe(expected);
  });
});

describe('rearrangeNotice', () => {
  it('shows the progress of a running re-arrange in whole per cent', () => {
    expect(rearrangeNotice(job('running', 0.42), false)).toEqual({ kind: 'running', percent: 42 });
  });

  it('shows why a re-arrange this page saw running failed', () => {
    expect(rearrangeNotice(job('failed', 0.3, 'disk full'), true)).toEqual({
      kind: 'failed',
      reason: 'disk full',
    });
  });

  it.each([
    ['an old failure found on loading', job('failed', 0.3, 'disk full'), false],
    ['a finished re-arrange', job('done', 1), true],
    ['no re-arrange yet', job('idle'), false],
    ['nothing known yet', undefined, false],
  ])('shows nothing for %s', (_case, value, seenRunning) => {
    expect(rearrangeNotice(value, seenRunning)).toBeNull();
  });
});

describe('toServerPosition', () => {
  it('undoes the scale the map is drawn at, so a saved drop comes back to the same spot', () => {
    const server = [
      { x: 10, y: 20 },
      { x: 50, y: -20 },
      { x: 140, y: 33.5 },
    ];
    const scale = positionScale(server);
    expect(scale).not.toBe(1);
    const drawn = { x: 77.123 * scale, y: -12.5 * scale };
    expect(toServerPosition('a', drawn, scale)).toEqual({ id: 'a', x: 77.12, y: -12.5 });
  });
});
