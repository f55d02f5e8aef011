import {
  LINK_KINDS,
  LINK_RULES,
  ORGANISATION_KINDS,
  isLinkAllowed,
  linkEndpointProblem,
  type Endpoint,
  type EndpointNode,
  type LinkKind,
} from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';

const CHARITY: EndpointNode = { kind: 'organisation', orgKind: 'charity' };
const COMPANY: EndpointNode = { kind: 'organisation', orgKind: 'company' };
const NETWORK: EndpointNode = { kind: 'organisation', orgKind: 'network' };
const PERSON: EndpointNode = { kind: 'person' };
const PROJECT: EndpointNode = { kind: 'project' };
const MEETING: EndpointNode = { kind: 'meeting' };
const THEME: EndpointNode = { kind: 'theme' };
const PLACE: EndpointNode = { kind: 'place' };

/** A node that fits an endpoint of a rule (a plain organisation is a charity). */
function nodeFor(endpoint: Endpoint): EndpointNode {
  if (endpoint === 'network_organisation') return NETWORK;
  if (endpoint === 'organisation') return CHARITY;
  return { kind: endpoint };
}

/** The endpoint pairs PRODUCT.md ("The graph") gives each link kind. */
const EXPECTED_PAIRS: Record<LinkKind, [Endpoint, Endpoint][]> = {
  COLLABORATES_WITH: [['organisation', 'organisation']],
  MEMBER_OF: [
    ['organisation', 'network_organisation'],
    ['person', 'organisation'],
  ],
  PARTNER_IN: [['organisation', 'project']],
  WORKS_AT: [['person', 'organisation']],
  VOLUNTEERS_AT: [['person', 'organisation']],
  FUNDS: [
    ['organisation', 'organisation'],
    ['organisation', 'project'],
  ],
  ATTENDED: [
    ['person', 'meeting'],
    ['organisation', 'meeting'],
  ],
  FOCUSES_ON: [
    ['organisation', 'theme'],
    ['project', 'theme'],
  ],
  BASED_IN: [
    ['organisation', 'place'],
    ['person', 'place'],
    ['project', 'place'],
    ['meeting', 'place'],
  ],
};

const allowedPairs = LINK_KINDS.flatMap((kind) =>
  LINK_RULES[kind].pairs.map(([from, to]) => ({ kind, from, to })),
);

describe('LINK_RULES', () => {
  it('has a rule for every link kind and no other', () => {
    expect(Object.keys(LINK_RULES).sort()).toEqual([...LINK_KINDS].sort());
  });

  it.each(LINK_KINDS)('allows %s exactly the pairs PRODUCT.md lists', (kind) => {
    expect(LINK_RULES[kind].pairs).toEqual(EXPECTED_PAIRS[kind]);
  });

  it.each(LINK_KINDS)('makes %s directed unless it is COLLABORATES_WITH', (kind) => {
    expect(LINK_RULES[kind].directed).toBe(kind !== 'COLLABORATES_WITH');
  });
});

describe('isLinkAllowed', () => {
  it('checks at least one allowed pair of every link kind', () => {
    expect(new Set(allowedPairs.map((pair) => pair.kind))).toEqual(new Set(LINK_KINDS));
  });

  it.each(allowedPairs)('allows $kind from $from to $to', ({ kind, from, to }) => {
    expect(isLinkAllowed(kind, nodeFor(from), nodeFor(to))).toBe(true);
  });

  it.each(ORGANISATION_KINDS)('lets a person work at an organisation of kind %s', (orgKind) => {
    expect(isLinkAllowed('WORKS_AT', PERSON, { kind: 'organisation', orgKind })).toBe(true);
  });

  it.each(ORGANISATION_KINDS)(
    'lets an organisation of kind %s be a member of a network',
    (orgKind) => {
      expect(isLinkAllowed('MEMBER_OF', { kind: 'organisation', orgKind }, NETWORK)).toBe(true);
    },
  );

  it.each(ORGANISATION_KINDS)(
    'allows MEMBER_OF an organisation of kind %s only when it is a network',
    (orgKind) => {
      const allowed = isLinkAllowed('MEMBER_OF', CHARITY, { kind: 'organisation', orgKind });

      expect(allowed).toBe(orgKind === 'network');
    },
  );

  it('does not let an organisation of unknown kind stand for a network', () => {
    expect(isLinkAllowed('MEMBER_OF', CHARITY, { kind: 'organisation', orgKind: null })).toBe(
      false,
    );
  });

  it('lets a person be a member of any organisation, not only a network', () => {
    expect(isLinkAllowed('MEMBER_OF', PERSON, COMPANY)).toBe(true);
  });

  it('allows COLLABORATES_WITH in both orders', () => {
    expect([
      isLinkAllowed('COLLABORATES_WITH', CHARITY, NETWORK),
      isLinkAllowed('COLLABORATES_WITH', NETWORK, CHARITY),
    ]).toEqual([true, true]);
  });

  it('allows WORKS_AT from person to organisation but not back', () => {
    expect([
      isLinkAllowed('WORKS_AT', PERSON, CHARITY),
      isLinkAllowed('WORKS_AT', CHARITY, PERSON),
    ]).toEqual([true, false]);
  });

  const reversedPairs = allowedPairs
    .filter(({ kind, from, to }) => LINK_RULES[kind].directed && from !== to)
    .map(({ kind, from, to }) => ({ kind, from: to, to: from }));

  it.each(reversedPairs)('refuses directed $kind the wrong way, from $from to $to', (pair) => {
    expect(isLinkAllowed(pair.kind, nodeFor(pair.from), nodeFor(pair.to))).toBe(false);
  });
});

