/**
 * Field-level privacy (issue 8, PRODUCT.md): a person's e-mail and phone each carry a visibility
 * and the server removes what the reader may not see before anything is serialised — the
 * browser never receives it. Who sees a detail:
 *
 * - public: everyone, including visitors who are not signed in (PUBLIC_READ);
 * - network: every signed-in user;
 * - attendees: editors and admins, the person themself, and users whose person attended a
 *   meeting this person attended;
 * - private: editors and admins, and the person themself.
 *
 * A user is "a person" when an admin linked their account to a person node (`personId`).
 */
import {
  roleAtLeast,
  type Audience,
  type ContactVisibility,
  type GraphNode,
  type Subgraph,
} from '@octograph/graph-schema';

/** What decides which contact details a reader sees. */
export interface Reader {
  audience: Audience;
  /** The person node of the signed-in user, if their account is linked to one. */
  personId: string | null;
  /** The people who attended a meeting with the reader's person. */
  coAttendees: ReadonlySet<string>;
}

/** A visitor who is not signed in: public details only. */
export const PUBLIC_READER: Reader = {
  audience: 'anonymous',
  personId: null,
  coAttendees: new Set(),
};

/** Whether a reader may see a detail of `personId` with this visibility. */
export function maySee(reader: Reader, personId: string, visibility: ContactVisibility): boolean {
  if (visibility === 'public') return true;
  if (reader.audience === 'anonymous') return false;
  if (roleAtLeast(reader.audience, 'editor') || reader.personId === personId) return true;
  switch (visibility) {
    case 'network':
      return true;
    case 'attendees':
      return reader.coAttendees.has(personId);
    case 'private':
      return false;
  }
}

/** Whether a reader sees every detail of every node (nothing to remove). */
export function seesEverything(reader: Reader): boolean {
  return reader.audience !== 'anonymous' && roleAtLeast(reader.audience, 'editor');
}

/** A node as this reader may see it. */
export function visibleNode(node: GraphNode, reader: Reader): GraphNode {
  if (node.kind !== 'person' || seesEverything(reader)) return node;
  const email = node.email && maySee(reader, node.id, node.email.visibility) ? node.email : null;
  const phone = node.phone && maySee(reader, node.id, node.phone.visibility) ? node.phone : null;
  return email === node.email && phone === node.phone ? node : { ...node, email, phone };
}

/** A subgraph as this reader may see it. */
export function visibleSubgraph(subgraph: Subgraph, reader: Reader): Subgraph {
  return { nodes: subgraph.nodes.map((node) => visibleNode(node, reader)), links: subgraph.links };
}
