/**
 * Large fictional networks for benchmarks: thousands of organisations and people joined by tens
 * of thousands of links. Everything is drawn from one seeded generator, so a benchmark can be
 * rerun on exactly the same network, and degrees are heavy-tailed as in real community networks:
 * a few hubs with hundreds of links, most groups with a handful, some with none at all.
 */
import {
  LINK_RULES,
  ORGANISATION_KINDS,
  linkEndpointProblem,
  type CollaborationType,
  type ContactVisibility,
  type CreateLinkInput,
  type CreateNodeInput,
  type LinkKind,
  type NodeKind,
  type OrganisationKind,
  type OrganisationStatus,
  type PlaceType,
} from '@octograph/graph-schema';
import type { SeedNetwork } from './network.js';
import { mulberry32 } from './random.js';

/** What to generate; the same options always give the same network. */
export interface SyntheticOptions {
  /** How many organisations; about 1% of them are networks, about 2% have no links at all. */
  organisations: number;
  /** How many people, each working, volunteering or a member somewhere when links allow. */
  people: number;
  /** Exactly how many links, counting BASED_IN and FOCUSES_ON. */
  links: number;
  /** Seeds the generator: the same seed gives the same network, another seed another one. */
  seed: number;
  /** How many theme nodes (default 20); 0 leaves out FOCUSES_ON links. */
  themes?: number;
  /** How many place nodes (default 12); 0 leaves out BASED_IN links. */
  places?: number;
}

// ---------------------------------------------------------------------------------------------
// Shape of the network. Tuned so that 10,000 organisations, 2,000 people and 40,000 links give
// hubs with several hundred links, a median organisation with three or four, and over a quarter
// of all links between organisations (the part the insights work on).

const NETWORK_SHARE = 0.01;
const ISOLATED_SHARE = 0.02;
/** Zipf exponent of organisation popularity: higher makes the biggest hubs bigger. */
const ORGANISATION_ZIPF = 0.8;
/** Networks exist to gather members, so they collaborate and employ more than their rank says. */
const NETWORK_BOOST = 4;
const PERSON_ZIPF = 0.6;
const THEME_ZIPF = 0.8;
const PLACE_ZIPF = 0.8;
/** How many themes an organisation focuses on: mostly one or two. */
const THEME_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 50],
  [2, 32],
  [3, 18],
];
/** Links per person wanted before the budget caps it. */
const LINKS_PER_PERSON = 1.7;
/** Share of organisations wanted as members of a network before the budget caps it. */
const MEMBERSHIPS_PER_ORGANISATION = 0.3;
/** Caps on the share of the free budget (after each organisation's place and first theme). */
const MAX_EXTRA_THEME_SHARE = 0.35;
const MAX_PEOPLE_SHARE = 0.3;
const MAX_MEMBERSHIP_SHARE = 0.15;

// Dates stay in the past of the demo's "now" so an as-of-today map shows the whole network.
const DAY_MS = 86_400_000;
const START_DAY = Date.parse('2015-01-01T00:00:00Z') / DAY_MS;
const END_DAY = Date.parse('2026-06-30T00:00:00Z') / DAY_MS;
/** Nodes join at least this long before the end, so their links have dates to start on. */
const JOIN_MARGIN_DAYS = 365;

// ---------------------------------------------------------------------------------------------
// Word lists. Names are invented; e-mail addresses use example.org and phone numbers the range
// Ofcom reserves for drama (07700 900000–900999), so nothing reaches a real person.

// prettier-ignore
const PLACE_STEMS = [
  'North', 'South', 'East', 'West', 'River', 'Oak', 'Ash', 'Elm', 'Mill', 'Stone', 'Green',
  'Fair', 'High', 'Kings', 'Hazel', 'Willow', 'Castle', 'Church', 'Market', 'Meadow', 'Holly',
  'Beech', 'Cherry', 'Marsh', 'Orchard', 'Heath', 'Fox', 'Lark', 'Rose', 'Thorn', 'Barley',
  'Cole',
] as const;
// prettier-ignore
const PLACE_ENDINGS = [
  'field', 'side', 'wood', 'gate', 'ford', 'ton', 'bury', 'ham', 'dale', 'vale', 'moor',
  'well', 'hill', 'brook', 'stead', 'leigh', 'combe', 'mouth', 'port', 'by',
] as const;

const PLACE_PREFIXES = ['Upper', 'Lower', 'Old', 'New', 'Little', 'Great', 'Nether'] as const;

/** Per kind of organisation: its wording, how common it is, and what such groups are called. */
const ORGANISATION_STYLES: Readonly<
  Record<OrganisationKind, { label: string; weight: number; names: readonly string[] }>
