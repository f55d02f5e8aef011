import { describe, expect, it } from 'vitest';
import {
  LABEL_SIDES,
  labelBox,
  labelsToHide,
  nodeBody,
  placeLabels,
  wrapLabel,
  type LabelBox,
  type NodeBody,
} from '../../client/src/map/label-grid.js';

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
    { name: '5 px apart (closer than the gap kept between labels)', left: 55, hidden: ['b'] },
    { name: '6 px apart', left: 56, hidden: [] },
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

describe('labelsToHide with the nodes drawn', () => {
  // A label 50 × 10 at (0, 0), of a node drawn at level 5.
  const label: LabelBox = {
    id: 'small',
    priority: 1,
    z: 5,
    left: 0,
    top: 0,
    width: 50,
    height: 10,
  };
  const body = (z: number, left = 20, id = 'big'): NodeBody => ({
    id,
    z,
    left,
    top: -5,
    width: 20,
    height: 20,
  });

  it.each([
    { how: 'above it', z: 9, hidden: ['small'] },
    { how: 'at its level', z: 5, hidden: ['small'] },
    { how: 'under it', z: 2, hidden: ['small'] },
  ])('hides a label that would lie on a node drawn $how: $hidden', ({ z, hidden }) => {
    expect(labelsToHide([label], [body(z)])).toEqual(new Set(hidden));
  });

  it('keeps a label that no node covers', () => {
    expect(labelsToHide([label], [body(9, 200)]).size).toBe(0);
  });

  it('shows a label that must be shown (the selection) even on a node, but never on a name', () => {
    const selected = { ...label, id: 'chosen', priority: 9, mustShow: true };
    expect(placeLabels([[selected]], [body(9)]).get('chosen')).toEqual(selected);
    const rival = { ...label, id: 'rival', priority: 5 };
    const placed = placeLabels([[selected], [rival]], [body(9)]);
    expect(placed.get('chosen')).toEqual(selected);
    expect(placed.get('rival')).toBeNull();
  });

  it('does not let a node cover its own label', () => {
    expect(labelsToHide([label], [body(9, 20, 'small')]).size).toBe(0);
  });

  it('covers labels with nodes whose own label is hidden or not drawn', () => {
    // The node covering the label has no label box at all (too small to be labelled).
    expect(labelsToHide([label], [body(9, 20, 'unlabelled')])).toEqual(new Set(['small']));
  });
});

describe('placeLabels', () => {
  const font = { size: 10, maxWidth: 180, margin: 3 };
  /** A node's label with a candidate box on every side. */
  const around = (id: string, priority: number, x: number, y: number, size = 20) =>
    LABEL_SIDES.map((side) =>
      labelBox({ id, text: 'Food Bank', priority, z: priority }, { x, y, size }, font, side),
    );

  it('puts a label below its node when there is room', () => {
    const placed = placeLabels([around('a', 1, 0, 0)]);
    expect(placed.get('a')?.side).toBeUndefined();
    expect(placed.get('a')?.top).toBe(13);
  });

  it('moves a label to the right when a node drawn over it is below', () => {
    // b sits just above a, which is drawn over it: the room below b is a's.
    const bodies = [
      nodeBody('a', { x: 0, y: 0, size: 20 }, 2),
      nodeBody('b', { x: 0, y: -18, size: 20 }, 1),
    ];
    const placed = placeLabels([around('b', 1, 0, -18), around('a', 2, 0, 0)], bodies);
    expect(placed.get('a')?.side).toBeUndefined();
    expect(placed.get('b')?.side).toBe('right');
  });

  it('tries above and then left when below and right are taken', () => {
    const blockers: NodeBody[] = [
      { id: 'under', z: 9, left: -40, top: 12, width: 80, height: 20 },
      { id: 'beside', z: 9, left: 12, top: -8, width: 80, height: 16 },
    ];
    expect(placeLabels([around('a', 1, 0, 0)], blockers).get('a')?.side).toBe('above');
    const ceiling: NodeBody = { id: 'over', z: 9, left: -40, top: -32, width: 80, height: 20 };
    expect(placeLabels([around('a', 1, 0, 0)], [...blockers, ceiling]).get('a')?.side).toBe('left');
  });

  it('hides a label with no room on any side', () => {
    const wall: NodeBody = { id: 'wall', z: 9, left: -200, top: -200, width: 400, height: 400 };
    expect(placeLabels([around('a', 1, 0, 0)], [wall]).get('a')).toBeNull();
  });
});

