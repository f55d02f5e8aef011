/**
 * How readable the map is, computed from what the browser draws: Cytoscape's rendered node
 * positions and sizes and the label boxes it draws (the client's read-only test handle, so the
 * page must be the test build, client/dist-test). Shared by `npm run readability -w bench` and the
 * browser test tests/e2e/readability.test.ts, so both report the same figures.
 */
import { WORK_LINK_KINDS, type MapResponse } from '@octograph/graph-schema';
import type { Page } from 'playwright-core';
import { nodesApart } from '../../client/src/map/apart-ring.js';
import { isHub } from '../../client/src/map/map-elements.js';
import type { OctographTestHandle } from '../../client/src/map/test-handle.js';

/** Two circles may touch, or meet by half a pixel of rounding; no more. */
const CIRCLE_TOLERANCE_PX = 0.5;
/** Two labels (or a label and a circle) may touch, or meet by a pixel of rounding; no more. */
const LABEL_TOLERANCE_PX = 1;

/**
 * The links that show who works with whom: collaboration, membership, partnership, staff,
 * volunteering and funding (the links a focus walks), not attendance, themes or places.
 */
const WORKING_LINK_KINDS: ReadonlySet<string> = new Set(WORK_LINK_KINDS);

type DrawnNode = ReturnType<OctographTestHandle['drawnNodes']>[number];
type DrawnLabel = ReturnType<OctographTestHandle['drawnLabelBoxes']>[number];

/** What a reader of the map sees, in figures. */
export interface ReadabilityReport {
  /** Nodes drawn (in view or not) and, of those, organisations inside the view. */
  drawnNodes: number;
  /** Pairs of drawn circles that overlap, as "id × id". */
  overlappingCircles: string[];
  /** Pairs of drawn labels that overlap. */
  overlappingLabels: string[];
  /** Labels drawn over another node's circle, as "label id × node id". */
  labelsOverCircles: string[];
  /** Network organisations in view, and how many of them are named. */
  hubs: { inView: number; named: number; unnamed: string[] };
  /** Groups (organisations and projects) on the "Not yet connected" ring in view, and named. */
  ring: { inView: number; named: number; unnamed: string[] };
  /** Every other organisation in view, and how many are named. */
  otherOrganisations: { inView: number; named: number };
  /** Labels drawn inside the view. */
  labelsInView: number;
  /** The smallest label text drawn inside the view, in CSS px (null: none). */
  smallestLabelPx: number | null;
  /** Lines drawn, and the share that are working links (WORK_LINK_KINDS). */
  lines: { drawn: number; working: number; share: number };
}

interface Viewport {
  width: number;
  height: number;
}

function inView(point: { x: number; y: number }, view: Viewport): boolean {
  return point.x >= 0 && point.y >= 0 && point.x <= view.width && point.y <= view.height;
}

function labelInView(label: DrawnLabel, view: Viewport): boolean {
  return inView({ x: label.left + label.width / 2, y: label.top + label.height / 2 }, view);
}

/** Pairs of circles closer than the sum of their radii. */
function overlappingCircles(nodes: readonly DrawnNode[]): string[] {
  const pairs: string[] = [];
  const sorted = [...nodes].sort((a, b) => a.x - b.x);
  const widest = Math.max(0, ...nodes.map((node) => node.size));
  sorted.forEach((a, index) => {
    for (const b of sorted.slice(index + 1)) {
      if (b.x - a.x > widest) break;
      const apart = Math.hypot(a.x - b.x, a.y - b.y);
      if (apart < (a.size + b.size) / 2 - CIRCLE_TOLERANCE_PX) pairs.push(`${a.id} × ${b.id}`);
    }
  });
  return pairs;
}

function boxesOverlap(a: DrawnLabel, b: DrawnLabel): boolean {
  const across = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const down = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return across > LABEL_TOLERANCE_PX && down > LABEL_TOLERANCE_PX;
}

