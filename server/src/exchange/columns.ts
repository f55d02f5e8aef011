/**
 * The spreadsheet layout (Kumu's: an Elements and a Connections table), the one description both
 * export and import use. Every column has its header, the other headers people write for it
 * (matched without case or surrounding spaces), and how a stored node or link fills it. Several
 * values in one cell are separated by `|`, as Kumu does.
 *
 * Elements carry every field of every node kind, so an exported workbook imports back to the same
 * network; `Tags` (theme names) and `Place` (place names) repeat the FOCUSES_ON and BASED_IN
 * connections in the form Kumu users expect, and an import that finds both makes one link.
 */
import {
  LINK_KINDS,
  ORGANISATION_KINDS,
  type GraphNode,
  type Link,
  type LinkKind,
  type NodeKind,
  type OrganisationKind,
} from '@octograph/graph-schema';

/** Separates several values in one cell. */
export const MULTI_VALUE_SEPARATOR = '|';

/** What an element's `Type` cell says: a node kind, and for organisations their kind. */
export interface ElementType {
  kind: NodeKind;
  orgKind: OrganisationKind | null;
}

/** The `Type` written for each organisation kind. */
export const ORGANISATION_TYPE_LABELS: Readonly<Record<OrganisationKind, string>> = {
  charity: 'Charity',
  community_group: 'Community group',
  social_enterprise: 'Social enterprise',
  company: 'Company',
  public_body: 'Public body',
  faith_group: 'Faith group',
  informal_group: 'Informal group',
  network: 'Network',
};

/** The `Type` written for the other node kinds. */
export const NODE_TYPE_LABELS: Readonly<Record<Exclude<NodeKind, 'organisation'>, string>> = {
  person: 'Person',
  project: 'Project',
  meeting: 'Meeting',
  theme: 'Theme',
  place: 'Place',
};

/** Other words people use for a type, lower case. */
const TYPE_SYNONYMS: Readonly<Record<string, ElementType>> = {
  organisation: { kind: 'organisation', orgKind: null },
  organization: { kind: 'organisation', orgKind: null },
  group: { kind: 'organisation', orgKind: 'community_group' },
  cic: { kind: 'organisation', orgKind: 'social_enterprise' },
  'social enterprise / cic': { kind: 'organisation', orgKind: 'social_enterprise' },
  business: { kind: 'organisation', orgKind: 'company' },
  council: { kind: 'organisation', orgKind: 'public_body' },
  church: { kind: 'organisation', orgKind: 'faith_group' },
  people: { kind: 'person', orgKind: null },
  individual: { kind: 'person', orgKind: null },
  initiative: { kind: 'project', orgKind: null },
  event: { kind: 'meeting', orgKind: null },
  topic: { kind: 'theme', orgKind: null },
  issue: { kind: 'theme', orgKind: null },
  area: { kind: 'place', orgKind: null },
  location: { kind: 'place', orgKind: null },
  neighbourhood: { kind: 'place', orgKind: null },
};

/** Text compared without case, accents or surrounding spaces. */
export function normalised(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** The `Type` cell for a node. */
export function typeLabelOf(node: GraphNode): string {
  return node.kind === 'organisation'
    ? ORGANISATION_TYPE_LABELS[node.orgKind]
    : NODE_TYPE_LABELS[node.kind];
}

/** Remembers a function's answers for the texts of a file, which repeat on every row. */
function remembered<T>(work: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    if (answers.has(text)) return answers.get(text) as T;
    const answer = work(text);
    if (answers.size < 10_000) answers.set(text, answer);
    return answer;
  };
}

/** What a `Type` cell means, or null when it names no known type. */
export const elementTypeOf = remembered((text: string): ElementType | null => {
  const wanted = normalised(text);
  for (const orgKind of ORGANISATION_KINDS) {
    if (
      wanted === normalised(ORGANISATION_TYPE_LABELS[orgKind]) ||
      wanted === normalised(orgKind)
    ) {
      return { kind: 'organisation', orgKind };
    }
  }
  for (const [kind, label] of Object.entries(NODE_TYPE_LABELS) as [NodeKind, string][]) {
    if (wanted === normalised(label) || wanted === kind) return { kind, orgKind: null };
  }
  return TYPE_SYNONYMS[wanted] ?? null;
});

