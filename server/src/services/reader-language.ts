/**
 * The language of a text the server writes itself (the printable attendee list, the CSV's
 * headers): the one the request names (`?lang=`, which the page sends with the language it
 * shows), else the one the signed-in user chose, else the first of the browser's
 * Accept-Language that Octograph speaks, else English.
 */
import { LANGUAGES, type Language } from '@octograph/graph-schema';

function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code);
}

/** The best language of an Accept-Language header ("pl-PL,pl;q=0.9,en;q=0.8" → pl), or null. */
export function acceptedLanguage(header: string | undefined): Language | null {
  if (header === undefined) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLanguage) ?? null;
}

/** What a request tells about its reader's language. */
export interface LanguageHints {
  /** `?lang=` of the request. */
  asked?: Language | undefined;
  /** The signed-in user's choice. */
  account?: Language | null | undefined;
  /** The Accept-Language header. */
  acceptLanguage?: string | undefined;
}

export function readerLanguage(hints: LanguageHints): Language {
  return hints.asked ?? hints.account ?? acceptedLanguage(hints.acceptLanguage) ?? 'en';
}