> = {
  charity: {
    label: 'charity',
    weight: 28,
    // prettier-ignore
    names: [
      'Food Bank', "Carers' Centre", 'Befriending Service', 'Advice Centre', 'Baby Bank',
      'Family Support', 'Youth Trust', 'Refugee Welcome', 'Debt Advice Service',
      'Dementia Support', 'Young Carers', 'Community Trust', 'Wildlife Trust', 'Recovery Service',
      'Homeless Project', 'Mental Health Support', 'Disability Forum', 'Literacy Project',
      "Women's Centre", 'Hospice Support',
    ],
  },
  community_group: {
    label: 'community group',
    weight: 30,
    // prettier-ignore
    names: [
      "Men's Shed", 'Community Garden', "Tenants' Association", 'Lunch Club', 'Dementia Café',
      'Parent and Toddler Group', 'Allotment Society', 'Friends of the Library', 'Community Choir',
      "Residents' Association", 'Litter Pickers', 'Walking Group', 'Knit and Natter',
      'Youth Club', 'Heritage Society', 'Over-60s Club', 'Community Pantry', 'Toy Library',
      'Climate Action', 'Neighbourhood Forum',
    ],
  },
  social_enterprise: {
    label: 'social enterprise',
    weight: 10,
    // prettier-ignore
    names: [
      'Repair Café', 'Community Kitchen', 'Bike Kitchen', 'Food Co-op', 'Community Energy',
      'Print Works CIC', 'Tool Library', 'Community Café', 'Upcycling Workshop',
      'Community Transport', 'Laundry CIC', 'Credit Union',
    ],
  },
  company: {
    label: 'local company',
    weight: 6,
    // prettier-ignore
    names: [
      'Bakery', 'Builders', 'Garden Centre', 'Housing Association', 'Print Shop', 'Pharmacy',
      'Estate Agents', 'Bus Company', 'Solicitors', 'Accountants',
    ],
  },
  public_body: {
    label: 'public body',
    weight: 6,
    // prettier-ignore
    names: [
      'Library', 'Primary School', 'Health Centre', "Children's Centre", 'Council Community Team',
      'Jobcentre', 'Fire Station', 'Leisure Centre', 'Neighbourhood Police Team',
      'Adult Education Centre',
    ],
  },
  faith_group: {
    label: 'faith group',
    weight: 8,
    // prettier-ignore
    names: [
      'Parish Church', 'Methodist Church', 'Baptist Church', 'Mosque', 'Gurdwara',
      'Quaker Meeting', 'Synagogue', 'Community Church', 'Catholic Parish', 'Hindu Temple',
    ],
  },
  informal_group: {
    label: 'informal group',
    weight: 12,
    // prettier-ignore
    names: [
      'Book Club', 'Knitting Circle', 'Running Club', 'Chess Club', 'Mutual Aid', 'Seed Swap',
      'Coffee Morning', 'Dog Walkers', 'Board Games Night', 'Community Fridge', 'Clothes Swap',
      'Street Party Crew',
    ],
  },
  // Networks are chosen by share (NETWORK_SHARE), not drawn by weight.
  network: {
    label: 'network',
    weight: 0,
    // prettier-ignore
    names: [
      'Voluntary Action', 'Community Network', "Older People's Partnership",
      'Early Help Network', 'Food Partnership', 'Youth Alliance', 'Climate Network',
      'Faith Forum', 'Arts Network', 'Wellbeing Collective', "Carers' Alliance",
      'Mental Health Alliance',
    ],
  },
};

// prettier-ignore
const THEME_NAMES = [
  'Wellbeing', 'Older people', 'Families', 'Climate', 'Financial literacy', 'Befriending',
  'Food', 'Housing', 'Mental health', 'Young people', 'Arts and culture', 'Sport and activity',
  'Employment and skills', 'Digital inclusion', 'Disability', 'Refugees and migrants', 'Carers',
  'Loneliness', 'Green spaces', 'Transport', 'Heritage', 'Early help', 'Money advice',
  'Faith and belief', 'Community safety', 'Learning', 'Health inequalities', 'Volunteering',
  'Nature', 'Recovery',
] as const;

// The attributes the Early Help and collaboration notes name; offers and needs share one
// vocabulary so "one's offers meet another's needs" has matches to find.
const VALUES = ['Caring', 'Listening', 'Proactive', 'Trust', 'Learning', 'Creativity', 'Inclusion'];
// prettier-ignore
const RESOURCES = [
  'meeting room', 'volunteers', 'minibus', 'funding advice', 'training', 'kitchen',
  'storage space', 'publicity', 'translation', 'safeguarding advice', 'IT support',
  'garden space', 'hot meals', 'legal advice', 'befrienders',
] as const;

