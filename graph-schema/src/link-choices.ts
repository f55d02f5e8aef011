/**
 * Which links two nodes can have, most likely first: what the link form offers after an editor
 * draws a line from one node to another or picks a node to link to. Built on LINK_RULES, so it
 * never offers a link the stores would refuse.
 */
import type { LinkKind } from './kinds.js';
import { isLinkAllowed, LINK_RULES, type EndpointNode } from './link-rules.js';

/** A link that may be made, with its ends in the order the kind needs them. */
export interface LinkChoice<N extends EndpointNode> {
  kind: LinkKind;
  source: N;
  target: N;
}

/**
 * The order kinds are offered in when several fit: working together first, then belonging,
 * then staff, then money, then what a node is about and where it is. A person and an
 * organisation most often means staff; an organisation and a network, membership.
 */
const LIKELIHOOD: readonly LinkKind[] = [
  'MEMBER_OF',
  'COLLABORATES_WITH',
  'PARTNER_IN',
  'WORKS_AT',
  'VOLUNTEERS_AT',
  'FUNDS',
  'ATTENDED',
  'FOCUSES_ON',
  'BASED_IN',
];

function rank(kind: LinkKind, from: EndpointNode, to: EndpointNode): number {
  const involvesPerson = from.kind === 'person' || to.kind === 'person';
  // A person's membership of an organisation is rarer than working or volunteering there.
  if (kind === 'MEMBER_OF' && involvesPerson) return LIKELIHOOD.indexOf('VOLUNTEERS_AT') + 0.5;
  return LIKELIHOOD.indexOf(kind);
}

/**
 * Every kind of link `first` and `second` may have, most likely first, each with its ends in
 * the direction the kind needs (a person WORKS_AT an organisation, whichever was picked first).
 * When both directions are allowed (an organisation FUNDS another), the order given is kept.
 */
export function linkChoices<A extends EndpointNode, B extends EndpointNode>(
  first: A,
  second: B,
): LinkChoice<A | B>[] {
  const choices: LinkChoice<A | B>[] = [];
  for (const kind of Object.keys(LINK_RULES) as LinkKind[]) {
    if (isLinkAllowed(kind, first, second)) choices.push({ kind, source: first, target: second });
    else if (isLinkAllowed(kind, second, first))
      choices.push({ kind, source: second, target: first });
  }
  return choices.sort(
    (a, b) => rank(a.kind, a.source, a.target) - rank(b.kind, b.source, b.target),
  );
}
