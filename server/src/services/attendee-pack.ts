/**
 * The attendee pack as CSV and as a printable page. Both are written from the pack the
 * MeetingService built, which holds only the contact details each person agreed to share, so
 * neither format can carry anything else.
 */
import type { AttendeePack } from '@octograph/graph-schema';
import Papa from 'papaparse';

const KIND_LABELS = { person: 'Person', organisation: 'Organisation' } as const;

/** The pack as CSV, one attendee per row (formula-like cells escaped for spreadsheets). */
export function attendeePackCsv(pack: AttendeePack): string {
  return Papa.unparse(
    {
      fields: ['Name', 'Attended as', 'Role', 'Organisation', 'Email', 'Phone'],
      data: pack.attendees.map((attendee) => [
        attendee.name,
        KIND_LABELS[attendee.kind],
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

/** A long date in English, e.g. "15 November 2018". */
function longDate(isoDate: string): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
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
export function attendeePackHtml(pack: AttendeePack): string {
  const { meeting } = pack;
  const where = [meeting.venue, meeting.organiser ? `organised by ${meeting.organiser}` : null]
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
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(meeting.name)} — attendees</title>
<style>${ATTENDEE_PACK_STYLE}</style>
</head>
<body>
<h1>${escapeHtml(meeting.name)}</h1>
<p>${escapeHtml(longDate(meeting.date))}${where ? ` · ${escapeHtml(where)}` : ''}</p>
<p>Contact details appear only where the attendee agreed to share them with the other attendees.</p>
<table>
<thead><tr><th>Name</th><th>Role</th><th>Organisation</th><th>Email</th><th>Phone</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
