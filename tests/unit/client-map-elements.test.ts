import type { MapResponse } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import {
  MAX_NODE_SIZE,
  MIN_HUB_SIZE,
  MIN_NODE_SIZE,
  TARGET_NEIGHBOUR_DISTANCE,
  isHub,
  labelSize,
  nodeSize,
  positionScale,
  toElements,
  toLinkElement,
  toNodeElement,
  type NodeData,
} from '../../client/src/map/map-elements.js';
import { mapLink, mapNode, mapOrg } from './client-fixtures.js';

describe('nodeSize', () => {
  it.each([
    { degree: 0, maxDegree: 10, size: 12 },
    { degree: 1, maxDegree: 4, size: 36 },
    { degree: 4, maxDegree: 16, size: 36 },
    { degree: 9, maxDegree: 16, size: 48 },
    { degree: 10, maxDegree: 10, size: 60 },
    { degree: 20, maxDegree: 10, size: 60 },
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
    { size: 36, label: 13 },
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

describe('toNodeElement', () => {
  it('sizes a node by its share of the busiest node’s links and labels it to match', () => {
    const element = toNodeElement(mapOrg('c1', 'charity', { name: 'Food Bank', degree: 4 }), 16);
    expect(element.data).toEqual({
      id: 'c1',
      label: 'Food Bank',
      kind: 'organisation',
      orgKind: 'charity',
      degree: 4,
      size: 36,
      fontSize: 13,
      focusFontSize: 13,
      z: 13,
    });
  });

  it('marks a network as a hub and never draws it small, even without links', () => {
    const element = toNodeElement(mapOrg('net', 'network', { degree: 0 }), 10);
    expect(element.classes).toBe('hub');
    expect(element.data).toMatchObject({ size: MIN_HUB_SIZE, fontSize: 16, z: 16 });
  });

  it('draws a busy network at the size its links give it', () => {
    const element = toNodeElement(mapOrg('net', 'network', { degree: 10 }), 10);
    expect(element.data).toMatchObject({ size: 60, fontSize: 22 });
  });

  it('does not mark other organisations as hubs', () => {
    expect(toNodeElement(mapOrg('c1', 'charity', { degree: 0 }), 10).classes).toBe('');
  });

  it('marks a closed organisation, and a closed network as both hub and closed', () => {
    expect(toNodeElement(mapOrg('c1', 'charity', { status: 'closed' }), 1).classes).toBe('closed');
    expect(toNodeElement(mapOrg('n1', 'network', { status: 'closed' }), 1).classes).toBe(
      'hub closed',
    );
  });

  it('keeps the label of a small node readable when it is selected or a neighbour', () => {
    const element = toNodeElement(mapNode('p1', 'person', { degree: 0 }), 10);
    expect(element.data).toMatchObject({ size: 12, fontSize: 7, focusFontSize: 11, orgKind: '' });
  });

  it('places the node at its saved position times the scale', () => {
    const element = toNodeElement(mapNode('p1', 'person', { x: 5, y: -2 }), 1, 3);
    expect(element.position).toEqual({ x: 15, y: -6 });
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

  it('sizes nodes relative to the busiest node on the map', () => {
    const sizes = toElements(map)
      .filter((element) => element.group === 'nodes')
      .map((element) => (element.data as NodeData).size);
    expect(sizes).toEqual([36, 60]);
  });

  it('leaves out links whose ends are not on the map', () => {
    const links = toElements(map)
      .filter((element) => element.group === 'edges')
      .map((element) => element.data.id);
    expect(links).toEqual(['ab']);
  });

  it('scales every position by the given factor', () => {
    const positions = toElements(map, 10).flatMap((element) =>
      element.position ? [element.position] : [],
    );
    expect(positions).toEqual([
      { x: 10, y: 10 },
      { x: 20, y: 20 },
    ]);
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
      scale: 3.4,
    },
  ])('scales $name by $scale', ({ nodes, scale }) => {
    expect(positionScale(nodes)).toBeCloseTo(scale, 10);
  });

  it('is not squeezed by a far-away outlier', () => {
    const grid = [0, 1, 2, 3].flatMap((i) => [0, 1].map((j) => ({ x: i * 17, y: j * 17 })));
    expect(positionScale([...grid, { x: 100_000, y: 100_000 }])).toBeCloseTo(2, 10);
  });
});
