import {
  CreateLinkBodySchema,
  CreateNodeBodySchema,
  LINK_RULES,
  ORGANISATION_KINDS,
  linkEndpointProblem,
  type CreateLinkInput,
  type CreateNodeInput,
  type EndpointNode,
} from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import { demoNetwork } from '../../seed/src/demo-network.js';

const network = demoNetwork();
const nodes = new Map(network.nodes.map((node) => [idOf(node), node]));

function idOf(item: CreateNodeInput | CreateLinkInput): string {
  if (item.id === undefined) throw new Error(`no id on ${JSON.stringify(item)}`);
  return item.id;
}

function ofKind<K extends CreateNodeInput['kind']>(
  kind: K,
): Extract<CreateNodeInput, { kind: K }>[] {
  return network.nodes.filter(
    (node): node is Extract<CreateNodeInput, { kind: K }> => node.kind === kind,
  );
}

function endpoint(id: string): EndpointNode {
  const node = nodes.get(id);
  if (node === undefined) throw new Error(`link to an unknown node ${id}`);
  return { kind: node.kind, orgKind: node.kind === 'organisation' ? node.orgKind : null };
}

/** Connected components over all links, each a list of node ids. */
function components(): string[][] {
  const parent = new Map(network.nodes.map((node) => [idOf(node), idOf(node)]));
  const root = (id: string): string => {
    let current = id;
    for (let next = parent.get(current); next !== undefined && next !== current;) {
      current = next;
      next = parent.get(current);
    }
    return current;
  };
  for (const link of network.links) parent.set(root(link.source), root(link.target));
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) groups.set(root(id), [...(groups.get(root(id)) ?? []), id]);
  return [...groups.values()].sort((a, b) => b.length - a.length);
}

