import { describe, expect, it } from 'vitest';
import {
  asOfAt,
  earliestDate,
  localToday,
  playStart,
  stepOf,
  timelineSteps,
} from '../../client/src/features/timeline/timeline-state.js';

describe('earliestDate', () => {
  it("is the earliest node start or link 'since' on the map", () => {
    const nodes = [{ from: '2020-05-01' }, { from: null }, { from: '2019-03-10' }];
    const links = [{ since: '2019-07-01' }, { since: '2018-11-30' }];
    expect(earliestDate({ nodes, links })).toBe('2018-11-30');
  });

  it('is null for a map without any dates', () => {
    expect(earliestDate({ nodes: [{ from: null }], links: [] })).toBeNull();
  });
});

describe('timelineSteps', () => {
  it('steps through the last day of every month, then today', () => {
    expect(timelineSteps('2023-11-15', '2024-03-05')).toEqual([
      '2023-11-30',
      '2023-12-31',
      '2024-01-31',
      '2024-02-29',
      '2024-03-05',
    ]);
  });

  it('is just today when everything began this month or later', () => {
    expect(timelineSteps('2024-03-02', '2024-03-05')).toEqual(['2024-03-05']);
    expect(timelineSteps('2025-01-01', '2024-03-05')).toEqual(['2024-03-05']);
  });

  it('keeps the most recent months when the history is longer than the cap', () => {
    const steps = timelineSteps('1900-01-01', '2024-03-05', 12);
    expect(steps).toHaveLength(13);
    expect(steps[0]).toBe('2023-03-31');
    expect(steps.at(-1)).toBe('2024-03-05');
  });
});

describe('stepOf and asOfAt', () => {
  const steps = ['2024-01-31', '2024-02-29', '2024-03-05'];

  it('puts the live map (no as-of date) at the last step, today', () => {
    expect(stepOf(steps, null)).toBe(2);
    expect(asOfAt(steps, 2)).toBeNull();
  });

  it('puts an as-of date on the first step on or after it', () => {
    expect(stepOf(steps, '2024-02-29')).toBe(1);
    expect(stepOf(steps, '2024-02-10')).toBe(1);
    expect(stepOf(steps, '2023-06-01')).toBe(0);
    expect(stepOf(steps, '2030-01-01')).toBe(2);
  });

  it('gives the as-of date of earlier steps and clamps out-of-range ones', () => {
    expect(asOfAt(steps, 0)).toBe('2024-01-31');
    expect(asOfAt(steps, -4)).toBe('2024-01-31');
    expect(asOfAt(steps, 99)).toBeNull();
  });
});

describe('playStart', () => {
  it('plays from the first month when the timeline stands at today', () => {
    expect(playStart(['a', 'b', 'c'], 2)).toBe(0);
  });

  it('plays on from an earlier month', () => {
    expect(playStart(['a', 'b', 'c'], 1)).toBe(1);
  });
});

describe('localToday', () => {
  it('writes the local date as YYYY-MM-DD', () => {
    expect(localToday(new Date(2026, 0, 7, 23, 30))).toBe('2026-01-07');
  });
});
