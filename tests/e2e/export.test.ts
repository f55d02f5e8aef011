/**
 * Exporting the view in a real browser: "Export PNG" downloads a PNG of what is on screen at 2×
 * with the legend drawn beside it, and "Export SVG" an SVG document of the same, with the legend's
 * texts and the map's labels. The built app over a freshly seeded store, in Debian's Chromium.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). The exported PNG is kept as
 * tests/.artifacts/export-view.png to look at; on failure a screenshot is saved there too.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ORGANISATION_KINDS, type MapResponse } from '@octograph/graph-schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en';
import { ORG_KIND_COLOURS } from '../../client/src/map/palette';
import { ARTIFACTS, browserSuite, canvasCounts, mapBox } from '../helpers/browser';

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
/** The map's background (styles.css --canvas), which the export paints behind the map. */
const BACKGROUND = [0xfb, 0xfa, 0xf7] as const;
/** Fill of a charity, in the map and in the legend's swatch (map/palette.ts), as [r, g, b]. */
const CHARITY_FILL = [1, 3, 5].map((at) =>
  Number.parseInt(ORG_KIND_COLOURS.charity.fill.slice(at, at + 2), 16),
);
/** The exported legend panel's width lies between these (legend-layout.ts). */
const LEGEND_WIDTH = { min: 220, max: 340 };

const suite = browserSuite();

/** Waits until the canvas draws all of `map`, and returns the map area's size in CSS pixels. */
async function mapArea(page: Page, map: MapResponse): Promise<{ width: number; height: number }> {
  await expect
    .poll(() => canvasCounts(page), { timeout: 20_000 })
    .toEqual({ nodes: map.nodes.length, links: map.links.length });
  const box = await mapBox(page);
  return { width: box.width, height: box.height };
}

/** Clicks the button and returns the file it downloads, with its name. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

interface PixelCounts {
  width: number;
  height: number;
  /** In the map part: pixels clearly not the background. */
  mapInk: number;
  /** In the map part: colours, counted to 4 bits a channel. */
  mapColours: number;
  /** In the map part: pixels exactly the charity fill (inside charity nodes). */
  mapCharity: number;
  /** In the legend part: dark text pixels. */
  legendText: number;
  /** In the legend part: pixels exactly the charity fill (its swatch). */
  legendCharity: number;
}

/**
 * Decodes an image (PNG or SVG) in the page and counts what is drawn in the map part (left of
 * `mapWidth` image pixels) and in the legend part (right of it).
 */
function countPixels(
  page: Page,
  bytes: Buffer,
  type: string,
  mapWidth: number,
): Promise<PixelCounts> {
  return page.evaluate(
    async ({ base64, type, mapWidth, background, charity }) => {
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([data], { type }));
      const image = new Image();
      image.src = url;
      await image.decode();
      URL.revokeObjectURL(url);
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D canvas');
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const counts = {
        width: canvas.width,
        height: canvas.height,
        mapInk: 0,
        mapColours: 0,
        mapCharity: 0,
        legendText: 0,
        legendCharity: 0,
      };
      const colours = new Set<number>();
      for (let index = 0; index < pixels.length; index += 4) {
        const x = (index / 4) % canvas.width;
        const [r = 0, g = 0, b = 0] = pixels.subarray(index, index + 3);
        const isCharity = r === charity[0] && g === charity[1] && b === charity[2];
        if (x < mapWidth) {
          const distance =
            Math.abs(r - background[0]) + Math.abs(g - background[1]) + Math.abs(b - background[2]);
          if (distance > 30) counts.mapInk += 1;
          colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
          if (isCharity) counts.mapCharity += 1;
        } else {
          if (r < 110 && g < 110 && b < 110) counts.legendText += 1;
          if (isCharity) counts.legendCharity += 1;
        }
      }
      counts.mapColours = colours.size;
      return counts;
    },
    {
      base64: bytes.toString('base64'),
      type,
      mapWidth,
      background: BACKGROUND,
      charity: CHARITY_FILL,
    },
  );
}

/** An SVG document's texts, parsed by the browser: a parse error, the legend's and the map's. */
function svgTexts(
  page: Page,
  svg: string,
): Promise<{ error: string | null; root: string; legend: string[]; map: string[] }> {
  return page.evaluate((source) => {
    const document = new DOMParser().parseFromString(source, 'image/svg+xml');
    const error = document.querySelector('parsererror')?.textContent ?? null;
    const texts = (selector: string) =>
      Array.from(document.querySelectorAll(`${selector} text`), (text) => text.textContent);
    return {
      error,
      root: document.documentElement.nodeName,
      legend: texts('g.legend'),
      map: texts('g.map'),
    };
  }, svg);
}

