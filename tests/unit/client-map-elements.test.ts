import type { MapResponse } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import {
  MAX_NODE_SIZE,
  MIN_HUB_SIZE,
  MIN_NODE_SIZE,
  TARGET_NEIGHBOUR_DISTANCE,
  UNIFORM_NODE_SIZE,
  isHub,
  labelSize,
  nodeSize,
  nodeSizing,
  positionScale,
  sizeNodes,
  drawnSpots,
  toElements,
  toLinkElement,
  toNodeElement,
  type NodeData,
} from '../../client/src/map/map-elements.js';
import { mapLink, mapNode, mapOrg } from './client-fixtures.js';

describe('nodeSize', () => {
  it.each([
    { degree: 0, maxDegree: 10, size: 12 },
    { degree: 1, maxDegree: 4, size: 30 },
    { degree: 4, maxDegree: 16, size: 30 },
    { degree: 9, maxDegree: 16, size: 39 },
    { degree: 10, maxDegree: 10, size: 48 },
    { degree: 20, maxDegree: 10, size: 48 },
    { degree: -3, maxDegree: 10, size: 12 },
    { degree: 5, maxDegree: 0, size: 12 },
  ])('draws a node with $degree of $maxDegree links at $size', ({ degree, maxDegree, size }) => {
    expect(nodeSize(degree, maxDegree)).toBe(size);
  });

  it('grows strictly with the number of links', () => {
    const sizes = [0, 1, 2, 5, 10, 20, 50, 100].map((degree) => nodeSize(degree, 100));
    for (let i = 1; i < sizes.length; i += 1) {
      expect(sizes[i]).toBeGreaterThan(sizes[i - 1] ?? Infinity);
    }
  });
});

describe('labelSize', () => {
  it.each([
    { size: MIN_NODE_SIZE, label: 7 },
    { size: 30, label: 13 },
    { size: MAX_NODE_SIZE, label: 22 },
    { size: 0, label: 7 },
    { size: 200, label: 22 },
  ])('labels a node of size $size at $label', ({ size, label }) => {
    expect(labelSize(size)).toBe(label);
  });
});

describe('isHub', () => {
  it.each([
    { node: { kind: 'organisation', orgKind: 'network' }, hub: true },
    { node: { kind: 'organisation', orgKind: 'charity' }, hub: false },
    { node: { kind: 'person', orgKind: null }, hub: false },
  ] as const)('says $node.kind/$node.orgKind is a hub: $hub', ({ node, hub }) => {
    expect(isHub(node)).toBe(hub);
  });
});

describe('nodeSizing', () => {
  it('sizes a node by its share of the biggest value and labels it to match', () => {
    expect(nodeSizing(4, 16, false)).toEqual({ size: 30, fontSize: 13, focusFontSize: 13, z: 13 });
  });

  it('never draws a hub small, even with nothing to count', () => {
    expect(nodeSizing(0, 10, true)).toEqual({
      size: MIN_HUB_SIZE,
      fontSize: 16,
      focusFontSize: 16,
      z: 16,
    });
  });

  it('draws a busy hub at the size its value gives it', () => {
    expect(nodeSizing(10, 10, true)).toMatchObject({ size: MAX_NODE_SIZE, fontSize: 22, z: 22 });
  });

  it('keeps the label of a small node readable when it is selected or a neighbour', () => {
    expect(nodeSizing(0, 10, false)).toEqual({ size: 12, fontSize: 7, focusFontSize: 11, z: 7 });
  });

  it('keeps the label of a big node within reason when it is selected or a neighbour', () => {
    expect(nodeSizing(10, 10, false)).toMatchObject({ fontSize: 22, focusFontSize: 16 });
  });

  it('draws every node alike when there is no value (same size), hubs still as hubs', () => {
    expect(nodeSizing(null, 0, false).size).toBe(UNIFORM_NODE_SIZE);
    expect(nodeSizing(null, 0, true).size).toBe(MIN_HUB_SIZE);
  });
});

