import { describe, expect, it } from 'vitest';
import { neighbourToward } from '../../client/src/map/keyboard-nav.js';

const from = { x: 100, y: 100 };
const RIGHT = { x: 1, y: 0 };
const UP = { x: 0, y: -1 };

describe('neighbourToward', () => {
  it('chooses the linked node that lies the way the arrow points', () => {
    const neighbours = [
      { id: 'east', x: 200, y: 110 },
      { id: 'north', x: 95, y: 20 },
      { id: 'west', x: 0, y: 100 },
    ];
    expect(neighbourToward(from, neighbours, RIGHT)).toBe('east');
    expect(neighbourToward(from, neighbours, UP)).toBe('north');
  });

  it('prefers the nearer of two in the same direction', () => {
    const neighbours = [
      { id: 'far', x: 400, y: 100 },
      { id: 'near', x: 150, y: 100 },
    ];
    expect(neighbourToward(from, neighbours, RIGHT)).toBe('near');
  });

  it('chooses none when nothing lies anywhere near that way', () => {
    expect(neighbourToward(from, [{ id: 'west', x: 0, y: 100 }], RIGHT)).toBeNull();
    expect(neighbourToward(from, [], UP)).toBeNull();
  });
});
