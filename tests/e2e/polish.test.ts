/**
 * Octograph in Polish (issue 17), in a real browser whose language is pl-PL, at desktop and phone
 * sizes: the map, details, insights, meetings, an import preview with a problem, history and the
 * sign-in screen speak Polish (checked by their texts), and a walk through every screen finds no
 * text of the English resource file. The language picker switches without a reload, is kept in
 * this browser, and follows the account to another device after sign-out and sign-in. Names sort
 * in the Polish alphabet and search ignores accents.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist).
 * On failure a screenshot is saved to tests/.artifacts/<test name>.png.
 */
import { SessionInfoSchema } from '@octograph/graph-schema';
import ExcelJS from 'exceljs';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en.js';
import { pl } from '../../client/src/i18n/pl.js';
import { browserSuite, PHONE } from '../helpers/browser';

const suite = browserSuite();

const DESKTOP_PL: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 },
  locale: 'pl-PL',
};
const PHONE_PL: BrowserContextOptions = { ...PHONE, locale: 'pl-PL' };
const DESKTOP_EN: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 },
  locale: 'en-GB',
};

/** Every text of a resource tree as [dotted key, text]. */
function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree as Record<string, unknown>).flatMap(
    ([key, value]): [string, string][] =>
      typeof value === 'object' && value !== null
        ? leaves(value, `${prefix}${key}.`)
        : [[`${prefix}${key}`, String(value)]],
  );
}

const POLISH_TEXTS = new Set(leaves(pl).map(([, text]) => text));

/**
 * The English texts as patterns a whole text on the page would match (placeholders match
 * anything), leaving out those that read the same in Polish and those with too few words of
 * their own to tell them from a name ("{{a}} and {{b}}").
 */
const ENGLISH_PATTERNS = leaves(en).flatMap(([key, text]) => {
  if (POLISH_TEXTS.has(text)) return [];
  const literal = text.replace(/\{\{[^}]*\}\}/g, ' ');
  if ((literal.match(/\p{L}/gu) ?? []).length < 4 || !/\p{L}{3,}/u.test(literal)) return [];
  // A number placeholder only matches a number, so "{{count, number}} link" is not "Nowy link".
  const source = text
    .split(/(\{\{[^}]*\}\})/)
    .map((part) =>
      part.startsWith('{{')
        ? /,\s*number\s*\}\}$/.test(part)
          ? '[\\d\\s.,\u00a0\u202f]+'
          : '.+?'
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return [{ key, text, pattern: new RegExp(`^${source}$`, 's') }];
});

/** The texts a person sees or hears on the page: text, and the labels of visible elements. */
function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const visible = (element: Element) =>
      element.checkVisibility({ opacityProperty: false, visibilityProperty: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (text === '' || !parent || parent.closest('script, style')) continue;
      // Screen-reader-only text counts too: it is clipped, not hidden.
      if (visible(parent) || parent.closest('.visually-hidden')) texts.push(text);
    }
    const labelled = Array.from(
      document.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder], [alt]'),
    );
    for (const element of labelled) {
      if (!visible(element)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    texts.push(document.title);
    return texts;
  });
}

/** Every text of the network's data (names, tags, roles, notes…): written by people, not by us. */
async function dataTexts(): Promise<string[]> {
  const response = await fetch(`${suite.baseUrl()}/api/export?format=json`, {
    headers: await suite.adminHeaders(),
  });
  expect(response.status).toBe(200);
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(collect);
  };
  collect(await response.json());
  return texts;
}

/** The names of the nodes on the map: a text holding one is about the network's data. */
async function nodeNames(): Promise<string[]> {
  return (await suite.map()).nodes.map((node) => node.name);
}

/** The uploaded workbook's sheet names and cells, which the import preview shows as they are. */
const WORKBOOK_TEXTS = ['Elements', 'Connections', 'Label', 'Type', 'Community group'];

/**
 * The texts on the page that are English texts of the client, each with its key. `data` are the
 * network's own texts (names, tags…), which stay as people wrote them: a text that is one of
 * them, or holds a name, is not the client's.
 */
