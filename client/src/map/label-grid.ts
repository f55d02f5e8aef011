/**
 * Label placement, after sigma.js's label grid: labels are placed in order of importance, each
 * on the first side of its node (below, else right, above, left) where it overlaps no label
 * already placed and no other node; a label with no such side is hidden. Pure: boxes in, sides out.
 */

/** Where a label goes around its node, in order of preference. */
export const LABEL_SIDES = ['below', 'right', 'above', 'left'] as const;
/** A hub's name may also be drawn across its own circle, when no side has room. */
export const HUB_LABEL_SIDES = [...LABEL_SIDES, 'center'] as const;
export type LabelSide = (typeof HUB_LABEL_SIDES)[number];

/** A rectangle on the screen, in rendered pixels. */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A label as it would be drawn, in rendered (screen) pixels. */
export interface LabelBox extends Rect {
  /** The node's id. */
  id: string;
  /** Higher goes first. */
  priority: number;
  /** Its node's drawing order (higher is drawn later, over the others); 0 if not given. */
  z?: number;
  /** The side of its node it is on; below if not given. */
  side?: LabelSide;
  /**
   * Shown even where every side lies on a circle (the selected node's name): then on the first
   * side no name placed before it covers.
   */
  mustShow?: boolean;
}

/** A node's body as drawn, in rendered pixels, with its drawing order. */
export interface NodeBody extends Rect {
  id: string;
  z: number;
}

/** Side of the grid cells used to find neighbouring labels quickly. */
const CELL = 64;
/**
 * Room kept between two labels: also absorbs the few pixels by which a box worked out here can
 * differ from the one Cytoscape draws (tests/e2e/labels.test.ts measures the drawn ones).
 */
const GAP = 6;
/** Room kept between a label and a circle (the drawn text can be a pixel wider than measured). */
const BODY_GAP = 2;

function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return (
    a.left < b.left + b.width + gap &&
    b.left < a.left + a.width + gap &&
    a.top < b.top + b.height + gap &&
    b.top < a.top + a.height + gap
  );
}

/** A grid of rectangles, to find those near a given one without comparing with all. */
class RectGrid<T extends Rect> {
  private readonly cells = new Map<string, T[]>();

  /** The cells under a rectangle widened by the gap, so a neighbour just across a cell edge but
   * within the gap is still compared with it. */
  private static keys(rect: Rect): string[] {
    const keys: string[] = [];
    const [left, right] = [rect.left - GAP, rect.left + rect.width + GAP];
    const [top, bottom] = [rect.top - GAP, rect.top + rect.height + GAP];
    for (let x = Math.floor(left / CELL); x <= Math.floor(right / CELL); x++) {
      for (let y = Math.floor(top / CELL); y <= Math.floor(bottom / CELL); y++) {
        keys.push(`${x}:${y}`);
      }
    }
    return keys;
  }

  add(item: T): void {
    for (const key of RectGrid.keys(item)) {
      const placed = this.cells.get(key);
      if (placed) placed.push(item);
      else this.cells.set(key, [item]);
    }
  }

  /** Whether a rectangle overlaps (within `gap`) an item that `matters`. */
  clashes(rect: Rect, gap: number, matters: (item: T) => boolean): boolean {
    return RectGrid.keys(rect).some((key) =>
      this.cells.get(key)?.some((item) => matters(item) && overlaps(rect, item, gap)),
    );
  }
}

/**
 * Where each label goes. `labels` holds, for each node, its label's candidate boxes in order of
 * preference (same id, priority and z). Most important first, a label takes the first candidate
 * that overlaps no label placed and none of `bodies` (the nodes drawn, and panels over the map)
 * but its own node, and lies `within` the view if given: a name is never drawn over a circle,
 * whichever is drawn on top, nor under a panel or cut by the edge. The answer maps each id to the
 * box taken, or null if none fits.
 */
