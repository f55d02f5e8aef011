/**
 * `cy.svg()`, added to Cytoscape's Core by cytoscape-svg (see cytoscape-svg.d.ts). A module file
 * on purpose: here `declare module 'cytoscape'` adds to Cytoscape's own types instead of
 * replacing them.
 */
export {};

declare module 'cytoscape' {
  /** cy.svg()'s options (cytoscape-svg's README). */
  interface SvgExportOptions {
    /** The whole graph (true) or only what the viewport shows (false, the default). */
    full?: boolean;
    /** Scales the image; the screen's pixel ratio multiplies it unless a maximum is given. */
    scale?: number;
    /** Scale so the image is no wider than this (the pixel ratio is then ignored). */
    maxWidth?: number;
    /** Scale so the image is no taller than this (the pixel ratio is then ignored). */
    maxHeight?: number;
    /** Background colour; transparent when left out. */
    bg?: string;
  }

  interface Core {
    /** The view as an SVG document (only after `cytoscape.use(svg)` from cytoscape-svg). */
    svg(options?: SvgExportOptions): string;
  }
}