// prettier-ignore
const FIRST_NAMES = [
  'Alex', 'Amira', 'Anna', 'Ben', 'Bronwen', 'Chloe', 'Colin', 'Daniel', 'Deepa', 'Ewa',
  'Faisal', 'Fiona', 'George', 'Grace', 'Hannah', 'Imran', 'Isla', 'Jack', 'Jade', 'Jakub',
  'James', 'Kasia', 'Kemi', 'Leah', 'Liam', 'Marek', 'Maya', 'Mohammed', 'Nadia', 'Niamh',
  'Oliver', 'Olu', 'Priya', 'Rachel', 'Rhys', 'Rosa', 'Ruth', 'Sam', 'Sanjay', 'Sara', 'Sean',
  'Sophie', 'Tariq', 'Tom', 'Una', 'Vikram', 'Wei', 'Yusuf', 'Zainab', 'Zofia',
] as const;
// prettier-ignore
const SURNAMES = [
  'Abbott', 'Adeyemi', 'Ahmed', 'Bailey', 'Begum', 'Bennett', 'Byrne', 'Campbell', 'Chen',
  'Clarke', 'Davies', 'Dawson', 'Doyle', 'Evans', 'Fletcher', 'Foster', 'Green', 'Hall',
  'Harris', 'Hughes', 'Hussain', 'Jackson', 'James', 'Jones', 'Kaur', 'Kowalski', 'Lewis',
  'Lloyd', 'Malik', 'Marsh', 'Mensah', 'Mitchell', 'Morgan', 'Murphy', 'Nowak', "O'Brien",
  'Okafor', 'Owen', 'Parry', 'Patel', 'Quinn', 'Reid', 'Roberts', 'Robinson', 'Shah', 'Singh',
  'Smith', 'Stewart', 'Taylor', 'Thomas', 'Turner', 'Walsh', 'Ward', 'Watson', 'White',
  'Williams', 'Wilson', 'Wright', 'Young', 'Zielinski',
] as const;
// prettier-ignore
const ROLES = [
  'Coordinator', 'Volunteer', 'Trustee', 'Chair', 'Project worker', 'Community connector',
  'Development officer', 'Treasurer', 'Youth worker', 'Outreach worker',
] as const;

const STATUS_WEIGHTS: readonly (readonly [OrganisationStatus, number])[] = [
  ['active', 86],
  ['dormant', 9],
  ['closed', 5],
];
const PLACE_TYPE_WEIGHTS: readonly (readonly [PlaceType, number])[] = [
  ['neighbourhood', 35],
  ['ward', 25],
  ['village', 20],
  ['town', 12],
  ['district', 6],
  ['county', 2],
];
const COLLABORATION_WEIGHTS: readonly (readonly [CollaborationType, number])[] = [
  ['partnership', 25],
  ['referral', 25],
  ['shared_space', 15],
  ['resource_sharing', 15],
  ['informal', 20],
];
const PERSON_LINK_WEIGHTS: readonly (readonly [LinkKind, number])[] = [
  ['WORKS_AT', 30],
  ['VOLUNTEERS_AT', 50],
  ['MEMBER_OF', 20],
];
const VISIBILITY_WEIGHTS: readonly (readonly [ContactVisibility, number])[] = [
  ['private', 40],
  ['attendees', 30],
  ['network', 20],
  ['public', 10],
];
const STRENGTH_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 30],
  [2, 50],
  [3, 20],
];

// ---------------------------------------------------------------------------------------------
// Randomness.

/** Seeded randomness (mulberry32) with the helpers the generator needs. */
class Random {
  /** A float in [0, 1). */
  readonly next: () => number;

  constructor(seed: number) {
    // Fold the high bits in so seeds that differ only above 2^32 still differ.
    this.next = mulberry32((seed ^ Math.floor(seed / 2 ** 32)) >>> 0);
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return at(list, this.int(list.length));
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return at(entries, entries.length - 1)[0];
  }

  /** Shuffles in place (Fisher–Yates) and returns the list. */
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const a = at(list, i);
      list[i] = at(list, j);
      list[j] = a;
    }
    return list;
  }

  /** Up to `count` distinct entries of a short list, in random order. */
  sample<T>(list: readonly T[], count: number): T[] {
    return this.shuffle([...list]).slice(0, count);
  }
}

