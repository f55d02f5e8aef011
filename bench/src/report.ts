/**
 * The results table, printed to stdout and added to bench/RESULTS.md above the earlier runs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

/** One line of the table. */
export interface Row {
  figure: string;
  measured: string;
  /** The goal, if the figure has one. */
  target?: string;
  /** Whether the goal was reached; absent without a target. */
  met?: boolean;
}

/** The machine the run happened on, read from the running process. */
export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  platform: string;
  /** The 1-minute load average when the run started: other work on the machine skews timings. */
  loadAverage: number;
}

/** Describes this machine. */
export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg()[0] ?? 0,
  };
}

function verdict(row: Row): string {
  if (row.met === undefined) return '';
  return row.met ? 'met' : 'NOT MET';
}

/** The rows as a fixed-width text table for the terminal. */
export function textTable(rows: readonly Row[]): string {
  const cells = [
    ['Figure', 'Measured', 'Target', 'Met'],
    ...rows.map((row) => [row.figure, row.measured, row.target ?? '', verdict(row)]),
  ];
  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(...cells.map((line) => (line[column] ?? '').length)),
  );
  const format = (line: readonly string[]): string =>
    line
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const [header = [], ...body] = cells;
  return [format(header), rule, ...body.map(format)].join('\n');
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** The rows as a Markdown table. */
export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| Figure | Measured | Target | Met |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${escapeCell(row.figure)} | ${escapeCell(row.measured)} | ${escapeCell(row.target ?? '—')} | ${row.met === undefined ? '—' : row.met ? 'met' : '**not met**'} |`,
    ),
  ];
  return lines.join('\n');
}

/** Everything one run adds to RESULTS.md. */
export interface RunReport {
  date: Date;
  machine: Machine;
  workload: string[];
  rows: Row[];
  notes: string[];
}

const TITLE = '# Octograph benchmark results';
// New runs go right below this line, so the newest is first and older runs stay as they were.
const RUNS_MARKER = '<!-- runs: newest first; `npm run bench` adds one below this line -->';
const INTRO = `${TITLE}

Written by \`npm run bench\` (see README.md for what each figure means and how to read it).
Every figure of a run was measured side by side in that one run, on the machine it names.

${RUNS_MARKER}
`;

function runSection(report: RunReport): string {
  const { machine: box } = report;
  return [
    `## Run of ${report.date.toISOString()}`,
    '',
    `- Machine: ${box.cpu}, ${box.cores} cores, ${box.memory} RAM, ${box.platform}`,
    `- Node: ${box.node}; 1-minute load average at the start: ${box.loadAverage.toFixed(2)}`,
    ...report.workload.map((line) => `- ${line}`),
    '',
    markdownTable(report.rows),
    '',
    ...report.notes.map((note) => `- ${note}`),
    '',
  ].join('\n');
}

/** Adds the run to `file` above the runs already there (creating the file if need be). */
export function prependRun(file: string, report: RunReport): void {
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const section = runSection(report);
  let text: string;
  if (existing.includes(RUNS_MARKER)) {
    // A function replacement, so a `$` in the text is taken literally.
    text = existing.replace(RUNS_MARKER, () => `${RUNS_MARKER}\n\n${section.trimEnd()}`);
  } else if (existing.trim() === '') {
    text = `${INTRO}\n${section}`;
  } else {
    // A file without the marker (edited by hand): keep all of it below the new run.
    text = `${INTRO}\n${section}\n${existing.replace(TITLE, '').trimStart()}`;
  }
  writeFileSync(file, `${text.trimEnd()}\n`);
}
