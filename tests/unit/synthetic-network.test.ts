import {
  CreateLinkBodySchema,
  CreateNodeBodySchema,
  LINK_RULES,
  linkEndpointProblem,
  type CreateLinkInput,
  type CreateNodeInput,
  type EndpointNode,
} from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import type { SeedNetwork } from '../../seed/src/network.js';
import { syntheticNetwork, type SyntheticOptions } from '../../seed/src/synthetic.js';

const SMALL: SyntheticOptions = { organisations: 300, people: 60, links: 1200, seed: 7 };
const MID: SyntheticOptions = { organisations: 2000, people: 400, links: 8000, seed: 11 };
const small = syntheticNetwork(SMALL);
const mid = syntheticNetwork(MID);

function idOf(item: CreateNodeInput | CreateLinkInput): string {
  if (item.id === undefined) throw new Error(`no id on ${JSON.stringify(item)}`);
  return item.id;
}

function tally(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

function nodesById(network: SeedNetwork): Map<string, CreateNodeInput> {
  return new Map(network.nodes.map((node) => [idOf(node), node]));
}

function endpoint(node: CreateNodeInput | undefined): EndpointNode {
  if (node === undefined) throw new Error('link to an unknown node');
  return { kind: node.kind, orgKind: node.kind === 'organisation' ? node.orgKind : null };
}

/** How many links touch each node, zero included. */
function degrees(network: SeedNetwork, kinds?: readonly string[]): Map<string, number> {
  const degree = new Map(network.nodes.map((node) => [idOf(node), 0]));
  for (const link of network.links) {
    if (kinds && !kinds.includes(link.kind)) continue;
    for (const end of [link.source, link.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  }
  return degree;
}

function organisationIds(network: SeedNetwork): string[] {
  return network.nodes.filter((node) => node.kind === 'organisation').map(idOf);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe('syntheticNetwork', () => {
  it('gives the same network for the same seed', () => {
    expect(syntheticNetwork({ ...SMALL })).toEqual(small);
  });

  it('gives a different network for a different seed', () => {
    const other = syntheticNetwork({ ...SMALL, seed: SMALL.seed + 1 });
    expect(other.nodes.map((node) => node.name)).not.toEqual(small.nodes.map((node) => node.name));
    expect(other.links).not.toEqual(small.links);
  });

  it('makes exactly the requested numbers of nodes and links', () => {
    expect(tally(small.nodes.map((node) => node.kind))).toEqual({
      theme: 20,
      place: 12,
      organisation: 300,
      person: 60,
    });
    expect(small.links).toHaveLength(1200);
  });

  it('makes as many themes and places as asked', () => {
    const network = syntheticNetwork({ ...SMALL, themes: 5, places: 3 });
    const kinds = tally(network.nodes.map((node) => node.kind));
    expect([kinds.theme, kinds.place]).toEqual([5, 3]);
    expect(network.links).toHaveLength(1200);
  });

  it('gives every node and link its own fixed syn- id', () => {
    const ids = [...small.nodes.map(idOf), ...small.links.map(idOf)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^syn-(theme|place|org|person|link)-\d{5,}$/);
  });

  it('makes every node a valid create body', () => {
    const problems = small.nodes.flatMap((node) => {
      const parsed = CreateNodeBodySchema.safeParse(node);
      return parsed.success ? [] : [`${idOf(node)}: ${parsed.error.message}`];
    });
    expect(problems).toEqual([]);
  });

  it('makes every link a valid create body that the endpoint rules allow', () => {
    const nodes = nodesById(small);
    const problems = small.links.flatMap((link) => {
      const parsed = CreateLinkBodySchema.safeParse(link);
      const problem = linkEndpointProblem(
        link.kind,
        endpoint(nodes.get(link.source)),
        endpoint(nodes.get(link.target)),
      );
      return [
        ...(parsed.success ? [] : [`${idOf(link)}: ${parsed.error.message}`]),
        ...(problem === null ? [] : [`${idOf(link)}: ${problem}`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('never links a node to itself or repeats a link', () => {
    for (const network of [small, mid]) {
      const keys = network.links.map((link) => {
        // An undirected link is the same link either way round.
        const ends = LINK_RULES[link.kind].directed
          ? [link.source, link.target]
          : [link.source, link.target].sort();
        return `${link.kind} ${ends.join(' ')}`;
      });
      expect(network.links.filter((link) => link.source === link.target)).toEqual([]);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('bases each linked organisation in one place with one to three themes, and isolates a few', () => {
    const basedIn = tally(small.links.filter((l) => l.kind === 'BASED_IN').map((l) => l.source));
    const focuses = tally(small.links.filter((l) => l.kind === 'FOCUSES_ON').map((l) => l.source));
    const degree = degrees(small);
    const organisations = organisationIds(small);
    const isolated = organisations.filter((id) => degree.get(id) === 0);
    const linked = organisations.filter((id) => degree.get(id) !== 0);

    expect(isolated.length).toBeGreaterThan(0);
    expect(isolated.length).toBeLessThan(organisations.length * 0.05);
    for (const id of linked) {
      expect(basedIn[id]).toBe(1);
      expect(focuses[id]).toBeGreaterThanOrEqual(1);
      expect(focuses[id]).toBeLessThanOrEqual(3);
    }
  });

  it('makes about one organisation in a hundred a network with organisations as members', () => {
    const networks = mid.nodes.filter(
      (node) => node.kind === 'organisation' && node.orgKind === 'network',
    );
    expect(networks).toHaveLength(20);
    const kinds = tally(mid.links.map((link) => link.kind));
    for (const kind of ['COLLABORATES_WITH', 'MEMBER_OF', 'WORKS_AT', 'VOLUNTEERS_AT']) {
      expect(kinds[kind]).toBeGreaterThan(0);
    }
  });

  it('dates every link within the lives of both its ends, between 2015 and 2026', () => {
    const nodes = nodesById(small);
    const outOfLife = small.links.filter((link) => {
      const since = link.since ?? '';
      const until = link.until ?? null;
      return (
        !/^20(1[5-9]|2[0-6])-\d\d-\d\d$/.test(since) ||
        (until !== null && until < since) ||
        [nodes.get(link.source), nodes.get(link.target)].some(
          (end) =>
            (end?.since && since < end.since) ||
            (end?.until && (until === null || until > end.until || since > end.until)),
        )
      );
    });
    expect(outOfLife).toEqual([]);
  });

  it('gives a few hubs many links and most organisations a handful', () => {
    const degree = degrees(mid);
    const organisations = organisationIds(mid).map((id) => degree.get(id) ?? 0);
    const typical = median(organisations);
    const hubs = organisations.filter((d) => d >= 10 * typical);

    expect(typical).toBeGreaterThanOrEqual(2);
    expect(Math.max(...organisations)).toBeGreaterThanOrEqual(10 * typical);
    expect(hubs.length).toBeLessThan(organisations.length * 0.05);

    // The same holds between organisations and people alone, without themes and places.
    const social = degrees(mid, ['COLLABORATES_WITH', 'MEMBER_OF', 'WORKS_AT', 'VOLUNTEERS_AT']);
    const socialDegrees = organisationIds(mid).map((id) => social.get(id) ?? 0);
    expect(Math.max(...socialDegrees)).toBeGreaterThanOrEqual(100);
  });

  it('fills a tiny network up to its last possible link', () => {
    // 5 organisations (one a network), 2 people, 2 themes, 1 place: 10 BASED_IN and first
    // FOCUSES_ON, 5 second themes, 10 person links, 4 memberships, 10 collaborations.
    const options = { organisations: 5, people: 2, links: 39, seed: 3, themes: 2, places: 1 };
    const network = syntheticNetwork(options);
    expect(network.links).toHaveLength(39);
    expect(() => syntheticNetwork({ ...options, links: 40 })).toThrow(/cannot fit.*at most 39/);
  });

  it.each([
    [{ organisations: 100, people: 0, links: 10, seed: 1 }, /too few.*at least 196/],
    [{ organisations: 0, people: 10, links: 1, seed: 1 }, /cannot fit/],
    [{ organisations: -1, people: 0, links: 0, seed: 1 }, /organisations must be a whole number/],
    [{ organisations: 10, people: 0, links: 30, seed: 0.5 }, /seed must be a whole number/],
  ])('throws a clear error for %o', (options, message) => {
    expect(() => syntheticNetwork(options)).toThrow(message);
  });

  it('leaves out themes and places when asked, so every link is between organisations and people', () => {
    const network = syntheticNetwork({
      organisations: 100,
      people: 20,
      links: 10,
      seed: 5,
      themes: 0,
      places: 0,
    });
    expect(network.links).toHaveLength(10);
    expect(
      network.nodes.every((node) => node.kind === 'organisation' || node.kind === 'person'),
    ).toBe(true);
  });
});
