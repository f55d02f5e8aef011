/**
 * The insights (server/src/insights/): on small networks whose answers are known by
 * construction, on Zachary's karate club against its published numbers, and on the seeded demo
 * network against the groups it plants as isolated and as islands.
 */
import type { IntroductionItem, LinkKind, NodeKind } from '@octograph/graph-schema';
import { demoNetwork } from '@octograph/seed';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { betweenness } from '../../server/src/insights/betweenness.js';
import { findCutPoints } from '../../server/src/insights/cut-points.js';
import { computeInsights, cutOffNodes } from '../../server/src/insights/findings.js';
import {
  byScore,
  introductionsFor,
  networkIntroductions,
} from '../../server/src/insights/introductions.js';
import type {
  InsightSource,
  InsightSourceLink,
  InsightSourceNode,
} from '../../server/src/insights/network-model.js';

/** A node named after its id, capitalised ("alpha" → "Alpha"). */
function node(
  id: string,
  kind: NodeKind = 'organisation',
  extra: Partial<InsightSourceNode> = {},
): InsightSourceNode {
  return { id, kind, name: id.charAt(0).toUpperCase() + id.slice(1), ...extra };
}

let linkCount = 0;
function link(
  source: string,
  target: string,
  kind: LinkKind = 'COLLABORATES_WITH',
): InsightSourceLink {
  linkCount += 1;
  return { id: `link-${String(linkCount)}`, kind, source, target };
}

/** Organisations joined by COLLABORATES_WITH along each listed pair. */
function collaborations(pairs: string): InsightSourceLink[] {
  return pairs.split(' ').map((pair) => {
    const [a = '', b = ''] = pair.split('-');
    return link(a, b);
  });
}

function orgs(ids: string): InsightSourceNode[] {
  return ids.split(' ').map((id) => node(id));
}

function ids(items: readonly { id: string }[]): string[] {
  return items.map((item) => item.id);
}

describe('not connected and islands', () => {
  const network: InsightSource = {
    nodes: [
      ...orgs('m1 m2 m3 m4 lonely themed i1 i2 j1 j2'),
      node('jp', 'project'),
      node('idle', 'project'),
      node('pat', 'person'),
      node('care', 'theme'),
      node('town', 'place'),
    ],
    links: [
      ...collaborations('m1-m2 m2-m3 m1-m3 m3-m4 i1-i2'),
      link('j1', 'jp', 'PARTNER_IN'),
      link('j2', 'jp', 'PARTNER_IN'),
      // A theme, a place and a person do not connect an organisation to the network.
      link('themed', 'care', 'FOCUSES_ON'),
      link('themed', 'town', 'BASED_IN'),
      link('pat', 'lonely', 'WORKS_AT'),
      link('pat', 'lonely', 'MEMBER_OF'),
    ],
  };
  const insights = computeInsights(network);

  it('lists exactly the organisations and projects without a collaboration link', () => {
    expect(insights.notConnected.map(({ id, kind }) => [id, kind])).toEqual([
      ['idle', 'project'],
      ['lonely', 'organisation'],
      ['themed', 'organisation'],
    ]);
    expect(insights.notConnected[1]?.explanation).toBe(
      'Lonely has no collaboration, partnership or membership link with any organisation or project yet.',
    );
  });

  it('finds the two islands cut off from the largest group, larger first, with their members', () => {
    expect(insights.islands.map((island) => [island.size, ids(island.members)])).toEqual([
      [3, ['j1', 'j2', 'jp']],
      [2, ['i1', 'i2']],
    ]);
    expect(insights.islands[1]?.explanation).toBe(
      'I1 and I2 are linked to each other but not to the rest of the network.',
    );
  });
});