async function englishOnPage(
  page: Page,
  data: { texts: readonly string[]; names: readonly string[] },
): Promise<string[]> {
  const dataSet = new Set([...data.texts, ...WORKBOOK_TEXTS]);
  const { names } = data;
  const texts = await pageTexts(page);
  // A text put together from several ("199 nodes · 863 links") is checked in its parts too.
  const parts = texts.flatMap((text) => [text, ...text.split(/\s[·—–→]\s|:\s|;\s/)]);
  return [...new Set(parts)]
    .filter((text) => !dataSet.has(text) && !names.some((name) => text.includes(name)))
    .flatMap((text) =>
      ENGLISH_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(
        ({ key }) => `${key}: "${text}"`,
      ),
    );
}

/** Waits until the map has loaded: the status line or (on a phone) the legend says so. */
async function mapReady(page: Page): Promise<void> {
  await page.getByRole('img', { name: 'Mapa sieci' }).waitFor();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 20_000 })
    .toBe('pl');
}

async function shown(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}

type XlsxRow = readonly (string | number)[];

/** A Kumu-layout workbook whose second connection points at a group nobody knows. */
async function workbookWithProblem(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const elements: XlsxRow[] = [
    ['Label', 'Type', 'Description'],
    ['Klub Brydżowy „As”', 'Community group', 'Brydż we wtorki'],
  ];
  const connections: XlsxRow[] = [
    ['From', 'To', 'Type'],
    ['Klub Brydżowy „As”', 'Klub Seniora „Złota Jesień”', 'collaborates with'],
    ['Klub Brydżowy „As”', 'Nieznana Grupa', 'collaborates with'],
  ];
  book.addWorksheet('Elements').addRows(elements.map((row) => [...row]));
  book.addWorksheet('Connections').addRows(connections.map((row) => [...row]));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The screens of the app, each opened on `page` and checked for its Polish words. */
const SCREENS: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'map',
    open: async (page) => {
      await shown(page.getByRole('heading', { name: 'Legenda' }).or(page.getByText('Legenda')));
      await shown(page.getByRole('button', { name: 'Odtwórz' }));
      // Longer Polish words still fit: nothing scrolls sideways, the picker is in view.
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      const picker = await page.getByLabel('Język').boundingBox();
      const width = page.viewportSize()?.width ?? 0;
      expect(picker !== null && picker.x >= 0 && picker.x + picker.width <= width).toBe(true);
    },
  },
  {
    name: 'filters',
    open: async (page) => {
      await page.getByRole('button', { name: 'Filtry', exact: true }).click();
      const panel = page.getByRole('complementary', { name: 'Zawęź mapę' });
      await shown(panel.getByText('Rodzaj organizacji'));
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'details',
    open: async (page) => {
      const map = await suite.map();
      const klub = map.nodes.find((node) => node.name === 'Klub Seniora „Złota Jesień”');
      if (!klub) throw new Error('the demo network has no Klub Seniora „Złota Jesień”');
      await page.goto(`${suite.baseUrl()}/?node=${klub.id}`);
      await mapReady(page);
      const details = page.getByRole('complementary', { name: 'Szczegóły' });
      await shown(details.getByRole('heading', { name: 'Klub Seniora „Złota Jesień”' }));
      await shown(details.getByText('W sieci od'));
      // Dates with the month in words, in the genitive.
      await shown(details.getByText('3 czerwca 2019', { exact: true }));
      await shown(details.getByText(/^\d+ powiąza(nie|nia|ń)$/));
    },
  },
  {
    name: 'insights',
    open: async (page) => {
      await page.getByRole('button', { name: 'Wnioski', exact: true }).click();
      const insights = page.getByRole('complementary', { name: 'Wnioski' });
      await shown(insights.getByRole('button', { name: /^Bez powiązań/ }));
      await insights.getByRole('button', { name: /^Kogo warto poznać/ }).click();
      await shown(insights.getByRole('button', { name: /^Połącz .+ i .+ jako współpracujących$/ }));
    },
  },
  {
    name: 'directory',
    open: async (page) => {
      await page.getByRole('button', { name: 'Spis', exact: true }).click();
      const directory = page.getByRole('region', { name: 'Spis' });
      await shown(directory.getByText(/^\d+ organizacj(a|e|i)$/));
      await shown(directory.getByText('Wierszy na stronie'));
    },
  },
  {
    name: 'meetings',
    open: async (page) => {
      await page.getByRole('button', { name: 'Spotkania', exact: true }).click();
      const meetings = page.getByRole('region', { name: 'Spotkania' });
      await shown(meetings.getByText(/^\d+ spotka(nie|nia|ń)$/));
      await meetings
        .getByRole('button', { name: /^Spotkanie partnerskie Kingsmouth–Modrzewiec/ })
        .click();
      await shown(meetings.getByRole('heading', { name: 'Kto przyszedł' }));
      await shown(meetings.getByRole('link', { name: 'Lista uczestników do wydruku' }));
    },
  },
  {
    name: 'import preview with a problem',
    open: async (page) => {
      await page
        .getByRole('toolbar', { name: 'Narzędzia mapy' })
        .getByRole('button', { name: 'Wczytaj…' })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Wczytywanie danych' });
      await dialog.getByLabel('Pliki').setInputFiles({
        name: 'klub.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await workbookWithProblem(),
      });
      await dialog.getByRole('button', { name: 'Podgląd', exact: true }).click();
      await shown(dialog.getByRole('table', { name: 'Co zrobi wczytanie' }));
      const row = dialog.getByRole('rowgroup').filter({ hasText: 'Wiersz 3' });
      await shown(row.getByText('Błąd', { exact: true }));
      // The server's problem, said in Polish.
      await shown(row.getByText('„Nieznana Grupa” nie ma ani w pliku, ani na mapie'));
      await shown(dialog.getByText(/^\d+ błąd(y|ów)?$/));
      expect(await dialog.getByRole('button', { name: 'Wczytaj', exact: true }).isDisabled()).toBe(
        true,
      );
    },
  },
  {
    name: 'export',
    open: async (page) => {
      await page
        .getByRole('toolbar', { name: 'Narzędzia mapy' })
        .getByRole('button', { name: 'Zapisz dane…' })
        .click();
      await shown(page.getByRole('dialog', { name: 'Zapisywanie danych' }).getByText('Całą sieć'));
    },
  },
  {
    name: 'history',
    open: async (page) => {
      await page.getByRole('button', { name: /^Menu konta: / }).click();
      await page.getByRole('menuitem', { name: 'Historia' }).click();
      const history = page.getByRole('dialog', { name: 'Historia' });
      await shown(history.getByText(/^Wszystkie zmiany na mapie/));
      await shown(history.getByRole('listitem', { name: /^Zmiana \d+$/ }));
    },
  },
  {
    name: 'users',
    open: async (page) => {
      await page.getByRole('button', { name: /^Menu konta: / }).click();
      await page.getByRole('menuitem', { name: 'Użytkownicy' }).click();
      await shown(page.getByRole('dialog', { name: 'Użytkownicy' }).getByText('Zaproś kogoś'));
    },
  },
  {
    name: 'backups',
    open: async (page) => {
      await page.getByRole('button', { name: /^Menu konta: / }).click();
      await page.getByRole('menuitem', { name: 'Kopie zapasowe' }).click();
      await shown(
        page.getByRole('dialog', { name: 'Kopie zapasowe' }).getByText('Zrób kopię teraz'),
      );
    },
  },
  {
    name: 'change password',
    open: async (page) => {
      await page.getByRole('button', { name: /^Menu konta: / }).click();
      await page.getByRole('menuitem', { name: 'Zmień hasło' }).click();
      await shown(page.getByRole('dialog', { name: 'Zmiana hasła' }).getByText('Obecne hasło'));
    },
  },
  {
    name: 'edit form',
    open: async (page) => {
      const map = await suite.map();
      const klub = map.nodes.find((node) => node.name === 'Klub Seniora „Złota Jesień”');
      await page.goto(`${suite.baseUrl()}/?node=${klub?.id ?? ''}`);
      await mapReady(page);
      const details = page.getByRole('complementary', { name: 'Szczegóły' });
      await details.getByRole('button', { name: 'Zmień', exact: true }).click();
      const form = details.getByRole('form', { name: 'Zmień: Klub Seniora „Złota Jesień”' });
      await shown(form.getByText('Rodzaj organizacji'));
      await shown(form.getByRole('button', { name: 'Zapisz' }));
    },
  },
  {
    name: 'new node',
    open: async (page) => {
      await page
        .getByRole('toolbar', { name: 'Narzędzia mapy' })
        .getByRole('button', { name: 'Dodaj…' })
        .click();
      await shown(page.getByRole('dialog', { name: 'Dodaj do mapy' }).getByText('Co dodać'));
    },
  },
  {
    name: 'shortcuts',
    open: async (page) => {
      await page.getByRole('img', { name: 'Mapa sieci' }).click();
      await page.keyboard.press('?');
      await shown(page.getByRole('dialog', { name: 'Skróty klawiszowe' }));
    },
  },
];

