import { describe, expect, it } from 'vitest';
import {
  apartRing,
  nodesApart,
  ringOnScreen,
  type Point,
} from '../../client/src/map/apart-ring.js';

const link = (source: string, target: string) => ({ source, target });

describe('nodesApart', () => {
  it('finds the islands and the unlinked nodes outside the largest connected part', () => {
    const apart = nodesApart(
      ['a', 'b', 'c', 'd', 'x', 'y', 'lone'],
      [link('a', 'b'), link('b', 'c'), link('c', 'd'), link('x', 'y')],
    );
    expect([...apart].sort()).toEqual(['lone', 'x', 'y']);
  });

  it('finds nothing apart when everything is connected', () => {
    expect(nodesApart(['a', 'b', 'c'], [link('a', 'b'), link('c', 'b')]).size).toBe(0);
  });

  it('ignores links to nodes that are not on the map', () => {
    const apart = nodesApart(['a', 'b', 'c'], [link('a', 'b'), link('c', 'elsewhere')]);
    expect([...apart]).toEqual(['c']);
  });

  it('has nothing apart on an empty map', () => {
    expect(nodesApart([], []).size).toBe(0);
  });
});

/** A point at `angle` (degrees, 0 to the right, 90 down) and `distance` from the origin. */
function at(angle: number, distance: number): Point {
  const radians = (angle * Math.PI) / 180;
  return { x: distance * Math.cos(radians), y: distance * Math.sin(radians) };
}

/** The main part: a square of side 200 around the origin (reach ~141). */
const MAIN: [string, Point][] = [
  ['m1', { x: -100, y: -100 }],
  ['m2', { x: 100, y: -100 }],
  ['m3', { x: 100, y: 100 }],
  ['m4', { x: -100, y: 100 }],
  ['m5', { x: 0, y: 0 }],
];

describe('apartRing', () => {
  it('finds the ring the server puts the nodes set apart on, around the main part', () => {
    const ring = apartRing(
      new Map([...MAIN, ['i1', at(-90, 300)], ['i2', at(30, 300)], ['i3', at(150, 310)]]),
      new Set(['i1', 'i2', 'i3']),
    );
    expect(ring?.centre).toEqual({ x: 0, y: 0 });
    expect(ring?.radius).toBe(300);
    expect(ring?.ids.sort()).toEqual(['i1', 'i2', 'i3']);
  });

  it('puts the label in the widest gap between the nodes on the ring', () => {
    // Nodes at the top, bottom and to the right: the left half is empty.
    const ring = apartRing(
      new Map([...MAIN, ['a', at(-90, 300)], ['b', at(0, 300)], ['c', at(90, 300)]]),
      new Set(['a', 'b', 'c']),
    );
    expect(Math.abs(ring?.labelAngle ?? 0)).toBeCloseTo(Math.PI, 10);
  });

  it('puts the label in the gap nearest the top when gaps are about as wide', () => {
    // Four nodes evenly spaced, one at the top: the gaps either side of it are nearest the top.
    const ring = apartRing(
      new Map([
        ...MAIN,
        ['a', at(-90, 300)],
        ['b', at(0, 300)],
        ['c', at(90, 300)],
        ['d', at(180, 300)],
      ]),
      new Set(['a', 'b', 'c', 'd']),
    );
    const degrees = ((ring?.labelAngle ?? 0) * 180) / Math.PI;
    expect([-135, -45]).toContain(Math.round(degrees));
  });

  it('puts the label across the ring from a single node set apart', () => {
    const ring = apartRing(new Map([...MAIN, ['lone', at(90, 300)]]), new Set(['lone']));
    expect(ring?.ids).toEqual(['lone']);
    expect(ring?.labelAngle).toBeCloseTo(-Math.PI / 2, 10);
  });

  it('has no ring when nothing is set apart', () => {
    expect(apartRing(new Map(MAIN), new Set())).toBeNull();
  });

  it('has no ring when the nodes apart are drawn inside the main part (a filtered map)', () => {
    expect(apartRing(new Map([...MAIN, ['in', at(45, 60)]]), new Set(['in']))).toBeNull();
  });

  it('leaves off the ring a node apart that lies far from it', () => {
    const ring = apartRing(
      new Map([
        ...MAIN,
        ['a', at(0, 300)],
        ['b', at(120, 300)],
        ['c', at(240, 300)],
        ['far', at(60, 900)],
      ]),
      new Set(['a', 'b', 'c', 'far']),
    );
    expect(ring?.ids.sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('ringOnScreen', () => {
  const ring = { centre: { x: 10, y: 20 }, radius: 100, labelAngle: -Math.PI / 2 };
  const view = { zoom: 2, pan: { x: 300, y: 400 }, width: 1000, height: 800 };

  it('places the ring and its label by the zoom and the pan', () => {
    const screen = ringOnScreen(ring, view);
    expect(screen.centre).toEqual({ x: 320, y: 440 });
    expect(screen.radius).toBe(200);
    expect(screen.label?.x).toBeCloseTo(320, 10);
    expect(screen.label?.y).toBeCloseTo(240, 10);
  });

  it('keeps the whole label inside the map when its place is near an edge', () => {
    // The ring's left end is 15 px from the map's left edge: a label centred there would be cut.
    const screen = ringOnScreen(
      { ...ring, labelAngle: Math.PI },
      { ...view, pan: { x: 195, y: 0 } },
    );
    expect(screen.label?.x).toBeGreaterThanOrEqual(100);
    expect(screen.label?.y).toBeCloseTo(40, 10);
  });

  it('leaves the label out when its place is out of view', () => {
    const screen = ringOnScreen(ring, { ...view, pan: { x: 300, y: -100 } });
    expect(screen.label).toBeNull();
  });
});
