/** Small builders of graph data for the client's unit tests, so tests say only what matters. */
import type {
  GraphNode,
  Link,
  LinkKind,
  MapLink,
  MapNode,
  OrganisationKind,
  User,
} from '@octograph/graph-schema';

const STAMP = '2024-01-01T00:00:00.000Z';

/** Alice, an editor, as GET /api/session and GET /api/users show her. */
export const ALICE: User = {
  id: 'u-1',
  email: 'alice@example.org',
  name: 'Alice',
  role: 'editor',
  personId: null,
  disabled: false,
  invitationPending: false,
  createdAt: STAMP,
};

/** A node as GET /api/map sends it: an organisation of `orgKind`, or a node of another kind. */
export function mapNode(
  id: string,
  kind: MapNode['kind'],
  extra: Partial<Omit<MapNode, 'id' | 'kind'>> = {},
): MapNode {
  return {
    id,
    kind,
    name: id,
    orgKind: kind === 'organisation' ? 'charity' : null,
    status: null,
    from: null,
    until: null,
    degree: 0,
    x: 0,
    y: 0,
    ...extra,
  };
}

/** An organisation as GET /api/map sends it. */
export function mapOrg(
  id: string,
  orgKind: OrganisationKind,
  extra: Partial<Omit<MapNode, 'id' | 'kind' | 'orgKind'>> = {},
): MapNode {
  return mapNode(id, 'organisation', { orgKind, ...extra });
}

/** A link as GET /api/map sends it. */
export function mapLink(
  id: string,
  kind: LinkKind,
  source: string,
  target: string,
  strength = 2,
): MapLink {
  return { id, kind, source, target, since: '2024-01-01', until: null, strength, meetingId: null };
}

/** A stored organisation. */
export function organisation(
  id: string,
  name: string,
  orgKind: OrganisationKind = 'charity',
): GraphNode {
  return {
    kind: 'organisation',
    id,
    name,
    since: null,
    until: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    orgKind,
    description: '',
    website: null,
    values: [],
    offers: [],
    needs: [],
    status: 'active',
    founded: null,
  };
}

/** A stored person. */
export function person(id: string, name: string): GraphNode {
  return {
    kind: 'person',
    id,
    name,
    since: null,
    until: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    role: null,
    email: null,
    phone: null,
  };
}

/** A stored project. */
export function project(id: string, name: string): GraphNode {
  return {
    kind: 'project',
    id,
    name,
    since: null,
    until: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    description: '',
    status: 'active',
  };
}

/** A stored theme. */
export function theme(id: string, name: string): GraphNode {
  return {
    kind: 'theme',
    id,
    name,
    since: null,
    until: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    description: '',
  };
}

/** A stored place. */
export function place(id: string, name: string): GraphNode {
  return {
    kind: 'place',
    id,
    name,
    since: null,
    until: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    placeType: 'town',
  };
}

/** A stored link. */
export function link(id: string, kind: LinkKind, source: string, target: string): Link {
  return {
    id,
    kind,
    source,
    target,
    since: '2024-01-01',
    until: null,
    strength: 2,
    notes: '',
    meetingId: null,
    collaborationType: null,
    role: null,
    consent: null,
    createdBy: null,
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}