describe.each([
  { size: 'desktop', device: DESKTOP_PL },
  { size: 'phone', device: PHONE_PL },
])('in Polish on a $size', ({ size, device }) => {
  it.each(SCREENS.map((screen) => [screen.name, screen] as const))(
    'shows %s in Polish, with no text of the English resources',
    async (name, screen) => {
      const data = { texts: await dataTexts(), names: await nodeNames() };
      await suite.withPage(
        `polish ${size} ${name}`,
        async (page) => {
          await mapReady(page);
          await screen.open(page);
          expect(await englishOnPage(page, data)).toEqual([]);
        },
        { device },
      );
    },
  );

  it('shows the sign-in screen in Polish', async () => {
    await suite.withPage(
      `polish ${size} sign-in`,
      async (page) => {
        await mapReady(page);
        await page.getByRole('button', { name: 'Zaloguj się', exact: true }).click();
        await shown(page.getByRole('heading', { level: 1, name: 'Logowanie' }));
        await page.getByLabel('E-mail').fill(suite.admin().email);
        await page.getByLabel('Hasło').fill('not the password at all');
        await page.getByRole('button', { name: 'Zaloguj się', exact: true }).click();
        const refusal = page.getByRole('alert');
        await expect.poll(() => refusal.textContent()).toContain('Nie udało się zalogować');
        expect(await refusal.textContent()).toContain('Nieprawidłowy e-mail lub hasło');
        expect(await englishOnPage(page, { texts: [], names: [] })).toEqual([]);
      },
      { device, signedIn: false },
    );
  });
});

