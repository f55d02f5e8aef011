/**
 * Label decluttering, after sigma.js's label grid: labels are placed in order of importance, and
 * one that would overlap a label already placed is hidden. Pure: boxes in, hidden ids out.
 */

/** A label as it would be drawn, in rendered (screen) pixels. */
export interface LabelBox {
  id: string;
  /** Higher goes first. */
  priority: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Side of the grid cells used to find neighbouring labels quickly. */
const CELL = 64;
/** Room kept between two labels. */
const GAP = 2;

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return (
    a.left < b.left + b.width + GAP &&
    b.left < a.left + a.width + GAP &&
    a.top < b.top + b.height + GAP &&
    b.top < a.top + a.height + GAP
  );
}

/** The ids of the labels to hide so that no two shown labels overlap. */
export function labelsToHide(boxes: readonly LabelBox[]): Set<string> {
  const hidden = new Set<string>();
  const grid = new Map<string, LabelBox[]>();
  // A box occupies the cells under it widened by the gap, so a neighbour just across a cell
  // edge but within the gap is still compared with it.
  const cellsOf = (box: LabelBox) => {
    const keys: string[] = [];
    const [left, right] = [box.left - GAP, box.left + box.width + GAP];
    const [top, bottom] = [box.top - GAP, box.top + box.height + GAP];
    for (let x = Math.floor(left / CELL); x <= Math.floor(right / CELL); x++) {
      for (let y = Math.floor(top / CELL); y <= Math.floor(bottom / CELL); y++) {
        keys.push(`${x}:${y}`);
      }
    }
    return keys;
  };
  const ordered = [...boxes].sort((a, b) => b.priority - a.priority);
  for (const box of ordered) {
    const cells = cellsOf(box);
    const clash = cells.some((key) => grid.get(key)?.some((placed) => overlaps(box, placed)));
    if (clash) {
      hidden.add(box.id);
      continue;
    }
    for (const key of cells) {
      const placed = grid.get(key);
      if (placed) placed.push(box);
      else grid.set(key, [box]);
    }
  }
  return hidden;
}

/** Average width of a character of the map's sans-serif font, as a share of its size. */
const CHAR_WIDTH = 0.56;
const LINE_HEIGHT = 1.2;

/**
 * Where a node's label is drawn (below the node, centred, wrapped at `maxWidth`), in rendered
 * pixels. An estimate from the text length, good enough to keep labels apart.
 */
export function labelBox(
  label: { id: string; text: string; priority: number },
  node: { x: number; y: number; size: number },
  font: { size: number; maxWidth: number; margin: number },
): LabelBox {
  const textWidth = label.text.length * font.size * CHAR_WIDTH;
  const lines = Math.max(1, Math.ceil(textWidth / font.maxWidth));
  const width = Math.min(textWidth, font.maxWidth);
  return {
    id: label.id,
    priority: label.priority,
    left: node.x - width / 2,
    top: node.y + node.size / 2 + font.margin,
    width,
    height: lines * font.size * LINE_HEIGHT,
  };
}
