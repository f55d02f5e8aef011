import { describe, expect, it } from 'vitest';
import {
  depthOfKey,
  focusReducer,
  initialFocus,
} from '../../client/src/features/focus/focus-state.js';

describe('focus state', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    ['3', 3],
    ['4', null],
    ['0', null],
    ['Escape', null],
    ['a', null],
  ] as const)('reads the key %s as depth %s', (key, depth) => {
    expect(depthOfKey(key)).toBe(depth);
  });

  it('focuses at a depth and changes depth', () => {
    const two = focusReducer(initialFocus, { type: 'focus', depth: 2 });
    expect(two).toEqual({ depth: 2 });
    expect(focusReducer(two, { type: 'focus', depth: 3 })).toEqual({ depth: 3 });
  });

  it('clears the focus', () => {
    expect(focusReducer({ depth: 1 }, { type: 'clear' })).toEqual({ depth: null });
  });

  it('keeps the same state object when nothing changes, so nothing redraws', () => {
    const one = { depth: 1 } as const;
    expect(focusReducer(one, { type: 'focus', depth: 1 })).toBe(one);
    expect(focusReducer(initialFocus, { type: 'clear' })).toBe(initialFocus);
  });
});