describe('labelBox on each side', () => {
  const font = { size: 10, maxWidth: 180, margin: 3 };
  const node = { x: 100, y: 50, size: 20 };
  const label = { id: 'n', text: 'Food Bank', priority: 1 };
  const width = 9 * 5.6;

  it.each([
    { side: 'below', left: 100 - width / 2, top: 63 },
    { side: 'above', left: 100 - width / 2, top: 25 },
    { side: 'right', left: 113, top: 44 },
    { side: 'left', left: 87 - width, top: 44 },
    { side: 'center', left: 100 - width / 2, top: 44 },
  ] as const)('puts a label $side its node at ($left, $top)', ({ side, left, top }) => {
    const box = labelBox(label, node, font, side);
    expect(box.left).toBeCloseTo(left, 10);
    expect(box.top).toBeCloseTo(top, 10);
    expect(box.width).toBeCloseTo(width, 10);
    expect(box.height).toBeCloseTo(12, 10);
  });
});

describe('wrapLabel', () => {
  /** One unit a character. */
  const chars = (text: string) => text.length;

  it.each([
    { text: 'Food Bank', max: 20, lines: ['Food Bank'] },
    {
      text: 'Old Town Traders’ Association',
      max: 12,
      lines: ['Old Town', 'Traders’', 'Association'],
    },
    { text: 'Old Town Traders’ Association', max: 18, lines: ['Old Town Traders’', 'Association'] },
    { text: 'Supercalifragilistic club', max: 10, lines: ['Supercalifragilistic', 'club'] },
    { text: 'Food Bank', max: 9, lines: ['Food Bank'] },
  ])('wraps “$text” at $max into $lines', ({ text, max, lines }) => {
    expect(wrapLabel(text, max, chars)).toEqual(lines);
  });

  it('counts the space after a word when it decides whether the word fits, as Cytoscape does', () => {
    // "Old Town " is 9 wide with its space: at 8, "Town" goes to the next line.
    expect(wrapLabel('Old Town Hall', 8, chars)).toEqual(['Old', 'Town', 'Hall']);
  });

  it('wraps by the widths it is given, not by the number of characters', () => {
    // Wide "W"s (2) and narrow "i"s (0.5): two words of four "i"s fit where four characters would.
    const width = (text: string) => text.length * 0.5 + (text.match(/W/g)?.length ?? 0) * 1.5;
    expect(wrapLabel('iiii iiii WW', 5, width)).toEqual(['iiii iiii', 'WW']);
  });
});

describe('nodeBody', () => {
  it('is the square around the node, centred on it', () => {
    expect(nodeBody('n', { x: 100, y: 50, size: 20 }, 7)).toEqual({
      id: 'n',
      z: 7,
      left: 90,
      top: 40,
      width: 20,
      height: 20,
    });
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
    expect(result.z).toBeUndefined();
  });

  it('carries its node’s drawing level', () => {
    const result = labelBox(
      { id: 'n1', text: 'Food Bank', priority: 4, z: 13 },
      { x: 0, y: 0, size: 20 },
      font,
    );
    expect(result.z).toBe(13);
  });

  it('wraps a long label at spaces, as Cytoscape does, onto more lines', () => {
    // 5.6 px a character, 180 px a line: 32 characters. "Kingsmouth Older People's" (25)
    // would fit, "… Forum" (31) too, but the text is 40 characters long.
    const result = labelBox(
      { id: 'n2', text: "Kingsmouth Older People's Forum Annex", priority: 1 },
      { x: 100, y: 0, size: 0 },
      font,
    );
    expect(result.height).toBeCloseTo(24, 10);
    expect(result.width).toBeCloseTo(31 * 5.6, 10);
    expect(result.left).toBeCloseTo(100 - (31 * 5.6) / 2, 10);
  });

  it('keeps a word longer than a line on one line, overflowing', () => {
    const result = labelBox(
      { id: 'n3', text: 'x'.repeat(40), priority: 1 },
      { x: 100, y: 0, size: 0 },
      font,
    );
    expect(result.width).toBeCloseTo(224, 10);
    expect(result.height).toBeCloseTo(12, 10);
  });

  it('makes a bold label wider', () => {
    const text = { id: 'n4', text: 'Food Bank', priority: 1 };
    const node = { x: 0, y: 0, size: 0 };
    expect(labelBox({ ...text, bold: true }, node, font).width).toBeGreaterThan(
      labelBox(text, node, font).width,
    );
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
