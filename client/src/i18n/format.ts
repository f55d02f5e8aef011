/** Locale-aware formatting of the values the client shows. */

/**
 * The browser's own tag for `language` when it has one, so a reader in Britain gets "5 Mar 2024"
 * and one in the US "Mar 5, 2024" while both read English; else the language itself.
 */
export function regionalLocale(language: string): string {
  const base = language.toLowerCase().split('-')[0] ?? '';
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === base) ?? language;
}

/**
 * How long a date is written: Polish readers get the month in words ("5 marca 2024"), since the
 * short forms ("5 mar 2024") read as abbreviations; English keeps "5 Mar 2024".
 */
function dateStyle(language: string): 'medium' | 'long' {
  return language.toLowerCase().startsWith('pl') ? 'long' : 'medium';
}

/** `2024-03-05` as the reader's language writes a date ("5 Mar 2024", "5 marca 2024"). */
export function formatDate(isoDate: string, language: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(regionalLocale(language), {
    dateStyle: dateStyle(language),
    timeZone: 'UTC',
  }).format(date);
}

/**
 * An ISO date-time as the reader's language writes it, in their time zone ("5 Mar 2024, 14:05",
 * "5 marca 2024 14:05").
 */
export function formatDateTime(isoDateTime: string, language: string): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(regionalLocale(language), {
    dateStyle: dateStyle(language),
    timeStyle: 'short',
  }).format(date);
}

/**
 * The first `named` of `names` as a list in the language ("A, B i C"), the rest counted at its end
 * by `moreText(count)` ("A, B and 3 more").
 */
export function formatNameList(
  names: readonly string[],
  named: number,
  language: string,
  moreText: (count: number) => string,
): string {
  const shown = names.slice(0, named);
  const more = names.length - shown.length;
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(
    more > 0 ? [...shown, moreText(more)] : shown,
  );
}
