/**
 * The attendee pack as CSV and as a printable page. Both are written from the pack the
 * MeetingService built, which holds only the contact details each person agreed to share, so
 * neither format can carry anything else. Both are written in the reader's language
 * (reader-language.ts): the headers, the words around the meeting's own details, and the date.
 */
import type { AttendeePack, Language } from '@octograph/graph-schema';
import Papa from 'papaparse';

/** The words of the pack, per language. */
const TEXTS = {
  en: {
    kind: { person: 'Person', organisation: 'Organisation' },
    csvHeaders: ['Name', 'Attended as', 'Role', 'Organisation', 'Email', 'Phone'],
    tableHeaders: ['Name', 'Role', 'Organisation', 'Email', 'Phone'],
    title: (meeting: string) => `${meeting} — attendees`,
    organisedBy: (organiser: string) => `organised by ${organiser}`,
    consent:
      'Contact details appear only where the attendee agreed to share them with the other attendees.',
  },
  pl: {
    kind: { person: 'Osoba', organisation: 'Organizacja' },
    csvHeaders: ['Uczestnik', 'Jako', 'Funkcja', 'Organizacja', 'E-mail', 'Telefon'],
    tableHeaders: ['Uczestnik', 'Funkcja', 'Organizacja', 'E-mail', 'Telefon'],
    title: (meeting: string) => `${meeting} — lista uczestników`,
    organisedBy: (organiser: string) => `organizator: ${organiser}`,
    consent:
      'Dane kontaktowe podajemy tylko tam, gdzie uczestnik zgodził się udostępnić je pozostałym uczestnikom.',
  },
} as const satisfies Record<Language, unknown>;

/** The pack as CSV, one attendee per row (formula-like cells escaped for spreadsheets). */
export function attendeePackCsv(pack: AttendeePack, language: Language = 'en'): string {
  const texts = TEXTS[language];
  return Papa.unparse(
    {
      fields: [...texts.csvHeaders],
      data: pack.attendees.map((attendee) => [
        attendee.name,
        texts.kind[attendee.kind],
        attendee.role ?? '',
        attendee.organisations.join('; '),
        attendee.email ?? '',
        attendee.phone ?? '',
      ]),
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** A long date in the reader's language, e.g. "15 November 2018", "15 listopada 2018". */
function longDate(isoDate: string, language: Language): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString(
    language === 'en' ? 'en-GB' : language,
    {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    },
  );
}

/**
 * The printable page's one inline style, exactly as it stands between `<style>` and `</style>`:
 * the page's Content-Security-Policy allows this text by its hash (routes/meetings.ts).
 */
export const ATTENDEE_PACK_STYLE = `
  body { font: 11pt/1.4 system-ui, sans-serif; margin: 2em; color: #1f2933; }
  h1 { font-size: 16pt; margin: 0 0 0.2em; }
  p { margin: 0 0 1em; color: #52606d; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.35em 0.6em; border-bottom: 1px solid #d9e2ec; vertical-align: top; }
  th { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.04em; color: #52606d; }
  @media print { body { margin: 0; } }
`;

/** The pack as a page to print or save as PDF: a heading and one table row per attendee. */
export function attendeePackHtml(pack: AttendeePack, language: Language = 'en'): string {
  const texts = TEXTS[language];
  const { meeting } = pack;
  const where = [meeting.venue, meeting.organiser ? texts.organisedBy(meeting.organiser) : null]
    .filter((part): part is string => part !== null)
    .join(' · ');
  const rows = pack.attendees
    .map((attendee) => {
      const cells = [
        attendee.name,
        attendee.role ?? '',
        attendee.organisations.join(', '),
        attendee.email ?? '',
        attendee.phone ?? '',
      ];
      return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(texts.title(meeting.name))}</title>
<style>${ATTENDEE_PACK_STYLE}</style>
</head>
<body>
<h1>${escapeHtml(meeting.name)}</h1>
<p>${escapeHtml(longDate(meeting.date, language))}${where ? ` · ${escapeHtml(where)}` : ''}</p>
<p>${escapeHtml(texts.consent)}</p>
<table>
<thead><tr>${texts.tableHeaders.map((header) => `<th>${escapeHtml(header)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
