import { LINK_KINDS, NODE_KINDS, ORGANISATION_KINDS, type LinkKind } from '@octograph/graph-schema';
import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  parse,
  rgb,
  wcagContrast,
  type Color,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en.js';
import {
  FALLBACK_SWATCH,
  LINK_KIND_COLOURS,
  LINK_KIND_LINE_STYLES,
  LINK_OPACITY,
  MAP_BACKGROUND,
  NODE_KIND_COLOURS,
  NODE_KIND_SHAPES,
  ORG_KIND_COLOURS,
  ORG_KIND_SHAPES,
  swatchOf,
} from '../../client/src/map/palette.js';
import {
  HAYSTACK_ABOVE_LINKS,
  HUB_LABEL_PX,
  SCREEN_LABEL_MAX_PX,
  SCREEN_LABEL_MIN_PX,
  Z_NEIGHBOUR,
  Z_SELECTED,
  buildStylesheet,
  drawOrder,
  prefersCurvedLinks,
  screenLabelPx,
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
    expect(swatchOf('organisation', 'network')).toEqual(ORG_KIND_COLOURS.network);
    expect(swatchOf('organisation', 'charity')).not.toEqual(ORG_KIND_COLOURS.network);
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

describe('screenLabelPx', () => {
  it.each([
    { fontSize: 7, hub: false, px: SCREEN_LABEL_MIN_PX },
    { fontSize: 22, hub: false, px: SCREEN_LABEL_MAX_PX },
    { fontSize: 40, hub: false, px: SCREEN_LABEL_MAX_PX },
    { fontSize: 7, hub: true, px: HUB_LABEL_PX },
  ])('draws a name of label size $fontSize (hub: $hub) at $px px', ({ fontSize, hub, px }) => {
    expect(screenLabelPx(fontSize, hub)).toBe(px);
  });

  it('never draws a name under 11 px, and busier nodes no smaller', () => {
    let previous = 0;
    for (let fontSize = 0; fontSize <= 30; fontSize += 1) {
      const px = screenLabelPx(fontSize, false);
      expect(px).toBeGreaterThanOrEqual(11);
      expect(px).toBeGreaterThanOrEqual(previous);
      previous = px;
    }
  });
});

describe('the stylesheet', () => {
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

describe('colours for every reader', () => {
  const difference = differenceCiede2000();
  const fills = ORGANISATION_KINDS.map((kind) => ({ kind, fill: ORG_KIND_COLOURS[kind].fill }));
  const background = parse(MAP_BACKGROUND);

  /** The two kinds of organisation whose fills look most alike, and how far apart (ΔE 2000). */
  function closestPair(simulate: (colour: Color) => Color): { pair: string; distance: number } {
    let closest = { pair: '', distance: Infinity };
    fills.forEach((a, index) => {
      for (const b of fills.slice(index + 1)) {
        const [ca, cb] = [parse(a.fill), parse(b.fill)];
        if (!ca || !cb) throw new Error(`unreadable colour ${a.fill} or ${b.fill}`);
        const distance = difference(simulate(ca), simulate(cb));
        if (distance < closest.distance) closest = { pair: `${a.kind}/${b.kind}`, distance };
      }
    });
    return closest;
  }

  // ΔE 2000 of 8 or more reads as a clearly different colour at a glance (2 is barely visible).
  it.each([
    { vision: 'typical colour vision', simulate: (colour: Color) => colour },
    { vision: 'deuteranopia', simulate: filterDeficiencyDeuter(1) },
    { vision: 'protanopia', simulate: filterDeficiencyProt(1) },
    { vision: 'tritanopia', simulate: filterDeficiencyTrit(1) },
  ])('keeps every two kinds of organisation apart with $vision', ({ simulate }) => {
    expect(closestPair(simulate).distance).toBeGreaterThanOrEqual(8);
  });

  it('also tells kinds of organisation apart by shape (networks by their ring)', () => {
    const shapes = ORGANISATION_KINDS.filter((kind) => kind !== 'network').map(
      (kind) => ORG_KIND_SHAPES[kind],
    );
    expect(new Set(shapes).size).toBe(shapes.length);
    expect(styleOf('node.hub')['outline-width']).toBeGreaterThan(0);
  });

  it.each(LINK_KINDS)('draws %s lines with 3:1 contrast to the map as blended', (kind) => {
    const line = parse(LINK_KIND_COLOURS[kind]);
    if (!line || !background) throw new Error('unreadable colour');
    const [fg, bg] = [rgb(line), rgb(background)];
    const blended: Color = {
      mode: 'rgb',
      r: fg.r * LINK_OPACITY + bg.r * (1 - LINK_OPACITY),
      g: fg.g * LINK_OPACITY + bg.g * (1 - LINK_OPACITY),
      b: fg.b * LINK_OPACITY + bg.b * (1 - LINK_OPACITY),
    };
    expect(styleOf('edge').opacity).toBe(LINK_OPACITY);
    expect(wcagContrast(blended, background)).toBeGreaterThanOrEqual(3);
  });
});
