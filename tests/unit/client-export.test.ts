import {
  LINK_KINDS,
  NODE_KINDS,
  ORGANISATION_KINDS,
  type MapResponse,
} from '@octograph/graph-schema';
import { describe, expect, it, vi } from 'vitest';
import { createViewExportStore } from '../../client/src/features/export/export-store.js';
import {
  describeFilters,
  exportFileName,
  exportLegendTexts,
  localIsoDate,
} from '../../client/src/features/export/export-texts.js';
import {
  estimateTextWidth,
  fitText,
  layoutLegend,
  legendRows,
  wrapText,
  type ExportLegendRow,
  type ExportLegendTexts,
  type LegendItem,
} from '../../client/src/features/export/legend-layout.js';
import { escapeXml, exportSvgDocument } from '../../client/src/features/export/svg-document.js';
import { EMPTY_FILTERS } from '../../client/src/features/filters/filter-state.js';
import { legendCounts } from '../../client/src/features/legend/legend-counts.js';
import {
  NODE_KIND_SHAPES,
  ORG_KIND_COLOURS,
  ORG_KIND_SHAPES,
} from '../../client/src/map/palette.js';
import { formatDate } from '../../client/src/i18n/format.js';
import { englishI18n } from '../helpers/english-i18n.js';
import { mapLink, mapNode, mapOrg } from './client-fixtures.js';

const i18n = englishI18n();
const t = i18n.t;

/** 2 charities, a network, a person, a project, a theme; 4 kinds of link. */
const TOWN: MapResponse = {
  revision: 1,
  nodes: [
    mapOrg('c1', 'charity'),
    mapOrg('c2', 'charity'),
    mapOrg('net', 'network'),
    mapNode('p1', 'person'),
    mapNode('pr', 'project'),
    mapNode('t1', 'theme'),
  ],
  links: [
    mapLink('l1', 'MEMBER_OF', 'c1', 'net'),
    mapLink('l2', 'MEMBER_OF', 'c2', 'net'),
    mapLink('l3', 'WORKS_AT', 'p1', 'c1'),
    mapLink('l4', 'PARTNER_IN', 'c2', 'pr'),
    mapLink('l5', 'FOCUSES_ON', 'c1', 't1'),
  ],
};

/** Every kind there is, once: the fullest legend a map can have. */
const EVERYTHING: MapResponse = {
  revision: 1,
  nodes: [
    ...ORGANISATION_KINDS.map((kind) => mapOrg(`o-${kind}`, kind)),
    ...NODE_KINDS.filter((kind) => kind !== 'organisation').map((kind) =>
      mapNode(`n-${kind}`, kind),
    ),
  ],
  links: LINK_KINDS.map((kind, index) => mapLink(`l${index}`, kind, 'o-charity', 'o-network')),
};

const TEXTS = exportLegendTexts(t, 'en', '2026-11-21', []);

function rowsOf(map: MapResponse, texts: ExportLegendTexts = TEXTS): ExportLegendRow[] {
  return legendRows(legendCounts(map), texts);
}

/** What a row says, for comparing lists of rows. */
function rowText(row: ExportLegendRow): string {
  switch (row.type) {
    case 'node':
    case 'link':
      return `${row.type}:${row.label}=${row.count}`;
    default:
      return `${row.type}:${row.text}`;
  }
}

function texts(items: readonly LegendItem[]): string[] {
  return items.flatMap((item) => (item.type === 'text' ? [item.text] : []));
}