/** The `Type` written for each link kind (Kumu connection types are free text). */
export const LINK_TYPE_LABELS: Readonly<Record<LinkKind, string>> = {
  COLLABORATES_WITH: 'collaborates with',
  MEMBER_OF: 'member of',
  PARTNER_IN: 'partner in',
  WORKS_AT: 'works at',
  VOLUNTEERS_AT: 'volunteers at',
  FUNDS: 'funds',
  ATTENDED: 'attended',
  FOCUSES_ON: 'focuses on',
  BASED_IN: 'based in',
};

const LINK_TYPE_SYNONYMS: Readonly<Record<string, LinkKind>> = {
  collaboration: 'COLLABORATES_WITH',
  collaborates: 'COLLABORATES_WITH',
  'works with': 'COLLABORATES_WITH',
  partnership: 'COLLABORATES_WITH',
  partners: 'COLLABORATES_WITH',
  referral: 'COLLABORATES_WITH',
  member: 'MEMBER_OF',
  membership: 'MEMBER_OF',
  partner: 'PARTNER_IN',
  employee: 'WORKS_AT',
  staff: 'WORKS_AT',
  'works for': 'WORKS_AT',
  volunteer: 'VOLUNTEERS_AT',
  funder: 'FUNDS',
  funding: 'FUNDS',
  'funded by': 'FUNDS',
  attendee: 'ATTENDED',
  'attended by': 'ATTENDED',
  theme: 'FOCUSES_ON',
  'located in': 'BASED_IN',
  place: 'BASED_IN',
};

/** What a connection's `Type` cell means, or null when it names no known link kind. */
export const linkKindOf = remembered((text: string): LinkKind | null => {
  const wanted = normalised(text);
  for (const kind of LINK_KINDS) {
    if (wanted === LINK_TYPE_LABELS[kind] || wanted === normalised(kind)) return kind;
  }
  return LINK_TYPE_SYNONYMS[wanted] ?? null;
});

/** A column: its header, what else people call it, and how a stored record fills it. */
export interface Column<T> {
  header: string;
  aliases: readonly string[];
  cell: (record: T, names: ReadonlyMap<string, string>) => string;
}

function list(values: readonly string[] | undefined): string {
  return (values ?? []).join(MULTI_VALUE_SEPARATOR);
}