describe('toNodeElement', () => {
  const sizing = nodeSizing(4, 16, false);

  it('carries the node’s name, kinds, links and sizing', () => {
    const element = toNodeElement(
      mapOrg('c1', 'charity', { name: 'Food Bank', degree: 4 }),
      sizing,
    );
    expect(element.data).toEqual({
      id: 'c1',
      label: 'Food Bank',
      kind: 'organisation',
      orgKind: 'charity',
      degree: 4,
      size: 30,
      fontSize: 13,
      focusFontSize: 13,
      z: 13,
    });
  });

  it('marks a network as a hub', () => {
    expect(toNodeElement(mapOrg('net', 'network'), sizing).classes).toBe('hub');
  });

  it('does not mark other organisations as hubs', () => {
    expect(toNodeElement(mapOrg('c1', 'charity'), sizing).classes).toBe('');
  });

  it('marks a closed organisation, and a closed network as both hub and closed', () => {
    expect(toNodeElement(mapOrg('c1', 'charity', { status: 'closed' }), sizing).classes).toBe(
      'closed',
    );
    expect(toNodeElement(mapOrg('n1', 'network', { status: 'closed' }), sizing).classes).toBe(
      'hub closed',
    );
  });

  it('gives a node that is not an organisation no organisation kind', () => {
    expect(toNodeElement(mapNode('p1', 'person'), sizing).data).toMatchObject({ orgKind: '' });
  });

  it('places the node at its saved position times the scale', () => {
    const element = toNodeElement(mapNode('p1', 'person', { x: 5, y: -2 }), sizing, 3);
    expect(element.position).toEqual({ x: 15, y: -6 });
  });
});

describe('sizeNodes', () => {
  // A network with two members that work together; one also runs a project with the network.
  const map = {
    nodes: [
      mapOrg('net', 'network', { degree: 3 }),
      mapOrg('a', 'charity', { degree: 4 }),
      mapOrg('b', 'charity', { degree: 2 }),
      mapNode('p', 'project', { degree: 2 }),
      mapNode('w', 'person', { degree: 1 }),
    ],
    links: [
      mapLink('am', 'MEMBER_OF', 'a', 'net'),
      mapLink('bm', 'MEMBER_OF', 'b', 'net'),
      mapLink('ab', 'COLLABORATES_WITH', 'a', 'b'),
      mapLink('ap', 'PARTNER_IN', 'a', 'p'),
      mapLink('np', 'PARTNER_IN', 'net', 'p'),
      mapLink('wa', 'WORKS_AT', 'w', 'a'),
      mapLink('gone', 'COLLABORATES_WITH', 'a', 'not-on-the-map'),
    ],
  };
  const sizes = (metric: Parameters<typeof sizeNodes>[1]) =>
    Object.fromEntries([...sizeNodes(map, metric)].map(([id, sizing]) => [id, sizing.size]));

  it('sizes by collaborations unless told otherwise, counting only links drawn', () => {
    // Collaborations, at both ends: a 2 (with b, in p; not the link to a node off the map),
    // p 2 (a and the network as partners), b 1, the network 1, the worker none.
    expect(sizes(undefined)).toEqual(sizes('collaborations'));
    expect(sizes('collaborations')).toEqual({
      a: MAX_NODE_SIZE,
      p: MAX_NODE_SIZE,
      b: nodeSize(1, 2),
      net: nodeSize(1, 2),
      w: MIN_NODE_SIZE,
    });
  });

  it('makes the network with the members the biggest node when sized by members', () => {
    const bySize = Object.entries(sizes('members')).sort(([, a], [, b]) => b - a);
    expect(bySize[0]).toEqual(['net', MAX_NODE_SIZE]);
    expect(bySize.slice(1).every(([, size]) => size === MIN_NODE_SIZE)).toBe(true);
  });

  it('sizes by the links the server counted when sized by links', () => {
    expect(sizes('links')).toMatchObject({
      a: MAX_NODE_SIZE,
      net: nodeSize(3, 4),
      w: nodeSize(1, 4),
    });
  });

  it('draws every node but the hub alike when sized the same', () => {
    expect(sizes('same')).toEqual({
      net: MIN_HUB_SIZE,
      a: UNIFORM_NODE_SIZE,
      b: UNIFORM_NODE_SIZE,
      p: UNIFORM_NODE_SIZE,
      w: UNIFORM_NODE_SIZE,
    });
  });
});