/**
 * Why `xml` is not well-formed XML, or [] if it is: one root element, every tag closed in order,
 * attributes quoted and not repeated, `<` only in markup, `&` only in the five entities or
 * character references. (No XML parser is installed; this covers what the export can get wrong.)
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i;
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*"[^"<]*")*)\s*(\/?)>/y;
  const attribute = /([A-Za-z_][\w:.-]*)\s*=\s*"([^"]*)"/g;
  const stack: string[] = [];
  let roots = 0;
  let at = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  while (at < xml.length) {
    const next = xml.indexOf('<', at);
    const text = xml.slice(at, next === -1 ? xml.length : next);
    if (entity.test(text)) problems.push(`a bare & in text "${text.slice(0, 40)}"`);
    if (stack.length === 0 && text.trim() !== '') problems.push('text outside the root');
    if (next === -1) break;
    tag.lastIndex = next;
    const match = tag.exec(xml);
    if (!match) {
      problems.push(`bad markup at ${next}: "${xml.slice(next, next + 40)}"`);
      break;
    }
    const [whole, closing, name = '', attributes = '', selfClosing] = match;
    const names = [...attributes.matchAll(attribute)].map((found) => found[1]);
    if (new Set(names).size !== names.length) problems.push(`a repeated attribute in <${name}>`);
    for (const found of attributes.matchAll(attribute)) {
      if (entity.test(found[2] ?? '')) problems.push(`a bare & in ${found[1] ?? ''}`);
    }
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      if (stack.length === 0) roots += 1;
      if (selfClosing !== '/') stack.push(name);
    }
    at = next + whole.length;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** What cytoscape-svg makes of a small view (its shape: XMLSerializer output of canvas2svg). */
const MAP_SVG =
  '<svg version="1.1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="600" height="400"><defs/><g><path fill="#7fb2dc" d="M 10 10 L 20 20"/><text x="5" y="9">Age &amp; Care</text></g></svg>';

describe('the XML check used below', () => {
  it.each([
    ['a < in text', '<svg><text>a < b</text></svg>'],
    ['a bare &', '<svg><text>Age & Care</text></svg>'],
    ['an unclosed tag', '<svg><g></svg>'],
    ['tags closed out of order', '<svg><g><text></g></text></svg>'],
    ['an unquoted attribute', '<svg width=10></svg>'],
    ['two roots', '<svg></svg><svg></svg>'],
  ])('rejects %s', (_name, xml) => {
    expect(xmlProblems(xml)).not.toEqual([]);
  });

  it('accepts well-formed SVG', () => {
    expect(xmlProblems(MAP_SVG)).toEqual([]);
  });
});

describe('legendRows', () => {
  it('lists every organisation kind, other node kind and link kind on the map, with counts', () => {
    expect(rowsOf(TOWN).map(rowText)).toEqual([
      'title:Octograph — ' + formatDate('2026-11-21', 'en'),
      'heading:Organisations',
      'node:Charity=2',
      'node:Network=1',
      'heading:Also on the map',
      'node:People=1',
      'node:Projects=1',
      'node:Themes=1',
      'heading:Links',
      'link:Member of=2',
      'link:Partner in=1',
      'link:Works at=1',
      'link:Focuses on=1',
      'note:Networks are drawn as hubs with a ring',
    ]);
  });

  it('gives a row to every kind there is when all are on the map', () => {
    const rows = rowsOf(EVERYTHING);
    expect(rows.filter((row) => row.type === 'node')).toHaveLength(NODE_KINDS.length - 1 + 8);
    expect(rows.filter((row) => row.type === 'link')).toHaveLength(LINK_KINDS.length);
  });

  it('draws organisations in their kind’s colours, and only networks as hubs', () => {
    const nodes = rowsOf(TOWN).filter((row) => row.type === 'node');
    expect(nodes[0]).toMatchObject({ swatch: ORG_KIND_COLOURS.charity, hub: false });
    expect(nodes[1]).toMatchObject({ swatch: ORG_KIND_COLOURS.network, hub: true });
    expect(nodes[3]).toMatchObject({ shape: NODE_KIND_SHAPES.project });
    expect(nodes[0]).toMatchObject({ shape: ORG_KIND_SHAPES.charity });
  });

  it('leaves out the hub note and empty sections when there is nothing for them', () => {
    const map: MapResponse = { revision: 1, nodes: [mapOrg('c', 'charity')], links: [] };
    expect(rowsOf(map).map(rowText)).toEqual([
      rowText(rowsOf(TOWN)[0] ?? { type: 'title', text: '' }),
      'heading:Organisations',
      'node:Charity=1',
    ]);
  });

  it('lists the active filters under the title', () => {
    const filtered = exportLegendTexts(t, 'en', '2026-11-21', ['Organisation kind: Charity']);
    expect(rowsOf(TOWN, filtered).slice(1, 4).map(rowText)).toEqual([
      'heading:Filters',
      'note:Organisation kind: Charity',
      'heading:Organisations',
    ]);
  });

  it('writes counts as the language does', () => {
    const big: MapResponse = {
      revision: 1,
      nodes: Array.from({ length: 1204 }, (_, index) => mapOrg(`c${index}`, 'charity')),
      links: [],
    };
    expect(rowsOf(big).map(rowText)).toContain('node:Charity=1,204');
  });
});

