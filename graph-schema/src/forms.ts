/**
 * The editing forms, declared once per kind next to the schemas they fill in. The client draws
 * every create and edit form from these lists (labels come from its translations by field name),
 * and a unit test holds each list to exactly the editable fields of the kind's schema, so a field
 * added to a schema without a form field (or the other way round) fails the build's tests.
 */
import {
  COLLABORATION_TYPES,
  CONTACT_VISIBILITIES,
  ORGANISATION_KINDS,
  ORGANISATION_STATUSES,
  PARTNER_ROLES,
  PLACE_TYPES,
  PROJECT_STATUSES,
  type LinkKind,
  type NodeKind,
} from './kinds.js';

/** How a field is edited. */
export type FormWidget =
  /** One line of text; empty means null where the schema allows it. */
  | { type: 'line'; nullable: boolean }
  /** Several lines of text; empty is ''. */
  | { type: 'text' }
  /** An http(s) address, or empty for none. */
  | { type: 'url' }
  /** A date; `nullable` when it may be left empty. */
  | { type: 'date'; nullable: boolean }
  /** A year, or empty. */
  | { type: 'year' }
  /** One of a closed set; `nullable` adds "none". `group` names its labels' translation group. */
  | { type: 'choice'; options: readonly string[]; nullable: boolean; group: string }
  /** A list of short tags, typed comma-separated. */
  | { type: 'tags' }
  /** A contact detail (e-mail or phone) with who may see it. */
  | { type: 'contact'; visibilities: readonly string[] }
  /** Link strength, 1 to 3. */
  | { type: 'strength' }
  /** A meeting of the network, or none. */
  | { type: 'meeting' };

/** One field of a form: the schema's field name (also the label's key) and its widget. */
export interface FormField {
  readonly name: string;
  readonly widget: FormWidget;
  /** Must be filled in before the form is sent. */
  readonly required?: boolean;
  /**
   * Rarely known when something is first added (a founding year, values): the "New…" form keeps
   * it under "More details", so adding a group takes a name and a click or two.
   */
  readonly later?: boolean;
}

const line = (name: string, required = false): FormField => ({
  name,
  widget: { type: 'line', nullable: !required },
  ...(required ? { required } : {}),
});
const text = (name: string): FormField => ({ name, widget: { type: 'text' } });
const date = (name: string, required = false): FormField => ({
  name,
  widget: { type: 'date', nullable: !required },
  ...(required ? { required } : {}),
});
const choice = (
  name: string,
  options: readonly string[],
  group: string,
  nullable = false,
): FormField => ({ name, widget: { type: 'choice', options, nullable, group } });
const tags = (name: string): FormField => ({ name, widget: { type: 'tags' }, later: true });
const contact = (name: string): FormField => ({
  name,
  widget: { type: 'contact', visibilities: CONTACT_VISIBILITIES },
});

const NAME = line('name', true);
/** When a node joined and left the network: the timeline shows it between them. */
const LIFETIME = [
  { ...date('since'), later: true },
  { ...date('until'), later: true },
] as const;

/** The form of each kind of node, fields in the order they are shown. */
export const NODE_FORMS: Readonly<Record<NodeKind, readonly FormField[]>> = {
  organisation: [
    NAME,
    choice('orgKind', ORGANISATION_KINDS, 'org'),
    choice('status', ORGANISATION_STATUSES, 'status'),
    text('description'),
    { name: 'website', widget: { type: 'url' }, later: true },
    { name: 'founded', widget: { type: 'year' }, later: true },
    tags('values'),
    tags('offers'),
    tags('needs'),
    ...LIFETIME,
  ],
  person: [NAME, line('role'), contact('email'), contact('phone'), ...LIFETIME],
  project: [NAME, choice('status', PROJECT_STATUSES, 'status'), text('description'), ...LIFETIME],
  meeting: [NAME, date('date', true), line('venue'), line('organiser'), text('notes'), ...LIFETIME],
  theme: [NAME, text('description'), ...LIFETIME],
  place: [NAME, choice('placeType', PLACE_TYPES, 'placeType', true), ...LIFETIME],
};

/** The fields of a link's form; `kinds` limits a field to the link kinds that have it. */
export interface LinkFormField extends FormField {
  readonly kinds?: readonly LinkKind[];
}

/**
 * The form of a link. Its kind and ends are chosen when it is made and never change; what the
 * attendee of a meeting agreed to share (ATTENDED's consent) is recorded on the meeting's screen.
 */
export const LINK_FORM: readonly LinkFormField[] = [
  {
    ...choice('collaborationType', COLLABORATION_TYPES, 'collaboration', true),
    kinds: ['COLLABORATES_WITH'],
  },
  { ...choice('role', PARTNER_ROLES, 'role', true), kinds: ['PARTNER_IN'] },
  { name: 'strength', widget: { type: 'strength' } },
  date('since', true),
  date('until'),
  { name: 'meetingId', widget: { type: 'meeting' } },
  text('notes'),
];

/** The link form's fields for one kind of link. */
export function linkFormFor(kind: LinkKind): LinkFormField[] {
  return LINK_FORM.filter((field) => field.kinds === undefined || field.kinds.includes(kind));
}

/** The kinds of node a person can add from the map, in the order the "New…" menu lists them. */
export const CREATABLE_NODE_KINDS = [
  'organisation',
  'person',
  'project',
  'meeting',
  'theme',
  'place',
] as const satisfies readonly NodeKind[];
