/**
 * Link schemas. Every link has the same fields; the three kind-specific ones
 * (collaborationType, role, consent) are null on links of other kinds.
 */
import { z } from 'zod';
import {
  checkCarriableText,
  DateSchema,
  ExpectedVersionSchema,
  IdSchema,
  TextSchema,
  TimestampSchema,
  today,
} from './common.js';
import {
  CollaborationTypeSchema,
  LinkKindSchema,
  PartnerRoleSchema,
  type LinkKind,
} from './kinds.js';

/** Link fields that belong to one kind of link only. */
export const KIND_SPECIFIC_LINK_FIELDS = {
  collaborationType: 'COLLABORATES_WITH',
  role: 'PARTNER_IN',
  consent: 'ATTENDED',
} as const satisfies Record<string, LinkKind>;
export type KindSpecificLinkField = keyof typeof KIND_SPECIFIC_LINK_FIELDS;

/**
 * What a person attending a meeting agreed to share with the other attendees (ATTENDED). Not
 * sharing is the default: a detail is shared only when its flag is true.
 */
export const ConsentChoiceSchema = z.strictObject({
  shareEmail: z.boolean(),
  sharePhone: z.boolean(),
});
export type ConsentChoice = z.infer<typeof ConsentChoiceSchema>;

/** A consent as stored: the choice, when it was recorded and by whom (null before accounts). */
export const AttendanceConsentSchema = ConsentChoiceSchema.extend({
  recordedAt: TimestampSchema,
  recordedBy: z.string().max(200).nullable(),
});
export type AttendanceConsent = z.infer<typeof AttendanceConsentSchema>;

const editableLinkFields = {
  /** When the link began. */
  since: DateSchema,
  /** When it ended; null: still going. */
  until: DateSchema.nullable(),
  /** 1 weak, 2 regular, 3 strong. */
  strength: z.int('must be 1, 2 or 3').min(1, 'must be 1, 2 or 3').max(3, 'must be 1, 2 or 3'),
  notes: TextSchema,
  /** The meeting where the link formed, if any. */
  meetingId: IdSchema.nullable(),
  /** COLLABORATES_WITH only: what kind of collaboration. */
  collaborationType: CollaborationTypeSchema.nullable(),
  /** PARTNER_IN only: lead or partner. */
  role: PartnerRoleSchema.nullable(),
  /**
   * ATTENDED only: what the attendee agreed to share with the other attendees. Written as a
   * choice; the store records when and by whom (AttendanceConsentSchema).
   */
  consent: ConsentChoiceSchema.nullable(),
};

type LinkShape = { kind?: LinkKind; source?: string; target?: string } & {
  since?: string;
  until?: string | null;
} & Partial<Record<KindSpecificLinkField, unknown>>;

/** Kind-specific fields only on their kind; `until` not before `since`; no link to itself. */
function checkLink(value: LinkShape, ctx: z.core.$RefinementCtx): void {
  if (value.source !== undefined && value.source === value.target) {
    ctx.addIssue({
      code: 'custom',
      path: ['target'],
      message: 'must differ from source (a node cannot link to itself)',
    });
  }
  if (value.kind) {
    for (const [field, kind] of Object.entries(KIND_SPECIFIC_LINK_FIELDS)) {
      const fieldValue = value[field as KindSpecificLinkField];
      if (fieldValue !== null && fieldValue !== undefined && value.kind !== kind) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `only ${kind} links have a ${field}, not ${value.kind}`,
        });
      }
    }
  }
  if (value.since && value.until && value.until < value.since) {
    ctx.addIssue({ code: 'custom', path: ['until'], message: 'must not be before since' });
  }
}

/** What a create or patch body must also satisfy: checkLink, and text every format can carry. */
function checkLinkInput(value: LinkShape, ctx: z.core.$RefinementCtx): void {
  checkLink(value, ctx);
  checkCarriableText(value, ctx);
}

/** A stored link, as the API returns it. */
export const LinkSchema = z
  .strictObject({
    id: IdSchema,
    kind: LinkKindSchema,
    /** The node the link starts from (for undirected kinds, the first of the two). */
    source: IdSchema,
    /** The node the link points to. */
    target: IdSchema,
    ...editableLinkFields,
    consent: AttendanceConsentSchema.nullable(),
    /** Who added it: the user id (or "seed"); null from the command line or when unknown. */
    createdBy: z.string().max(200).nullable(),
    createdAt: TimestampSchema,
    /**
     * When it was last changed, and so its version: every write of the link moves it strictly
     * forward (see ExpectedVersionSchema).
     */
    updatedAt: TimestampSchema,
  })
  .superRefine(checkLink);
export type Link = z.infer<typeof LinkSchema>;

/** The body of POST /api/links. `since` defaults to today, `strength` to 2. */
export const CreateLinkBodySchema = z
  .strictObject({
    id: IdSchema.optional(),
    kind: LinkKindSchema,
    source: IdSchema,
    target: IdSchema,
    since: editableLinkFields.since.default(() => today()),
    until: editableLinkFields.until.default(null),
    strength: editableLinkFields.strength.default(2),
    notes: editableLinkFields.notes.default(''),
    meetingId: editableLinkFields.meetingId.default(null),
    collaborationType: editableLinkFields.collaborationType.default(null),
    role: editableLinkFields.role.default(null),
    consent: editableLinkFields.consent.default(null),
  })
  .superRefine(checkLinkInput);
export type CreateLinkBody = z.infer<typeof CreateLinkBodySchema>;
export type CreateLinkInput = z.input<typeof CreateLinkBodySchema>;

/**
 * The body of PATCH /api/links/:id: the fields to change. A link's kind and ends cannot change;
 * delete it and add another instead. `expectedVersion` (optional) is the `updatedAt` the editor
 * started from (see ExpectedVersionSchema).
 */
export const UpdateLinkBodySchema = z
  .strictObject({ ...editableLinkFields, expectedVersion: ExpectedVersionSchema })
  .partial()
  .superRefine(checkLinkInput);
export type UpdateLinkBody = z.infer<typeof UpdateLinkBodySchema>;

/**
 * A link as an earlier Octograph stored or exported it, in today's shape. Before meetings
 * recorded consent per detail, ATTENDED links had `sharingConsent`: 'contact_details' shared
 * both e-mail and phone; 'name_only' and 'none' shared neither. The choice counts as recorded
 * when the link was last changed, by whoever added it. (The embedded store's migration 3 does the
 * same to what it holds; the Neo4j adapter converts as it reads.)
 */
export function upgradedLink(link: unknown): unknown {
  if (typeof link !== 'object' || link === null || !('sharingConsent' in link)) return link;
  const { sharingConsent, ...rest } = link as Record<string, unknown>;
  if (sharingConsent === null || sharingConsent === undefined) return { consent: null, ...rest };
  const shared = sharingConsent === 'contact_details';
  return {
    ...rest,
    consent: {
      shareEmail: shared,
      sharePhone: shared,
      recordedAt: rest.updatedAt,
      recordedBy: rest.createdBy ?? null,
    },
  };
}
