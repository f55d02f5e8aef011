/** Locale-aware formatting of the values the client shows. */

/** `2024-03-05` as the reader's language writes a date ("5 Mar 2024"). */
export function formatDate(isoDate: string, language: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