describe('bridges', () => {
  it('finds the one organisation two triangles hang on, and no bridge link', () => {
    // A bow tie: triangles a-b-x and x-c-d share x.
    const insights = computeInsights({
      nodes: orgs('a b c d x'),
      links: collaborations('a-b b-x x-a x-c c-d d-x'),
    });
    expect(insights.bridges).toEqual([
      {
        type: 'organisation',
        id: 'x',
        name: 'X',
        cutOff: 2,
        // Two equal halves: the one holding the smallest id (a) counts as the main part.
        cutOffIds: ['c', 'd'],
        groupsCutOff: 1,
        explanation:
          'Without X, 2 organisations or projects in 1 group would lose their connection to the other 2.',
      },
    ]);
  });

  it('finds the one link joining two triangles and the two organisations at its ends', () => {
    const links = collaborations('a-b b-c c-a d-e e-f f-d');
    const only = link('c', 'd');
    const insights = computeInsights({ nodes: orgs('a b c d e f'), links: [...links, only] });
    expect(
      insights.bridges.map((item) => [item.type, item.id, item.cutOff, item.cutOffIds]),
    ).toEqual([
      // Two equal sides: the one holding the smallest id (a) counts as the main part.
      ['link', only.id, 3, ['d', 'e', 'f']],
      ['organisation', 'c', 2, ['a', 'b']],
      ['organisation', 'd', 2, ['e', 'f']],
    ]);
  });

  it('names what hangs on a bridge: the far side of a cut point, the smaller side of a link', () => {
    // hub joins a chain (hub–a–b), c with the project p it shares with d (c–p–d), and the main
    // part, the ring m1–m2–m3–m4. A theme shared by a and m2 is no path.
    const insights = computeInsights({
      nodes: [...orgs('hub a b c d m1 m2 m3 m4'), node('p', 'project'), node('t', 'theme')],
      links: [
        ...collaborations('hub-a a-b hub-c hub-m1 m1-m2 m2-m3 m3-m4 m4-m1'),
        link('c', 'p', 'PARTNER_IN'),
        link('d', 'p', 'PARTNER_IN'),
        link('a', 't', 'FOCUSES_ON'),
        link('m2', 't', 'FOCUSES_ON'),
      ],
    });
    // A link is named by its ends, the one nearer hub first.
    const hanging = Object.fromEntries(
      insights.bridges.map((item) => [
        item.type === 'organisation' ? item.id : `${item.source.id}–${item.target.id}`,
        [item.cutOff, item.groupsCutOff, item.cutOffIds],
      ]),
    );
    expect(hanging).toEqual({
      hub: [5, 2, ['a', 'b', 'c', 'd', 'p']],
      // hub's side (hub, a, b, c, d, p) is the larger: m1's side hangs on the link.
      'hub–m1': [4, 1, ['m1', 'm2', 'm3', 'm4']],
      m1: [3, 1, ['m2', 'm3', 'm4']],
      'hub–c': [3, 1, ['c', 'd', 'p']],
      c: [2, 1, ['d', 'p']],
      'hub–a': [2, 1, ['a', 'b']],
      'c–p': [2, 1, ['d', 'p']],
      a: [1, 1, ['b']],
      'a–b': [1, 1, ['b']],
      'p–d': [1, 1, ['d']],
    });
  });

  it('does not call a pair joined by two links a bridge', () => {
    const insights = computeInsights({
      nodes: orgs('a b'),
      links: [link('a', 'b'), link('a', 'b', 'MEMBER_OF')],
    });
    expect(insights.bridges).toEqual([]);
  });

  it('gives the sizes of every part an articulation point leaves, on a long chain', () => {
    // 20,000 nodes in a line: an iterative search, so no stack overflow.
    const graph = new Graph({ type: 'undirected' });
    for (let i = 0; i < 20_000; i += 1) graph.addNode(String(i));
    for (let i = 1; i < 20_000; i += 1) graph.addEdge(String(i - 1), String(i));
    const { order, vertices, edges } = findCutPoints(graph);
    expect(vertices).toHaveLength(19_998);
    expect(edges).toHaveLength(19_999);
    const parts = vertices.find((vertex) => vertex.node === '100')?.parts ?? [];
    expect(parts.map((part) => part.size)).toEqual([19_899, 100]);
    // What hangs on node 100 is nodes 0 to 99, listed only when asked for.
    const expected = Array.from({ length: 100 }, (_, index) => String(index)).sort();
    expect(cutOffNodes(order, parts)).toEqual(expected);
    const edge = edges.find((item) => item.parent === '99' && item.child === '100');
    expect(edge && cutOffNodes(order, [edge.childSide, edge.parentSide])).toEqual(expected);
  });
});

