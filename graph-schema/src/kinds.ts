/**
 * Closed sets of the graph. Every other package derives its enums, labels and menus from these
 * arrays, so adding a kind here is the one change that makes it exist everywhere.
 */
import { z } from 'zod';

/** Kinds of node on the map. */
export const NODE_KINDS = [
  'organisation',
  'person',
  'project',
  'meeting',
  'theme',
  'place',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export const NodeKindSchema = z.enum(NODE_KINDS);

/**
 * Node kinds a neighbourhood walk reaches but never walks through: two groups that share a theme
 * or a place are not working together, and walking through "wellbeing" or a town would put half
 * the network two steps from anyone. The focus, neighbourhood and ego-network queries all use it.
 */
export const WALK_STOP_KINDS = ['theme', 'place'] as const satisfies readonly NodeKind[];

/** Whether a walk may go on through a node of this kind. */
export function isWalkThrough(kind: NodeKind): boolean {
  return !(WALK_STOP_KINDS as readonly NodeKind[]).includes(kind);
}

/** Kinds of organisation (PRODUCT.md, "The graph"). */
export const ORGANISATION_KINDS = [
  'charity',
  'community_group',
  'social_enterprise',
  'company',
  'public_body',
  'faith_group',
  'informal_group',
  'network',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS);

/** Whether an organisation is still running. */
export const ORGANISATION_STATUSES = ['active', 'dormant', 'closed'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];
export const OrganisationStatusSchema = z.enum(ORGANISATION_STATUSES);

/** Where a project is in its life. */
export const PROJECT_STATUSES = ['planned', 'active', 'completed', 'paused'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const ProjectStatusSchema = z.enum(PROJECT_STATUSES);

/** Every status value a node can carry (organisations and projects), for filters. */
export const NODE_STATUSES = [
  'active',
  'dormant',
  'closed',
  'planned',
  'completed',
  'paused',
] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];
export const NodeStatusSchema = z.enum(NODE_STATUSES);

/** Kinds of place, from the smallest to the largest. */
export const PLACE_TYPES = [
  'neighbourhood',
  'ward',
  'village',
  'town',
  'district',
  'county',
] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];
export const PlaceTypeSchema = z.enum(PLACE_TYPES);

/** Who may see one contact detail of a person. */
export const CONTACT_VISIBILITIES = ['private', 'attendees', 'network', 'public'] as const;
export type ContactVisibility = (typeof CONTACT_VISIBILITIES)[number];
export const ContactVisibilitySchema = z.enum(CONTACT_VISIBILITIES);

/** Kinds of link. Names follow graph convention (upper snake case), as in Neo4j. */
export const LINK_KINDS = [
  'COLLABORATES_WITH',
  'MEMBER_OF',
  'PARTNER_IN',
  'WORKS_AT',
  'VOLUNTEERS_AT',
  'FUNDS',
  'ATTENDED',
  'FOCUSES_ON',
  'BASED_IN',
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const LinkKindSchema = z.enum(LINK_KINDS);

/**
 * The links a focus walks by default: working together, belonging, staff and money. A step does
 * not go through a meeting to everyone who attended it, nor through a theme or a place (shown
 * as attributes unless the map shows them as nodes; then `walk=all`).
 */
export const WORK_LINK_KINDS = [
  'COLLABORATES_WITH',
  'MEMBER_OF',
  'PARTNER_IN',
  'WORKS_AT',
  'VOLUNTEERS_AT',
  'FUNDS',
] as const satisfies readonly LinkKind[];

/** Which links a focus walks: the working ones (WORK_LINK_KINDS) or every kind. */
export const FOCUS_WALKS = ['work', 'all'] as const;
export type FocusWalk = (typeof FOCUS_WALKS)[number];

/** The sub-kind of a COLLABORATES_WITH link. */
export const COLLABORATION_TYPES = [
  'partnership',
  'referral',
  'shared_space',
  'resource_sharing',
  'informal',
] as const;
export type CollaborationType = (typeof COLLABORATION_TYPES)[number];
export const CollaborationTypeSchema = z.enum(COLLABORATION_TYPES);

/** An organisation's role in a project (PARTNER_IN). */
export const PARTNER_ROLES = ['lead', 'partner'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export const PartnerRoleSchema = z.enum(PARTNER_ROLES);

/** Link strength: 1 weak, 2 regular, 3 strong. */
export const LINK_STRENGTHS = [1, 2, 3] as const;
