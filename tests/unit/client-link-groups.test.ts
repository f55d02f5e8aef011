import type { Subgraph } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import {
  groupConnections,
  type NodeConnections,
} from '../../client/src/features/details/link-groups.js';
import { link, organisation, person, place, project, theme } from './client-fixtures.js';

/** The neighbourhood of Riverside Trust (`r`) as GET /api/nodes/r/neighbourhood sends it. */
const RIVERSIDE: Subgraph = {
  nodes: [
    organisation('r', 'Riverside Trust'),
    theme('t-well', 'Wellbeing'),
    theme('t-bef', 'Befriending'),
    place('p-ash', 'Ashford'),
    organisation('net', 'Town Network', 'network'),
    person('zoe', 'Zoe'),
    person('adam', 'Adam'),
    person('bea', 'Bea'),
    organisation('food', 'Food Bank'),
    organisation('arts', 'Arts Hub'),
    organisation('council', 'Council', 'public_body'),
    project('garden', 'Garden'),
  ],
  links: [
    link('l1', 'FOCUSES_ON', 'r', 't-well'),
    link('l2', 'FOCUSES_ON', 'r', 't-bef'),
    link('l3', 'BASED_IN', 'r', 'p-ash'),
    link('l4', 'MEMBER_OF', 'r', 'net'),
    link('l5', 'MEMBER_OF', 'zoe', 'r'),
    link('l6', 'WORKS_AT', 'bea', 'r'),
    link('l7', 'WORKS_AT', 'adam', 'r'),
    link('l8', 'COLLABORATES_WITH', 'r', 'food'),
    link('l9', 'COLLABORATES_WITH', 'arts', 'r'),
    link('l10', 'FUNDS', 'council', 'r'),
    link('l11', 'FUNDS', 'r', 'garden'),
    // Between two neighbours: not one of Riverside's links.
    link('l12', 'COLLABORATES_WITH', 'food', 'arts'),
    // To a node the neighbourhood does not hold.
    link('l13', 'MEMBER_OF', 'r', 'ghost'),
  ],
};

/** Groups as the details panel reads them: heading kind and direction, then neighbour names. */
function headings(connections: NodeConnections) {
  return connections.groups.map((group) => ({
    kind: group.kind,
    direction: group.direction,
    names: group.connections.map((connection) => connection.neighbour.name),
  }));
}

describe('groupConnections', () => {
  it('lists the themes a node focuses on, by name, apart from the link groups', () => {
    expect(groupConnections('r', RIVERSIDE).themes.map((node) => node.name)).toEqual([
      'Befriending',
      'Wellbeing',
    ]);
  });

  it('lists the places a node is based in apart from the link groups', () => {
    expect(groupConnections('r', RIVERSIDE).places.map((node) => node.name)).toEqual(['Ashford']);
  });

  it('groups the other links by kind then direction, in schema order, neighbours by name', () => {
    expect(headings(groupConnections('r', RIVERSIDE))).toEqual([
      { kind: 'COLLABORATES_WITH', direction: 'out', names: ['Arts Hub', 'Food Bank'] },
      { kind: 'MEMBER_OF', direction: 'out', names: ['Town Network'] },
      { kind: 'MEMBER_OF', direction: 'in', names: ['Zoe'] },
      { kind: 'WORKS_AT', direction: 'in', names: ['Adam', 'Bea'] },
      { kind: 'FUNDS', direction: 'out', names: ['Garden'] },
      { kind: 'FUNDS', direction: 'in', names: ['Council'] },
    ]);
  });

  it('puts an undirected link in one group whichever end the node is at', () => {
    const collaborations = groupConnections('r', RIVERSIDE).groups.filter(
      (group) => group.kind === 'COLLABORATES_WITH',
    );
    expect(collaborations).toHaveLength(1);
    expect(collaborations[0]?.connections.map((connection) => connection.link.id)).toEqual([
      'l9',
      'l8',
    ]);
  });

  it('counts every link of the node, themes and places included, but not links between neighbours', () => {
    expect(groupConnections('r', RIVERSIDE).total).toBe(11);
  });

  it('keeps each link with its neighbour, so the panel can show the link details', () => {
    const funders = groupConnections('r', RIVERSIDE).groups.find(
      (group) => group.kind === 'FUNDS' && group.direction === 'in',
    );
    expect(funders?.connections).toEqual([
      { link: RIVERSIDE.links[9], neighbour: RIVERSIDE.nodes[10] },
    ]);
  });

  it('lists the organisations working on a theme as incoming FOCUSES_ON, not as its themes', () => {
    const connections = groupConnections('t-well', RIVERSIDE);
    expect(connections.themes).toEqual([]);
    expect(headings(connections)).toEqual([
      { kind: 'FOCUSES_ON', direction: 'in', names: ['Riverside Trust'] },
    ]);
  });

  it('lists what is based in a place as incoming BASED_IN', () => {
    const connections = groupConnections('p-ash', RIVERSIDE);
    expect(connections.places).toEqual([]);
    expect(headings(connections)).toEqual([
      { kind: 'BASED_IN', direction: 'in', names: ['Riverside Trust'] },
    ]);
  });

  it('gives a node without links nothing to list', () => {
    const lonely: Subgraph = { nodes: [person('solo', 'Solo')], links: [] };
    expect(groupConnections('solo', lonely)).toEqual({
      themes: [],
      places: [],
      groups: [],
      total: 0,
    });
  });
});