describe('brokers', () => {
  // A hub with five partners, two of whom also know each other.
  const network: InsightSource = {
    nodes: orgs('hub l1 l2 l3 l4 l5'),
    links: collaborations('hub-l1 hub-l2 hub-l3 hub-l4 hub-l5 l1-l2'),
  };

  it('ranks the hub first: it lies on the shortest path of the 9 unlinked pairs of partners', () => {
    const insights = computeInsights(network);
    expect(insights.brokersApproximate).toBe(false);
    expect(insights.brokers.map(({ id, rank, betweenness: score }) => [id, rank, score])).toEqual([
      ['hub', 1, 9],
    ]);
  });

  it('says when betweenness is estimated from a sample, and the full sample gives the exact value', () => {
    const insights = computeInsights(network, 0, {
      exactBetweennessLimit: 3,
      betweennessSampleSize: 6,
    });
    expect(insights.brokersApproximate).toBe(true);
    expect(insights.brokersSampleSize).toBe(6);
    expect(insights.brokers.map(({ id, betweenness: score }) => [id, score])).toEqual([['hub', 9]]);
  });
});

describe('siloed themes', () => {
  it('reports a theme of four organisations with one link among them, not a close-knit one', () => {
    const insights = computeInsights({
      nodes: [...orgs('a b c d e f g'), node('food', 'theme'), node('arts', 'theme')],
      links: [
        ...['a', 'b', 'c', 'd'].map((org) => link(org, 'food', 'FOCUSES_ON')),
        ...['e', 'f', 'g'].map((org) => link(org, 'arts', 'FOCUSES_ON')),
        ...collaborations('a-b e-f f-g g-e'),
      ],
    });
    expect(insights.siloedThemes).toEqual([
      {
        id: 'food',
        name: 'Food',
        organisations: 4,
        links: 1,
        density: 1 / 6,
        score: 4 * (5 / 6),
        explanation:
          '4 organisations work on Food, but only 1 link joins them (17% of the possible links).',
      },
    ]);
  });
});

describe('introductions', () => {
  const network: InsightSource = {
    nodes: [
      ...orgs('alpha bravo charlie delta echo'),
      node('foxtrot', 'organisation', { status: 'closed' }),
      ...['t1', 't2', 't3'].map((id) => node(id, 'theme')),
      node('town', 'place'),
    ],
    links: [
      ...['t1', 't2', 't3'].map((theme) => link('alpha', theme, 'FOCUSES_ON')),
      ...['t1', 't2', 't3'].map((theme) => link('bravo', theme, 'FOCUSES_ON')),
      link('charlie', 't1', 'FOCUSES_ON'),
      link('alpha', 'town', 'BASED_IN'),
      link('delta', 'town', 'BASED_IN'),
      // Already linked, and closed: never suggested whatever they share.
      ...['t1', 't2', 't3'].map((theme) => link('echo', theme, 'FOCUSES_ON')),
      link('alpha', 'echo', 'FUNDS'),
      ...['t1', 't2', 't3'].map((theme) => link('foxtrot', theme, 'FOCUSES_ON')),
    ],
  };
  const insights = computeInsights(network);

  it('ranks first the pair sharing three themes, with those themes as the reason', () => {
    const [first] = insights.introductions;
    expect(first).toEqual({
      a: { id: 'alpha', name: 'Alpha', kind: 'organisation' },
      b: { id: 'bravo', name: 'Bravo', kind: 'organisation' },
      score: 3,
      reasons: [
        {
          type: 'sharedThemes',
          themes: ['t1', 't2', 't3'].map((id) => ({ id, name: id.toUpperCase(), kind: 'theme' })),
        },
      ],
      explanation: 'Alpha and Bravo are not linked yet, but both work on T1, T2 and T3.',
    });
  });

  it('suggests for one organisation everyone it shares something with, and no one linked or closed', () => {
    const forAlpha = introductionsFor(insights.model, insights.introductionIndex, 'alpha');
    expect(
      forAlpha.map((item) => [item.b.id, item.score, item.reasons.map((r) => r.type)]),
    ).toEqual([
      ['bravo', 3, ['sharedThemes']],
      ['charlie', 1, ['sharedThemes']],
      ['delta', 1, ['samePlace']],
    ]);
  });

  it('counts shared values, offers meeting needs and friends in common', () => {
    const { model, introductionIndex } = computeInsights({
      nodes: [
        node('giver', 'organisation', { values: ['Kindness'], offers: ['transport'] }),
        node('taker', 'organisation', { values: ['kindness '], needs: ['Transport'] }),
        node('friend'),
      ],
      links: collaborations('giver-friend taker-friend'),
    });
    const [item] = introductionsFor(model, introductionIndex, 'giver');
    expect(item?.reasons).toEqual([
      { type: 'sharedValues', values: ['kindness'] },
      { type: 'offersMeetNeeds', from: 'giver', to: 'taker', tags: ['transport'] },
      {
        type: 'friendsInCommon',
        friends: [{ id: 'friend', name: 'Friend', kind: 'organisation' }],
        adamicAdar: 1 / Math.log(2),
      },
    ]);
    expect(item?.score).toBeCloseTo(0.5 + 1 + 1 / Math.log(2), 10);
  });
});

