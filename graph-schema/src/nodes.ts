/**
 * Node schemas. Each kind is declared once as its own fields (no defaults); the stored node, the
 * create body (with defaults) and the patch body (all optional) are derived from those fields.
 */
import { z } from 'zod';
import {
  checkCarriableText,
  DateSchema,
  ExpectedVersionSchema,
  IdSchema,
  NameSchema,
  TagListSchema,
  TextSchema,
  TimestampSchema,
} from './common.js';
import {
  ContactVisibilitySchema,
  OrganisationKindSchema,
  OrganisationStatusSchema,
  PlaceTypeSchema,
  ProjectStatusSchema,
} from './kinds.js';

/** A web address; only http and https, so a stored link can never run script in a browser. */
export const WebsiteSchema = z.url({
  protocol: /^https?$/,
  error: 'must be an http or https address',
});

/** An e-mail address with who may see it. */
export const EmailContactSchema = z.strictObject({
  value: z.string().trim().pipe(z.email('must be an e-mail address')),
  visibility: ContactVisibilitySchema,
});
export type EmailContact = z.infer<typeof EmailContactSchema>;

/** A phone number with who may see it. */
export const PhoneContactSchema = z.strictObject({
  value: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{4,22}$/, 'must be a phone number (digits, spaces, + ( ) -)'),
  visibility: ContactVisibilitySchema,
});
export type PhoneContact = z.infer<typeof PhoneContactSchema>;

const OptionalLineSchema = z.string().trim().max(200, 'must be at most 200 characters').nullable();

/** Fields every node has that a user may edit. */
const editableCommon = {
  /** What the node is called; for a meeting, its title. */
  name: NameSchema,
  /** When it joined the network (the timeline shows it from this date); null: always. */
  since: DateSchema.nullable(),
  /** When it left the network or closed; null: still there. */
  until: DateSchema.nullable(),
};

/** Fields every stored node has. */
const storedCommon = {
  id: IdSchema,
  ...editableCommon,
  createdAt: TimestampSchema,
  /**
   * When it was last changed, and so its version: every write of the node moves it strictly
   * forward, so an editor can send it back as `expectedVersion` (an undo puts back an earlier
   * version, updatedAt included, because it puts back exactly what that version held).
   */
  updatedAt: TimestampSchema,
};

/** What every patch body may add: the version the editor started from (optional, by partial()). */
const patchCommon = { expectedVersion: ExpectedVersionSchema };

/** Fields a create body may leave out of the common part. */
const createCommon = {
  id: IdSchema.optional(),
  name: NameSchema,
  since: DateSchema.nullable().default(null),
  until: DateSchema.nullable().default(null),
};

const organisationFields = {
  orgKind: OrganisationKindSchema,
  description: TextSchema,
  website: WebsiteSchema.nullable(),
  values: TagListSchema,
  offers: TagListSchema,
  needs: TagListSchema,
  status: OrganisationStatusSchema,
  founded: z
    .int('must be a whole year')
    .min(1000, 'must be between 1000 and 2100')
    .max(2100, 'must be between 1000 and 2100')
    .nullable(),
};
const personFields = {
  role: OptionalLineSchema,
  email: EmailContactSchema.nullable(),
  phone: PhoneContactSchema.nullable(),
};
const projectFields = {
  description: TextSchema,
  status: ProjectStatusSchema,
};
const meetingFields = {
  date: DateSchema,
  venue: OptionalLineSchema,
  organiser: OptionalLineSchema,
  notes: TextSchema,
};
const themeFields = {
  description: TextSchema,
};
const placeFields = {
  placeType: PlaceTypeSchema.nullable(),
};

/** `until` may not come before the node's start: `since`, or for a meeting without one, its date. */
function checkLifetime(
  value: { since?: string | null; until?: string | null; date?: string },
  ctx: z.core.$RefinementCtx,
): void {
  const from = value.since ?? value.date;
  if (from && value.until && value.until < from) {
    ctx.addIssue({
      code: 'custom',
      path: ['until'],
      message: value.since ? 'must not be before since' : 'must not be before the date',
    });
  }
}

/**
 * What a create or patch body must also satisfy: checkLifetime, and no text a file format cannot
 * carry (stored nodes are read as they are, so text from before this rule still shows; exports
 * clean it).
 */
function checkNodeInput(
  value: { since?: string | null; until?: string | null; date?: string },
  ctx: z.core.$RefinementCtx,
): void {
  checkLifetime(value, ctx);
  checkCarriableText(value, ctx);
}

/** A group, charity, social enterprise, company, public body, faith group or network. */
export const OrganisationSchema = z
  .strictObject({ kind: z.literal('organisation'), ...storedCommon, ...organisationFields })
  .superRefine(checkLifetime);
/** A person: a volunteer, worker or attendee. Contact details carry their own visibility. */
export const PersonSchema = z
  .strictObject({ kind: z.literal('person'), ...storedCommon, ...personFields })
  .superRefine(checkLifetime);
/** A collective or initiative several organisations run together. */
export const ProjectSchema = z
  .strictObject({ kind: z.literal('project'), ...storedCommon, ...projectFields })
  .superRefine(checkLifetime);
/** A networking meeting or event. */
export const MeetingSchema = z
  .strictObject({ kind: z.literal('meeting'), ...storedCommon, ...meetingFields })
  .superRefine(checkLifetime);
/** An area of interest such as wellbeing or befriending. */
export const ThemeSchema = z
  .strictObject({ kind: z.literal('theme'), ...storedCommon, ...themeFields })
  .superRefine(checkLifetime);
