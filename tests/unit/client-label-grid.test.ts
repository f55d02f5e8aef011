import { describe, expect, it } from 'vitest';
import { labelBox, labelsToHide, type LabelBox } from '../../client/src/map/label-grid.js';

const box = (
  id: string,
  priority: number,
  left: number,
  top: number,
  width = 50,
  height = 10,
): LabelBox => ({ id, priority, left, top, width, height });

describe('labelsToHide', () => {
  it('hides a label that overlaps a more important one', () => {
    expect(labelsToHide([box('big', 10, 0, 0), box('small', 5, 20, 5)])).toEqual(
      new Set(['small']),
    );
  });

  it('decides by importance, not by the order the labels come in', () => {
    expect(labelsToHide([box('small', 5, 20, 5), box('big', 10, 0, 0)])).toEqual(
      new Set(['small']),
    );
  });

  it('keeps labels that do not overlap', () => {
    expect(labelsToHide([box('a', 3, 0, 0), box('b', 2, 200, 0), box('c', 1, 0, 200)]).size).toBe(
      0,
    );
  });

  it.each([
    { name: 'touching', left: 50, hidden: ['b'] },
    { name: '1 px apart (closer than the gap kept between labels)', left: 51, hidden: ['b'] },
    { name: '3 px apart', left: 53, hidden: [] },
  ])('treats labels $name as overlapping: $hidden', ({ left, hidden }) => {
    expect(labelsToHide([box('a', 2, 0, 0), box('b', 1, left, 0)])).toEqual(new Set(hidden));
  });

  it('does not let a hidden label hide another one', () => {
    // b overlaps a and is hidden; c overlaps only b, so it is shown.
    const hidden = labelsToHide([
      box('a', 3, 0, 0, 40),
      box('b', 2, 30, 0, 40),
      box('c', 1, 62, 0, 40),
    ]);
    expect(hidden).toEqual(new Set(['b']));
  });

  it('finds an overlap with a wide label that spans several grid cells', () => {
    const hidden = labelsToHide([box('wide', 10, 0, 0, 300, 20), box('inside', 1, 250, 10, 20)]);
    expect(hidden).toEqual(new Set(['inside']));
  });

  it('finds overlaps at negative screen coordinates', () => {
    const hidden = labelsToHide([box('a', 2, -100, -40), box('b', 1, -80, -35)]);
    expect(hidden).toEqual(new Set(['b']));
  });

  it('hides nothing when there are no labels', () => {
    expect(labelsToHide([]).size).toBe(0);
  });
});

describe('labelBox', () => {
  const font = { size: 10, maxWidth: 180, margin: 3 };

  it('places a short label centred below its node, on one line', () => {
    const result = labelBox(
      { id: 'n1', text: 'Food Bank', priority: 4 },
      { x: 100, y: 50, size: 20 },
      font,
    );
    expect(result.id).toBe('n1');
    expect(result.priority).toBe(4);
    expect(result.left).toBeCloseTo(74.8, 10);
    expect(result.top).toBe(63);
    expect(result.width).toBeCloseTo(50.4, 10);
    expect(result.height).toBeCloseTo(12, 10);
  });

  it('wraps a long label at the maximum width onto more lines', () => {
    const result = labelBox(
      { id: 'n2', text: 'x'.repeat(40), priority: 1 },
      { x: 100, y: 0, size: 0 },
      font,
    );
    expect(result.width).toBe(180);
    expect(result.left).toBe(10);
    expect(result.height).toBeCloseTo(24, 10);
  });

  it('gives two nodes side by side labels that clash, and hides the less important one', () => {
    const boxes = [
      labelBox({ id: 'hub', text: 'Town Network', priority: 9 }, { x: 0, y: 0, size: 30 }, font),
      labelBox({ id: 'near', text: 'Arts Hub', priority: 2 }, { x: 40, y: 0, size: 30 }, font),
      labelBox({ id: 'far', text: 'Garden', priority: 1 }, { x: 400, y: 0, size: 30 }, font),
    ];
    expect(labelsToHide(boxes)).toEqual(new Set(['near']));
  });
});

describe('labelsToHide across a cell edge', () => {
  it.each([
    [
      'side by side',
      { left: 0, top: 0, width: 63.5, height: 10 },
      { left: 64.5, top: 0, width: 10, height: 10 },
    ],
    [
      'one above the other',
      { left: 0, top: 0, width: 10, height: 63 },
      { left: 0, top: 64.5, width: 10, height: 10 },
    ],
  ])('hides the less important of two labels 1 px apart %s', (_how, a, b) => {
    expect(
      labelsToHide([
        { id: 'a', priority: 2, ...a },
        { id: 'b', priority: 1, ...b },
      ]),
    ).toEqual(new Set(['b']));
  });
});