describe('linkEndpointProblem', () => {
  it.each(allowedPairs)('finds no problem with $kind from $from to $to', ({ kind, from, to }) => {
    expect(linkEndpointProblem(kind, nodeFor(from), nodeFor(to))).toBeNull();
  });

  const forbidden: {
    kind: LinkKind;
    source: EndpointNode;
    target: EndpointNode;
    names: string;
  }[] = [
    {
      kind: 'COLLABORATES_WITH',
      source: CHARITY,
      target: PERSON,
      names: 'organisation (charity) to person',
    },
    { kind: 'COLLABORATES_WITH', source: PERSON, target: PERSON, names: 'person to person' },
    {
      kind: 'COLLABORATES_WITH',
      source: PROJECT,
      target: COMPANY,
      names: 'project to organisation (company)',
    },
    {
      kind: 'MEMBER_OF',
      source: CHARITY,
      target: COMPANY,
      names: 'organisation (charity) to organisation (company)',
    },
    {
      kind: 'MEMBER_OF',
      source: NETWORK,
      target: PERSON,
      names: 'organisation (network) to person',
    },
    { kind: 'MEMBER_OF', source: PERSON, target: MEETING, names: 'person to meeting' },
    {
      kind: 'PARTNER_IN',
      source: PROJECT,
      target: CHARITY,
      names: 'project to organisation (charity)',
    },
    { kind: 'PARTNER_IN', source: PERSON, target: PROJECT, names: 'person to project' },
    {
      kind: 'WORKS_AT',
      source: CHARITY,
      target: PERSON,
      names: 'organisation (charity) to person',
    },
    { kind: 'WORKS_AT', source: PERSON, target: PROJECT, names: 'person to project' },
    {
      kind: 'VOLUNTEERS_AT',
      source: NETWORK,
      target: PERSON,
      names: 'organisation (network) to person',
    },
    { kind: 'VOLUNTEERS_AT', source: PERSON, target: PERSON, names: 'person to person' },
    {
      kind: 'FUNDS',
      source: PERSON,
      target: CHARITY,
      names: 'person to organisation (charity)',
    },
    {
      kind: 'FUNDS',
      source: PROJECT,
      target: CHARITY,
      names: 'project to organisation (charity)',
    },
    {
      kind: 'FUNDS',
      source: COMPANY,
      target: MEETING,
      names: 'organisation (company) to meeting',
    },
    { kind: 'ATTENDED', source: MEETING, target: PERSON, names: 'meeting to person' },
    { kind: 'ATTENDED', source: THEME, target: MEETING, names: 'theme to meeting' },
    { kind: 'ATTENDED', source: PERSON, target: PROJECT, names: 'person to project' },
    { kind: 'FOCUSES_ON', source: PERSON, target: THEME, names: 'person to theme' },
    {
      kind: 'FOCUSES_ON',
      source: CHARITY,
      target: PLACE,
      names: 'organisation (charity) to place',
    },
    { kind: 'FOCUSES_ON', source: THEME, target: PROJECT, names: 'theme to project' },
    { kind: 'BASED_IN', source: THEME, target: PLACE, names: 'theme to place' },
    { kind: 'BASED_IN', source: PLACE, target: PLACE, names: 'place to place' },
    {
      kind: 'BASED_IN',
      source: PLACE,
      target: CHARITY,
      names: 'place to organisation (charity)',
    },
  ];

  it('has forbidden cases for every link kind', () => {
    expect(new Set(forbidden.map((example) => example.kind))).toEqual(new Set(LINK_KINDS));
  });

  it.each(forbidden)('refuses $kind from $names', ({ kind, source, target }) => {
    expect(isLinkAllowed(kind, source, target)).toBe(false);
  });

  it.each(forbidden)(
    'names both ends of a $kind from $names',
    ({ kind, source, target, names }) => {
      expect(linkEndpointProblem(kind, source, target)).toContain(
        `a ${kind} link cannot go from ${names};`,
      );
    },
  );

  it('says which pairs MEMBER_OF joins', () => {
    expect(linkEndpointProblem('MEMBER_OF', CHARITY, COMPANY)).toBe(
      'a MEMBER_OF link cannot go from organisation (charity) to organisation (company); ' +
        'it joins organisation → organisation (network), person → organisation',
    );
  });

  it('describes an organisation without a known kind as organisation', () => {
    expect(linkEndpointProblem('WORKS_AT', { kind: 'organisation' }, PERSON)).toBe(
      'a WORKS_AT link cannot go from organisation to person; it joins person → organisation',
    );
  });
});
