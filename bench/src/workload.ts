/**
 * What the benchmark asks of the server, derived from the generated network alone so every run
 * asks for exactly the same things: which nodes' ego networks to fetch, and which new
 * collaborations to add.
 */
import type { CreateLinkInput } from '@octograph/graph-schema';
import { mulberry32, type SeedNetwork } from '@octograph/seed';

/** A node whose ego network is fetched, with its degree in the generated network. */
export interface EgoTarget {
  id: string;
  degree: number;
}

function nodeIds(network: SeedNetwork): string[] {
  return network.nodes.map((node) => {
    if (node.id === undefined) throw new Error('the synthetic network has a node without an id');
    return node.id;
  });
}

/**
 * `count` organisations evenly spaced along the list of all organisations sorted by degree
 * (highest first, ties by id): the biggest network, the unconnected groups at the end, and
 * everything in between in proportion, so the sample looks like the graph rather than like its
 * hubs or its tail. An ego network is a group's: themes and places are not sampled.
 */
export function egoTargets(network: SeedNetwork, count: number): EgoTarget[] {
  const degree = new Map<string, number>();
  for (const link of network.links) {
    degree.set(link.source, (degree.get(link.source) ?? 0) + 1);
    degree.set(link.target, (degree.get(link.target) ?? 0) + 1);
  }
  const organisations = new Set(
    network.nodes.flatMap((node) => (node.kind === 'organisation' && node.id ? [node.id] : [])),
  );
  const ranked = nodeIds(network)
    .filter((id) => organisations.has(id))
    .map((id) => ({ id, degree: degree.get(id) ?? 0 }))
    .sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (ranked.length <= count) return ranked;
  const step = (ranked.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, index) => {
    const target = ranked[Math.round(index * step)];
    if (!target) throw new Error('ego sample out of range');
    return target;
  });
}

/**
 * `count` COLLABORATES_WITH links between organisation pairs that are not linked yet (in either
 * direction) and are both still open, so a link starting today is one a coordinator could add.
 */
export function newCollaborations(
  network: SeedNetwork,
  count: number,
  seed: number,
): CreateLinkInput[] {
  const organisations = network.nodes.flatMap((node) =>
    node.kind === 'organisation' && node.id !== undefined && (node.until ?? null) === null
      ? [node.id]
      : [],
  );
  const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const taken = new Set(
    network.links
      .filter((link) => link.kind === 'COLLABORATES_WITH')
      .map((link) => pairKey(link.source, link.target)),
  );
  const random = mulberry32(seed);
  const pick = (): string => organisations[Math.floor(random() * organisations.length)] ?? '';
  const links: CreateLinkInput[] = [];
  // Almost every draw is new in a sparse graph; the bound only guards against a tiny network.
  for (let tries = 0; links.length < count && tries < count * 100; tries += 1) {
    const source = pick();
    const target = pick();
    if (source === target || taken.has(pairKey(source, target))) continue;
    taken.add(pairKey(source, target));
    links.push({
      kind: 'COLLABORATES_WITH',
      source,
      target,
      strength: 2,
      collaborationType: 'referral',
      notes: 'Added by the benchmark.',
    });
  }
  if (links.length < count) throw new Error(`found only ${links.length} unlinked pairs`);
  return links;
}
