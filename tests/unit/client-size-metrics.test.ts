import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en.js';
import {
  DEFAULT_SIZE_METRIC,
  SIZE_METRICS,
  SIZE_METRIC_IDS,
  isSizeMetricId,
  measureNodes,
  sizeMetric,
} from '../../client/src/map/size-metrics.js';
import { mapLink, mapNode, mapOrg } from './client-fixtures.js';

/** A network with a charity that works with another, runs a project, and has staff. */
const NODES = [
  mapOrg('net', 'network', { degree: 2 }),
  mapOrg('a', 'charity', { degree: 6 }),
  mapOrg('b', 'charity', { degree: 2 }),
  mapNode('proj', 'project', { degree: 1 }),
  mapNode('p1', 'person', { degree: 1 }),
  mapNode('p2', 'person', { degree: 2 }),
];
const LINKS = [
  mapLink('l1', 'MEMBER_OF', 'a', 'net'),
  mapLink('l2', 'MEMBER_OF', 'b', 'net'),
  mapLink('l3', 'COLLABORATES_WITH', 'a', 'b'),
  mapLink('l4', 'PARTNER_IN', 'a', 'proj'),
  mapLink('l5', 'WORKS_AT', 'p1', 'a'),
  mapLink('l6', 'VOLUNTEERS_AT', 'p2', 'a'),
  // A person who is a member of the charity counts as a member, not as staff.
  mapLink('l7', 'MEMBER_OF', 'p2', 'a'),
];

/** The values of a metric, by id. */
function values(id: (typeof SIZE_METRIC_IDS)[number]): Record<string, number> | null {
  const measured = measureNodes(sizeMetric(id).measure, NODES, LINKS);
  return measured && Object.fromEntries(measured);
}

describe('the size metrics', () => {
  it('lists each metric once, in the menu order', () => {
    expect(SIZE_METRICS.map((metric) => metric.id)).toEqual([...SIZE_METRIC_IDS]);
  });

  it('sizes by collaborations until one chooses otherwise', () => {
    expect(DEFAULT_SIZE_METRIC).toBe('collaborations');
  });

  it.each(SIZE_METRIC_IDS)('has a menu entry and a legend note in English for %s', (id) => {
    expect(en.style.metric[id]).toMatch(/^[A-Z]/);
    expect(en.style.note[id]).toMatch(/^[A-Z]/);
  });

  it('tells metric names from other text', () => {
    expect(isSizeMetricId('members')).toBe(true);
    expect(isSizeMetricId('degree')).toBe(false);
    expect(isSizeMetricId(undefined)).toBe(false);
  });
});

describe('measureNodes', () => {
  it('counts every link of a node for links (the server’s count)', () => {
    expect(values('links')).toEqual({ net: 2, a: 6, b: 2, proj: 1, p1: 1, p2: 2 });
  });

  it('counts collaborations and shared projects, at both ends, for collaborations', () => {
    expect(values('collaborations')).toEqual({ net: 0, a: 2, b: 1, proj: 1, p1: 0, p2: 0 });
  });

  it('counts the members pointing at a node for members', () => {
    expect(values('members')).toEqual({ net: 2, a: 1, b: 0, proj: 0, p1: 0, p2: 0 });
  });

  it('counts staff and volunteers for people involved', () => {
    expect(values('people')).toEqual({ net: 0, a: 2, b: 0, proj: 0, p1: 0, p2: 0 });
  });

  it('has no values for the same size', () => {
    expect(values('same')).toBeNull();
  });

  it('counts a link for the end that is on the map when the other is not', () => {
    const measured = measureNodes(sizeMetric('collaborations').measure, NODES, [
      mapLink('x', 'COLLABORATES_WITH', 'b', 'elsewhere'),
    ]);
    expect(measured?.get('b')).toBe(1);
    expect(measured?.has('elsewhere')).toBe(false);
  });
});
