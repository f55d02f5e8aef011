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
 *
 * Who recorded what is for editors too (issue 15): an attendee's consent decision and the user
 * who recorded it, and the user id of who added a link (`createdBy`), are removed for every other
 * reader — in every route and every export format (visibleLink).
 */
import {
  roleAtLeast,
  type Audience,
  type ContactVisibility,
  type GraphNode,
  type Link,
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

/**
 * Which of a person's contact details this reader sees, as a class shared by many readers, so
 * views can serialise a person once per class: everything (editors), network (any signed-in
 * user who is neither the person nor met them at a meeting), public (not signed in), or
 * personal (the person themself or someone who met them: worked out for this reader).
 */
export type ReaderClass = 'everything' | 'network' | 'public' | 'personal';

export function readerClass(reader: Reader, personId: string): ReaderClass {
  if (seesEverything(reader)) return 'everything';
  if (reader.audience === 'anonymous') return 'public';
  if (reader.personId === personId || reader.coAttendees.has(personId)) return 'personal';
  return 'network';
}

/** A reader of each shared class, for serialising once per class. */
export const CLASS_READERS: Record<Exclude<ReaderClass, 'personal'>, Reader> = {
  everything: { audience: 'editor', personId: null, coAttendees: new Set() },
  network: { audience: 'viewer', personId: null, coAttendees: new Set() },
  public: PUBLIC_READER,
};

/** A node as this reader may see it. */
export function visibleNode(node: GraphNode, reader: Reader): GraphNode {
  if (node.kind !== 'person' || seesEverything(reader)) return node;
  const email = node.email && maySee(reader, node.id, node.email.visibility) ? node.email : null;
  const phone = node.phone && maySee(reader, node.id, node.phone.visibility) ? node.phone : null;
  return email === node.email && phone === node.phone ? node : { ...node, email, phone };
}

/**
 * A link as this reader may see it: without the attendee's consent (and who recorded it) and
 * without who added it, unless the reader is an editor. Null there means "not shown".
 */
export function visibleLink(link: Link, reader: Reader): Link {
  if (seesEverything(reader) || (link.consent === null && link.createdBy === null)) return link;
  return { ...link, consent: null, createdBy: null };
}

/** A subgraph as this reader may see it. */
export function visibleSubgraph(subgraph: Subgraph, reader: Reader): Subgraph {
  return {
    nodes: subgraph.nodes.map((node) => visibleNode(node, reader)),
    links: subgraph.links.map((link) => visibleLink(link, reader)),
  };
}