describe('toLinkElement', () => {
  it('carries the ends, kind and strength the stylesheet needs', () => {
    expect(toLinkElement(mapLink('l1', 'FUNDS', 'a', 'b', 3))).toEqual({
      group: 'edges',
      data: { id: 'l1', source: 'a', target: 'b', kind: 'FUNDS', strength: 3 },
    });
  });
});

describe('toElements', () => {
  const map: MapResponse = {
    revision: 1,
    nodes: [
      mapOrg('a', 'charity', { degree: 1, x: 1, y: 1 }),
      mapOrg('b', 'charity', { degree: 4, x: 2, y: 2 }),
    ],
    links: [mapLink('ab', 'COLLABORATES_WITH', 'a', 'b'), mapLink('ax', 'FUNDS', 'a', 'gone')],
  };

  it('sizes nodes by collaborations, relative to the busiest node on the map', () => {
    const sizes = toElements(map)
      .filter((element) => element.group === 'nodes')
      .map((element) => (element.data as NodeData).size);
    expect(sizes).toEqual([MAX_NODE_SIZE, MAX_NODE_SIZE]);
  });

  it('sizes nodes by the metric asked for', () => {
    const sizes = toElements(map, 1, 'links')
      .filter((element) => element.group === 'nodes')
      .map((element) => (element.data as NodeData).size);
    expect(sizes).toEqual([nodeSize(1, 4), MAX_NODE_SIZE]);
  });

  it('leaves out links whose ends are not on the map', () => {
    const links = toElements(map)
      .filter((element) => element.group === 'edges')
      .map((element) => element.data.id);
    expect(links).toEqual(['ab']);
  });

  it('scales every position by the given factor', () => {
    const positions = toElements(map, 100).flatMap((element) =>
      element.position ? [element.position] : [],
    );
    expect(positions).toEqual([
      { x: 100, y: 100 },
      { x: 200, y: 200 },
    ]);
  });

  it('moves circles that would overlap apart, and leaves the others where they were', () => {
    const spots = drawnSpots(map, 10);
    const [a, b] = [spots.get('a'), spots.get('b')];
    if (!a || !b) throw new Error('a node is missing');
    const sizes = toElements(map, 10).flatMap((element) =>
      element.group === 'nodes' ? [Number(element.data.size)] : [],
    );
    // 14 apart when scaled, but drawn 12 to 48 wide: pushed until they no longer overlap.
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(
      ((sizes[0] ?? 0) + (sizes[1] ?? 0)) / 2,
    );
    expect(drawnSpots(map, 100)).toEqual(
      new Map([
        ['a', { x: 100, y: 100 }],
        ['b', { x: 200, y: 200 }],
      ]),
    );
  });
});

describe('positionScale', () => {
  it.each([
    { name: 'no nodes', nodes: [], scale: 1 },
    { name: 'one node', nodes: [{ x: 3, y: 4 }], scale: 1 },
    {
      name: 'nodes all at one spot',
      nodes: [
        { x: 5, y: 5 },
        { x: 5, y: 5 },
      ],
      scale: 1,
    },
    {
      name: 'two nodes twice the target apart',
      nodes: [
        { x: 0, y: 0 },
        { x: 0, y: 2 * TARGET_NEIGHBOUR_DISTANCE },
      ],
      scale: 0.5,
    },
    {
      name: 'nearest neighbours 10, 10 and 20 apart (median 10)',
      nodes: [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 30, y: 0 },
      ],
      scale: TARGET_NEIGHBOUR_DISTANCE / 10,
    },
  ])('scales $name by $scale', ({ nodes, scale }) => {
    expect(positionScale(nodes)).toBeCloseTo(scale, 10);
  });

  it('is not squeezed by a far-away outlier', () => {
    const grid = [0, 1, 2, 3].flatMap((i) => [0, 1].map((j) => ({ x: i * 17, y: j * 17 })));
    expect(positionScale([...grid, { x: 100_000, y: 100_000 }])).toBeCloseTo(
      TARGET_NEIGHBOUR_DISTANCE / 17,
      10,
    );
  });
});