describe('exporting the view', () => {
  it(
    ...suite.inPage('downloads a PNG of the map at 2× with the legend beside it', async (page) => {
      const map = await suite.map();
      const area = await mapArea(page, map);

      const { name, bytes } = await download(page, 'PNG');
      expect(name).toMatch(/^octograph-map-\d{4}-\d{2}-\d{2}\.png$/);
      expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      await mkdir(ARTIFACTS, { recursive: true });
      await writeFile(join(ARTIFACTS, 'export-view.png'), bytes);

      // The view at 2×, widened by the legend panel; as tall as the view (or the legend).
      expect(width).toBeGreaterThanOrEqual(Math.floor(2 * (area.width + LEGEND_WIDTH.min)) - 2);
      expect(width).toBeLessThanOrEqual(Math.ceil(2 * (area.width + LEGEND_WIDTH.max)) + 2);
      expect(height).toBeGreaterThanOrEqual(Math.floor(2 * area.height) - 2);
      expect(height).toBeLessThanOrEqual(Math.ceil(2 * Math.max(area.height, 1000)));

      const pixels = await countPixels(page, bytes, 'image/png', Math.floor(2 * area.width));
      expect({ width: pixels.width, height: pixels.height }).toEqual({ width, height });
      // Not a blank picture: the map part has nodes, links and labels in many colours, charities
      // among them; the legend part has text and the charity swatch.
      expect(pixels.mapInk).toBeGreaterThan(0.01 * 4 * area.width * area.height);
      expect(pixels.mapColours).toBeGreaterThan(40);
      expect(pixels.mapCharity).toBeGreaterThan(100);
      expect(pixels.legendText).toBeGreaterThan(1000);
      expect(pixels.legendCharity).toBeGreaterThan(50);
    }),
  );

  it(
    ...suite.inPage('downloads an SVG of the map with its labels and the legend', async (page) => {
      const map = await suite.map();
      const area = await mapArea(page, map);

      const { name, bytes } = await download(page, 'SVG');
      expect(name).toMatch(/^octograph-map-\d{4}-\d{2}-\d{2}\.svg$/);
      const svg = bytes.toString('utf8');
      expect(svg.startsWith('<?xml')).toBe(true);

      const texts = await svgTexts(page, svg);
      expect(texts.error).toBeNull();
      expect(texts.root).toBe('svg');
      // Every node's outline ends where it closes: none runs on into the lines drawn after it
      // (themes and places did, see withPlainPolygons in export-view.ts).
      expect(svg).not.toMatch(/ Z [LMCQA] /);
      expect(texts.legend[0]).toMatch(/^Octograph — /);
      for (const text of ['Organisations', 'Charity', 'Network', 'Links', 'Member of']) {
        expect(texts.legend).toContain(text);
      }
      // What the picture does not draw (attributes by default) its legend does not list.
      for (const text of ['Themes', 'Places', 'Meetings', 'Focuses on', 'Attended']) {
        expect(texts.legend).not.toContain(text);
      }
      // The map's own labels come along: the names of the nodes big enough to be labelled.
      const names = new Set(map.nodes.map((node) => node.name));
      expect(texts.map.filter((text) => names.has(text)).length).toBeGreaterThan(3);
      // The ring of groups not yet connected comes along too, with its label, as on screen.
      expect(texts.map).toContain('Not yet connected');
      expect(svg).toMatch(/<circle [^>]*stroke-dasharray="2 6"/);

      // It draws: the map part is not blank once a browser renders the file.
      const pixels = await countPixels(page, bytes, 'image/svg+xml', Math.floor(area.width));
      expect(pixels.mapInk).toBeGreaterThan(0.01 * area.width * area.height);
      expect(pixels.mapCharity).toBeGreaterThan(20);
      expect(pixels.legendCharity).toBeGreaterThan(10);
    }),
  );

  it(
    ...suite.inPage(
      'lists the active filters and only the kinds on the filtered map',
      async (page) => {
        const map = await suite.map('?orgKind=charity,network');
        await mapArea(page, map);
        const { bytes } = await download(page, 'SVG');
        const texts = await svgTexts(page, bytes.toString('utf8'));
        expect(texts.error).toBeNull();
        // (A long filter line may wrap onto two texts.)
        expect(texts.legend.join(' ')).toContain('Organisation kind: Charity, Network');

        const onMap = new Set(map.nodes.map((node) => node.orgKind));
        // The seed has other kinds of organisation, or this would prove nothing.
        expect(ORGANISATION_KINDS.filter((kind) => !onMap.has(kind)).length).toBeGreaterThan(0);
        for (const kind of ORGANISATION_KINDS) {
          expect(texts.legend.includes(en.kinds.org[kind]), kind).toBe(onMap.has(kind));
        }
      },
      { path: '/?orgKind=charity,network' },
    ),
  );
});