describe('the walk', () => {
  it('finds the English texts on a page in English (so it can fail)', async () => {
    await suite.withPage(
      'the walk finds English',
      async (page) => {
        await page.getByRole('button', { name: 'Filters', exact: true }).waitFor();
        const found = await englishOnPage(page, {
          texts: await dataTexts(),
          names: await nodeNames(),
        });
        expect(found).toContain('filters.button: "Filters"');
        expect(found.some((entry) => entry.startsWith('status.links_other:'))).toBe(true);
        expect(found.length).toBeGreaterThan(20);
      },
      { device: DESKTOP_EN },
    );
  });
});

describe('dates in English', () => {
  it('follow the browser’s region: 3 Jun 2019 in Britain', async () => {
    const map = await suite.map();
    const klub = map.nodes.find((node) => node.name === 'Klub Seniora „Złota Jesień”');
    await suite.withPage(
      'dates in british english',
      async (page) => {
        const details = page.getByRole('complementary', { name: 'Details' });
        await shown(details.getByText('In the network since'));
        await shown(details.getByText('3 Jun 2019', { exact: true }));
      },
      { device: DESKTOP_EN, path: `/?node=${klub?.id ?? ''}` },
    );
  });
});

describe('Polish names', () => {
  it('sorts the directory in the Polish alphabet and finds names without their accents', async () => {
    for (const name of ['Łódzki Klub Seniora', 'Lubelski Klub Seniora', 'Żarski Klub Seniora']) {
      const response = await fetch(`${suite.baseUrl()}/api/nodes`, {
        method: 'POST',
        headers: { ...(await suite.adminHeaders()), 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'organisation', name, orgKind: 'community_group' }),
      });
      expect(response.status).toBe(201);
    }
    await suite.withPage(
      'polish names',
      async (page) => {
        await mapReady(page);
        await page.getByRole('button', { name: 'Spis', exact: true }).click();
        const directory = page.getByRole('region', { name: 'Spis' });
        await directory.getByLabel('Szukaj w spisie').fill('klub seniora');
        await shown(directory.getByText(/pasuj/));
        const names = await directory
          .getByRole('row')
          .evaluateAll((rows) =>
            rows.map((row) => row.querySelector('th, td')?.textContent.trim() ?? ''),
          );
        const ours = names.filter((name) => name.endsWith('Klub Seniora'));
        expect(ours).toEqual([
          'Lubelski Klub Seniora',
          'Łódzki Klub Seniora',
          'Żarski Klub Seniora',
        ]);

        // No Polish letters typed: the directory and the header's search still find them.
        await directory.getByLabel('Szukaj w spisie').fill('zlota jesien');
        await shown(directory.getByText('Klub Seniora „Złota Jesień”'));
        await directory.getByLabel('Szukaj w spisie').fill('lodzki');
        await shown(directory.getByText('Łódzki Klub Seniora'));
        await page.getByRole('button', { name: 'Wróć do mapy' }).first().click();
        const search = page.getByRole('combobox', { name: 'Szukaj na mapie' });
        await search.fill('zlota jesien');
        await shown(page.getByRole('option', { name: /Klub Seniora „Złota Jesień”/ }));
      },
      { device: DESKTOP_PL },
    );
  });
});