/** A neighbourhood, ward, village or town. */
export const PlaceSchema = z
  .strictObject({ kind: z.literal('place'), ...storedCommon, ...placeFields })
  .superRefine(checkLifetime);

export type Organisation = z.infer<typeof OrganisationSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Project = z.infer<typeof ProjectSchema>;
export type Meeting = z.infer<typeof MeetingSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
export type Place = z.infer<typeof PlaceSchema>;

/** Any stored node, as the API returns it. */
export const GraphNodeSchema = z.discriminatedUnion('kind', [
  OrganisationSchema,
  PersonSchema,
  ProjectSchema,
  MeetingSchema,
  ThemeSchema,
  PlaceSchema,
]);
export type GraphNode = z.infer<typeof GraphNodeSchema>;

/** The body of POST /api/nodes: a node without timestamps; optional fields get defaults. */
export const CreateNodeBodySchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('organisation'),
      ...createCommon,
      ...organisationFields,
      description: organisationFields.description.default(''),
      website: organisationFields.website.default(null),
      values: organisationFields.values.default([]),
      offers: organisationFields.offers.default([]),
      needs: organisationFields.needs.default([]),
      status: organisationFields.status.default('active'),
      founded: organisationFields.founded.default(null),
    })
    .superRefine(checkNodeInput),
  z
    .strictObject({
      kind: z.literal('person'),
      ...createCommon,
      role: personFields.role.default(null),
      email: personFields.email.default(null),
      phone: personFields.phone.default(null),
    })
    .superRefine(checkNodeInput),
  z
    .strictObject({
      kind: z.literal('project'),
      ...createCommon,
      description: projectFields.description.default(''),
      status: projectFields.status.default('active'),
    })
    .superRefine(checkNodeInput),
  z
    .strictObject({
      kind: z.literal('meeting'),
      ...createCommon,
      date: meetingFields.date,
      venue: meetingFields.venue.default(null),
      organiser: meetingFields.organiser.default(null),
      notes: meetingFields.notes.default(''),
    })
    .superRefine(checkNodeInput),
  z
    .strictObject({
      kind: z.literal('theme'),
      ...createCommon,
      description: themeFields.description.default(''),
    })
    .superRefine(checkNodeInput),
  z
    .strictObject({
      kind: z.literal('place'),
      ...createCommon,
      placeType: placeFields.placeType.default(null),
    })
    .superRefine(checkNodeInput),
]);
export type CreateNodeBody = z.infer<typeof CreateNodeBodySchema>;
/** What a create body may hold before defaults are applied (for typed callers). */
export type CreateNodeInput = z.input<typeof CreateNodeBodySchema>;

/**
 * The body of PATCH /api/nodes/:id: `kind` names the node's kind (it cannot change) and the
 * fields to change; everything else stays as it is. `expectedVersion` (optional) is the
 * `updatedAt` the editor started from (see ExpectedVersionSchema).
 */
export const UpdateNodeBodySchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('organisation'),
      ...editableCommon,
      ...organisationFields,
      ...patchCommon,
    })
    .partial()
    .required({ kind: true })
    .superRefine(checkNodeInput),
  z
    .strictObject({
      kind: z.literal('person'),
      ...editableCommon,
      ...personFields,
      ...patchCommon,
    })
    .partial()
    .required({ kind: true })
    .superRefine(checkNodeInput),
  z
    .strictObject({
      kind: z.literal('project'),
      ...editableCommon,
      ...projectFields,
      ...patchCommon,
    })
    .partial()
    .required({ kind: true })
    .superRefine(checkNodeInput),
  z
    .strictObject({
      kind: z.literal('meeting'),
      ...editableCommon,
      ...meetingFields,
      ...patchCommon,
    })
    .partial()
    .required({ kind: true })
    .superRefine(checkNodeInput),
  z
    .strictObject({
      kind: z.literal('theme'),
      ...editableCommon,
      ...themeFields,
      ...patchCommon,
    })
    .partial()
    .required({ kind: true })
    .superRefine(checkNodeInput),
  z
    .strictObject({
      kind: z.literal('place'),
      ...editableCommon,
      ...placeFields,
      ...patchCommon,
    })
    .partial()
    .required({ kind: true })
    .superRefine(checkNodeInput),
]);
export type UpdateNodeBody = z.infer<typeof UpdateNodeBodySchema>;

/** The organisation kind of a node, or null for other kinds. */
export function orgKindOf(node: GraphNode): Organisation['orgKind'] | null {
  return node.kind === 'organisation' ? node.orgKind : null;
}

/** The status of a node (organisations and projects), or null for kinds without one. */
export function statusOf(node: GraphNode): Organisation['status'] | Project['status'] | null {
  return node.kind === 'organisation' || node.kind === 'project' ? node.status : null;
}

/**
 * When a node is on the map: from `since` (for a meeting without one, its date) until `until`.
 * The timeline and every as-of filter use this one definition.
 */
export function lifetimeOf(node: GraphNode): { from: string | null; until: string | null } {
  const from = node.since ?? (node.kind === 'meeting' ? node.date : null);
  return { from, until: node.until };
}

/** Whether something with this lifetime exists on the given date (`until` is exclusive). */
export function isAliveOn(
  lifetime: { from: string | null; until: string | null },
  asOf: string,
): boolean {
  return (
    (lifetime.from === null || lifetime.from <= asOf) &&
    (lifetime.until === null || lifetime.until > asOf)
  );
}
