/**
 * The timeline's steps: the last day of every month from the network's first date to today.
 * Each step is an as-of date for the map (GET /api/map?asOf=), so the server decides what
 * existed then, exactly as the as-of filter does; the last step is today (no as-of at all).
 * Pure functions on `YYYY-MM-DD` strings, so they can be tested without a browser or a clock.
 */
import type { MapLink, MapNode } from '@octograph/graph-schema';

/** The earliest date anything on the map starts (a node's `from`, a link's `since`), or null. */
export function earliestDate(map: {
  nodes: readonly Pick<MapNode, 'from'>[];
  links: readonly Pick<MapLink, 'since'>[];
}): string | null {
  let earliest: string | null = null;
  const consider = (date: string | null) => {
    if (date !== null && (earliest === null || date < earliest)) earliest = date;
  };
  for (const node of map.nodes) consider(node.from);
  for (const link of map.links) consider(link.since);
  return earliest;
}

/** `YYYY-MM-DD` of the last day of the month `monthIndex` (0-11, may overflow) of `year`. */
function lastDayOf(year: number, monthIndex: number): string {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, monthIndex + 1, 0)).toISOString().slice(0, 10);
}

/**
 * The month ends from `first`'s month up to the month before `today`'s, then `today` itself.
 * A `first` after `today` gives just `[today]`. Capped at `maxSteps` months (the most recent).
 */
export function timelineSteps(first: string, today: string, maxSteps = 600): string[] {
  const [firstYear = 0, firstMonth = 1] = first.split('-').map(Number);
  const [todayYear = 0, todayMonth = 1] = today.split('-').map(Number);
  const months = (todayYear - firstYear) * 12 + (todayMonth - firstMonth);
  const steps: string[] = [];
  for (let offset = Math.max(0, months - maxSteps); offset < months; offset += 1) {
    steps.push(lastDayOf(firstYear, firstMonth - 1 + offset));
  }
  steps.push(today);
  return steps;
}

/** The step an as-of date falls on: the first step on or after it; null (today) is the last. */
export function stepOf(steps: readonly string[], asOf: string | null): number {
  const last = steps.length - 1;
  if (asOf === null) return last;
  const index = steps.findIndex((step) => step >= asOf);
  return index === -1 ? last : index;
}

/** The as-of date for a step: null for the last one (today, the live network). */
export function asOfAt(steps: readonly string[], index: number): string | null {
  const last = steps.length - 1;
  const clamped = Math.min(Math.max(0, index), last);
  return clamped === last ? null : (steps[clamped] ?? null);
}

/** Where Play starts: from the beginning when the timeline stands at today, else where it is. */
export function playStart(steps: readonly string[], index: number): number {
  return index >= steps.length - 1 ? 0 : index;
}

/** `today` in the reader's time zone as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${String(now.getFullYear())}-${month}-${day}`;
}