describe('the language picker', () => {
  it('switches an English page to Polish without a reload, and keeps it in this browser', async () => {
    await suite.withPage(
      'picker switches without reload',
      async (page) => {
        await page.getByRole('button', { name: 'Filters', exact: true }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
        // A mark a reload would wipe.
        await page.evaluate(() => {
          (window as unknown as { stillHere: boolean }).stillHere = true;
        });
        await page.getByLabel('Language').selectOption('pl');
        await shown(page.getByRole('button', { name: 'Filtry', exact: true }));
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
        expect(
          await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
        ).toBe(true);

        await page.reload();
        await shown(page.getByRole('button', { name: 'Filtry', exact: true }));
        await page.getByLabel('Język').selectOption('en');
        await shown(page.getByRole('button', { name: 'Filters', exact: true }));
      },
      { device: DESKTOP_EN, signedIn: false },
    );
  });

  it('is remembered after signing out and follows the account to another device', async () => {
    const { email, password } = suite.admin();
    await suite.withPage(
      'picker follows the account',
      async (page) => {
        // Chosen on the sign-in screen, before signing in.
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByLabel('Language').selectOption('pl');
        await shown(page.getByRole('heading', { level: 1, name: 'Logowanie' }));
        await page.getByLabel('E-mail').fill(email);
        await page.getByLabel('Hasło').fill(password);
        await page.getByRole('button', { name: 'Zaloguj się', exact: true }).click();
        const account = page.getByRole('button', { name: /^Menu konta: / });
        await account.waitFor();
        // The account keeps it.
        await expect
          .poll(async () => {
            const session: unknown = await page.evaluate(async () => {
              const response = await fetch('/api/session');
              return (await response.json()) as unknown;
            });
            return SessionInfoSchema.parse(session).user?.language;
          })
          .toBe('pl');

        await account.click();
        await page.getByRole('menuitem', { name: 'Wyloguj się' }).click();
        await shown(page.getByRole('button', { name: 'Zaloguj się', exact: true }));
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
      },
      { device: DESKTOP_EN, signedIn: false },
    );

    // Another device, whose browser speaks English: signing in brings Polish.
    await suite.withPage(
      'picker on another device',
      async (page) => {
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByLabel('E-mail').fill(email);
        await page.getByLabel('Password').fill(password);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await shown(page.getByRole('button', { name: /^Menu konta: / }));
        await shown(page.getByRole('button', { name: 'Filtry', exact: true }));
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');

        // Back to English for the tests that follow, on the account too.
        await page.getByLabel('Język').selectOption('en');
        await shown(page.getByRole('button', { name: 'Filters', exact: true }));
        await expect
          .poll(async () => {
            const session: unknown = await page.evaluate(async () => {
              const response = await fetch('/api/session');
              return (await response.json()) as unknown;
            });
            return SessionInfoSchema.parse(session).user?.language;
          })
          .toBe('en');
      },
      { device: PHONE, signedIn: false },
    );
  });
});
