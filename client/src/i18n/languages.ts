/** The languages Octograph speaks, and how a browser's or an account's choice maps onto them. */

import { LANGUAGES, type Language } from '@octograph/graph-schema';

// The codes (graph-schema, which the server validates accounts against), English first.
export { LANGUAGES, type Language };

/** Each language's own name, as the picker shows it whatever the page's language. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  pl: 'Polski',
};

/** Where a visitor's explicit choice is kept in local storage. */
export const LANGUAGE_STORAGE_KEY = 'octograph.language';

export function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code);
}

/** The first of the preferred language tags that we have ("pl-PL" → "pl"), else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'en';
}
