import { describe, expect, it } from 'vitest';
import { anyOverlap, spreadApart, type SpacedNode } from '../../client/src/map/spacing.js';

/** The nodes with the moved ones at their new spots. */
function after(nodes: readonly SpacedNode[]): SpacedNode[] {
  const moved = spreadApart(nodes);
  return nodes.map((node) => ({ ...node, ...moved.get(node.id) }));
}

/**
 * A crowd of circles of mixed sizes, many on top of each other (as dense as a laid-out map: the
 * circles cover about a fifth of the area), two on the very same spot.
 */
function crowd(count: number): SpacedNode[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `n${index}`,
    x: index === 1 ? 0 : ((index * 37) % 101) * 12,
    y: index === 1 ? 0 : ((index * 53) % 89) * 12,
    size: 12 + ((index * 7) % 37),
  }));
}

describe('spreadApart', () => {
  it('leaves a map where no circles overlap as it is', () => {
    const nodes: SpacedNode[] = [
      { id: 'a', x: 0, y: 0, size: 20 },
      { id: 'b', x: 40, y: 0, size: 20 },
    ];
    expect(spreadApart(nodes).size).toBe(0);
  });

  it('pushes apart two circles drawn on the same spot', () => {
    const nodes: SpacedNode[] = [
      { id: 'a', x: 0, y: 0, size: 20 },
      { id: 'b', x: 0, y: 0.5, size: 20 },
      { id: 'far', x: 500, y: 500, size: 20 },
    ];
    const spaced = after(nodes);
    expect(anyOverlap(spaced)).toBe(false);
    expect(spaced.find((node) => node.id === 'far')).toEqual(nodes[2]);
  });

  it('leaves no overlap in a crowd of 400 circles, the same way every time', () => {
    const nodes = crowd(400);
    expect(anyOverlap(nodes)).toBe(true);
    const spaced = after(nodes);
    expect(anyOverlap(spaced)).toBe(false);
    expect(after(nodes)).toEqual(spaced);
  });
});
