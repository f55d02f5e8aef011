/**
 * The server's layout functions (server/src/services/layout.ts): the whole-map layout is the
 * same whatever order the network comes in and reports its progress; placing nodes gives each a
 * free spot next to its neighbours, or on the ring of unconnected nodes, moving nothing else.
 */
import type { Link } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import {
  SPACING,
  computeLayout,
  isApart,
  placeNodes,
  type LayoutLink,
  type Point,
} from '../../server/src/services/layout.js';

function linkOf(
  id: string,
  source: string,
  target: string,
  kind: Link['kind'] = 'COLLABORATES_WITH',
): LayoutLink {
  return { id, kind, source, target, strength: 2 };
}

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'lonely'];
const LINKS = [
  linkOf('ab', 'a', 'b'),
  linkOf('bc', 'b', 'c'),
  linkOf('ca', 'c', 'a'),
  linkOf('cd', 'c', 'd', 'MEMBER_OF'),
  linkOf('de', 'd', 'e'),
  linkOf('ef', 'e', 'f'),
];

function distance(a: Point | undefined, b: Point | undefined): number {
  if (!a || !b) throw new Error('a point is missing');
  return Math.hypot(a.x - b.x, a.y - b.y);
}

describe('computeLayout', () => {
  it('gives the same positions whatever order the nodes and links come in', () => {
    const forwards = computeLayout(IDS, LINKS);
    const backwards = computeLayout([...IDS].reverse(), [...LINKS].reverse());
    const byId = (list: { id: string }[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(backwards)).toEqual(byId(forwards));
  });

  it('reports progress that only grows and ends at 1', () => {
    const seen: number[] = [];
    computeLayout(IDS, LINKS, { onProgress: (progress) => seen.push(progress) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen.at(-1)).toBe(1);
  });
});

describe('placeNodes', () => {
  // Three nodes along a line, and one unconnected node far out.
  const fixed = new Map<string, Point>([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 100, y: 0 }],
    ['c', { x: 200, y: 0 }],
  ]);
  const linked = (id: string) => ['a', 'b', 'c'].includes(id);

  it('puts a node next to its neighbour, not on top of any node', () => {
    const placed = placeNodes({
      ids: ['n'],
      neighbours: new Map([['n', ['c']]]),
      positions: fixed,
      linked,
    });
    const n = placed.get('n');
    expect(distance(n, fixed.get('c'))).toBeLessThanOrEqual(SPACING * 1.5);
    for (const point of fixed.values())
      expect(distance(n, point)).toBeGreaterThanOrEqual(SPACING * 0.75);
  });

  it('gives a crowded neighbourhood the next free spot further out, never the same one twice', () => {
    const ids = Array.from({ length: 30 }, (_, index) => `n${index}`);
    const placed = placeNodes({
      ids,
      neighbours: new Map(ids.map((id) => [id, ['b']])),
      positions: fixed,
      linked,
    });
    const all = [...fixed.values(), ...placed.values()];
    for (const [index, point] of all.entries()) {
      for (const other of all.slice(index + 1)) {
        expect(distance(point, other)).toBeGreaterThanOrEqual(SPACING * 0.75);
      }
    }
  });

  it('lands a new group together, next to the node it is linked to', () => {
    const placed = placeNodes({
      ids: ['x', 'y', 'z'],
      neighbours: new Map([
        ['x', ['a', 'y']],
        ['y', ['x', 'z']],
        ['z', ['y']],
      ]),
      positions: fixed,
      linked,
    });
    expect(distance(placed.get('x'), fixed.get('a'))).toBeLessThanOrEqual(SPACING * 1.5);
    expect(distance(placed.get('y'), placed.get('x'))).toBeLessThanOrEqual(SPACING * 1.5);
    expect(distance(placed.get('z'), placed.get('y'))).toBeLessThanOrEqual(SPACING * 1.5);
  });

  it('puts a node with no placed neighbour on the ring outside the linked nodes', () => {
    const placed = placeNodes({ ids: ['alone'], neighbours: new Map(), positions: fixed, linked });
    // The linked nodes reach 100 from b; the ring lies three spacings beyond the farthest.
    expect(distance(placed.get('alone'), fixed.get('b'))).toBeGreaterThanOrEqual(100 + SPACING * 3);
  });

  it('keeps the first of a new pair where it was and brings the other next to it', () => {
    const positions = new Map<string, Point>([
      ...fixed,
      ['p1', { x: 900, y: 900 }],
      ['p2', { x: -900, y: 900 }],
    ]);
    const placed = placeNodes({
      ids: ['p2', 'p1'],
      neighbours: new Map([
        ['p1', ['p2']],
        ['p2', ['p1']],
      ]),
      positions,
      linked,
    });
    expect(placed.get('p1')).toEqual({ x: 900, y: 900 });
    expect(distance(placed.get('p2'), placed.get('p1'))).toBeLessThanOrEqual(SPACING * 1.5);
  });

  it('moves a node with a spot next to its newly placed neighbour, leaving the others', () => {
    const positions = new Map<string, Point>([...fixed, ['ring', { x: 900, y: 0 }]]);
    const placed = placeNodes({
      ids: ['ring'],
      neighbours: new Map([['ring', ['a']]]),
      positions,
      linked,
    });
    expect([...placed.keys()]).toEqual(['ring']);
    expect(distance(placed.get('ring'), fixed.get('a'))).toBeLessThanOrEqual(SPACING * 1.5);
  });
});

describe('isApart (is a node out on the ring of unconnected nodes?)', () => {
  // The linked part spans 0 to 200 along a line: centred on (100, 0), 100 across each way.
  const linkedSpots = [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 200, y: 0 },
  ];

  it('says yes for every spot placeNodes gives an unconnected node', () => {
    const positions = new Map(linkedSpots.map((spot, index) => [`n${index}`, spot]));
    const ids = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
    const placed = placeNodes({ ids, neighbours: new Map(), positions, linked: () => true });
    for (const id of ids) expect(isApart(placed.get(id) ?? { x: 0, y: 0 }, linkedSpots)).toBe(true);
  });

  it.each([
    ['on a linked node', { x: 100, y: 0 }],
    ['between linked nodes', { x: 150, y: 30 }],
    ['just outside the linked part', { x: 100, y: 100 + SPACING / 2 }],
  ])('says no for a spot %s (placed there by someone)', (_where, spot) => {
    expect(isApart(spot, linkedSpots)).toBe(false);
  });

  it('says yes for the unconnected node a re-arrange puts on the ring, and no for the others', () => {
    const laidOut = computeLayout(IDS, LINKS);
    const main = laidOut.filter((position) => position.id !== 'lonely');
    for (const position of laidOut) {
      expect([position.id, isApart(position, main)]).toEqual([
        position.id,
        position.id === 'lonely',
      ]);
    }
  });

  it('with nothing linked yet, says yes on the ring around the centre and no near it', () => {
    expect(isApart({ x: SPACING * 6, y: 0 }, [])).toBe(true);
    expect(isApart({ x: SPACING, y: -SPACING }, [])).toBe(false);
  });
});