function text(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function yesNo(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'yes' : 'no';
}

/**
 * Elements, in the order written. `names` maps node ids to names, for `Tags` and `Place`; the
 * two are filled by the exporter from the node's FOCUSES_ON and BASED_IN links (see tagsOf and
 * placesOf), so `cell` here leaves them to it.
 */
export const ELEMENT_COLUMNS = {
  id: { header: 'ID', aliases: [], cell: (node) => node.id },
  name: { header: 'Label', aliases: ['Name', 'Title'], cell: (node) => node.name },
  type: { header: 'Type', aliases: ['Kind'], cell: (node) => typeLabelOf(node) },
  description: {
    header: 'Description',
    aliases: [],
    cell: (node) => ('description' in node ? node.description : ''),
  },
  tags: { header: 'Tags', aliases: ['Themes'], cell: () => '' },
  place: { header: 'Place', aliases: ['Area', 'Location'], cell: () => '' },
  since: { header: 'Since', aliases: ['Start', 'Joined'], cell: (node) => text(node.since) },
  until: { header: 'Until', aliases: ['End', 'Left'], cell: (node) => text(node.until) },
  status: {
    header: 'Status',
    aliases: [],
    cell: (node) => ('status' in node ? node.status : ''),
  },
  website: {
    header: 'Website',
    aliases: ['URL', 'Web'],
    cell: (node) => (node.kind === 'organisation' ? text(node.website) : ''),
  },
  values: {
    header: 'Values',
    aliases: [],
    cell: (node) => (node.kind === 'organisation' ? list(node.values) : ''),
  },
  offers: {
    header: 'Offers',
    aliases: [],
    cell: (node) => (node.kind === 'organisation' ? list(node.offers) : ''),
  },
  needs: {
    header: 'Needs',
    aliases: [],
    cell: (node) => (node.kind === 'organisation' ? list(node.needs) : ''),
  },
  founded: {
    header: 'Founded',
    aliases: [],
    cell: (node) => (node.kind === 'organisation' ? text(node.founded) : ''),
  },
  role: {
    header: 'Role',
    aliases: ['Job title'],
    cell: (node) => (node.kind === 'person' ? text(node.role) : ''),
  },
  email: {
    header: 'Email',
    aliases: ['E-mail'],
    cell: (node) => (node.kind === 'person' ? text(node.email?.value) : ''),
  },
  emailVisibility: {
    header: 'Email visibility',
    aliases: ['E-mail visibility'],
    cell: (node) => (node.kind === 'person' ? text(node.email?.visibility) : ''),
  },
  phone: {
    header: 'Phone',
    aliases: ['Telephone'],
    cell: (node) => (node.kind === 'person' ? text(node.phone?.value) : ''),
  },
  phoneVisibility: {
    header: 'Phone visibility',
    aliases: [],
    cell: (node) => (node.kind === 'person' ? text(node.phone?.visibility) : ''),
  },
  date: {
    header: 'Date',
    aliases: [],
    cell: (node) => (node.kind === 'meeting' ? node.date : ''),
  },
  venue: {
    header: 'Venue',
    aliases: [],
    cell: (node) => (node.kind === 'meeting' ? text(node.venue) : ''),
  },
  organiser: {
    header: 'Organiser',
    aliases: ['Organizer'],
    cell: (node) => (node.kind === 'meeting' ? text(node.organiser) : ''),
  },
  notes: {
    header: 'Notes',
    aliases: [],
    cell: (node) => (node.kind === 'meeting' ? node.notes : ''),
  },
  placeType: {
    header: 'Place type',
    aliases: [],
    cell: (node) => (node.kind === 'place' ? text(node.placeType) : ''),
  },
} as const satisfies Record<string, Column<GraphNode>>;
export type ElementField = keyof typeof ELEMENT_COLUMNS;

/** Connections, in the order written. `From` and `To` hold element IDs. */
export const CONNECTION_COLUMNS = {
  id: { header: 'ID', aliases: [], cell: (link) => link.id },
  from: { header: 'From', aliases: ['Source'], cell: (link) => link.source },
  to: { header: 'To', aliases: ['Target'], cell: (link) => link.target },
  type: { header: 'Type', aliases: ['Kind'], cell: (link) => LINK_TYPE_LABELS[link.kind] },
  strength: {
    header: 'Strength',
    aliases: ['Weight'],
    cell: (link) => String(link.strength),
  },
  since: { header: 'Since', aliases: ['Start'], cell: (link) => link.since },
  until: { header: 'Until', aliases: ['End'], cell: (link) => text(link.until) },
  notes: { header: 'Notes', aliases: ['Description'], cell: (link) => link.notes },
  meeting: { header: 'Meeting', aliases: [], cell: (link) => text(link.meetingId) },
  collaborationType: {
    header: 'Collaboration type',
    aliases: [],
    cell: (link) => text(link.collaborationType),
  },
  role: { header: 'Role', aliases: [], cell: (link) => text(link.role) },
  shareEmail: {
    header: 'Shares email',
    aliases: [],
    cell: (link) => yesNo(link.consent?.shareEmail),
  },
  sharePhone: {
    header: 'Shares phone',
    aliases: [],
    cell: (link) => yesNo(link.consent?.sharePhone),
  },
} as const satisfies Record<string, Column<Link>>;
export type ConnectionField = keyof typeof CONNECTION_COLUMNS;

/**
 * Which field a header names, for a table whose columns are `columns`: the header or an alias,
 * without case, accents or surrounding spaces; null for a column Octograph does not know.
 */
export function fieldOfHeader<F extends string>(
  columns: Readonly<Record<F, { header: string; aliases: readonly string[] }>>,
  header: string,
): F | null {
  const wanted = normalised(header);
  for (const [field, column] of Object.entries(columns) as [F, Column<never>][]) {
    if (normalised(column.header) === wanted) return field;
    if (column.aliases.some((alias) => normalised(alias) === wanted)) return field;
  }
  return null;
}

/** The names of the themes a node focuses on, or of the places it is based in, in `links`. */
export function linkedNames(
  node: GraphNode,
  kind: 'FOCUSES_ON' | 'BASED_IN',
  links: readonly Link[],
  names: ReadonlyMap<string, string>,
): string {
  return links
    .filter((link) => link.kind === kind && link.source === node.id)
    .map((link) => names.get(link.target) ?? link.target)
    .sort((a, b) => a.localeCompare(b))
    .join(MULTI_VALUE_SEPARATOR);
}