export function placeLabels(
  labels: readonly (readonly LabelBox[])[],
  bodies: readonly NodeBody[] = [],
  /** Where labels may go (the view): a candidate reaching outside it is not taken. */
  within?: Rect,
): Map<string, LabelBox | null> {
  const inside = (box: Rect) =>
    !within ||
    (box.left >= within.left &&
      box.top >= within.top &&
      box.left + box.width <= within.left + within.width &&
      box.top + box.height <= within.top + within.height);
  const placed = new Map<string, LabelBox | null>();
  const bodyGrid = new RectGrid<NodeBody>();
  for (const body of bodies) bodyGrid.add(body);
  const taken = new RectGrid<LabelBox>();
  const ordered = labels
    .filter((candidates) => candidates.length > 0)
    .sort((a, b) => (b[0]?.priority ?? 0) - (a[0]?.priority ?? 0));
  for (const candidates of ordered) {
    const fits = candidates.find((box) => {
      return (
        inside(box) &&
        !bodyGrid.clashes(box, BODY_GAP, (body) => body.id !== box.id) &&
        !taken.clashes(box, GAP, () => true)
      );
    });
    const shown =
      fits ??
      (candidates[0]?.mustShow
        ? (candidates.find((box) => !taken.clashes(box, GAP, () => true)) ?? candidates[0])
        : undefined);
    if (shown) taken.add(shown);
    const id = candidates[0]?.id;
    if (id !== undefined) placed.set(id, shown ?? null);
  }
  return placed;
}

/** The ids of the labels to hide when each may go on one side only (the box given). */
export function labelsToHide(
  boxes: readonly LabelBox[],
  bodies: readonly NodeBody[] = [],
): Set<string> {
  const placed = placeLabels(
    boxes.map((box) => [box]),
    bodies,
  );
  return new Set([...placed].filter(([, box]) => box === null).map(([id]) => id));
}

/** How wide a text is drawn at this font size, in the same units as the size. */
export type MeasureText = (text: string, font: { size: number; bold: boolean }) => number;

/**
 * Average width of a character of the map's sans-serif font, as a share of its size: about what
 * Chromium measures on the demo's names (0.53 at weight 500, 0.61 bold), a little over.
 */
const CHAR_WIDTH = 0.56;
const BOLD_CHAR_WIDTH = 0.63;
const LINE_HEIGHT = 1.2;

/** A width from the number of characters, for where no canvas measures text (tests). */
export const estimateTextWidth: MeasureText = (text, font) =>
  text.length * font.size * (font.bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH);

/**
 * The lines a label is drawn on, wrapped as Cytoscape wraps them (`text-wrap: wrap`): a text wider
 * than `maxWidth` is broken at spaces, each line taking words while it is no wider than
 * `maxWidth` (so lines are often shorter than the limit), and a longer word keeps a line of its
 * own.
 */
export function wrapLabel(
  text: string,
  maxWidth: number,
  width: (text: string) => number,
): string[] {
  if (width(text) <= maxWidth) return [text];
  const lines: string[] = [];
  let line = '';
  for (const [, word = '', space = ''] of text.matchAll(/(\S+)(\s*)/g)) {
    // As Cytoscape does: the first word alone, later ones with the space that follows them.
    const tried = line === '' ? word : line + word + space;
    if (width(tried) <= maxWidth) {
      line += word + space;
    } else {
      if (line !== '') lines.push(line.trimEnd());
      line = word + space;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/**
 * Where a node's label is drawn on `side` of it (centred below or above it, or beside it,
 * vertically centred; wrapped at `maxWidth`), in rendered pixels. `measure` says how wide a text
 * is (the map measures with a canvas, as Cytoscape does; an estimate otherwise). Hubs' labels are
 * bold, so wider.
 */
export function labelBox(
  label: { id: string; text: string; priority: number; z?: number; bold?: boolean },
  node: { x: number; y: number; size: number },
  font: { size: number; maxWidth: number; margin: number },
  side: LabelSide = 'below',
  measure: MeasureText = estimateTextWidth,
): LabelBox {
  const style = { size: font.size, bold: label.bold ?? false };
  const measured = (text: string) => measure(text, style);
  const lines = wrapLabel(label.text, font.maxWidth, measured);
  const width = Math.max(...lines.map(measured));
  const height = lines.length * font.size * LINE_HEIGHT;
  const reach = node.size / 2 + font.margin;
  const position = {
    below: { left: node.x - width / 2, top: node.y + reach },
    above: { left: node.x - width / 2, top: node.y - reach - height },
    right: { left: node.x + reach, top: node.y - height / 2 },
    left: { left: node.x - reach - width, top: node.y - height / 2 },
    center: { left: node.x - width / 2, top: node.y - height / 2 },
  }[side];
  return {
    id: label.id,
    priority: label.priority,
    ...(label.z === undefined ? {} : { z: label.z }),
    ...(side === 'below' ? {} : { side }),
    ...position,
    width,
    height,
  };
}

/** A node's body (the square around it), in rendered pixels. */
export function nodeBody(
  id: string,
  node: { x: number; y: number; size: number },
  z: number,
): NodeBody {
  return {
    id,
    z,
    left: node.x - node.size / 2,
    top: node.y - node.size / 2,
    width: node.size,
    height: node.size,
  };
}
