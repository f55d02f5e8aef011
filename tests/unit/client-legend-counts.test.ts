import {
  LINK_KINDS,
  NODE_KINDS,
  ORGANISATION_KINDS,
  type MapResponse,
} from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import { legendCounts } from '../../client/src/features/legend/legend-counts.js';
import { mapLink, mapNode, mapOrg } from './client-fixtures.js';

/** A small town: 3 charities, 1 network, 1 company, 2 people, 1 theme, and 5 links. */
const TOWN: MapResponse = {
  revision: 7,
  nodes: [
    mapOrg('c1', 'charity'),
    mapOrg('net', 'network'),
    mapOrg('c2', 'charity'),
    mapNode('p1', 'person'),
    mapOrg('co', 'company'),
    mapNode('t1', 'theme'),
    mapOrg('c3', 'charity'),
    mapNode('p2', 'person'),
  ],
  links: [
    mapLink('l1', 'MEMBER_OF', 'c1', 'net'),
    mapLink('l2', 'WORKS_AT', 'p1', 'c1'),
    mapLink('l3', 'MEMBER_OF', 'c2', 'net'),
    mapLink('l4', 'FOCUSES_ON', 'c3', 't1'),
    mapLink('l5', 'COLLABORATES_WITH', 'c1', 'c2'),
  ],
};

describe('legendCounts', () => {
  it('counts organisations per kind, in schema order, leaving out kinds not on the map', () => {
    expect(legendCounts(TOWN).organisations).toEqual([
      { kind: 'charity', count: 3 },
      { kind: 'company', count: 1 },
      { kind: 'network', count: 1 },
    ]);
  });

  it('counts the other nodes per kind, without organisations', () => {
    expect(legendCounts(TOWN).otherNodes).toEqual([
      { kind: 'person', count: 2 },
      { kind: 'theme', count: 1 },
    ]);
  });

  it('counts links per kind, in schema order', () => {
    expect(legendCounts(TOWN).links).toEqual([
      { kind: 'COLLABORATES_WITH', count: 1 },
      { kind: 'MEMBER_OF', count: 2 },
      { kind: 'WORKS_AT', count: 1 },
      { kind: 'FOCUSES_ON', count: 1 },
    ]);
  });

  it('adds up to every node and every link on the map', () => {
    const counts = legendCounts(TOWN);
    const sum = (rows: readonly { count: number }[]) =>
      rows.reduce((total, row) => total + row.count, 0);
    expect(sum(counts.organisations) + sum(counts.otherNodes)).toBe(TOWN.nodes.length);
    expect(sum(counts.links)).toBe(TOWN.links.length);
  });

  it('has a row for every kind when every kind is on the map', () => {
    const map: MapResponse = {
      revision: 1,
      nodes: [
        ...ORGANISATION_KINDS.map((orgKind) => mapOrg(`o-${orgKind}`, orgKind)),
        ...NODE_KINDS.filter((kind) => kind !== 'organisation').map((kind) =>
          mapNode(`n-${kind}`, kind),
        ),
      ],
      links: LINK_KINDS.map((kind) => mapLink(`l-${kind}`, kind, 'a', 'b')),
    };
    const counts = legendCounts(map);
    expect(counts.organisations.map((row) => row.kind)).toEqual([...ORGANISATION_KINDS]);
    expect(counts.otherNodes.map((row) => row.kind)).toEqual([
      'person',
      'project',
      'meeting',
      'theme',
      'place',
    ]);
    expect(counts.links.map((row) => row.kind)).toEqual([...LINK_KINDS]);
  });

  it('is empty for an empty map', () => {
    expect(legendCounts({ revision: 0, nodes: [], links: [] })).toEqual({
      organisations: [],
      otherNodes: [],
      links: [],
      closed: 0,
    });
  });

  it('counts the closed nodes, which the map draws with a dashed outline', () => {
    const map: MapResponse = {
      ...TOWN,
      nodes: [
        ...TOWN.nodes,
        mapOrg('shut', 'charity', { status: 'closed' }),
        mapOrg('asleep', 'charity', { status: 'dormant' }),
      ],
    };
    expect(legendCounts(TOWN).closed).toBe(0);
    expect(legendCounts(map).closed).toBe(1);
  });
});