/** Draws indices in proportion to fixed weights in O(log n): binary search of the running sum. */
class WeightedPicker {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((weight, i) => {
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  /** An index with a positive weight; callers check that one exists. */
  pick(random: Random): number {
    const r = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    // The first index whose running sum exceeds r; zero weights never are the first.
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.cumulative[mid] ?? 0) > r) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}

/** Zipf weights 1/rank^exponent, the ranks shuffled so popularity is not tied to the id. */
function zipfWeights(count: number, exponent: number, random: Random): number[] {
  const ranks = random.shuffle(Array.from({ length: count }, (_, i) => i + 1));
  return ranks.map((rank) => rank ** -exponent);
}

function at<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`synthetic network: no entry ${index}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Helpers for ids, names and dates.

function numberedId(prefix: string, n: number, width: number): string {
  return `syn-${prefix}-${String(n).padStart(width, '0')}`;
}

/** Hands out unique names: draws a few candidates, then numbers the last one. */
class NameBook {
  private readonly used = new Set<string>();
  /** The next number to try per base name, so numbering stays O(1) in huge networks. */
  private readonly nextNumber = new Map<string, number>();

  unique(draw: () => string): string {
    let name = draw();
    for (let attempt = 0; attempt < 10 && this.used.has(name); attempt++) name = draw();
    const base = name;
    let n = this.nextNumber.get(base) ?? 2;
    for (; this.used.has(name); n++) name = `${base} ${n}`;
    this.nextNumber.set(base, n);
    this.used.add(name);
    return name;
  }
}

const dateCache = new Map<number, string>();
function isoDate(day: number): string {
  let date = dateCache.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dateCache.set(day, date);
  }
  return date;
}

/** A join date; the square root leans towards later years, as a mapped network grows. */
function joinDay(random: Random): number {
  const span = END_DAY - JOIN_MARGIN_DAYS - START_DAY;
  return START_DAY + Math.floor(Math.sqrt(random.next()) * span);
}

function sortedDays(days: readonly number[]): Float64Array {
  return Float64Array.from(days).sort();
}

/** How many of the sorted days come after `day`. */
function joinedAfter(sorted: Float64Array, day: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? 0) > day) high = mid;
    else low = mid + 1;
  }
  return sorted.length - low;
}

function dayBetween(random: Random, from: number, to: number): number {
  return from + random.int(to - from + 1);
}

function slug(text: string): string {
  // Decompose first so 'Café' becomes 'cafe' rather than losing the letter.
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/**
 * Draws `count` pairs that are not yet in `used` and adds them to it. Each draw returns a pair
 * key, or -1 for a pair that cannot be linked (a node with itself, or two that never existed at
 * the same time). The draws are tried in turn, each with ten tries per pair still wanted: first
 * the weighted one, so hubs get their share; then, if its hubs are saturated, a uniform one; and
 * last every remaining pair from `enumerate`. That is only reached when nearly all pairs are
 * taken, so listing them costs about as much as the links themselves.
 */
function drawPairs(
  count: number,
  used: Set<number>,
  draws: readonly (() => number)[],
  enumerate: () => Iterable<number>,
  random: Random,
): number[] {
  const drawn: number[] = [];
  for (const draw of draws) {
    for (let tries = 10 * count + 100; tries > 0 && drawn.length < count; tries--) {
      const key = draw();
      if (key >= 0 && !used.has(key)) {
        used.add(key);
        drawn.push(key);
      }
    }
  }
  if (drawn.length < count) {
    const left = random.shuffle([...enumerate()].filter((key) => key >= 0 && !used.has(key)));
    for (const key of left.slice(0, count - drawn.length)) {
      used.add(key);
      drawn.push(key);
    }
  }
  if (drawn.length < count) {
    throw new Error(`syntheticNetwork: found only ${drawn.length} of ${count} distinct pairs`);
  }
  return drawn;
}

// ---------------------------------------------------------------------------------------------
// The link budget.

interface Budget {
  /** FOCUSES_ON links beyond each linked organisation's first theme. */
  extraThemes: number;
  /** WORKS_AT, VOLUNTEERS_AT and MEMBER_OF links from people. */
  people: number;
  /** MEMBER_OF links from organisations to networks. */
  memberships: number;
  /** COLLABORATES_WITH links. */
  collaborations: number;
}

/**
 * Splits the links left after every linked organisation's BASED_IN and first FOCUSES_ON so the
 * total is exact: each kind gets what it wants up to a share of the budget and its capacity (the
 * distinct pairs there are), collaborations take the rest, and what they cannot hold spills back.
 * Returns null when even every possible link is not enough.
 */
function splitBudget(free: number, wanted: Budget, capacity: Budget): Budget | null {
  const budget: Budget = {
    extraThemes: Math.min(wanted.extraThemes, Math.floor(free * MAX_EXTRA_THEME_SHARE)),
    people: Math.min(wanted.people, Math.floor(free * MAX_PEOPLE_SHARE)),
    memberships: Math.min(wanted.memberships, Math.floor(free * MAX_MEMBERSHIP_SHARE)),
    collaborations: 0,
  };
  for (const kind of ['extraThemes', 'people', 'memberships'] as const) {
    budget[kind] = Math.min(budget[kind], capacity[kind]);
  }
  let rest = free - budget.extraThemes - budget.people - budget.memberships;
  budget.collaborations = Math.min(rest, capacity.collaborations);
  rest -= budget.collaborations;
  for (const kind of ['memberships', 'people', 'extraThemes'] as const) {
    const more = Math.min(rest, capacity[kind] - budget[kind]);
    budget[kind] += more;
    rest -= more;
  }
  return rest > 0 ? null : budget;
}

// ---------------------------------------------------------------------------------------------
// The generator.

interface Sizes {
  organisations: number;
  people: number;
  links: number;
  themes: number;
  places: number;
}

/** When an organisation was on the map, decided before anything else about it. */
interface OrganisationLife {
  status: OrganisationStatus;
  from: number;
  until: number | null;
}

/** Which organisations are networks, which get links, and when everyone was on the map. */
interface OrganisationPlan {
  readonly networks: readonly number[];
  /** The networks and every organisation that is not isolated. */
  readonly linked: readonly number[];
  readonly isolatedCount: number;
  readonly orgLives: readonly OrganisationLife[];
  readonly personFroms: readonly number[];
}

/** What the link rules and dates need to know about a node. */
interface NodeFacts {
  readonly id: string;
  readonly kind: NodeKind;
  readonly orgKind: OrganisationKind | null;
  /** Day it joined the map; themes and places were always there. */
  readonly from: number;
  /** Day it closed, or null. */
  readonly until: number | null;
}

function checkCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`syntheticNetwork: ${name} must be a whole number of at least 0, not ${value}`);
  }
  return value;
}

/** A seeded fictional network of the requested size; see SyntheticOptions. */
export function syntheticNetwork(options: SyntheticOptions): SeedNetwork {
  const sizes: Sizes = {
    organisations: checkCount('organisations', options.organisations),
    people: checkCount('people', options.people),
    links: checkCount('links', options.links),
    themes: checkCount('themes', options.themes ?? 20),
    places: checkCount('places', options.places ?? 12),
  };
  if (!Number.isSafeInteger(options.seed)) {
    throw new Error(`syntheticNetwork: seed must be a whole number, not ${options.seed}`);
  }
  return new SyntheticBuilder(sizes, new Random(options.seed)).build();
}

/**
 * Builds one network. Nodes live at global indices (themes, places, organisations, people, in
 * that order) and a pair of nodes is the number source * nodeCount + target, so duplicate checks
 * are Set<number> lookups rather than string building.
 */
class SyntheticBuilder {
  private readonly sizes: Sizes;
  private readonly random: Random;
  private readonly names = new NameBook();
  private readonly nodes: CreateNodeInput[] = [];
  private readonly facts: NodeFacts[] = [];
  private readonly links: CreateLinkInput[] = [];
  // Themes come first, so a theme's global index is its own index.
  private readonly themeBase = 0;
  private readonly placeBase: number;
  private readonly orgBase: number;
  private readonly personBase: number;
  private readonly nodeCount: number;
  private readonly themeNames: string[] = [];
  private readonly placeNames: string[] = [];

  constructor(sizes: Sizes, random: Random) {
    this.sizes = sizes;
    this.random = random;
    this.placeBase = this.themeBase + sizes.themes;
    this.orgBase = this.placeBase + sizes.places;
    this.personBase = this.orgBase + sizes.organisations;
    this.nodeCount = this.personBase + sizes.people;
  }

  build(): SeedNetwork {
    const { sizes, random } = this;

    // Networks are hubs, so they are never among the isolated organisations.
    const networkCount =
      sizes.organisations === 0 ? 0 : Math.max(1, Math.round(sizes.organisations * NETWORK_SHARE));
    const isolatedCount = Math.floor(sizes.organisations * ISOLATED_SHARE);
    const order = random.shuffle(Array.from({ length: sizes.organisations }, (_, i) => i));
    const networks = order.slice(0, networkCount);
    const linked = networks.concat(order.slice(networkCount + isolatedCount));

    // Lifetimes come before the budget: two nodes can only be linked while both exist, and that
    // limits how many distinct links fit.
    const orgLives = Array.from({ length: sizes.organisations }, (): OrganisationLife => {
      const status = random.weighted(STATUS_WEIGHTS);
      const from = joinDay(random);
      const until = status === 'closed' ? dayBetween(random, from + 180, END_DAY) : null;
      return { status, from, until };
    });
    const personFroms = Array.from({ length: sizes.people }, () => joinDay(random));

    const maxThemes = Math.min(3, sizes.themes);
    const themesOf = new Uint8Array(sizes.organisations);
    let extraThemes = 0;
    for (const org of linked) {
      const count = Math.min(maxThemes, random.weighted(THEME_COUNT_WEIGHTS));
      themesOf[org] = count;
      extraThemes += Math.max(0, count - 1);
    }

    const plan = { networks, linked, isolatedCount, orgLives, personFroms };
    const budget = this.planBudget(plan, extraThemes);
    this.fitThemeCounts(themesOf, linked, budget.extraThemes);

    this.addThemesAndPlaces();
    const isNetwork = new Uint8Array(sizes.organisations);
    for (const org of networks) isNetwork[org] = 1;
    const isLinked = new Uint8Array(sizes.organisations);
    for (const org of linked) isLinked[org] = 1;
    this.addOrganisations(orgLives, isNetwork, isLinked, themesOf);
    this.addPeople(personFroms);

    // Popularity: Zipf over the linked organisations, so a few are hubs and most are not.
    const orgWeights = new Array<number>(sizes.organisations).fill(0);
    zipfWeights(linked.length, ORGANISATION_ZIPF, random).forEach((weight, i) => {
      const org = at(linked, i);
      orgWeights[org] = isNetwork[org] ? weight * NETWORK_BOOST : weight;
    });
    const orgPicker = new WeightedPicker(orgWeights);

    this.addMemberships(budget.memberships, linked, networks);
    this.addPeopleLinks(budget.people, linked, orgPicker);
    this.addCollaborations(budget.collaborations, linked, orgPicker);

    if (this.links.length !== sizes.links) {
      throw new Error(`syntheticNetwork made ${this.links.length} links, not ${sizes.links}`);
    }
    return { nodes: this.nodes, links: this.links };
  }

  /**
   * How many links of each kind to make, so that they add up to exactly `sizes.links`; throws
   * when that many cannot fit.
   */
  private planBudget(plan: OrganisationPlan, wantedExtraThemes: number): Budget {
    const { sizes } = this;
    const { networks, linked, isolatedCount, orgLives, personFroms } = plan;
    const maxThemes = Math.min(3, sizes.themes);
    const required = linked.length * (Math.min(1, sizes.places) + Math.min(1, sizes.themes));
    if (sizes.links < required) {
      throw new Error(
        `syntheticNetwork: ${sizes.links} links are too few; the ${linked.length} linked ` +
          `organisations need at least ${required} for their place and first theme ` +
          '(pass places: 0 or themes: 0 to leave those out)',
      );
    }
    // Pairs whose lifetimes do not overlap: one closed before the other joined. Only closed
    // organisations end, so counting those who joined after each closure finds them all.
    const linkedFroms = sortedDays(linked.map((org) => at(orgLives, org).from));
    const networkFroms = sortedDays(networks.map((org) => at(orgLives, org).from));
    const peopleFroms = sortedDays(personFroms);
    const apart = { people: 0, memberships: 0, collaborations: 0 };
    for (const org of linked) {
      const until = at(orgLives, org).until;
      if (until === null) continue;
      apart.people += joinedAfter(peopleFroms, until);
      apart.memberships += joinedAfter(networkFroms, until);
      apart.collaborations += joinedAfter(linkedFroms, until);
    }
    for (const network of networks) {
      const until = at(orgLives, network).until;
      if (until !== null) apart.memberships += joinedAfter(linkedFroms, until);
    }
    const capacity: Budget = {
      extraThemes: linked.length * Math.max(0, maxThemes - 1),
      people: sizes.people * linked.length - apart.people,
      memberships: (linked.length - 1) * networks.length - apart.memberships,
      collaborations: (linked.length * (linked.length - 1)) / 2 - apart.collaborations,
    };
    const wanted: Budget = {
      extraThemes: wantedExtraThemes,
      people: Math.round(sizes.people * LINKS_PER_PERSON),
      memberships: Math.round(linked.length * MEMBERSHIPS_PER_ORGANISATION),
      collaborations: 0,
    };
    const budget = splitBudget(sizes.links - required, wanted, capacity);
    if (budget === null) {
      const most =
        required +
        capacity.extraThemes +
        capacity.people +
        capacity.memberships +
        capacity.collaborations;
      throw new Error(
        `syntheticNetwork: ${sizes.links} links cannot fit; ${sizes.organisations} ` +
          `organisations (${isolatedCount} of them isolated), ${sizes.people} people, ` +
          `${sizes.themes} themes and ${sizes.places} places allow at most ${most} distinct links`,
      );
    }
    return budget;
  }

  /** Trims or adds second and third themes, one organisation at a time, to match the budget. */
  private fitThemeCounts(themesOf: Uint8Array, linked: readonly number[], target: number): void {
    const maxThemes = Math.min(3, this.sizes.themes);
    let extra = 0;
    for (const org of linked) extra += Math.max(0, (themesOf[org] ?? 0) - 1);
    for (let i = 0; extra !== target; i = (i + 1) % linked.length) {
      const org = at(linked, i);
      const count = themesOf[org] ?? 0;
      if (extra > target && count > 1) {
        themesOf[org] = count - 1;
        extra--;
      } else if (extra < target && count < maxThemes) {
        themesOf[org] = count + 1;
        extra++;
      }
    }
  }

  /** Names like Millbrook or Little Ashford: enough of them to keep 100,000 groups apart. */
  private placeName(): string {
    const { random } = this;
    const name = `${random.pick(PLACE_STEMS)}${random.pick(PLACE_ENDINGS)}`;
    return random.chance(0.2) ? `${random.pick(PLACE_PREFIXES)} ${name}` : name;
  }

  private addThemesAndPlaces(): void {
    for (let i = 0; i < this.sizes.themes; i++) {
      // Past the word list, themes repeat with a number; only benchmarks ask for that many.
      const base = at(THEME_NAMES, i % THEME_NAMES.length);
      const name = this.names.unique(() => base);
      this.themeNames.push(name.toLowerCase());
      const id = numberedId('theme', i + 1, 5);
      const description = `Groups working on ${name.toLowerCase()}.`;
      this.nodes.push({ kind: 'theme', id, name, description });
      this.facts.push({ id, kind: 'theme', orgKind: null, from: START_DAY, until: null });
    }
    for (let i = 0; i < this.sizes.places; i++) {
      const name = this.names.unique(() => this.placeName());
      this.placeNames.push(name);
      const id = numberedId('place', i + 1, 5);
      const placeType = this.random.weighted(PLACE_TYPE_WEIGHTS);
      this.nodes.push({ kind: 'place', id, name, placeType });
      this.facts.push({ id, kind: 'place', orgKind: null, from: START_DAY, until: null });
    }
  }

  /** Organisations, each with its place and themes, which also shape its name and description. */
  private addOrganisations(
    lives: readonly OrganisationLife[],
    isNetwork: Uint8Array,
    isLinked: Uint8Array,
    themesOf: Uint8Array,
  ): void {
    const { sizes, random } = this;
    const themePicker = new WeightedPicker(zipfWeights(sizes.themes, THEME_ZIPF, random));
    const placePicker = new WeightedPicker(zipfWeights(sizes.places, PLACE_ZIPF, random));
    const commonKinds = ORGANISATION_KINDS.filter((kind) => kind !== 'network').map(
      (kind) => [kind, ORGANISATION_STYLES[kind].weight] as const,
    );
    const width = Math.max(5, String(sizes.organisations).length);

    for (let org = 0; org < sizes.organisations; org++) {
      const orgKind: OrganisationKind = isNetwork[org] ? 'network' : random.weighted(commonKinds);
      const style = ORGANISATION_STYLES[orgKind];
      const { status, from, until } = at(lives, org);
      const place = isLinked[org] && sizes.places > 0 ? placePicker.pick(random) : null;
      const themes: number[] = [];
      for (let attempt = 0; themes.length < (themesOf[org] ?? 0); attempt++) {
        // Popular themes come up again and again; after a few misses take the next free one.
        const theme = attempt < 20 ? themePicker.pick(random) : attempt % sizes.themes;
        if (!themes.includes(theme)) themes.push(theme);
      }

      // Most groups are named after where they are based, the rest after a street or estate.
      const name = this.names.unique(() => {
        const where =
          place !== null && random.chance(0.5) ? at(this.placeNames, place) : this.placeName();
        return `${where} ${random.pick(style.names)}`;
      });
      const id = numberedId('org', org + 1, width);
      const where = place === null ? '' : ` in ${at(this.placeNames, place)}`;
      const focus =
        themes.length === 0
          ? ''
          : `, working on ${listInWords(themes.map((theme) => at(this.themeNames, theme)))}`;
      const offers = random.sample(RESOURCES, random.int(4));
      const foundedBy = new Date(from * DAY_MS).getUTCFullYear();
      this.nodes.push({
        kind: 'organisation',
        id,
        name,
        since: isoDate(from),
        until: until === null ? null : isoDate(until),
        orgKind,
        description: `${/^[aeiou]/.test(style.label) ? 'An' : 'A'} ${style.label}${where}${focus}.`,
        website: random.chance(0.4) ? `https://${slug(name)}.example.org` : null,
        values: random.sample(VALUES, random.int(4)),
        offers,
        needs: random
          .sample(RESOURCES, 4)
          .filter((need) => !offers.includes(need))
          .slice(0, random.int(3)),
        status,
        // Many groups existed long before they joined the map.
        founded: random.chance(0.8) ? foundedBy - Math.floor(random.next() ** 2 * 60) : null,
      });
      this.facts.push({ id, kind: 'organisation', orgKind, from, until });

      // Place and themes are part of what the group is, so they date from when it joined.
      const self = this.orgBase + org;
      if (place !== null) this.addLink('BASED_IN', self, this.placeBase + place, true);
      for (const theme of themes) this.addLink('FOCUSES_ON', self, this.themeBase + theme, true);
    }
  }

  private addPeople(froms: readonly number[]): void {
    const { sizes, random } = this;
    const width = Math.max(5, String(sizes.people).length);
    for (let person = 0; person < sizes.people; person++) {
      // A middle initial now and then keeps thousands of names apart without numbering them.
      const name = this.names.unique(() => {
        const first = random.pick(FIRST_NAMES);
        const last = random.pick(SURNAMES);
        return random.chance(0.25)
          ? `${first} ${String.fromCharCode(65 + random.int(26))}. ${last}`
          : `${first} ${last}`;
      });
      const id = numberedId('person', person + 1, width);
      const from = at(froms, person);
      this.nodes.push({
        kind: 'person',
        id,
        name,
        since: isoDate(from),
        role: random.chance(0.85) ? random.pick(ROLES) : null,
        email: random.chance(0.7)
          ? {
              value: `${slug(name).replaceAll('-', '.')}@example.org`,
              visibility: random.weighted(VISIBILITY_WEIGHTS),
            }
          : null,
        phone: random.chance(0.3)
          ? {
              value: `07700 900${String(random.int(1000)).padStart(3, '0')}`,
              visibility: random.weighted(VISIBILITY_WEIGHTS),
            }
          : null,
      });
      this.facts.push({ id, kind: 'person', orgKind: null, from, until: null });
    }
  }

  /** Organisations join networks; the popular networks (Zipf) gather most of the members. */
  private addMemberships(
    count: number,
    linked: readonly number[],
    networks: readonly number[],
  ): void {
    const { random, orgBase } = this;
    const networkPicker = new WeightedPicker(zipfWeights(networks.length, 1, random));
    const key = (org: number, network: number): number =>
      org === network ? -1 : this.pairKey(orgBase + org, orgBase + network);
    const keys = drawPairs(
      count,
      new Set(),
      [
        () => key(random.pick(linked), at(networks, networkPicker.pick(random))),
        () => key(random.pick(linked), random.pick(networks)),
      ],
      function* () {
        for (const org of linked) for (const network of networks) yield key(org, network);
      },
      random,
    );
    for (const pair of keys) this.addPairLink('MEMBER_OF', pair);
  }

  /**
   * Everyone first gets one place to work, volunteer or belong (as far as the budget goes), then
   * the rest go to a few busy connectors (Zipf over people); the organisations are drawn by
   * popularity, so big organisations have many staff and volunteers. One link per person and
   * organisation: someone who works somewhere is not also recorded as volunteering there.
   */
  private addPeopleLinks(
    count: number,
    linked: readonly number[],
    orgPicker: WeightedPicker,
  ): void {
    const { random, sizes, orgBase, personBase } = this;
    const used = new Set<number>();
    const key = (person: number, org: number): number =>
      this.pairKey(personBase + person, orgBase + org);
    let placed = 0;
    for (let person = 0; person < sizes.people && placed < count; person++) {
      // Someone who joined after the few organisations drawn had closed waits for the next round.
      for (let attempt = 0; attempt < 20; attempt++) {
        const pair = key(person, orgPicker.pick(random));
        if (pair < 0) continue;
        used.add(pair);
        this.addPairLink(random.weighted(PERSON_LINK_WEIGHTS), pair);
        placed++;
        break;
      }
    }
    const personPicker = new WeightedPicker(zipfWeights(sizes.people, PERSON_ZIPF, random));
    const keys = drawPairs(
      count - placed,
      used,
      [
        () => key(personPicker.pick(random), orgPicker.pick(random)),
        () => key(random.int(sizes.people), random.pick(linked)),
      ],
      function* () {
        for (let person = 0; person < sizes.people; person++) {
          for (const org of linked) yield key(person, org);
        }
      },
      random,
    );
    for (const pair of keys) this.addPairLink(random.weighted(PERSON_LINK_WEIGHTS), pair);
  }

  /** Both ends drawn by popularity (Chung–Lu): hubs collaborate with many, most with a few. */
  private addCollaborations(
    count: number,
    linked: readonly number[],
    orgPicker: WeightedPicker,
  ): void {
    const { random, orgBase } = this;
    // Collaboration has no direction, so a pair is keyed smaller index first.
    const key = (a: number, b: number): number =>
      a === b ? -1 : this.pairKey(orgBase + Math.min(a, b), orgBase + Math.max(a, b));
    const keys = drawPairs(
      count,
      new Set(),
      [
        () => key(orgPicker.pick(random), orgPicker.pick(random)),
        () => key(random.pick(linked), random.pick(linked)),
      ],
      function* () {
        for (let i = 0; i < linked.length; i++) {
          for (let j = i + 1; j < linked.length; j++) yield key(at(linked, i), at(linked, j));
        }
      },
      random,
    );
    for (const pair of keys) {
      const [a, b] = this.ends(pair);
      // Which end comes first means nothing; shuffle it so sources are not always older ids.
      if (random.chance(0.5)) this.addLink('COLLABORATES_WITH', a, b);
      else this.addLink('COLLABORATES_WITH', b, a);
    }
  }

  /** The key of a pair, or -1 when the two never exist at the same time and cannot be linked. */
  private pairKey(source: number, target: number): number {
    const a = at(this.facts, source);
    const b = at(this.facts, target);
    const apart = Math.max(a.from, b.from) > Math.min(a.until ?? END_DAY, b.until ?? END_DAY);
    return apart ? -1 : source * this.nodeCount + target;
  }

  private ends(pair: number): [number, number] {
    return [Math.floor(pair / this.nodeCount), pair % this.nodeCount];
  }

  private addPairLink(kind: LinkKind, pair: number): void {
    const [source, target] = this.ends(pair);
    this.addLink(kind, source, target);
  }

  /**
   * Adds a link after checking it against the schema's endpoint rules (a failure is a bug here).
   * A link lives while both its ends do: it starts after both joined and ends when either closed.
   * `fromJoining` dates it from the later join, for what is part of a group from the start.
   */
  private addLink(kind: LinkKind, source: number, target: number, fromJoining = false): void {
    const { random } = this;
    const from = at(this.facts, source);
    const to = at(this.facts, target);
    const problem = source === target ? 'a self-link' : linkEndpointProblem(kind, from, to);
    if (problem !== null) throw new Error(`syntheticNetwork made a bad link: ${problem}`);

    const start = Math.max(from.from, to.from);
    const end = Math.min(from.until ?? END_DAY, to.until ?? END_DAY);
    const since = fromJoining ? start : dayBetween(random, start, end);
    let until: number | null = end < END_DAY ? end : null;
    if (until === null && !fromJoining && random.chance(0.06)) {
      until = dayBetween(random, since, END_DAY);
    }
    const link: CreateLinkInput = {
      id: numberedId('link', this.links.length + 1, Math.max(6, String(this.sizes.links).length)),
      kind,
      source: from.id,
      target: to.id,
      since: isoDate(since),
      until: until === null ? null : isoDate(until),
      strength: random.weighted(STRENGTH_WEIGHTS),
    };
    // Only undirected links (COLLABORATES_WITH) carry a collaboration type.
    if (!LINK_RULES[kind].directed) link.collaborationType = random.weighted(COLLABORATION_WEIGHTS);
    this.links.push(link);
  }
}
