/**
 * Meetings (issue 6): who came, what each person agreed to share with the other attendees, the
 * links that formed there, and the attendee pack. A meeting is a node of kind `meeting`; an
 * attendee is a person or organisation with an ATTENDED link to it, whose `consent` (links.ts)
 * records what that person shares.
 */
import { z } from 'zod';
import { LanguageSchema } from './accounts.js';
import { IdSchema, TextInputSchema } from './common.js';
import { InsightNodeRefSchema, IntroductionItemSchema } from './insights.js';
import { AttendanceConsentSchema, LinkSchema } from './links.js';
import { CollaborationTypeSchema, LinkKindSchema, OrganisationKindSchema } from './kinds.js';
import { MeetingSchema } from './nodes.js';

/** `{id}` of a meeting and `{nodeId}` of one of its attendees. */
export const AttendeeParamsSchema = z.object({ id: IdSchema, nodeId: IdSchema });

/**
 * PUT /api/meetings/:id/attendees/:nodeId: adds a person or organisation to the meeting, or
 * changes what a person shares. Both default to no; organisations carry no consent.
 */
export const AttendeeBodySchema = z.strictObject({
  shareEmail: z.boolean().optional(),
  sharePhone: z.boolean().optional(),
});
export type AttendeeBody = z.infer<typeof AttendeeBodySchema>;

/** A named organisation, for lists of who works where. */
const OrganisationRefSchema = z.object({ id: z.string(), name: z.string() });

/** One attendee of a meeting as editors see it. */
export const AttendeeSchema = z.object({
  id: z.string(),
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  /** A person's role, if recorded. */
  role: z.string().nullable(),
  /** For a person, the organisations they work or volunteer at; for an organisation, itself. */
  organisations: z.array(OrganisationRefSchema),
  /** For a person, what they agreed to share; null for an organisation or when not recorded. */
  consent: AttendanceConsentSchema.nullable(),
  /** The ATTENDED link's id. */
  attendanceLinkId: z.string(),
});
export type Attendee = z.infer<typeof AttendeeSchema>;

/** A person or organisation a link made at a meeting may join, with what the link rules need. */
export const MeetingNodeRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['person', 'organisation']),
  /** An organisation's kind (a network may have members); null for a person. */
  orgKind: OrganisationKindSchema.nullable(),
});
export type MeetingNodeRef = z.infer<typeof MeetingNodeRefSchema>;

/** GET /api/meetings/:id: the meeting, who came, what can be linked and what formed there. */
export const MeetingDetailsSchema = z.object({
  revision: z.int(),
  meeting: MeetingSchema,
  attendees: z.array(AttendeeSchema),
  /**
   * The meeting's side of a link made there: its attendees and the organisations its attendees
   * work or volunteer at, by name. A link made at the meeting has at least one end among these;
   * the other may be any person or organisation.
   */
  linkable: z.array(MeetingNodeRefSchema),
  /**
   * The links recorded as formed at this meeting, newest first: between two of `linkable`, or
   * between one of them and someone who was not there (`others`).
   */
  links: z.array(LinkSchema),
  /** The people and organisations not in `linkable` that links formed here join, by name. */
  others: z.array(MeetingNodeRefSchema),
  /** The names of the users who recorded attendees' consent (`consent.recordedBy`), by user id. */
  recorders: z.record(z.string(), z.string()),
});
export type MeetingDetails = z.infer<typeof MeetingDetailsSchema>;

/** GET /api/meetings: every meeting, the latest first. */
export const MeetingListSchema = z.object({
  revision: z.int(),
  items: z.array(MeetingSchema),
});
export type MeetingList = z.infer<typeof MeetingListSchema>;

/** One link of POST /api/meetings/:id/links. */
export const MeetingLinkRowSchema = z.strictObject({
  source: IdSchema,
  target: IdSchema,
  kind: LinkKindSchema.default('COLLABORATES_WITH'),
  notes: TextInputSchema.default(''),
  strength: z
    .int('must be 1, 2 or 3')
    .min(1, 'must be 1, 2 or 3')
    .max(3, 'must be 1, 2 or 3')
    .default(1),
  collaborationType: CollaborationTypeSchema.nullable().default(null),
});
export type MeetingLinkRow = z.infer<typeof MeetingLinkRowSchema>;
export type MeetingLinkRowInput = z.input<typeof MeetingLinkRowSchema>;

/** The most links one request may add. */
export const MEETING_LINKS_LIMIT = 500;

/**
 * POST /api/meetings/:id/links. Rows are checked one by one (MeetingLinkRowSchema) so that a 400
 * can name every bad row by index, not only the first.
 */
export const MeetingLinksBodySchema = z.strictObject({
  links: z
    .array(z.unknown())
    .min(1, 'must hold at least one link')
    .max(MEETING_LINKS_LIMIT, `must hold at most ${String(MEETING_LINKS_LIMIT)} links`),
});

/** What a bulk add did: the links it created, and the rows that named a link already there. */
export const MeetingLinksResultSchema = z.object({
  revision: z.int(),
  created: z.array(LinkSchema),
  existing: z.array(z.object({ index: z.int(), link: LinkSchema })),
});
export type MeetingLinksResult = z.infer<typeof MeetingLinksResultSchema>;

/** GET /api/meetings/:id/suggestions: attendee organisations not linked yet, with reasons. */
export const MeetingSuggestionsSchema = z.object({
  revision: z.int(),
  items: z.array(IntroductionItemSchema),
});

/** The formats of the attendee pack. */
export const ATTENDEE_PACK_FORMATS = ['json', 'csv', 'html'] as const;
export const AttendeePackQuerySchema = z.object({
  format: z.enum(ATTENDEE_PACK_FORMATS).default('json'),
  /** The language of the CSV's headers and the printable page; else the account's, else the browser's. */
  lang: LanguageSchema.optional(),
});

/** One attendee in the pack: contact details only where that person agreed to share them. */
export const PackAttendeeSchema = z.object({
  name: z.string(),
  kind: z.enum(['person', 'organisation']),
  role: z.string().nullable(),
  organisations: z.array(z.string()),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type PackAttendee = z.infer<typeof PackAttendeeSchema>;

/** GET /api/meetings/:id/attendee-pack (JSON). */
export const AttendeePackSchema = z.object({
  meeting: z.object({
    id: z.string(),
    name: z.string(),
    date: z.string(),
    venue: z.string().nullable(),
    organiser: z.string().nullable(),
  }),
  attendees: z.array(PackAttendeeSchema),
});
export type AttendeePack = z.infer<typeof AttendeePackSchema>;

/** GET /api/similar-nodes: "did you mean …?" before a new node is added. */
export const SimilarNodesQuerySchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  kind: z.enum(['organisation', 'person', 'project']).optional(),
});
export const SimilarNodesSchema = z.object({
  items: z.array(
    InsightNodeRefSchema.extend({ kind: z.enum(['organisation', 'person', 'project']) }),
  ),
});
export type SimilarNodes = z.infer<typeof SimilarNodesSchema>;