describe('layoutLegend', () => {
  const layout = layoutLegend(rowsOf(EVERYTHING), estimateTextWidth);

  it('places every row’s label and count as text', () => {
    const shown = texts(layout.items);
    for (const row of rowsOf(EVERYTHING)) {
      if (row.type === 'node' || row.type === 'link') {
        expect(shown).toContain(row.label);
        expect(shown).toContain(row.count);
      }
    }
    expect(layout.items.filter((item) => item.type === 'node')).toHaveLength(
      NODE_KINDS.length - 1 + 8,
    );
  });

  it('keeps everything inside the panel, each row below the one before', () => {
    for (const item of layout.items) {
      expect(item.x).toBeGreaterThanOrEqual(0);
      expect(item.x).toBeLessThanOrEqual(layout.width);
      expect(item.y).toBeGreaterThanOrEqual(0);
      expect(item.y).toBeLessThanOrEqual(layout.height);
    }
    const swatchTops = layout.items
      .filter((item) => item.type === 'node' || item.type === 'link')
      .map((item) => item.y);
    expect(swatchTops).toEqual([...swatchTops].sort((a, b) => a - b));
  });

  it('right-aligns the counts in one column', () => {
    const ends = layout.items.filter((item) => item.type === 'text' && item.anchor === 'end');
    expect(new Set(ends.map((item) => item.x)).size).toBe(1);
  });

  it('wraps a long filter line instead of widening the panel past its maximum', () => {
    const long = `Place: ${Array.from({ length: 60 }, (_, index) => `word${index}`).join(' ')}`;
    const filtered = exportLegendTexts(t, 'en', '2026-11-21', [long]);
    const wide = layoutLegend(rowsOf(TOWN, filtered), estimateTextWidth);
    expect(wide.width).toBeLessThanOrEqual(340);
    const lines = texts(wide.items).filter((text) => /^(Place:|word\d)/.test(text));
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join(' ')).toBe(long);
  });

  it('shortens a label too long for the panel with an ellipsis', () => {
    const longName: ExportLegendTexts = { ...TEXTS, orgKind: () => 'A'.repeat(200) };
    const shortened = texts(layoutLegend(rowsOf(TOWN, longName), estimateTextWidth).items);
    const label = shortened.find((text) => text.startsWith('AAA'));
    expect(label).toMatch(/^A+…$/);
    expect(label?.length).toBeLessThan(200);
  });
});

describe('wrapText and fitText', () => {
  const font = { size: 10, weight: 400 } as const;
  /** Every character 10 px wide. */
  const measure = (text: string) => text.length * 10;

  it('breaks at spaces into lines no wider than asked', () => {
    expect(wrapText('one two three four', 90, font, measure)).toEqual(['one two', 'three', 'four']);
  });

  it('keeps a word longer than the line whole', () => {
    expect(wrapText('extraordinarily long', 50, font, measure)).toEqual([
      'extraordinarily',
      'long',
    ]);
  });

  it('leaves text that fits alone, and cuts text that does not', () => {
    expect(fitText('short', 50, font, measure)).toBe('short');
    expect(fitText('much too long', 60, font, measure)).toBe('much…');
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`Tom & Jerry's <"club">`)).toBe(
      'Tom &amp; Jerry&apos;s &lt;&quot;club&quot;&gt;',
    );
  });
});

