/**
 * Which nodes each kind of link may join. The stores enforce these rules on every write and the
 * client uses them to offer only valid choices; they are part of the schema (PRODUCT.md).
 */
import type { LinkKind, NodeKind, OrganisationKind } from './kinds.js';

/** One end of a link: a node kind, or an organisation of kind `network`. */
export type Endpoint = NodeKind | 'network_organisation';

/** The allowed (source, target) pairs of a link kind and whether its direction means anything. */
export interface LinkRule {
  /** False for links that mean the same both ways (COLLABORATES_WITH). */
  readonly directed: boolean;
  /** Allowed source → target endpoint pairs. */
  readonly pairs: readonly (readonly [Endpoint, Endpoint])[];
}

const PLACED: readonly Endpoint[] = ['organisation', 'person', 'project', 'meeting'];

/** The endpoint rules of every link kind (PRODUCT.md, "The graph"). */
export const LINK_RULES: Readonly<Record<LinkKind, LinkRule>> = {
  COLLABORATES_WITH: { directed: false, pairs: [['organisation', 'organisation']] },
  MEMBER_OF: {
    directed: true,
    pairs: [
      ['organisation', 'network_organisation'],
      ['person', 'organisation'],
    ],
  },
  PARTNER_IN: { directed: true, pairs: [['organisation', 'project']] },
  WORKS_AT: { directed: true, pairs: [['person', 'organisation']] },
  VOLUNTEERS_AT: { directed: true, pairs: [['person', 'organisation']] },
  FUNDS: {
    directed: true,
    pairs: [
      ['organisation', 'organisation'],
      ['organisation', 'project'],
    ],
  },
  ATTENDED: {
    directed: true,
    pairs: [
      ['person', 'meeting'],
      ['organisation', 'meeting'],
    ],
  },
  FOCUSES_ON: {
    directed: true,
    pairs: [
      ['organisation', 'theme'],
      ['project', 'theme'],
    ],
  },
  BASED_IN: { directed: true, pairs: PLACED.map((from) => [from, 'place'] as const) },
};

/** What the rules need to know about a node. */
export interface EndpointNode {
  readonly kind: NodeKind;
  readonly orgKind?: OrganisationKind | null;
}

function matches(endpoint: Endpoint, node: EndpointNode): boolean {
  if (endpoint === 'network_organisation') {
    return node.kind === 'organisation' && node.orgKind === 'network';
  }
  return node.kind === endpoint;
}

function describeNode(node: EndpointNode): string {
  return node.kind === 'organisation' && node.orgKind
    ? `organisation (${node.orgKind})`
    : node.kind;
}

function describeEndpoint(endpoint: Endpoint): string {
  return endpoint === 'network_organisation' ? 'organisation (network)' : endpoint;
}

/** Whether a link of this kind may go from `source` to `target`. */
export function isLinkAllowed(kind: LinkKind, source: EndpointNode, target: EndpointNode): boolean {
  const rule = LINK_RULES[kind];
  return rule.pairs.some(
    ([from, to]) =>
      (matches(from, source) && matches(to, target)) ||
      (!rule.directed && matches(from, target) && matches(to, source)),
  );
}

/**
 * Why a link of this kind may not go from `source` to `target`, naming both kinds, or null when
 * it may.
 */
export function linkEndpointProblem(
  kind: LinkKind,
  source: EndpointNode,
  target: EndpointNode,
): string | null {
  if (isLinkAllowed(kind, source, target)) return null;
  const allowed = LINK_RULES[kind].pairs
    .map(([from, to]) => `${describeEndpoint(from)} → ${describeEndpoint(to)}`)
    .join(', ');
  return `a ${kind} link cannot go from ${describeNode(source)} to ${describeNode(target)}; it joins ${allowed}`;
}