describe('communities', () => {
  it('splits two triangles joined by one link into the two triangles', () => {
    const insights = computeInsights({
      nodes: orgs('a b c d e f'),
      links: collaborations('a-b b-c c-a d-e e-f f-d c-d'),
    });
    expect(insights.communities.map((community) => ids(community.members))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    // Two communities of 3 of the 7 links each, with degree sum 7 of 14: 2 × (3/7 − 1/4).
    expect(insights.modularity).toBeCloseTo(2 * (3 / 7 - 1 / 4), 10);
  });

  it('names each community after the theme or place most of it shares, a different one each', () => {
    const insights = computeInsights({
      nodes: [
        ...orgs('a b c d e f'),
        node('food', 'theme'),
        node('youth', 'theme'),
        node('harbour', 'place'),
      ],
      links: [
        ...collaborations('a-b b-c c-a d-e e-f f-d c-d'),
        // Food is shared by a, b, c and by d: the first triangle is named after it.
        link('a', 'food', 'FOCUSES_ON'),
        link('b', 'food', 'FOCUSES_ON'),
        link('c', 'food', 'FOCUSES_ON'),
        link('d', 'food', 'FOCUSES_ON'),
        link('e', 'food', 'FOCUSES_ON'),
        // d, e and f share the harbour as much as food, which names the other one already.
        link('d', 'harbour', 'BASED_IN'),
        link('e', 'harbour', 'BASED_IN'),
        link('f', 'harbour', 'BASED_IN'),
        // Youth is one organisation's only: no name.
        link('f', 'youth', 'FOCUSES_ON'),
      ],
    });
    expect(insights.communities.map((community) => community.namedAfter?.name)).toEqual([
      'Food',
      'Harbour',
    ]);
    expect(insights.communities[1]?.explanation).toMatch(/^Harbour: 3 /);
  });

  it('leaves a community unnamed when no theme or place is shared by two of it', () => {
    const insights = computeInsights({
      nodes: [...orgs('a b c'), node('food', 'theme')],
      links: [...collaborations('a-b b-c c-a'), link('a', 'food', 'FOCUSES_ON')],
    });
    expect(insights.communities.map((community) => community.namedAfter)).toEqual([null]);
  });
});

/**
 * Zachary's karate club: W. W. Zachary, "An information flow model for conflict and fission in
 * small groups", Journal of Anthropological Research 33(4), 1977, 452–473; the 78 ties as
 * published there (the same list networkx ships as karate_club_graph). Members are numbered
 * 1 to 34; 1 is the instructor ("Mr Hi") and 34 the administrator ("John A.").
 */
const KARATE_CLUB: Record<number, number[]> = {
  1: [2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 18, 20, 22, 32],
  2: [3, 4, 8, 14, 18, 20, 22, 31],
  3: [4, 8, 9, 10, 14, 28, 29, 33],
  4: [8, 13, 14],
  5: [7, 11],
  6: [7, 11, 17],
  7: [17],
  9: [31, 33, 34],
  10: [34],
  14: [34],
  15: [33, 34],
  16: [33, 34],
  19: [33, 34],
  20: [34],
  21: [33, 34],
  23: [33, 34],
  24: [26, 28, 30, 33, 34],
  25: [26, 28, 32],
  26: [32],
  27: [30, 34],
  28: [34],
  29: [32, 34],
  30: [33, 34],
  31: [33, 34],
  32: [33, 34],
  33: [34],
};

describe("Zachary's karate club", () => {
  const members = Array.from({ length: 34 }, (_, index) => node(`m${String(index + 1)}`));
  const ties = Object.entries(KARATE_CLUB).flatMap(([from, tos]) =>
    tos.map((to) => link(`m${from}`, `m${String(to)}`)),
  );
  const insights = computeInsights({ nodes: members, links: ties });

  it('has 34 members and 78 ties', () => {
    expect(insights.model.graph.order).toBe(34);
    expect(insights.model.graph.size).toBe(78);
  });

  it('ranks the instructor (1) and the administrator (34) as the top two brokers', () => {
    expect(ids(insights.brokers.slice(0, 2))).toEqual(['m1', 'm34']);
    // Published unnormalised betweenness: 231.07 and 160.55 (networkx: 0.4376 and 0.3041 of 528).
    expect(insights.brokers[0]?.betweenness).toBeCloseTo(231.07, 1);
    expect(insights.brokers[1]?.betweenness).toBeCloseTo(160.55, 1);
  });

  it('finds Louvain communities with a modularity of about 0.42', () => {
    expect(Math.abs(insights.modularity - 0.42)).toBeLessThan(0.02);
    expect(insights.communities.length).toBeGreaterThanOrEqual(2);
  });

  it('estimates the same top two brokers from a sample of 20 sources', () => {
    const estimate = betweenness(insights.model.graph, { exactLimit: 10, sampleSize: 20 });
    expect(estimate.approximate).toBe(true);
    const top = [...estimate.scores].sort((a, b) => b[1] - a[1]).slice(0, 2);
    expect(top.map(([id]) => id).sort()).toEqual(['m1', 'm34']);
  });
});

describe('the demo network', () => {
  const network = demoNetwork();
  const insights = computeInsights({
    nodes: network.nodes.map((item) => ({ ...item, id: item.id ?? '' })),
    links: network.links.map((item) => ({ ...item, id: item.id ?? '' })),
  });

  it('reports exactly the four planted isolated organisations as not connected', () => {
    // Harbour Lights Choir and Old Town Men's Breakfast have themes, a place, a grant and a
    // meeting too, but also a collaboration, so they belong to the main network.
    expect(ids(insights.notConnected).sort()).toEqual([
      'org-eastbrook-philatelic-society',
      'org-millfield-ukulele-strummers',
      'org-milosnicy-kolei-waskotorowej',
      'org-northgate-pigeon-society',
    ]);
  });

  it('finds exactly the planted islands', () => {
    expect(insights.islands.map((island) => ids(island.members).sort())).toEqual([
      [
        'org-chor-cantate',
        'org-kolo-wedkarskie-pstrag',
        'org-ks-orzel-modrzewiec',
        'org-zespol-modrzewianie',
      ],
      ['org-castle-scrabble-circle', 'org-kingsmouth-chess-club', 'org-old-town-bridge-club'],
      ['org-harbourside-sea-swimmers', 'org-kingsmouth-surf-life-saving'],
    ]);
  });

  it('ranks the whole network exactly as scoring every pair one organisation at a time', () => {
    const { model, introductionIndex } = insights;
    const everyPair = new Map<string, IntroductionItem>();
    for (const id of model.profiles.keys()) {
      for (const item of introductionsFor(model, introductionIndex, id)) {
        everyPair.set(`${item.a.id} ${item.b.id}`, item);
      }
    }
    const expected = [...everyPair.values()].sort(byScore);
    expect(expected.length).toBeGreaterThan(100);
    const pairs = (items: IntroductionItem[]): string[] =>
      items.map((item) => `${item.a.id} ${item.b.id} ${item.score.toFixed(9)}`);
    expect(pairs(networkIntroductions(model, introductionIndex, 1_000_000))).toEqual(
      pairs(expected),
    );
    expect(pairs(insights.introductions)).toEqual(pairs(expected.slice(0, 500)));
  });

  it('finds brokers, bridges, communities and introductions in a real-looking network', () => {
    expect(insights.brokers.length).toBeGreaterThan(5);
    expect(insights.bridges.length).toBeGreaterThan(0);
    for (const item of insights.bridges) expect(item.cutOffIds, item.id).toHaveLength(item.cutOff);
    expect(insights.communities.length).toBeGreaterThan(2);
    expect(insights.introductions.length).toBeGreaterThan(10);
  });
});