describe('demoNetwork', () => {
  it('has the promised numbers of nodes and links', () => {
    expect(ofKind('organisation').length).toBeGreaterThanOrEqual(120);
    expect(ofKind('person')).toHaveLength(30);
    expect(ofKind('project')).toHaveLength(10);
    expect(ofKind('meeting')).toHaveLength(8);
    expect(ofKind('theme')).toHaveLength(15);
    expect(ofKind('place').length).toBeGreaterThanOrEqual(6);
    expect(network.links.length).toBeGreaterThanOrEqual(250);
  });

  it('has organisations of every kind', () => {
    const kinds = new Set(ofKind('organisation').map((org) => org.orgKind));
    expect([...kinds].sort()).toEqual([...ORGANISATION_KINDS].sort());
  });

  it('spreads organisations across at least six places', () => {
    const places = new Set(
      network.links
        .filter((link) => link.kind === 'BASED_IN' && endpoint(link.source).kind === 'organisation')
        .map((link) => link.target),
    );
    expect(places.size).toBeGreaterThanOrEqual(6);
  });

  it('gives every node and link its own id', () => {
    const ids = [...network.nodes.map(idOf), ...network.links.map(idOf)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const link of network.links) expect(idOf(link)).toMatch(/^link-\d{4}$/);
  });

  it('makes every node a valid create body', () => {
    const problems = network.nodes.flatMap((node) => {
      const parsed = CreateNodeBodySchema.safeParse(node);
      return parsed.success ? [] : [`${idOf(node)}: ${parsed.error.message}`];
    });
    expect(problems).toEqual([]);
  });

  it('makes every link a valid create body', () => {
    const problems = network.links.flatMap((link) => {
      const parsed = CreateLinkBodySchema.safeParse(link);
      return parsed.success ? [] : [`${idOf(link)}: ${parsed.error.message}`];
    });
    expect(problems).toEqual([]);
  });

  it('links only nodes that exist', () => {
    const dangling = network.links.filter(
      (link) => !nodes.has(link.source) || !nodes.has(link.target),
    );
    expect(dangling).toEqual([]);
  });

  it('keeps every link within the endpoint rules', () => {
    const problems = network.links.flatMap((link) => {
      const problem = linkEndpointProblem(link.kind, endpoint(link.source), endpoint(link.target));
      return problem === null ? [] : [`${idOf(link)}: ${problem}`];
    });
    expect(problems).toEqual([]);
  });

  it('sets each kind-specific field on its own kind of link', () => {
    const missing = network.links.filter(
      (link) =>
        (link.kind === 'COLLABORATES_WITH' && !link.collaborationType) ||
        (link.kind === 'PARTNER_IN' && !link.role) ||
        (link.kind === 'ATTENDED' && link.source.startsWith('person-') && !link.consent),
    );
    expect(missing).toEqual([]);
    // People choose between e-mail and phone, e-mail only, and nothing; organisations share none.
    const consents = new Set(
      network.links.flatMap((link) => (link.consent ? [JSON.stringify(link.consent)] : [])),
    );
    expect(consents.size).toBe(3);
    const organisationConsents = network.links.filter(
      (link) => link.kind === 'ATTENDED' && link.source.startsWith('org-') && link.consent,
    );
    expect(organisationConsents).toEqual([]);
  });

  it('never links a node to itself or repeats a link', () => {
    const keys = network.links.map((link) => {
      // An undirected link is the same link either way round.
      const ends = LINK_RULES[link.kind].directed
        ? [link.source, link.target]
        : [link.source, link.target].sort();
      return `${link.kind} ${ends.join(' ')}`;
    });
    expect(network.links.filter((link) => link.source === link.target)).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('dates links formed at a meeting on that meeting', () => {
    const meetings = new Map(ofKind('meeting').map((meeting) => [idOf(meeting), meeting]));
    const formed = network.links.filter((link) => link.meetingId);
    expect(formed.length).toBeGreaterThan(0);
    for (const link of formed) {
      const meeting = meetings.get(link.meetingId ?? '');
      expect(meeting, idOf(link)).toBeDefined();
      expect(link.since, idOf(link)).toBe(meeting?.date);
    }
  });

  it('has one giant component, a few small islands and some isolated organisations', () => {
    const [giant = [], ...rest] = components();
    const isOrganisation = (id: string): boolean => endpoint(id).kind === 'organisation';
    const islands = rest.filter(
      (group) => group.length >= 2 && group.length <= 5 && group.every(isOrganisation),
    );
    const isolated = rest.filter((group) => group.length === 1 && group.every(isOrganisation));

    expect(giant.length).toBeGreaterThan(network.nodes.length * 0.9);
    expect(islands.length).toBeGreaterThanOrEqual(2);
    expect(isolated.length).toBeGreaterThanOrEqual(3);
    // Nothing else is cut off: every other component is an island or an isolated organisation.
    expect(rest.length).toBe(islands.length + isolated.length);
  });

  it('has at least three network hubs with eight or more member organisations', () => {
    const members = new Map<string, Set<string>>();
    for (const link of network.links) {
      if (link.kind !== 'MEMBER_OF' || endpoint(link.source).kind !== 'organisation') continue;
      members.set(link.target, (members.get(link.target) ?? new Set()).add(link.source));
    }
    const hubs = [...members].filter(
      ([id, set]) => endpoint(id).orgKind === 'network' && set.size >= 8,
    );
    expect(hubs.length).toBeGreaterThanOrEqual(3);
  });

  it('dates links over at least five years, never before either end joined', () => {
    const years = new Set(network.links.map((link) => (link.since ?? '').slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(5);
    for (const year of years) expect(year >= '2018' && year <= '2026').toBe(true);
    const early = network.links.filter((link) =>
      [nodes.get(link.source), nodes.get(link.target)].some(
        (end) => end?.since && (link.since ?? '') < end.since,
      ),
    );
    expect(early).toEqual([]);
  });

  it('mixes statuses, mostly active', () => {
    const statuses = ofKind('organisation').map((org) => org.status ?? 'active');
    const active = statuses.filter((status) => status === 'active').length;
    expect(active).toBeGreaterThan(statuses.length * 0.9);
    expect(statuses).toContain('dormant');
    expect(statuses).toContain('closed');
  });

  it('offers something some other organisation needs', () => {
    const organisations = ofKind('organisation');
    const needed = new Set(organisations.flatMap((org) => org.needs ?? []));
    const matches = organisations.flatMap((org) => (org.offers ?? []).filter((o) => needed.has(o)));
    expect(matches.length).toBeGreaterThanOrEqual(20);
  });

  it('uses only fictional contact details with varied visibility', () => {
    const people = ofKind('person');
    for (const person of people) {
      if (person.email) expect(person.email.value).toMatch(/@example\.org$/);
      if (person.phone) expect(person.phone.value).toMatch(/^\+44 7700 900\d{3}$/);
    }
    const visibilities = new Set(people.map((person) => person.email?.visibility));
    expect(visibilities.size).toBeGreaterThanOrEqual(3);
  });

  it('gives the same network on every call', () => {
    expect(demoNetwork()).toEqual(network);
  });
});
