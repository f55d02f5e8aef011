import { LINK_KINDS, NODE_KINDS, ORGANISATION_KINDS, type LinkKind } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en.js';
import {
  FALLBACK_SWATCH,
  LINK_KIND_COLOURS,
  LINK_KIND_LINE_STYLES,
  NODE_KIND_COLOURS,
  NODE_KIND_SHAPES,
  ORG_KIND_COLOURS,
  swatchOf,
} from '../../client/src/map/palette.js';
import {
  HAYSTACK_ABOVE_LINKS,
  MAX_LABEL_PX,
  Z_NEIGHBOUR,
  Z_SELECTED,
  buildStylesheet,
  drawOrder,
  prefersCurvedLinks,
  shownFontSize,
} from '../../client/src/map/style.js';

const OTHER_NODE_KINDS = NODE_KINDS.filter((kind) => kind !== 'organisation');

/** The style of the rule with this exact selector. */
function styleOf(selector: string, curved = true): Record<string, unknown> {
  const rule = buildStylesheet({ curved }).find((block) => block.selector === selector);
  if (!rule || !('style' in rule)) throw new Error(`no stylesheet rule for ${selector}`);
  return { ...rule.style };
}

describe('palette', () => {
  it('gives every organisation kind its own fill colour', () => {
    const fills = ORGANISATION_KINDS.map((kind) => ORG_KIND_COLOURS[kind].fill);
    expect(new Set(fills).size).toBe(ORGANISATION_KINDS.length);
  });

  it('gives every node on the map a fill no other kind (or the fallback) shares', () => {
    const fills = [
      ...ORGANISATION_KINDS.map((kind) => ORG_KIND_COLOURS[kind].fill),
      ...OTHER_NODE_KINDS.map((kind) => NODE_KIND_COLOURS[kind].fill),
      FALLBACK_SWATCH.fill,
    ];
    expect(fills).toHaveLength(ORGANISATION_KINDS.length + OTHER_NODE_KINDS.length + 1);
    expect(new Set(fills).size).toBe(fills.length);
  });

  it('draws every node with a border that differs from its fill', () => {
    const swatches = [
      ...Object.values(ORG_KIND_COLOURS),
      ...Object.values(NODE_KIND_COLOURS),
      FALLBACK_SWATCH,
    ];
    expect(swatches.filter((swatch) => swatch.border === swatch.fill)).toEqual([]);
  });

  it('uses only six-digit hex colours', () => {
    const colours = [
      ...Object.values(ORG_KIND_COLOURS).flatMap((swatch) => [swatch.fill, swatch.border]),
      ...Object.values(NODE_KIND_COLOURS).flatMap((swatch) => [swatch.fill, swatch.border]),
      ...Object.values(LINK_KIND_COLOURS),
    ];
    expect(colours.filter((colour) => !/^#[0-9a-f]{6}$/.test(colour))).toEqual([]);
  });

  it('gives projects, meetings, themes and places each a shape of their own', () => {
    const shapes = (['project', 'meeting', 'theme', 'place'] as const).map(
      (kind) => NODE_KIND_SHAPES[kind],
    );
    expect(new Set([...shapes, NODE_KIND_SHAPES.organisation]).size).toBe(5);
  });

  it.each<[LinkKind, 'solid' | 'dashed' | 'dotted']>([
    ['COLLABORATES_WITH', 'solid'],
    ['MEMBER_OF', 'dashed'],
    ['PARTNER_IN', 'solid'],
    ['WORKS_AT', 'solid'],
    ['VOLUNTEERS_AT', 'dashed'],
    ['FUNDS', 'solid'],
    ['ATTENDED', 'solid'],
    ['FOCUSES_ON', 'dotted'],
    ['BASED_IN', 'dotted'],
  ])('draws %s links %s', (kind, style) => {
    expect(LINK_KIND_LINE_STYLES[kind]).toBe(style);
  });
});

describe('swatchOf', () => {
  it('colours an organisation by its kind', () => {
    expect(swatchOf('organisation', 'network')).toEqual({ fill: '#f0816f', border: '#b8473a' });
  });

  it('colours an organisation of unknown kind with the fallback', () => {
    expect(swatchOf('organisation', null)).toBe(FALLBACK_SWATCH);
  });

  it.each(OTHER_NODE_KINDS)('colours a %s by its node kind', (kind) => {
    expect(swatchOf(kind, null)).toBe(NODE_KIND_COLOURS[kind]);
  });
});

describe('English labels for the legend', () => {
  it.each(ORGANISATION_KINDS)('names the organisation kind %s', (kind) => {
    expect(en.kinds.org[kind]).toMatch(/^[A-Z]/);
  });

  it.each(NODE_KINDS)('names the node kind %s, singular and plural', (kind) => {
    expect(en.kinds.node[kind]).toMatch(/^[A-Z]/);
    expect(en.kinds.nodePlural[kind]).toMatch(/^[A-Z]/);
    expect(en.kinds.nodePlural[kind]).not.toBe(en.kinds.node[kind]);
  });

  it.each(LINK_KINDS)('names the link kind %s', (kind) => {
    expect(en.kinds.link[kind]).toMatch(/^[A-Z]/);
  });

  it('never gives two coloured kinds the same name', () => {
    const names = [
      ...ORGANISATION_KINDS.map((kind) => en.kinds.org[kind]),
      ...OTHER_NODE_KINDS.map((kind) => en.kinds.nodePlural[kind]),
    ];
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('buildStylesheet', () => {
  it.each(ORGANISATION_KINDS)('fills %s organisations with the legend colour', (kind) => {
    expect(styleOf(`node[kind = "organisation"][orgKind = "${kind}"]`)).toMatchObject({
      'background-color': ORG_KIND_COLOURS[kind].fill,
      'border-color': ORG_KIND_COLOURS[kind].border,
    });
  });

  it.each(OTHER_NODE_KINDS)('draws %s nodes with the legend colour and shape', (kind) => {
    expect(styleOf(`node[kind = "${kind}"]`)).toMatchObject({
      shape: NODE_KIND_SHAPES[kind],
      'background-color': NODE_KIND_COLOURS[kind].fill,
      'border-color': NODE_KIND_COLOURS[kind].border,
    });
  });

  it.each(LINK_KINDS)('draws %s links with the legend colour and line style', (kind) => {
    expect(styleOf(`edge[kind = "${kind}"]`)).toMatchObject({
      'line-color': LINK_KIND_COLOURS[kind],
      'line-style': LINK_KIND_LINE_STYLES[kind],
    });
  });

  it('draws unknown organisations with the fallback colour', () => {
    expect(styleOf('node')).toMatchObject({
      'background-color': FALLBACK_SWATCH.fill,
      width: 'data(size)',
    });
  });

  it('hides what the legend switches off', () => {
    expect(styleOf('.legend-hidden')).toEqual({ display: 'none' });
  });

  it('draws bigger labels over smaller, busier nodes over quieter, neighbours over all', () => {
    expect(drawOrder(0, 16, 3)).toBeGreaterThan(drawOrder(0, 16, 2));
    expect(drawOrder(0, 17, 0)).toBeGreaterThan(drawOrder(0, 16, 999));
    expect(drawOrder(Z_NEIGHBOUR, 11, 0)).toBeGreaterThan(drawOrder(0, 22, 5000));
    expect(Z_SELECTED).toBeGreaterThan(drawOrder(Z_NEIGHBOUR, 22, 5000));
  });
});

describe('shownFontSize', () => {
  it.each([
    { fontSize: 22, cap: null, shown: 22 },
    { fontSize: 22, cap: 10, shown: 10 },
    { fontSize: 7, cap: 10, shown: 7 },
  ])('draws a $fontSize label capped at $cap at $shown', ({ fontSize, cap, shown }) => {
    expect(shownFontSize(fontSize, cap)).toBe(shown);
  });

  it('never draws a label bigger than MAX_LABEL_PX on screen', () => {
    for (const zoom of [0.5, 1, 1.4, 3]) {
      expect(shownFontSize(22, MAX_LABEL_PX / zoom) * zoom).toBeLessThanOrEqual(MAX_LABEL_PX);
    }
  });

  it('rings hubs in the network colour', () => {
    expect(styleOf('node.hub')).toMatchObject({ 'outline-color': ORG_KIND_COLOURS.network.fill });
  });

  it.each([
    { curved: true, curve: 'unbundled-bezier' },
    { curved: false, curve: 'haystack' },
  ])('draws links with curve-style $curve when curved is $curved', ({ curved, curve }) => {
    expect(styleOf('edge', curved)['curve-style']).toBe(curve);
  });
});

describe('prefersCurvedLinks', () => {
  it.each([
    { links: 0, curved: true },
    { links: HAYSTACK_ABOVE_LINKS, curved: true },
    { links: HAYSTACK_ABOVE_LINKS + 1, curved: false },
  ])('curves links on a map with $links links: $curved', ({ links, curved }) => {
    expect(prefersCurvedLinks(links)).toBe(curved);
  });
});
