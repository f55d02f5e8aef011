/**
 * Types for cytoscape-svg 0.4, which ships none: a Cytoscape extension that adds `cy.svg()` (see
 * cy-svg.d.ts for that method). A script file on purpose: `declare module` here declares the
 * module; in a file with imports or exports it would only augment one that already has types.
 */
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';

  /** Registers `cy.svg()`: `cytoscape.use(svg)`. */
  const register: Ext;
  export = register;
}