/** Pairs of label boxes that overlap. */
function overlappingLabels(labels: readonly DrawnLabel[]): string[] {
  const pairs: string[] = [];
  labels.forEach((a, index) => {
    for (const b of labels.slice(index + 1))
      if (boxesOverlap(a, b)) pairs.push(`${a.id} × ${b.id}`);
  });
  return pairs;
}

/** Whether a label box reaches into a circle by more than the tolerance. */
function labelOverCircle(label: DrawnLabel, node: DrawnNode): boolean {
  const radius = node.size / 2 - LABEL_TOLERANCE_PX;
  if (radius <= 0) return false;
  const nearestX = Math.max(label.left, Math.min(node.x, label.left + label.width));
  const nearestY = Math.max(label.top, Math.min(node.y, label.top + label.height));
  return Math.hypot(node.x - nearestX, node.y - nearestY) < radius;
}

function labelsOverCircles(labels: readonly DrawnLabel[], nodes: readonly DrawnNode[]): string[] {
  const pairs: string[] = [];
  for (const label of labels) {
    for (const node of nodes) {
      if (node.id !== label.id && labelOverCircle(label, node))
        pairs.push(`${label.id} × ${node.id}`);
    }
  }
  return pairs;
}

function namedShare(
  ids: readonly string[],
  named: ReadonlySet<string>,
  nameOf: (id: string) => string,
) {
  const unnamed = ids.filter((id) => !named.has(id));
  return { inView: ids.length, named: ids.length - unnamed.length, unnamed: unnamed.map(nameOf) };
}

/** Measures the map as drawn on `page` right now; `map` is what GET /api/map answered. */
export async function measureReadability(page: Page, map: MapResponse): Promise<ReadabilityReport> {
  const drawn = await page.evaluate(() => {
    const handle = (window as { __octograph?: OctographTestHandle }).__octograph;
    const surface = document.querySelector('.graph-canvas__surface')?.getBoundingClientRect();
    return {
      nodes: handle?.drawnNodes() ?? [],
      labels: handle?.drawnLabelBoxes() ?? [],
      links: handle?.drawnLinkKinds() ?? {},
      view: { width: surface?.width ?? 0, height: surface?.height ?? 0 },
    };
  });
  const byId = new Map(map.nodes.map((node) => [node.id, node]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const labels = drawn.labels.filter((label) => labelInView(label, drawn.view));
  const named = new Set(labels.map((label) => label.id));
  const nodesInView = drawn.nodes.filter((node) => inView(node, drawn.view));
  const apart = nodesApart(
    map.nodes.map((node) => node.id),
    map.links,
  );
  const hubs: string[] = [];
  const ring: string[] = [];
  const others: string[] = [];
  for (const { id } of nodesInView) {
    const node = byId.get(id);
    if (!node) continue;
    if (isHub(node)) hubs.push(id);
    else if (apart.has(id) && (node.kind === 'organisation' || node.kind === 'project'))
      ring.push(id);
    else if (node.kind === 'organisation') others.push(id);
  }
  const lines = Object.values(drawn.links).reduce((sum, count) => sum + count, 0);
  const working = Object.entries(drawn.links)
    .filter(([kind]) => WORKING_LINK_KINDS.has(kind))
    .reduce((sum, [, count]) => sum + count, 0);
  const sizes = labels.map((label) => label.fontPx);
  return {
    drawnNodes: drawn.nodes.length,
    overlappingCircles: overlappingCircles(drawn.nodes),
    overlappingLabels: overlappingLabels(labels),
    labelsOverCircles: labelsOverCircles(labels, drawn.nodes),
    hubs: namedShare(hubs, named, nameOf),
    ring: namedShare(ring, named, nameOf),
    otherOrganisations: (({ inView: total, named: count }) => ({ inView: total, named: count }))(
      namedShare(others, named, nameOf),
    ),
    labelsInView: labels.length,
    smallestLabelPx: sizes.length > 0 ? Math.min(...sizes) : null,
    lines: { drawn: lines, working, share: lines > 0 ? working / lines : 1 },
  };
}