describe('exportSvgDocument', () => {
  const tricky = exportLegendTexts(t, 'en', '2026-11-21', ['Theme: Arts & <Crafts> "Club"']);
  const legend = layoutLegend(rowsOf(TOWN, tricky), estimateTextWidth);
  const svg = exportSvgDocument({
    mapSvg: `<?xml version="1.0" encoding="UTF-8"?>\n${MAP_SVG}`,
    mapWidth: 600,
    mapHeight: 400,
    legend,
  });

  it('is one well-formed XML document', () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg.match(/<\?xml/g)).toHaveLength(1);
  });

  it('escapes names with < and & in the legend', () => {
    expect(svg).toContain('Theme: Arts &amp; &lt;Crafts&gt; &quot;Club&quot;');
    expect(svg).not.toContain('<Crafts>');
  });

  it('holds the map as drawn and every legend text', () => {
    expect(svg).toContain('Age &amp; Care');
    for (const text of ['Charity', 'Network', 'Member of', 'People', 'Octograph — ']) {
      expect(svg).toContain(text);
    }
  });

  it('is as wide as the map and the legend, and as tall as the taller', () => {
    const root = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg);
    expect(Number(root?.[1])).toBe(600 + legend.width);
    expect(Number(root?.[2])).toBe(Math.max(400, legend.height));
  });

  it('refuses a map picture that is not SVG', () => {
    expect(() =>
      exportSvgDocument({ mapSvg: '<html></html>', mapWidth: 1, mapHeight: 1, legend }),
    ).toThrow(/not an SVG/);
  });
});

describe('describeFilters', () => {
  it('says nothing when no filter is set', () => {
    expect(describeFilters(EMPTY_FILTERS, t, 'en', (id) => id)).toEqual([]);
  });

  it('names each active filter and its values, themes and places by name', () => {
    const names = new Map([
      ['theme-1', 'Wellbeing'],
      ['place-1', 'Devonport'],
    ]);
    const lines = describeFilters(
      {
        ...EMPTY_FILTERS,
        orgKind: ['charity', 'network'],
        theme: ['theme-1'],
        place: ['place-1'],
        linkKind: ['MEMBER_OF'],
        asOf: '2022-01-01',
      },
      t,
      'en',
      (id) => names.get(id) ?? id,
    );
    expect(lines).toEqual([
      'Organisation kind: Charity, Network',
      'Theme: Wellbeing',
      'Place: Devonport',
      'Link kind: Member of',
      `As of: ${formatDate('2022-01-01', 'en')}`,
    ]);
  });
});

describe('file names', () => {
  it('are dated with the local calendar day', () => {
    const date = new Date(2026, 10, 21, 23, 59);
    expect(localIsoDate(date)).toBe('2026-11-21');
    expect(exportFileName('png', localIsoDate(date))).toBe('octograph-map-2026-11-21.png');
    expect(exportFileName('svg', '2026-01-02')).toBe('octograph-map-2026-01-02.svg');
  });
});

describe('the view export store', () => {
  it('is unavailable until an exporter registers, and records a run without one', async () => {
    const store = createViewExportStore();
    expect(store.getState()).toEqual({ available: false, busy: null, error: null });
    await store.run('png');
    expect(store.getState().error?.message).toMatch(/not on screen/);
  });

  it('runs the exporter with the format, busy while it works', async () => {
    const store = createViewExportStore();
    let finish: () => void = () => undefined;
    const exporter = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    store.register(exporter);
    const running = store.run('svg');
    expect(store.getState()).toMatchObject({ available: true, busy: 'svg' });
    // A second request while busy does not start another export.
    await store.run('png');
    expect(exporter).toHaveBeenCalledTimes(1);
    finish();
    await running;
    expect(exporter).toHaveBeenCalledWith('svg');
    expect(store.getState()).toEqual({ available: true, busy: null, error: null });
  });

  it('keeps a failure as the error, and clears it when the next export succeeds', async () => {
    const store = createViewExportStore();
    let fail = true;
    store.register(() => (fail ? Promise.reject(new Error('no canvas')) : Promise.resolve()));
    await store.run('png');
    expect(store.getState()).toMatchObject({ busy: null, error: new Error('no canvas') });
    fail = false;
    await store.run('png');
    expect(store.getState().error).toBeNull();
  });

  it('tells subscribers about changes and forgets an exporter when it unregisters', () => {
    const store = createViewExportStore();
    const listener = vi.fn();
    store.subscribe(listener);
    const first = store.register(() => Promise.resolve());
    const second = store.register(() => Promise.resolve());
    // The older controller unmounting after the newer one mounted changes nothing.
    first();
    expect(store.getState().available).toBe(true);
    second();
    expect(store.getState().available).toBe(false);
    expect(listener).toHaveBeenCalled();
  });
});
