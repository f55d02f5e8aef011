/**
 * A small READ-ONLY handle for the browser tests (tests/e2e/), which need to know where a node is
 * drawn in order to click it and to check the map centred on it, how many nodes and links the
 * canvas really holds, which are faded (selection, focus mode), and the zoom. It exposes positions
 * and counts only: nothing here changes the app. Exists for the tests only; not an API for
 * anything else.
 */
export interface OctographTestHandle {
  /** Where a node is drawn, in page (CSS pixel) coordinates; null if it is not on the map. */
  nodeScreenPosition(id: string): { x: number; y: number } | null;
  /**
   * How many nodes and links (edges) the Cytoscape instance holds right now, i.e. what the canvas
   * draws, not what the map response says; null before the canvas exists.
   */
  elementCounts(): { nodes: number; links: number } | null;
  /**
   * How many nodes and links are drawn, leaving out those the legend has switched off (drawn
   * with `display: none`, still in elementCounts); null before the canvas exists.
   */
  visibleCounts(): { nodes: number; links: number } | null;
  /** A node's drawn width in CSS pixels at the current zoom; null if it is not on the map. */
  nodeRenderedSize(id: string): number | null;
  /**
   * The labels drawn right now (not hidden, faded or too small to draw at this zoom), each as the
   * box of its text in canvas (CSS pixel) coordinates, without the white halo around it.
   */
  drawnLabelBoxes(): {
    id: string;
    left: number;
    top: number;
    width: number;
    height: number;
    /** The text's size as drawn, in CSS pixels. */
    fontPx: number;
  }[];
  /**
   * The nodes drawn right now (shown by the legend, not faded), each with its centre and width in
   * canvas (CSS pixel) coordinates: what a reader sees as circles.
   */
  drawnNodes(): { id: string; x: number; y: number; size: number }[];
  /** How many links of each kind are drawn right now (shown by the legend, not faded). */
  drawnLinkKinds(): Record<string, number>;
  /** Ids of the nodes drawn NOT faded (the selection or focus and what stands out with it). */
  focusedIds(): string[];
  /** Ids of the nodes drawn faded (by the selection or the focus). */
  fadedIds(): string[];
  /** Ids of the links drawn highlighted (by the selection, an insight or the meeting filter). */
  highlightedLinkIds(): string[];
  /** Ids of the nodes and links glowing because someone else just changed them. */
  flashedIds(): string[];
  /** Each node's drawn fill colour (Cytoscape's `background-color`), by id. */
  nodeColours(): Record<string, string>;
  /** Every node's position on the canvas, in model units (the map's coordinates), by id. */
  nodeModelPositions(): Record<string, { x: number; y: number }>;
  /** The zoom level and pan (pinch and drag change them); null before the canvas exists. */
  viewport(): { zoom: number; pan: { x: number; y: number } } | null;
}

declare global {
  interface Window {
    /** See TestHandleController: read-only, for the browser test. */
    __octograph?: OctographTestHandle;
  }
}
