/** Locale-aware formatting of the values the client shows. */

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
  return new Intl.DateTimeFormat(language, {
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
  return new Intl.DateTimeFormat(language, {
    dateStyle: dateStyle(language),
    timeStyle: 'short',
  }).format(date);
}
