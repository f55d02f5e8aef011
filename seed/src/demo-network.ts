/**
 * The demo network: the map a new user sees on first start. It is fictional but shaped like a
 * real community-sector network: the town of Kingsmouth (five wards) and its Polish twin town
 * Modrzewiec, a council for voluntary service and three other networks as hubs, groups that only
 * know each other, a few groups nobody is linked to yet, people, projects and meetings.
 *
 * The data is kept in tables so it reads like a spreadsheet; `demoNetwork()` turns the tables
 * into nodes and links with fixed ids. A small seeded generator adds some everyday
 * collaborations between neighbours, so the output is the same on every call.
 *
 * Every name, e-mail address and phone number is invented: e-mails use example.org and phones the
 * UK range reserved for drama (+44 7700 900xxx).
 */
import type {
  CollaborationType,
  ContactVisibility,
  CreateLinkInput,
  CreateNodeInput,
  LinkKind,
  NodeKind,
  OrganisationKind,
  OrganisationStatus,
  PartnerRole,
  PlaceType,
  ProjectStatus,
  ConsentChoice,
} from '@octograph/graph-schema';
import type { SeedNetwork } from './network.js';
import { mulberry32 } from './random.js';

// ---------------------------------------------------------------------------------------------
// Places and themes

// prettier-ignore
const PLACES = [
  // slug                 name                  type
  ['kingsmouth',          'Kingsmouth',         'town'],
  ['harbourside',         'Harbourside',        'ward'],
  ['eastbrook',           'Eastbrook',          'ward'],
  ['millfield',           'Millfield',          'ward'],
  ['northgate',           'Northgate',          'ward'],
  ['old-town',            'Old Town',           'ward'],
  ['modrzewiec',          'Modrzewiec',         'town'],
  ['osiedle-sloneczne',   'Osiedle Słoneczne',  'neighbourhood'],
] as const satisfies readonly (readonly [string, string, PlaceType])[];
type PlaceSlug = (typeof PLACES)[number][0];

/** Places in Poland: random collaborations never cross from here to Kingsmouth and back. */
const POLISH_PLACES: readonly PlaceSlug[] = ['modrzewiec', 'osiedle-sloneczne'];

// prettier-ignore
const THEMES = [
  ['wellbeing',          'Wellbeing',             'Feeling well in body and mind, day to day.'],
  ['older-people',       'Older people',          'Services, clubs and a voice for people over 60.'],
  ['families',           'Families',              'Parents, carers and children, from baby banks to parenting courses.'],
  ['climate',            'Climate',               'Cutting carbon, growing food, repairing instead of throwing away.'],
  ['financial-literacy', 'Financial literacy',    'Budgeting, saving, fair credit and debt advice.'],
  ['befriending',        'Befriending',           'Regular visits and calls so nobody is lonely.'],
  ['art-therapy',        'Art therapy',           'Creative activity for recovery and wellbeing.'],
  ['food',               'Food',                  'Food banks, pantries, community meals and surplus food.'],
  ['youth',              'Youth',                 'Youth clubs, sport, mentoring and a voice for young people.'],
  ['digital-inclusion',  'Digital inclusion',     'Devices, data and skills so everyone can get online.'],
  ['mental-health',      'Mental health',         'Peer support, talking therapies and crisis help.'],
  ['housing',            'Housing',               'Tenants, repairs, warm homes and homelessness.'],
  ['employment',         'Employment and skills', 'Job clubs, training and work placements.'],
  ['disability',         'Disability and access', 'Access, independence and a voice for disabled people.'],
  ['migrants',           'Welcome and migrants',  'Refugees, migrants and language support.'],
] as const satisfies readonly (readonly [string, string, string])[];
type ThemeSlug = (typeof THEMES)[number][0];

// ---------------------------------------------------------------------------------------------
// People. Phone: the last three digits of +44 7700 900xxx, or null. Roles of people in
// Modrzewiec are in Polish, as they would enter them themselves.

type PersonRow = readonly [
  slug: string,
  name: string,
  role: string,
  emailVisibility: ContactVisibility,
  phone: string | null,
  phoneVisibility: ContactVisibility,
  since: string,
  place: PlaceSlug,
  worksAt: OrgSlug | null,
  volunteersAt: readonly OrgSlug[],
  memberOf: readonly OrgSlug[],
];

// prettier-ignore
const PEOPLE = [
  ['amira-haddad',        'Amira Haddad',        'Development officer',        'public',    '101', 'network',   '2018-03-01', 'kingsmouth',  'kingsmouth-voluntary-action', [], []],
  ['tom-ashworth',        'Tom Ashworth',        'Food bank coordinator',      'network',   '102', 'attendees', '2018-04-10', 'harbourside', 'harbourside-food-bank', [], ['kingsmouth-food-partnership']],
  ['grace-okafor',        'Grace Okafor',        'Volunteer befriender',       'attendees', null,  'private',   '2019-02-01', 'eastbrook',   null, ['brookside-befriending', 'eastbrook-dementia-cafe'], ['eastbrook-timebank']],
  ['daniel-price',        'Daniel Price',        'Senior youth worker',        'network',   '104', 'private',   '2018-09-03', 'northgate',   'northgate-youth-project', ['northgate-boxing-club'], []],
  ['priya-sharma',        'Priya Sharma',        'Art therapist',              'public',    '105', 'public',    '2019-01-15', 'harbourside', 'tidemark-arts', [], []],
  ['margaret-collins',    'Margaret Collins',    'Chair',                      'private',   '106', 'attendees', '2018-05-20', 'old-town',    null, ['old-town-lunch-and-chat'], ['kingsmouth-older-peoples-forum', 'old-town-heritage-trust']],
  ['kwame-mensah',        'Kwame Mensah',        'Home energy adviser',        'network',   null,  'private',   '2021-05-04', 'eastbrook',   'green-brook-energy', [], ['kingsmouth-climate-action']],
  ['sarah-lloyd',         'Sarah Lloyd',         'Library services manager',   'public',    '108', 'network',   '2018-06-11', 'millfield',   'kingsmouth-libraries', ['millfield-digital-champions'], []],
  ['john-baker',          'John Baker',          'Vicar',                      'public',    '109', 'public',    '2018-12-10', 'northgate',   'st-aidans-northgate', ['northgate-community-larder'], []],
  ['fatima-begum',        'Fatima Begum',        'Family support worker',      'attendees', '110', 'attendees', '2019-09-02', 'harbourside', 'harbourside-family-hub', ['harbourside-masjid'], []],
  ['liam-oconnor',        "Liam O'Connor",       'Debt adviser',               'network',   null,  'private',   '2018-02-05', 'old-town',    'kingsmouth-citizens-advice', ['money-matters-kingsmouth'], []],
  ['hannah-wright',       'Hannah Wright',       'Community development officer', 'public', '112', 'network',   '2018-01-15', 'kingsmouth',  'kingsmouth-borough-council', [], []],
  ['george-evans',        'George Evans',        'Retired marine engineer',    'private',   '113', 'private',   '2019-10-14', 'harbourside', null, ['harbourside-mens-shed', 'eastbrook-repair-cafe'], ['harbourside-seafarers-welfare']],
  ['chloe-martin',        'Chloe Martin',        'Social prescribing link worker', 'network', '114', 'attendees', '2019-07-01', 'kingsmouth', 'kingsmouth-social-prescribing', [], []],
  ['ahmed-yusuf',         'Ahmed Yusuf',         'Refugee support caseworker', 'attendees', '115', 'private',   '2018-09-17', 'old-town',    'kingsmouth-refugee-welcome', ['old-town-quakers'], []],
  ['ellie-thompson',      'Ellie Thompson',      'Café manager',               'public',    null,  'private',   '2019-06-03', 'harbourside', 'dockside-cafe', [], []],
  ['raj-patel',           'Raj Patel',           'Treasurer',                  'network',   '117', 'private',   '2019-05-01', 'millfield',   null, ['millfield-pantry'], ['shree-krishna-mandir']],
  ['joan-fletcher',       'Joan Fletcher',       'Lunch club organiser',       'attendees', '118', 'attendees', '2018-03-05', 'millfield',   null, ['millfield-lunch-club', 'millfield-methodist'], []],
  ['mark-stevens',        'Mark Stevens',        'Grants officer',             'public',    '119', 'network',   '2018-02-01', 'kingsmouth',  'kingsmouth-community-foundation', [], []],
  ['natalia-nowak',       'Natalia Nowak',       'Head of the Saturday school', 'network',  '120', 'attendees', '2019-09-09', 'eastbrook',   null, ['polska-szkola-eastbrook'], ['kingsmouth-modrzewiec-twinning']],
  ['anna-wisniewska',     'Anna Wiśniewska',     'Koordynatorka sieci',        'public',    null,  'private',   '2019-05-20', 'modrzewiec',  'modrzewiecka-siec-ngo', [], []],
  ['krzysztof-zielinski', 'Krzysztof Zieliński', 'Pracownik socjalny',         'network',   null,  'private',   '2019-05-20', 'modrzewiec',  'mops-modrzewiec', [], []],
  ['malgorzata-kaminska', 'Małgorzata Kamińska', 'Przewodnicząca klubu',       'attendees', null,  'private',   '2019-06-03', 'osiedle-sloneczne', null, ['klub-seniora-zlota-jesien', 'caritas-sw-jozefa'], ['utw-modrzewiec']],
  ['pawel-lewandowski',   'Paweł Lewandowski',   'Bibliotekarz',               'public',    null,  'private',   '2019-06-10', 'modrzewiec',  'biblioteka-modrzewiec', [], []],
  ['zofia-dabrowska',     'Zofia Dąbrowska',     'Arteterapeutka',             'network',   null,  'private',   '2020-11-16', 'modrzewiec',  'pracownia-paleta', ['krok-po-kroku'], []],
  ['jakub-wojcik',        'Jakub Wójcik',        'Prezes spółdzielni',         'public',    null,  'private',   '2020-03-09', 'modrzewiec',  'zielony-zakatek', [], ['zielony-modrzewiec']],
  ['ewa-szymanska',       'Ewa Szymańska',       'Wolontariuszka',             'private',   null,  'private',   '2019-09-23', 'osiedle-sloneczne', null, ['fundacja-usmiech-dziecka', 'kgw-modrzewianki'], []],
  ['tomasz-krol',         'Tomasz Król',         'Opiekun rady młodzieżowej',  'network',   null,  'private',   '2021-03-22', 'modrzewiec',  null, ['mlodziezowa-rada-miasta', 'osp-modrzewiec'], []],
  ['olivia-bennett',      'Olivia Bennett',      'Climate campaigner',         'public',    '129', 'private',   '2019-11-04', 'old-town',    null, ['kingsmouth-climate-action', 'castle-green-conservation'], []],
  ['samuel-adeyemi',      'Samuel Adeyemi',      'Pastor',                     'public',    '130', 'attendees', '2021-01-25', 'northgate',   'northgate-community-church', [], ['northgate-family-centre']],
] as const satisfies readonly PersonRow[];
type PersonSlug = (typeof PEOPLE)[number][0];

// ---------------------------------------------------------------------------------------------
// Organisations. `since` is when the organisation joined the network (the timeline shows it
// from then); values, offers and needs are comma-separated tags. Offers and needs share one
// vocabulary per language, so what one group offers is what another needs ("van", "volunteers",
// "meeting room", "sala na spotkania") and suggestions built on them find something true.
// Place null: an island or an isolated group (see ISLANDS below), deliberately unlinked.

type OrgRow = readonly [
  slug: string,
  name: string,
  orgKind: OrganisationKind,
  place: PlaceSlug | null,
  founded: number,
  since: string,
  themes: readonly ThemeSlug[],
  description: string,
  values: string,
  offers: string,
  needs: string,
];

// prettier-ignore
const ORGANISATIONS = [
  // --- Kingsmouth, town-wide ---
  ['kingsmouth-voluntary-action', 'Kingsmouth Voluntary Action', 'network', 'kingsmouth', 1994, '2018-01-15', ['wellbeing'],
    'The council for voluntary service: training, funding advice and the borough-wide network of groups.',
    'independence, inclusion', 'governance advice, funding bids, volunteers, DBS checks, safeguarding training', 'meeting room, publicity'],
  ['kingsmouth-borough-council', 'Kingsmouth Borough Council', 'public_body', 'kingsmouth', 1974, '2018-01-15', ['housing', 'wellbeing'],
    'The local authority; its communities team runs the community grants and the warm spaces scheme.',
    'fairness, transparency', 'grants, hall hire, publicity', 'referrals, interpreters'],
  ['kingsmouth-community-foundation', 'Kingsmouth Community Foundation', 'charity', 'kingsmouth', 2003, '2018-02-01', ['families', 'youth'],
    'Grant-maker pooling local giving into small grants for grassroots groups.',
    'generosity, trust', 'grants, funding bids', 'publicity'],
  ['kingsmouth-building-society', 'Kingsmouth Building Society', 'company', 'kingsmouth', 1872, '2019-03-04', ['financial-literacy'],
    'Mutual building society; its community fund backs money-skills and housing work.',
    'mutuality, prudence', 'grants, volunteers, meeting room', 'referrals'],
  ['kingsmouth-citizens-advice', 'Kingsmouth & District Citizens Advice', 'charity', 'kingsmouth', 1948, '2018-01-22', ['financial-literacy', 'housing'],
    'Free, confidential advice on debt, benefits, housing and work.',
    'fairness, independence', 'debt advice, legal advice, referrals', 'volunteers, interpreters, meeting room'],
  ['kingsmouth-mind', 'Kingsmouth Mind', 'charity', 'kingsmouth', 1986, '2018-04-09', ['mental-health', 'wellbeing'],
    'Local mental health charity: peer support groups, talking therapies and a crisis café.',
    'hope, respect', 'counselling, safeguarding training', 'café space, art workshops, volunteers'],
  ['kingsmouth-older-peoples-forum', "Kingsmouth Older People's Forum", 'network', 'kingsmouth', 2008, '2018-03-12', ['older-people'],
    "Network of lunch clubs, befriending schemes and older people's groups that speaks up for older residents.",
    'dignity, voice', 'publicity, referrals', 'transport, meeting room'],
  ['kingsmouth-food-partnership', 'Kingsmouth Food Partnership', 'network', 'kingsmouth', 2016, '2018-02-20', ['food', 'climate'],
    'Brings food banks, pantries, growers and cafés together against food poverty and food waste.',
    'solidarity, sustainability', 'fresh produce, storage, funding bids', 'van, volunteers'],
  ['kingsmouth-libraries', 'Kingsmouth Libraries', 'public_body', 'kingsmouth', 1906, '2018-05-14', ['digital-inclusion', 'families'],
    'Six branch libraries with free computers, Wi-Fi, rhyme time and Digital Buddies sessions.',
    'openness, learning', 'laptops, meeting room, digital skills training', 'volunteers, interpreters'],
  ['kingsmouth-youth-service', 'Kingsmouth Youth Service', 'public_body', 'kingsmouth', 1999, '2018-06-04', ['youth'],
    'The council youth work team: detached youth work and the youth council.',
    'participation, safety', 'youth workers, safeguarding training', 'outdoor space, sports kit'],
  ['kingsmouth-refugee-welcome', 'Kingsmouth Refugee Welcome', 'charity', 'kingsmouth', 2015, '2018-09-17', ['migrants', 'befriending'],
    'Welcomes refugee families: English conversation, befriending and help with first steps.',
    'welcome, dignity', 'interpreters, translation, befriending volunteers', 'furniture, laptops, legal advice'],
  ['kingsmouth-carers-centre', "Kingsmouth Carers' Centre", 'charity', 'kingsmouth', 1997, '2019-01-21', ['wellbeing', 'older-people'],
    'Support, short breaks and advice for unpaid carers of all ages.',
    'compassion, respect', 'referrals, counselling', 'transport, café space'],
  ['kingsmouth-climate-action', 'Kingsmouth Climate Action', 'community_group', 'kingsmouth', 2019, '2019-11-04', ['climate'],
    'Residents campaigning for a zero-carbon Kingsmouth; runs swap shops and energy fairs.',
    'sustainability, hope', 'volunteers, energy advice', 'meeting room, printing'],
  ['kingsmouth-social-prescribing', 'Kingsmouth Social Prescribing Service', 'public_body', 'kingsmouth', 2019, '2019-07-01', ['wellbeing', 'mental-health'],
    'NHS link workers who connect patients with local groups and activities.',
    'person-centred care', 'referrals', 'befriending volunteers, art workshops, transport'],
  ['seaview-homes', 'Seaview Homes', 'charity', 'kingsmouth', 1968, '2020-02-10', ['housing'],
    'Housing association with 3,000 homes across Kingsmouth; funds tenant-led projects.',
    'security, fairness', 'grants, hall hire, furniture', 'debt advice, energy advice'],
  ['kingsmouth-community-transport', 'Kingsmouth Community Transport', 'charity', 'kingsmouth', 1989, '2018-07-09', ['older-people', 'disability'],
    'Door-to-door minibus and volunteer car scheme for people who cannot use the buses.',
    'independence, reliability', 'transport, minibus, van', 'volunteers, funding bids'],
  ['kingsmouth-times', 'The Kingsmouth Times', 'company', 'kingsmouth', 1889, '2021-03-15', [],
    'The local weekly paper; prints a free community noticeboard page.',
    'local voice', 'publicity, printing', 'community stories'],
  ['kingsmouth-modrzewiec-twinning', 'Kingsmouth–Modrzewiec Twinning Association', 'community_group', 'kingsmouth', 1992, '2019-05-20', ['befriending', 'migrants'],
    'Keeps the twinning alive with school exchanges, pen pals and a yearly visit.',
    'friendship, openness', 'translation, interpreters', 'transport, grants'],

  // --- Harbourside ---
  ['harbourside-food-bank', 'Harbourside Food Bank', 'charity', 'harbourside', 2011, '2018-02-12', ['food', 'families'],
    'Emergency food parcels, a weekly pantry and signposting to debt advice.',
    'dignity, solidarity', 'food parcels, storage', 'van, volunteers, fresh produce'],
  ['harbourside-community-centre', 'Harbourside Community Centre', 'charity', 'harbourside', 1978, '2018-01-29', ['wellbeing', 'families'],
    'Busy centre by the quay hosting thirty groups a week.',
    'community, welcome', 'meeting room, hall hire, kitchen', 'bookkeeping, funding bids'],
  ['st-peters-harbourside', "St Peter's Church, Harbourside", 'faith_group', 'harbourside', 1856, '2018-10-01', ['befriending', 'food'],
    'Parish church with a Tuesday community lunch and a winter warm space.',
    'faith, hospitality', 'hall hire, volunteers, kitchen', 'fresh produce, safeguarding training'],
  ['harbourside-masjid', 'Harbourside Masjid and Community Hub', 'faith_group', 'harbourside', 2004, '2019-04-08', ['families', 'youth'],
    "Mosque with a community hub: homework club, sisters' circle and a Ramadan food drive.",
    'faith, charity', 'volunteers, meeting room, food parcels', 'DBS checks, safeguarding training'],
  ['harbourside-seafarers-welfare', "Harbourside Seafarers' Welfare", 'charity', 'harbourside', 1921, '2018-08-20', ['wellbeing', 'older-people'],
    'Support for fishing families and retired seafarers.',
    'loyalty, care', 'grants, befriending volunteers', 'counselling, debt advice'],
  ['harbourside-youth-club', 'Harbourside Youth Club', 'community_group', 'harbourside', 1983, '2018-04-23', ['youth'],
    'Three evenings a week of games, cooking and trips for 11–18s.',
    'fun, respect', 'sports kit', 'youth workers, funding bids, minibus'],
  ['dockside-cafe', 'Dockside Café CIC', 'social_enterprise', 'harbourside', 2016, '2019-06-03', ['food', 'employment'],
    'Pay-as-you-feel café training young people for kitchen jobs.',
    'fairness, sustainability', 'café space, kitchen, mentoring', 'fresh produce, bookkeeping'],
  ['harbourside-tenants', "Harbourside Tenants' Association", 'community_group', 'harbourside', 1991, '2020-01-13', ['housing'],
    'Tenants of the Quay estates; campaigns on repairs and damp.',
    'voice, fairness', 'volunteers', 'legal advice, meeting room, printing'],
  ['harbour-lights-choir', 'Harbour Lights Choir', 'informal_group', 'harbourside', 2014, '2021-02-15', ['wellbeing', 'mental-health'],
    'Drop-in singing group; no auditions, tea afterwards.',
    'joy, welcome', 'performances', 'hall hire'],
  ['knit-and-natter-harbourside', 'Net Menders Knit and Natter', 'informal_group', 'harbourside', 2017, '2022-03-07', ['befriending', 'older-people'],
    "Weekly knitting circle; knits blankets for the food bank's winter packs.",
    'kindness', 'befriending volunteers', 'café space'],
  ['harbourside-primary-pta', 'Harbourside Primary PTA', 'community_group', 'harbourside', 2002, '2023-09-11', ['families'],
    'Parents raising funds and running a school uniform swap.',
    'community', 'volunteers', 'storage, hall hire'],
  ['tidemark-arts', 'Tidemark Arts CIC', 'social_enterprise', 'harbourside', 2013, '2018-11-05', ['art-therapy', 'mental-health'],
    'Art studio by the harbour running art-therapy groups for adults and young people.',
    'creativity, care', 'art workshops, art materials', 'referrals, funding bids'],
  ['harbourside-mens-shed', "Harbourside Men's Shed", 'community_group', 'harbourside', 2015, '2019-10-14', ['wellbeing', 'older-people'],
    'Workshop where men (and anyone else) make, mend and talk.',
    'companionship, skills', 'furniture, volunteers', 'storage, insurance'],
  ['quayside-chandlery', 'Quayside Chandlery Ltd', 'company', 'harbourside', 1962, '2022-06-20', [],
    "Family chandlers who give staff volunteering days and offcut timber to the Men's Shed.",
    'craft, local', 'volunteers, storage', 'publicity'],
  ['harbourside-family-hub', 'Harbourside Family Hub', 'public_body', 'harbourside', 2021, '2021-09-06', ['families', 'youth'],
    'Council family hub: health visitors, parenting courses and stay-and-play.',
    'early help', 'meeting room, childcare, referrals', 'interpreters, volunteers'],
  ['harbourside-community-fridge', 'Harbourside Community Fridge', 'informal_group', 'harbourside', 2020, '2020-08-03', ['food', 'climate'],
    'Shared surplus food from local shops before it went to waste; closed when its host moved.',
    'sustainability, sharing', 'fresh produce', 'storage, volunteers'],

  // --- Eastbrook ---
  ['eastbrook-community-association', 'Eastbrook Community Association', 'charity', 'eastbrook', 1972, '2018-03-19', ['wellbeing', 'families'],
    'Runs the Eastbrook hall, a youth night and the summer fun day.',
    'community, inclusion', 'hall hire, meeting room', 'volunteers, bookkeeping'],
  ['eastbrook-baptist-church', 'Eastbrook Baptist Church', 'faith_group', 'eastbrook', 1899, '2019-02-25', ['food', 'families'],
    'Church hosting a toddler group and a weekly community meal.',
    'faith, hospitality', 'kitchen, hall hire', 'fresh produce, DBS checks'],
  ['eastbrook-gurdwara', 'Guru Nanak Gurdwara Eastbrook', 'faith_group', 'eastbrook', 1988, '2019-08-12', ['food'],
    'Gurdwara whose langar serves a free hot meal to anyone, every day.',
    'seva, equality', 'kitchen, volunteers, food parcels', 'storage, van'],
  ['eastbrook-allotment-society', 'Eastbrook Allotment Society', 'community_group', 'eastbrook', 1946, '2018-05-07', ['food', 'climate'],
    'A hundred and twenty plots; surplus crops go to the food bank every summer.',
    'thrift, growing', 'fresh produce, garden space', 'volunteers, storage'],
  ['eastbrook-repair-cafe', 'Eastbrook Repair Café', 'informal_group', 'eastbrook', 2017, '2020-09-21', ['climate', 'digital-inclusion'],
    'Monthly fix-it session for clothes, toasters and laptops.',
    'sustainability, skills', 'IT support, laptops', 'hall hire, volunteers'],
  ['eastbrook-credit-union', 'Eastbrook Credit Union', 'social_enterprise', 'eastbrook', 2001, '2018-07-30', ['financial-literacy'],
    'Savings accounts and fair loans; money-skills sessions in schools.',
    'fairness, thrift', 'debt advice, money skills sessions', 'volunteers, publicity'],
  ['brookside-befriending', 'Brookside Befriending', 'charity', 'eastbrook', 2009, '2018-04-16', ['befriending', 'older-people'],
    'Matches volunteers with isolated older neighbours for weekly visits and calls.',
    'kindness, reliability', 'befriending volunteers, safeguarding training', 'referrals, DBS checks, funding bids'],
  ['eastbrook-health-centre', 'Eastbrook Health Centre', 'public_body', 'eastbrook', 1975, '2020-11-02', ['wellbeing'],
    'GP practice with a community health and wellbeing room.',
    'care, prevention', 'referrals, meeting room', 'befriending volunteers, interpreters'],
  ['eastbrook-youth-fc', 'Eastbrook Youth Football Club', 'community_group', 'eastbrook', 1985, '2018-09-24', ['youth', 'wellbeing'],
    'Twelve teams from under-7s to under-16s, girls and boys.',
    'teamwork, fair play', 'coaching, sports kit', 'outdoor space, DBS checks, minibus'],
  ['green-brook-energy', 'Green Brook Energy Co-operative', 'social_enterprise', 'eastbrook', 2014, '2021-04-26', ['climate', 'housing'],
    'Community-owned solar roofs; the profits pay for home energy advice.',
    'sustainability, ownership', 'energy advice, grants', 'volunteers, publicity'],
  ['eastbrook-parents', "Eastbrook Parents' Network", 'informal_group', 'eastbrook', 2018, '2019-03-18', ['families'],
    'Parents organised on WhatsApp who run a baby bank and coffee mornings.',
    'mutual support', 'childcare, volunteers', 'storage, meeting room'],
  ['eastbrook-dementia-cafe', 'Eastbrook Dementia Café', 'community_group', 'eastbrook', 2012, '2018-10-29', ['older-people', 'wellbeing'],
    'Monthly café for people living with dementia and the people who care for them.',
    'dignity, patience', 'café space', 'transport, befriending volunteers'],
  ['roots-and-shoots-garden', 'Roots and Shoots Community Garden', 'charity', 'eastbrook', 2010, '2018-06-18', ['climate', 'mental-health', 'food'],
    'Therapeutic garden on the old railway land; people in recovery grow vegetables together.',
    'growing, patience', 'garden space, fresh produce, outdoor space', 'volunteers, referrals'],
  ['eastbrook-timebank', 'Eastbrook Timebank', 'community_group', 'eastbrook', 2013, '2020-05-11', ['befriending', 'wellbeing'],
    'Neighbours swap hours of help: one hour given, one hour earned. Quiet since its coordinator left.',
    'reciprocity', 'volunteers', 'publicity, IT support'],
  ['brookside-bakery', 'Brookside Bakery Ltd', 'company', 'eastbrook', 1979, '2022-01-17', ['food'],
    'Family bakery giving unsold bread to the food bank and the community fridge.',
    'craft, no waste', 'fresh produce, van', 'publicity'],
  ['polska-szkola-eastbrook', 'Polska Szkoła Sobotnia w Eastbrook', 'community_group', 'eastbrook', 2008, '2019-09-09', ['youth', 'migrants', 'families'],
    'Polish Saturday school: language, history and culture for ninety children.',
    'heritage, bilingualism', 'translation, interpreters', 'meeting room, DBS checks'],

  // --- Millfield ---
  ['millfield-neighbourhood-centre', 'Millfield Neighbourhood Centre', 'charity', 'millfield', 1981, '2018-02-26', ['wellbeing', 'families', 'employment'],
    'Neighbourhood centre with a café, advice surgeries and adult learning.',
    'community, learning', 'meeting room, hall hire, kitchen', 'volunteers, IT support'],
  ['mill-studios', 'Mill Studios CIC', 'social_enterprise', 'millfield', 2012, '2019-05-13', ['art-therapy', 'employment'],
    'Artist studios in the old cotton mill; art-therapy sessions and creative apprenticeships.',
    'creativity, craft', 'art workshops, art materials, mentoring', 'referrals, publicity'],
  ['millfield-methodist', 'Millfield Methodist Church', 'faith_group', 'millfield', 1873, '2018-11-19', ['older-people', 'befriending'],
    'Chapel with a lunch club, a warm space and a prayer-and-chat group.',
    'faith, welcome', 'hall hire, kitchen, volunteers', 'safeguarding training, transport'],
  ['shree-krishna-mandir', 'Shree Krishna Mandir Millfield', 'faith_group', 'millfield', 1994, '2020-03-02', ['older-people', 'food'],
    "Hindu temple hosting a seniors' day centre and festival meals.",
    'seva, devotion', 'kitchen, hall hire', 'transport, befriending volunteers'],
  ['millfield-walking-group', 'Millfield Walking for Health', 'informal_group', 'millfield', 2016, '2021-06-07', ['wellbeing', 'older-people'],
    'Gentle weekly walks around Millfield Park, led by volunteers.',
    'fresh air, friendship', 'volunteers', 'publicity, safeguarding training'],
  ['millfield-lunch-club', "Millfield Older People's Lunch Club", 'community_group', 'millfield', 1990, '2018-03-05', ['older-people', 'food', 'befriending'],
    'A hot two-course lunch and bingo every Wednesday.',
    'friendship, dignity', 'café space', 'transport, volunteers, fresh produce'],
  ['millfield-toy-library', 'Millfield Toy Library', 'community_group', 'millfield', 2011, '2022-09-12', ['families'],
    'Borrow toys, sensory kit and baby equipment for a small donation.',
    'sharing, play', 'play sessions', 'storage, volunteers'],
  ['millfield-digital-champions', 'Millfield Digital Champions', 'informal_group', 'millfield', 2019, '2020-01-20', ['digital-inclusion', 'older-people'],
    'Volunteers helping neighbours with phones, tablets and online forms.',
    'patience, confidence', 'digital skills training, IT support', 'laptops, meeting room'],
  ['millfield-tenants', 'Millfield Tenants and Residents Association', 'community_group', 'millfield', 1987, '2019-07-22', ['housing'],
    'Residents of the Millfield flats; runs a summer clean-up and a shared garden.',
    'voice', 'volunteers', 'legal advice, printing'],
  ['millfield-job-club', 'Millfield Job Club', 'community_group', 'millfield', 2009, '2018-08-13', ['employment', 'digital-inclusion'],
    'Weekly drop-in for CVs, applications and interview practice.',
    'confidence, opportunity', 'mentoring, coaching', 'laptops, meeting room'],
  ['springboard-training', 'Springboard Training CIC', 'social_enterprise', 'millfield', 2015, '2020-06-29', ['employment', 'youth'],
    'Pre-employment courses and paid placements for young adults.',
    'opportunity, ambition', 'training, mentoring, digital skills training', 'referrals, café space'],
  ['friends-of-millfield-park', 'Friends of Millfield Park', 'community_group', 'millfield', 2004, '2021-10-04', ['climate', 'wellbeing'],
    "Volunteers who plant, litter-pick and run the park's nature trail.",
    'nature, stewardship', 'outdoor space, volunteers', 'insurance, storage'],
  ['millfield-pantry', 'Millfield Pantry', 'social_enterprise', 'millfield', 2019, '2019-11-18', ['food', 'financial-literacy'],
    'Membership food pantry: £4 a week for a bag worth £20, with money tips at the till.',
    'dignity, thrift', 'food parcels', 'fresh produce, van, volunteers'],
  ['millfield-patient-group', 'Millfield Surgery Patient Group', 'informal_group', 'millfield', 2014, '2023-02-06', ['wellbeing'],
    'Patients who organised health talks and a coffee morning at the surgery; on hold for now.',
    'voice, care', 'volunteers', 'meeting room'],
  ['millfield-print-works', 'Millfield Print Works Ltd', 'company', 'millfield', 1958, '2020-10-19', [],
    'Printers offering at-cost printing to community groups.',
    'local, craft', 'printing, publicity', 'community stories'],
  ['millfield-deaf-club', 'Millfield Deaf Club', 'community_group', 'millfield', 1966, '2022-11-28', ['disability', 'befriending'],
    'Social club for Deaf people and BSL users.',
    'Deaf pride, access', 'interpreters', 'hall hire, publicity'],

  // --- Northgate ---
  ['northgate-family-centre', 'Northgate Family Centre', 'charity', 'northgate', 1993, '2018-05-28', ['families', 'mental-health'],
    'Family support, parenting groups and a crèche.',
    'respect, early help', 'childcare, counselling, referrals', 'volunteers, funding bids'],
  ['northgate-community-larder', 'Northgate Community Larder', 'community_group', 'northgate', 2020, '2020-04-06', ['food'],
    'Started in the first lockdown; now a weekly low-cost larder on the estate.',
    'solidarity', 'food parcels', 'fresh produce, van, storage'],
  ['northgate-youth-project', 'Northgate Youth Project', 'charity', 'northgate', 1998, '2018-04-02', ['youth', 'mental-health'],
    'Youth club, detached youth work and a mentoring scheme for 11–25s.',
    'trust, ambition', 'youth workers, mentoring', 'minibus, sports kit, outdoor space'],
  ['northgate-boxing-club', 'Northgate Amateur Boxing Club', 'community_group', 'northgate', 1977, '2019-01-07', ['youth', 'wellbeing'],
    'Boxing gym keeping young people fit, focused and off the streets.',
    'discipline, respect', 'coaching, sports kit', 'DBS checks, funding bids'],
  ['st-aidans-northgate', "St Aidan's Church, Northgate", 'faith_group', 'northgate', 1934, '2018-12-10', ['food', 'befriending'],
    'Parish church hosting the community larder and a Friday warm space.',
    'faith, welcome', 'hall hire, storage', 'volunteers'],
  ['northgate-community-church', 'Northgate Community Church', 'faith_group', 'northgate', 2006, '2021-01-25', ['families', 'financial-literacy'],
    'Independent church running money courses and a toddler group.',
    'faith, hope', 'hall hire, volunteers', 'debt advice, safeguarding training'],
  ['northgate-wellbeing-hub', 'Northgate Wellbeing Hub', 'charity', 'northgate', 2017, '2019-04-29', ['wellbeing', 'mental-health'],
    'Drop-in for anyone feeling low: peer support, yoga and advice clinics.',
    'hope, acceptance', 'counselling, meeting room', 'art workshops, volunteers'],
  ['northgate-residents', "Northgate Estate Residents' Group", 'informal_group', 'northgate', 2018, '2021-08-16', ['housing', 'climate'],
    'Residents pushing for better insulation and safer play areas.',
    'voice', 'volunteers', 'energy advice, legal advice'],
  ['northgate-enterprise', 'Northgate Skills and Enterprise CIC', 'social_enterprise', 'northgate', 2016, '2020-02-17', ['employment', 'digital-inclusion'],
    'Co-working space and start-up courses for Northgate residents.',
    'enterprise, opportunity', 'training, meeting room, mentoring', 'grants, publicity'],
  ['northgate-carers-coffee', "Northgate Carers' Coffee Morning", 'informal_group', 'northgate', 2019, '2022-02-28', ['wellbeing', 'befriending'],
    "Carers met over coffee once a fortnight until the group merged into the Carers' Centre.",
    'mutual support', 'peer support', 'café space, referrals'],
  ['northgate-disability-forum', 'Northgate Disability Forum', 'community_group', 'northgate', 2007, '2019-06-24', ['disability'],
    'Disabled residents reviewing access in shops, parks and services.',
    'access, independence', 'access audits', 'transport, interpreters'],
  ['northgate-community-radio', 'Northgate Community Radio', 'social_enterprise', 'northgate', 2010, '2020-07-13', ['youth', 'digital-inclusion'],
    'FM and online station that trains young presenters.',
    'voice, creativity', 'publicity, training', 'volunteers, IT support'],
  ['northgate-co-op-store', 'Northgate Co-op Food Store', 'company', 'northgate', 1998, '2021-11-22', ['food'],
    'Supermarket donating surplus food; its local community fund gives small grants.',
    'co-operation', 'fresh produce, grants', 'publicity'],
  ['northgate-jobcentre', 'Northgate Jobcentre', 'public_body', 'northgate', 1990, '2023-05-15', ['employment'],
    'Jobcentre working with local groups on outreach.',
    'opportunity', 'referrals, meeting room', 'training, mentoring'],
  ['northgate-sensory-garden', 'Northgate Sensory Garden', 'community_group', 'northgate', 2018, '2024-03-18', ['disability', 'wellbeing'],
    'Accessible garden with raised beds, scented plants and quiet corners.',
    'access, calm', 'garden space, outdoor space', 'volunteers, insurance'],
  ['northgate-womens-group', "Northgate Women's Group", 'informal_group', 'northgate', 2016, '2023-10-02', ['migrants', 'wellbeing'],
    'Women from many countries meeting for English practice and sewing.',
    'sisterhood', 'translation', 'childcare, meeting room'],

  // --- Old Town ---
  ['old-town-heritage-trust', 'Old Town Heritage Trust', 'charity', 'old-town', 1969, '2019-07-08', ['older-people'],
    'Looks after the town walls and runs reminiscence sessions.',
    'heritage, stewardship', 'meeting room, volunteers', 'publicity, funding bids'],
  ['old-town-arts-centre', 'Old Town Arts Centre', 'charity', 'old-town', 1976, '2018-06-25', ['art-therapy', 'youth', 'wellbeing'],
    'Theatre, gallery and workshops, with arts-on-prescription courses.',
    'creativity, access', 'art workshops, hall hire', 'referrals, volunteers'],
  ['kingsmouth-minster', 'Kingsmouth Minster', 'faith_group', 'old-town', 1120, '2018-09-10', ['befriending', 'older-people'],
    "The town's medieval minster; a winter night shelter and a lunch club in its hall.",
    'faith, hospitality', 'hall hire, volunteers', 'DBS checks, safeguarding training'],
  ['old-town-quakers', 'Old Town Quaker Meeting', 'faith_group', 'old-town', 1689, '2020-09-07', ['climate', 'migrants'],
    'Small Quaker meeting lending its meeting house to refugee and climate groups.',
    'peace, equality, simplicity', 'meeting room', 'publicity'],
  ['old-town-traders', "Old Town Traders' Association", 'network', 'old-town', 1995, '2020-05-04', ['employment'],
    'Network of independent shops and cafés; runs the Christmas market.',
    'local, enterprise', 'publicity, volunteers', 'grants'],
  ['old-town-book-club', 'Old Town Library Book Club', 'informal_group', 'old-town', 2010, '2023-01-16', ['wellbeing', 'older-people'],
    'Monthly book group with large-print copies for those who need them.',
    'curiosity', 'volunteers', 'meeting room'],
  ['old-town-lunch-and-chat', 'Old Town Lunch and Chat', 'community_group', 'old-town', 2002, '2018-04-30', ['older-people', 'befriending', 'food'],
    'Fortnightly lunch in the Minster hall with a volunteer driver scheme.',
    'friendship', 'café space', 'transport, fresh produce'],
  ['cobblestones-cafe', 'Cobblestones Café CIC', 'social_enterprise', 'old-town', 2018, '2019-12-02', ['employment', 'disability'],
    'Café staffed by trainees with learning disabilities.',
    'inclusion, pride', 'café space, mentoring', 'referrals, publicity'],
  ['money-matters-kingsmouth', 'Money Matters Kingsmouth', 'charity', 'old-town', 2012, '2018-10-15', ['financial-literacy', 'families'],
    'Budgeting courses and one-to-one money coaching.',
    'empowerment', 'debt advice, training', 'meeting room, referrals'],
  ['old-town-youth-theatre', 'Old Town Youth Theatre', 'community_group', 'old-town', 1997, '2021-05-17', ['youth', 'art-therapy'],
    'Drama for 8–18s, with two shows a year.',
    'creativity, confidence', 'art workshops', 'hall hire, DBS checks'],
  ['minster-court-residents', 'Minster Court Sheltered Housing Residents', 'informal_group', 'old-town', 2015, '2024-06-10', ['older-people', 'housing'],
    "Residents' committee of the Minster Court sheltered housing scheme.",
    'independence', 'meeting room', 'digital skills training, transport'],
  ['kingsmouth-law-centre', 'Kingsmouth Law Centre', 'charity', 'old-town', 1984, '2018-11-26', ['housing', 'migrants'],
    'Free legal advice on housing, immigration and employment.',
    'justice', 'legal advice', 'interpreters, volunteers, funding bids'],
  ['harrow-and-sons', 'Harrow and Sons Solicitors', 'company', 'old-town', 1923, '2022-04-04', [],
    'Solicitors giving pro bono governance help to small charities.',
    'integrity', 'governance advice, legal advice', 'referrals'],
  ['castle-green-conservation', 'Castle Green Conservation Volunteers', 'community_group', 'old-town', 1988, '2019-03-25', ['climate', 'wellbeing'],
    'Hedge-laying, tree planting and pond work on Castle Green.',
    'stewardship', 'outdoor space, volunteers', 'van, insurance'],
  ['kingsmouth-museum', 'Kingsmouth Museum', 'public_body', 'old-town', 1911, '2021-07-12', ['older-people', 'art-therapy'],
    'Council museum with dementia-friendly object handling sessions.',
    'heritage, access', 'meeting room, art workshops', 'volunteers, transport'],
  ['old-town-mens-breakfast', "Old Town Men's Breakfast", 'informal_group', 'old-town', 2019, '2025-02-03', ['befriending', 'mental-health'],
    'A monthly fry-up and a chat for men of all ages.',
    'companionship', 'peer support', 'café space'],

  // --- Modrzewiec, the Polish twin town (descriptions and tags in Polish) ---
  ['modrzewiecka-siec-ngo', 'Modrzewiecka Sieć Organizacji Pozarządowych', 'network', 'modrzewiec', 2012, '2019-05-20', ['wellbeing'],
    'Sieć lokalnych organizacji: szkolenia, wspólne wnioski grantowe i coroczne Forum Inicjatyw.',
    'współpraca, otwartość', 'dotacje, szkolenia, sala na spotkania', 'promocja, tłumaczenia'],
  ['klub-seniora-zlota-jesien', 'Klub Seniora „Złota Jesień”', 'community_group', 'osiedle-sloneczne', 2005, '2019-06-03', ['older-people', 'befriending'],
    'Spotkania, wycieczki i potańcówki dla seniorów z Osiedla Słonecznego.',
    'wspólnota, radość', 'wolontariusze', 'transport, sala na spotkania'],
  ['kgw-modrzewianki', 'Koło Gospodyń Wiejskich „Modrzewianki”', 'community_group', 'modrzewiec', 1958, '2019-06-17', ['food', 'older-people'],
    'Gotują na festynach, prowadzą warsztaty kulinarne i wspólne obiady.',
    'tradycja, gościnność', 'świeże warzywa, kuchnia', 'dotacje, promocja'],
  ['fundacja-usmiech-dziecka', 'Fundacja „Uśmiech Dziecka”', 'charity', 'osiedle-sloneczne', 2009, '2019-09-23', ['families', 'youth'],
    'Świetlica, korepetycje i kolonie letnie dla dzieci z rodzin w trudnej sytuacji.',
    'godność, nadzieja', 'opieka nad dziećmi, wolontariusze', 'świeże warzywa, transport, dotacje'],
  ['zielony-zakatek', 'Spółdzielnia Socjalna „Zielony Zakątek”', 'social_enterprise', 'modrzewiec', 2014, '2020-03-09', ['employment', 'food', 'climate'],
    'Catering i pielęgnacja zieleni; zatrudnia osoby wracające na rynek pracy.',
    'praca, ekologia', 'catering, świeże warzywa', 'księgowość, promocja'],
  ['caritas-sw-jozefa', 'Parafialny Zespół Caritas przy parafii św. Józefa', 'faith_group', 'modrzewiec', 1992, '2019-05-27', ['food', 'older-people'],
    'Paczki żywnościowe, odwiedziny chorych i wigilia dla samotnych.',
    'wiara, miłosierdzie', 'paczki żywnościowe, wolontariusze', 'transport, świeże warzywa'],
  ['mops-modrzewiec', 'Miejski Ośrodek Pomocy Społecznej w Modrzewcu', 'public_body', 'modrzewiec', 1990, '2019-05-20', ['families', 'older-people'],
    'Ośrodek pomocy społecznej: zasiłki, praca socjalna i asystenci rodzin.',
    'pomoc, godność', 'poradnictwo, skierowania, dotacje', 'wolontariusze'],
  ['biblioteka-modrzewiec', 'Miejska Biblioteka Publiczna w Modrzewcu', 'public_body', 'modrzewiec', 1948, '2019-06-10', ['digital-inclusion', 'older-people'],
    'Biblioteka z kursami komputerowymi dla seniorów i dyskusyjnym klubem książki.',
    'wiedza, otwartość', 'szkolenia komputerowe, sala na spotkania', 'wolontariusze, laptopy'],
  ['mlodziezowa-rada-miasta', 'Młodzieżowa Rada Miasta Modrzewiec', 'public_body', 'modrzewiec', 2016, '2021-03-22', ['youth'],
    'Młodzi radni opiniujący sprawy miasta; organizują Dzień Młodzieży.',
    'partycypacja', 'wolontariusze', 'sala na spotkania, promocja'],
  ['utw-modrzewiec', 'Uniwersytet Trzeciego Wieku w Modrzewcu', 'charity', 'modrzewiec', 2011, '2019-10-07', ['older-people', 'digital-inclusion'],
    'Wykłady, języki obce i gimnastyka dla słuchaczy 60+.',
    'ciekawość świata', 'wykłady, wolontariusze', 'sala na spotkania, szkolenia komputerowe'],
  ['zielony-modrzewiec', 'Stowarzyszenie Ekologiczne „Zielony Modrzewiec”', 'charity', 'modrzewiec', 2017, '2020-04-20', ['climate'],
    'Sadzi drzewa, prowadzi edukację ekologiczną w szkołach i zbiórki elektrośmieci.',
    'ekologia', 'wolontariusze, warsztaty ekologiczne', 'dotacje, transport'],
  ['drukarnia-kowalczyk', 'Drukarnia Kowalczyk sp. z o.o.', 'company', 'modrzewiec', 1995, '2021-09-13', [],
    'Rodzinna drukarnia; plakaty dla organizacji drukuje po kosztach.',
    'rzetelność', 'druk, promocja', 'zlecenia'],
  ['bank-spoldzielczy-modrzewiec', 'Bank Spółdzielczy w Modrzewcu', 'company', 'modrzewiec', 1925, '2020-01-27', ['financial-literacy'],
    'Bank spółdzielczy; finansuje lokalne inicjatywy i lekcje finansów w szkołach.',
    'spółdzielczość', 'dotacje, lekcje finansowe', 'promocja'],
  ['krok-po-kroku', 'Grupa Wsparcia „Krok po Kroku”', 'informal_group', 'modrzewiec', 2018, '2022-01-10', ['mental-health'],
    'Grupa samopomocowa dla osób w kryzysie psychicznym i ich bliskich.',
    'akceptacja', 'wsparcie rówieśnicze', 'sala na spotkania, poradnictwo'],
  ['pracownia-paleta', 'Pracownia Arteterapii „Paleta”', 'social_enterprise', 'modrzewiec', 2016, '2020-11-16', ['art-therapy', 'mental-health'],
    'Warsztaty arteterapii dla dzieci, seniorów i osób z niepełnosprawnościami.',
    'kreatywność', 'warsztaty plastyczne', 'skierowania, promocja'],
  ['osp-modrzewiec', 'Ochotnicza Straż Pożarna w Modrzewcu', 'community_group', 'modrzewiec', 1908, '2022-05-12', ['youth'],
    'Ochotnicza straż pożarna z młodzieżową drużyną i kursami pierwszej pomocy.',
    'odwaga, służba', 'transport, szkolenia', 'dotacje'],
  ['sasiedzi-osiedle-sloneczne', 'Sąsiedzi z Osiedla Słonecznego', 'informal_group', 'osiedle-sloneczne', 2020, '2023-04-17', ['befriending', 'climate'],
    'Nieformalna grupa sąsiedzka: zakupy dla seniorów, wspólne nasadzenia i wymiana rzeczy.',
    'sąsiedztwo', 'wolontariusze', 'sala na spotkania'],

  // --- Islands: groups that only know each other (see ISLANDS) ---
  ['old-town-bridge-club', 'Old Town Bridge Club', 'community_group', null, 1952, '2018-06-11', [],
    'Duplicate bridge three afternoons a week in Old Town.',
    'fair play', 'hall hire', 'new members'],
  ['kingsmouth-chess-club', 'Kingsmouth Chess Club', 'community_group', null, 1931, '2019-04-15', [],
    'Club nights in Old Town and a junior chess section.',
    'fair play, patience', 'coaching', 'hall hire'],
  ['castle-scrabble-circle', 'Castle Scrabble Circle', 'informal_group', null, 2016, '2021-11-08', [],
    'Friendly Scrabble in the back room of the Castle Inn, until the pub closed.',
    'friendship', 'board games', 'meeting room'],
  ['harbourside-sea-swimmers', 'Harbourside Sea Swimmers', 'informal_group', null, 2019, '2020-07-06', [],
    'Year-round dawn dips off the Harbourside slipway.',
    'courage, friendship', 'volunteers', 'safety cover'],
  ['kingsmouth-surf-life-saving', 'Kingsmouth Surf Life Saving Club', 'charity', null, 1964, '2021-06-21', [],
    'Volunteer lifeguards on Kingsmouth beach and junior "nippers" training.',
    'service, safety', 'safety cover, training', 'volunteers'],
  ['kolo-wedkarskie-pstrag', 'Koło Wędkarskie „Pstrąg”', 'community_group', null, 1961, '2019-08-05', [],
    'Wędkarze z Modrzewca dbający o rzekę; zawody wędkarskie dla dzieci.',
    'przyroda', 'zawody dla dzieci', 'nagrody'],
  ['chor-cantate', 'Chór Parafialny „Cantate”', 'faith_group', null, 1978, '2020-10-12', [],
    'Chór śpiewający na mszach i na koncertach kolęd w Modrzewcu.',
    'wiara, muzyka', 'koncerty', 'akompaniament'],
  ['zespol-modrzewianie', 'Zespół Pieśni i Tańca „Modrzewianie”', 'community_group', null, 1971, '2019-11-25', [],
    'Zespół ludowy: tańce regionalne i występy na dożynkach.',
    'tradycja', 'akompaniament, występy', 'stroje ludowe'],
  ['ks-orzel-modrzewiec', 'Klub Sportowy „Orzeł” Modrzewiec', 'community_group', null, 1946, '2021-04-12', [],
    'Piłka nożna i tenis stołowy dla dzieci i dorosłych.',
    'fair play', 'nagrody, boisko', 'stroje sportowe'],

  // --- Isolated: on the map but not linked to anything yet ---
  ['eastbrook-philatelic-society', 'Eastbrook Philatelic Society', 'community_group', null, 1958, '2018-09-03', [],
    'Stamp collectors meeting monthly in Eastbrook.',
    'curiosity', 'talks', 'new members'],
  ['millfield-ukulele-strummers', 'Millfield Ukulele Strummers', 'informal_group', null, 2020, '2023-06-05', [],
    'Beginners welcome: ukuleles to borrow, songs on a screen.',
    'joy', 'performances', 'meeting room'],
  ['northgate-pigeon-society', 'Northgate Homing Pigeon Society', 'community_group', null, 1949, '2020-02-03', [],
    'Pigeon fanciers racing from the lofts behind Northgate allotments; no races since 2022.',
    'tradition', 'talks', 'new members'],
  ['milosnicy-kolei-waskotorowej', 'Towarzystwo Miłośników Kolei Wąskotorowej', 'charity', null, 2003, '2022-08-29', [],
    'Miłośnicy dawnej kolejki wąskotorowej z Modrzewca; odnawiają wagony.',
    'historia', 'wycieczki', 'wolontariusze'],
] as const satisfies readonly OrgRow[];
type OrgSlug = (typeof ORGANISATIONS)[number][0];

/** Organisations that are not simply active; closed ones carry the day they left. */
const STATUSES: Partial<Record<OrgSlug, readonly [OrganisationStatus, until: string | null]>> = {
  'harbourside-community-fridge': ['closed', '2023-03-31'],
  'northgate-carers-coffee': ['closed', '2024-12-20'],
  'castle-scrabble-circle': ['closed', '2024-08-31'],
  'eastbrook-timebank': ['dormant', null],
  'harbour-lights-choir': ['dormant', null],
  'millfield-patient-group': ['dormant', null],
  'northgate-pigeon-society': ['dormant', null],
};

// ---------------------------------------------------------------------------------------------
// Links between organisations that someone would tell you about: who refers to whom, who shares
// a hall or a van. Everyday ties between neighbours are added by the seeded generator below.

type CollaborationRow = readonly [
  a: OrgSlug,
  b: OrgSlug,
  type: CollaborationType,
  strength: 1 | 2 | 3,
  notes: string,
];

// prettier-ignore
const COLLABORATIONS: readonly CollaborationRow[] = [
  ['harbourside-food-bank', 'harbourside-community-centre', 'shared_space', 3, "The food bank runs from the centre's back hall."],
  ['harbourside-food-bank', 'kingsmouth-citizens-advice', 'referral', 3, 'An adviser sits in at every Thursday distribution.'],
  ['harbourside-food-bank', 'brookside-bakery', 'resource_sharing', 2, 'Unsold bread collected every evening.'],
  ['harbourside-food-bank', 'knit-and-natter-harbourside', 'informal', 1, 'Knitted blankets for the winter packs.'],
  ['harbourside-food-bank', 'eastbrook-gurdwara', 'resource_sharing', 2, 'The gurdwara stores and cooks surplus stock.'],
  ['harbourside-community-fridge', 'brookside-bakery', 'resource_sharing', 2, 'Bread and cakes at closing time.'],
  ['harbourside-community-fridge', 'northgate-co-op-store', 'resource_sharing', 2, 'Surplus chilled food three times a week.'],
  ['harbourside-mens-shed', 'quayside-chandlery', 'resource_sharing', 2, 'Offcut timber and rope.'],
  ['harbourside-mens-shed', 'harbourside-seafarers-welfare', 'informal', 1, 'Retired seafarers drop in at the shed.'],
  ['harbourside-youth-club', 'harbourside-masjid', 'shared_space', 2, 'Friday sessions in the community hub.'],
  ['harbourside-tenants', 'kingsmouth-law-centre', 'referral', 2, 'Disrepair cases.'],
  ['harbourside-family-hub', 'harbourside-primary-pta', 'partnership', 2, 'Stay-and-play at the school.'],
  ['harbour-lights-choir', 'harbourside-community-centre', 'shared_space', 1, 'Rehearsals in the main hall at the member rate.'],
  ['tidemark-arts', 'kingsmouth-social-prescribing', 'referral', 3, 'Link workers refer to the art groups.'],
  ['eastbrook-allotment-society', 'roots-and-shoots-garden', 'resource_sharing', 2, 'Seedlings and tools swapped each spring.'],
  ['eastbrook-repair-cafe', 'kingsmouth-climate-action', 'partnership', 2, 'Repair stalls at the energy fair.'],
  ['brookside-befriending', 'eastbrook-dementia-cafe', 'referral', 2, 'Café guests who live alone get a befriender.'],
  ['brookside-befriending', 'eastbrook-health-centre', 'referral', 3, 'GPs refer lonely patients.'],
  ['eastbrook-credit-union', 'kingsmouth-citizens-advice', 'referral', 2, 'Fair loans instead of doorstep lenders.'],
  ['eastbrook-youth-fc', 'eastbrook-community-association', 'shared_space', 2, 'Changing rooms at the hall.'],
  ['eastbrook-timebank', 'eastbrook-parents', 'informal', 1, 'Parents trade babysitting hours.'],
  ['polska-szkola-eastbrook', 'kingsmouth-modrzewiec-twinning', 'partnership', 3, 'Pupils write to pen pals in Modrzewiec.'],
  ['millfield-neighbourhood-centre', 'millfield-job-club', 'shared_space', 3, 'The job club meets in the IT suite.'],
  ['millfield-job-club', 'springboard-training', 'referral', 2, 'Young job seekers move on to placements.'],
  ['millfield-pantry', 'millfield-neighbourhood-centre', 'shared_space', 2, 'The pantry opens in the centre café.'],
  ['millfield-pantry', 'eastbrook-credit-union', 'referral', 1, 'Savings club for pantry members.'],
  ['mill-studios', 'kingsmouth-mind', 'referral', 2, 'Art-therapy places for Mind clients.'],
  ['millfield-lunch-club', 'kingsmouth-community-transport', 'partnership', 3, 'The minibus brings members to lunch.'],
  ['millfield-methodist', 'millfield-walking-group', 'shared_space', 1, 'Walks start and end with tea in the chapel.'],
  ['millfield-deaf-club', 'northgate-disability-forum', 'partnership', 2, 'Joint access audits.'],
  ['millfield-print-works', 'kingsmouth-voluntary-action', 'resource_sharing', 2, 'At-cost printing for member groups.'],
  ['friends-of-millfield-park', 'castle-green-conservation', 'resource_sharing', 2, 'Share tools and a trailer.'],
  ['northgate-community-larder', 'st-aidans-northgate', 'shared_space', 3, 'The larder runs from the church hall.'],
  ['northgate-family-centre', 'northgate-community-church', 'partnership', 2, 'Parenting course in the church.'],
  ['northgate-wellbeing-hub', 'kingsmouth-mind', 'partnership', 3, 'Mind runs two peer groups at the hub.'],
  ['northgate-enterprise', 'northgate-jobcentre', 'referral', 2, 'Start-up course for job seekers.'],
  ['northgate-youth-project', 'northgate-boxing-club', 'partnership', 3, 'Mentors train with the young people.'],
  ['northgate-carers-coffee', 'kingsmouth-carers-centre', 'referral', 2, 'The group merged into the centre.'],
  ['cobblestones-cafe', 'old-town-arts-centre', 'shared_space', 2, 'The café runs the arts centre foyer bar.'],
  ['old-town-mens-breakfast', 'cobblestones-cafe', 'shared_space', 2, 'The breakfast is cooked in the café before it opens.'],
  ['kingsmouth-minster', 'old-town-lunch-and-chat', 'shared_space', 3, 'Lunch is served in the Minster hall.'],
  ['old-town-quakers', 'kingsmouth-refugee-welcome', 'shared_space', 2, 'English classes in the meeting house.'],
  ['old-town-heritage-trust', 'kingsmouth-museum', 'partnership', 2, 'Joint reminiscence sessions.'],
  ['harrow-and-sons', 'kingsmouth-voluntary-action', 'resource_sharing', 2, 'Pro bono governance clinics.'],
  ['kingsmouth-refugee-welcome', 'kingsmouth-law-centre', 'referral', 3, 'Asylum and family reunion cases.'],
  ['kingsmouth-carers-centre', 'kingsmouth-social-prescribing', 'referral', 2, 'Carers identified at GP surgeries.'],
  ['klub-seniora-zlota-jesien', 'utw-modrzewiec', 'partnership', 2, 'Wspólne wycieczki i wykłady.'],
  ['kgw-modrzewianki', 'zielony-zakatek', 'resource_sharing', 2, 'Warzywa z ogrodów spółdzielni.'],
  ['fundacja-usmiech-dziecka', 'mops-modrzewiec', 'referral', 3, 'MOPS kieruje dzieci do świetlicy.'],
  ['caritas-sw-jozefa', 'mops-modrzewiec', 'referral', 2, 'Paczki dla rodzin wskazanych przez MOPS.'],
  ['pracownia-paleta', 'krok-po-kroku', 'shared_space', 2, 'Grupa spotyka się w pracowni.'],
  ['zielony-modrzewiec', 'sasiedzi-osiedle-sloneczne', 'partnership', 1, 'Wspólne nasadzenia na osiedlu.'],
  ['drukarnia-kowalczyk', 'modrzewiecka-siec-ngo', 'resource_sharing', 2, 'Plakaty Forum Inicjatyw po kosztach.'],
  ['mlodziezowa-rada-miasta', 'osp-modrzewiec', 'informal', 1, 'Dzień Młodzieży z pokazem strażaków.'],
  ['biblioteka-modrzewiec', 'utw-modrzewiec', 'shared_space', 2, 'Wykłady UTW w czytelni.'],
];

/** Money: grants and sponsorship from one organisation to another. */
// prettier-ignore
const FUNDING: readonly (readonly [funder: OrgSlug, recipient: OrgSlug, strength: 1 | 2 | 3, notes: string])[] = [
  ['kingsmouth-borough-council', 'kingsmouth-voluntary-action', 3, 'Core grant for infrastructure support.'],
  ['kingsmouth-borough-council', 'harbourside-community-centre', 2, 'Community buildings fund.'],
  ['kingsmouth-borough-council', 'kingsmouth-community-transport', 3, 'Service contract for door-to-door transport.'],
  ['kingsmouth-borough-council', 'northgate-youth-project', 2, 'Youth offer grant.'],
  ['kingsmouth-borough-council', 'kingsmouth-citizens-advice', 3, 'Advice services contract.'],
  ['kingsmouth-community-foundation', 'brookside-befriending', 2, 'Loneliness fund.'],
  ['kingsmouth-community-foundation', 'harbourside-youth-club', 1, 'Small grant for a residential trip.'],
  ['kingsmouth-community-foundation', 'millfield-toy-library', 1, 'Start-up grant.'],
  ['kingsmouth-community-foundation', 'eastbrook-parents', 1, 'Baby bank supplies.'],
  ['kingsmouth-community-foundation', 'millfield-deaf-club', 1, 'BSL interpreters for events.'],
  ['kingsmouth-building-society', 'money-matters-kingsmouth', 2, 'Community fund, three years.'],
  ['kingsmouth-building-society', 'eastbrook-credit-union', 1, 'Matched savings scheme.'],
  ['seaview-homes', 'harbourside-tenants', 1, 'Tenant engagement fund.'],
  ['seaview-homes', 'millfield-tenants', 1, 'Tenant engagement fund.'],
  ['northgate-co-op-store', 'northgate-community-larder', 2, 'Local community fund.'],
  ['green-brook-energy', 'eastbrook-community-association', 1, 'Community benefit fund.'],
  ['bank-spoldzielczy-modrzewiec', 'fundacja-usmiech-dziecka', 2, 'Kolonie letnie.'],
  ['bank-spoldzielczy-modrzewiec', 'zielony-modrzewiec', 1, 'Sadzonki na Dzień Ziemi.'],
  ['mops-modrzewiec', 'klub-seniora-zlota-jesien', 2, 'Dotacja na działalność klubu.'],
  ['mops-modrzewiec', 'caritas-sw-jozefa', 1, 'Dofinansowanie paczek świątecznych.'],
];

/**
 * Islands: small clusters linked only among themselves, with no theme or place either, so the
 * map shows them apart and the insights can say "these groups are not connected to anyone".
 */
// prettier-ignore
const ISLANDS: readonly (readonly [a: OrgSlug, b: OrgSlug, type: CollaborationType])[] = [
  // Board games in Old Town.
  ['old-town-bridge-club', 'kingsmouth-chess-club', 'shared_space'],
  ['kingsmouth-chess-club', 'castle-scrabble-circle', 'informal'],
  ['old-town-bridge-club', 'castle-scrabble-circle', 'informal'],
  // On the beach.
  ['harbourside-sea-swimmers', 'kingsmouth-surf-life-saving', 'partnership'],
  // Modrzewiec's clubs that keep to themselves.
  ['kolo-wedkarskie-pstrag', 'ks-orzel-modrzewiec', 'informal'],
  ['zespol-modrzewianie', 'chor-cantate', 'partnership'],
  ['kolo-wedkarskie-pstrag', 'zespol-modrzewianie', 'informal'],
];

/**
 * The networks and who belongs to them. The big ones gather members by a rule, as their
 * membership lists would: the CVS takes every constituted group in Kingsmouth, the food
 * partnership every group working on food, and so on. The rule runs after every other link, and
 * an organisation that is already a member (say, from a meeting) is not added twice.
 */
interface Hub {
  network: OrgSlug;
  isMember: (org: OrgRow) => boolean;
}
const CONSTITUTED: readonly OrganisationKind[] = [
  'charity',
  'community_group',
  'social_enterprise',
  'faith_group',
  'network',
];
const isPolish = (org: OrgRow): boolean => org[3] !== null && POLISH_PLACES.includes(org[3]);
const isEnglish = (org: OrgRow): boolean => org[3] !== null && !POLISH_PLACES.includes(org[3]);
const HUBS: readonly Hub[] = [
  {
    network: 'kingsmouth-voluntary-action',
    isMember: (org) => isEnglish(org) && CONSTITUTED.includes(org[2]),
  },
  {
    network: 'kingsmouth-food-partnership',
    isMember: (org) => isEnglish(org) && org[6].includes('food'),
  },
  {
    network: 'kingsmouth-older-peoples-forum',
    isMember: (org) =>
      isEnglish(org) && org[6].includes('older-people') && org[2] !== 'public_body',
  },
  {
    network: 'modrzewiecka-siec-ngo',
    isMember: (org) => isPolish(org) && CONSTITUTED.includes(org[2]),
  },
  {
    // A small network: the shops and cafés of Old Town, plus two town-wide businesses.
    network: 'old-town-traders',
    isMember: (org) =>
      [
        'cobblestones-cafe',
        'harrow-and-sons',
        'kingsmouth-building-society',
        'kingsmouth-times',
      ].includes(org[0]),
  },
];

// ---------------------------------------------------------------------------------------------
// Projects: initiatives several organisations run together, each with a lead, partners and
// funders. A completed project has an `until`; its partnership links end with it.

type ProjectRow = readonly [
  slug: string,
  name: string,
  status: ProjectStatus,
  since: string,
  until: string | null,
  place: PlaceSlug,
  themes: readonly ThemeSlug[],
  lead: OrgSlug,
  partners: readonly OrgSlug[],
  funders: readonly OrgSlug[],
  description: string,
];

// prettier-ignore
const PROJECTS: readonly ProjectRow[] = [
  ['warm-spaces-kingsmouth', 'Warm Spaces Kingsmouth', 'completed', '2022-10-03', '2024-04-30', 'kingsmouth', ['wellbeing', 'older-people', 'housing'],
    'kingsmouth-voluntary-action',
    ['kingsmouth-libraries', 'st-peters-harbourside', 'millfield-methodist', 'st-aidans-northgate', 'kingsmouth-minster', 'eastbrook-community-association'],
    ['kingsmouth-borough-council', 'kingsmouth-building-society'],
    'Two winters of free, warm places to spend the day, with hot drinks and company.'],
  ['harbourside-community-kitchen', 'Harbourside Community Kitchen', 'active', '2019-09-02', null, 'harbourside', ['food', 'families', 'employment'],
    'harbourside-food-bank',
    ['dockside-cafe', 'harbourside-community-centre', 'harbourside-masjid'],
    ['kingsmouth-community-foundation'],
    'Cook-and-eat sessions that turn surplus food into family meals and kitchen skills.'],
  ['digital-buddies', 'Digital Buddies', 'active', '2020-02-03', null, 'kingsmouth', ['digital-inclusion', 'older-people'],
    'kingsmouth-libraries',
    ['millfield-digital-champions', 'eastbrook-repair-cafe', 'northgate-enterprise', 'brookside-befriending'],
    ['kingsmouth-borough-council'],
    'Volunteers lend and set up tablets and teach older residents to video-call and shop online.'],
  ['moneysmart-families', 'MoneySmart Families', 'active', '2021-04-12', null, 'kingsmouth', ['financial-literacy', 'families'],
    'money-matters-kingsmouth',
    ['kingsmouth-citizens-advice', 'eastbrook-credit-union', 'northgate-community-church', 'harbourside-family-hub'],
    ['kingsmouth-building-society'],
    'Budgeting courses for parents in family hubs and churches, with one-to-one debt advice.'],
  ['eastbrook-warm-homes', 'Eastbrook Warm Homes Retrofit', 'planned', '2026-03-02', null, 'eastbrook', ['climate', 'housing'],
    'green-brook-energy',
    ['seaview-homes', 'kingsmouth-climate-action', 'eastbrook-community-association'],
    ['kingsmouth-borough-council'],
    'Insulating two hundred homes on the Brook estate, street by street, in an order residents choose.'],
  ['creative-minds', 'Creative Minds', 'completed', '2019-03-04', '2022-12-16', 'old-town', ['art-therapy', 'mental-health'],
    'tidemark-arts',
    ['kingsmouth-mind', 'old-town-arts-centre', 'mill-studios', 'northgate-wellbeing-hub'],
    ['kingsmouth-community-foundation'],
    'Arts on prescription: twelve weeks of painting and clay for people referred by their GP.'],
  ['northgate-holiday-club', 'Northgate Holiday Activities and Food', 'active', '2021-07-19', null, 'northgate', ['youth', 'food'],
    'northgate-youth-project',
    ['northgate-boxing-club', 'northgate-community-larder', 'kingsmouth-youth-service', 'northgate-family-centre'],
    ['kingsmouth-borough-council', 'northgate-co-op-store'],
    'A free holiday club with a hot meal for children on free school meals.'],
  ['most-przyjazni', 'Most Przyjaźni – Friendship Bridge', 'active', '2022-05-12', null, 'modrzewiec', ['befriending', 'youth', 'older-people'],
    'kingsmouth-modrzewiec-twinning',
    ['modrzewiecka-siec-ngo', 'polska-szkola-eastbrook', 'klub-seniora-zlota-jesien', 'fundacja-usmiech-dziecka'],
    ['bank-spoldzielczy-modrzewiec', 'kingsmouth-community-foundation'],
    'Twinning exchange: school pen pals, video calls between senior clubs and a visit every summer.'],
  ['razem-przy-stole', 'Razem przy stole', 'active', '2020-09-14', null, 'osiedle-sloneczne', ['food', 'older-people', 'befriending'],
    'kgw-modrzewianki',
    ['caritas-sw-jozefa', 'zielony-zakatek', 'mops-modrzewiec', 'klub-seniora-zlota-jesien'],
    ['bank-spoldzielczy-modrzewiec'],
    'Wspólne obiady dla samotnych seniorów, gotowane przez Koło Gospodyń i spółdzielnię socjalną.'],
  ['kingsmouth-befriending-line', 'Kingsmouth Befriending Line', 'paused', '2020-04-06', null, 'kingsmouth', ['befriending', 'older-people', 'mental-health'],
    'brookside-befriending',
    ['kingsmouth-older-peoples-forum', 'kingsmouth-mind', 'kingsmouth-carers-centre'],
    ['kingsmouth-community-foundation'],
    'Telephone befriending started in the first lockdown; paused while the scheme looks for new funding.'],
];

// ---------------------------------------------------------------------------------------------
// Meetings: who came (with what they agreed to share with the other attendees) and the links
// that formed there. A formed link carries the meeting's id and starts on the meeting's date, so
// the timeline shows the network growing at its meetings.

type NodeRef = `org-${OrgSlug}` | `person-${PersonSlug}`;
type FormedRow = readonly [
  kind: 'COLLABORATES_WITH' | 'FUNDS' | 'MEMBER_OF',
  source: NodeRef,
  target: `org-${OrgSlug}`,
  collaborationType: CollaborationType | null,
  notes: string,
];
/** What an attendee agreed to share, as the meeting tables write it. */
type SharedDetails = 'email_and_phone' | 'email' | 'nothing';
const CONSENTS: Record<SharedDetails, ConsentChoice> = {
  email_and_phone: { shareEmail: true, sharePhone: true },
  email: { shareEmail: true, sharePhone: false },
  nothing: { shareEmail: false, sharePhone: false },
};

interface MeetingRow {
  slug: string;
  title: string;
  date: string;
  venue: string;
  organiser: string;
  place: PlaceSlug;
  notes: string;
  organisations: readonly OrgSlug[];
  /** Each person with what they agreed to share with the other attendees. */
  people: readonly (readonly [PersonSlug, SharedDetails])[];
  formed: readonly FormedRow[];
}

// prettier-ignore
const MEETINGS: readonly MeetingRow[] = [
  {
    slug: '2018-networking-breakfast', title: 'Networking breakfast', date: '2018-11-15',
    venue: 'Harbourside Community Centre', organiser: 'Kingsmouth Voluntary Action', place: 'harbourside',
    notes: 'First network breakfast: each group had two minutes to say what it offers and needs.',
    organisations: [
      'kingsmouth-voluntary-action', 'harbourside-community-centre',
      'harbourside-food-bank', 'brookside-befriending',
      'kingsmouth-citizens-advice', 'northgate-youth-project',
      'kingsmouth-mind', 'tidemark-arts', 'eastbrook-allotment-society',
    ],
    people: [
      ['amira-haddad', 'email_and_phone'], ['tom-ashworth', 'email'], ['daniel-price', 'email_and_phone'],
      ['margaret-collins', 'nothing'], ['sarah-lloyd', 'email'],
    ],
    formed: [
      ['COLLABORATES_WITH', 'org-harbourside-food-bank', 'org-eastbrook-allotment-society', 'resource_sharing', 'Surplus vegetables every summer.'],
      ['COLLABORATES_WITH', 'org-tidemark-arts', 'org-kingsmouth-mind', 'referral', 'Art-therapy places for Mind clients.'],
    ],
  },
  {
    slug: '2019-food-partnership-gathering', title: 'Food Partnership summer gathering', date: '2019-06-20',
    venue: 'Millfield Neighbourhood Centre', organiser: 'Kingsmouth Food Partnership', place: 'millfield',
    notes: 'Mapping who collects, stores and cooks surplus food; agreed a shared van rota.',
    organisations: [
      'kingsmouth-food-partnership', 'harbourside-food-bank',
      'millfield-neighbourhood-centre', 'dockside-cafe',
      'millfield-lunch-club', 'st-peters-harbourside',
      'eastbrook-baptist-church', 'roots-and-shoots-garden',
    ],
    people: [
      ['tom-ashworth', 'email_and_phone'], ['raj-patel', 'email'], ['joan-fletcher', 'nothing'], ['ellie-thompson', 'email_and_phone'],
    ],
    formed: [
      ['COLLABORATES_WITH', 'org-dockside-cafe', 'org-roots-and-shoots-garden', 'resource_sharing', 'Garden vegetables on the café menu.'],
      ['COLLABORATES_WITH', 'org-st-peters-harbourside', 'org-millfield-lunch-club', 'informal', 'Swap recipes and volunteers at Christmas.'],
      ['MEMBER_OF', 'person-ellie-thompson', 'org-kingsmouth-food-partnership', null, 'Joined the steering group.'],
    ],
  },
  {
    slug: '2020-lockdown-check-in', title: 'Keeping in touch: lockdown check-in', date: '2020-10-08',
    venue: 'Online (video call)', organiser: 'Kingsmouth Voluntary Action', place: 'kingsmouth',
    notes: 'Who is still open, who needs volunteers, and how to reach people who are not online.',
    organisations: [
      'kingsmouth-voluntary-action', 'brookside-befriending',
      'kingsmouth-older-peoples-forum', 'northgate-community-larder',
      'kingsmouth-community-transport', 'millfield-digital-champions',
      'kingsmouth-libraries', 'eastbrook-repair-cafe',
    ],
    people: [
      ['amira-haddad', 'email_and_phone'], ['grace-okafor', 'email'], ['sarah-lloyd', 'email_and_phone'],
      ['hannah-wright', 'email_and_phone'], ['chloe-martin', 'email'],
    ],
    formed: [
      ['COLLABORATES_WITH', 'org-millfield-digital-champions', 'org-kingsmouth-libraries', 'partnership', 'Champions trained by library staff.'],
      ['COLLABORATES_WITH', 'org-kingsmouth-community-transport', 'org-northgate-community-larder', 'resource_sharing', 'Minibus drivers deliver larder bags.'],
      ['COLLABORATES_WITH', 'org-eastbrook-repair-cafe', 'org-millfield-digital-champions', 'resource_sharing', 'Refurbished laptops.'],
    ],
  },
  {
    slug: '2021-older-people-round-table', title: "Older people's round table", date: '2021-09-23',
    venue: 'Old Town Arts Centre', organiser: "Kingsmouth Older People's Forum", place: 'old-town',
    notes: 'Reopening after lockdown: transport, loneliness and people who stopped coming.',
    organisations: [
      'kingsmouth-older-peoples-forum', 'old-town-arts-centre',
      'old-town-lunch-and-chat', 'kingsmouth-minster',
      'eastbrook-dementia-cafe', 'shree-krishna-mandir',
      'kingsmouth-carers-centre', 'kingsmouth-museum',
      'millfield-walking-group',
    ],
    people: [
      ['margaret-collins', 'email'], ['joan-fletcher', 'email_and_phone'], ['chloe-martin', 'email_and_phone'],
      ['george-evans', 'nothing'],
    ],
    formed: [
      ['COLLABORATES_WITH', 'org-kingsmouth-museum', 'org-eastbrook-dementia-cafe', 'partnership', 'Object handling at the café.'],
      ['COLLABORATES_WITH', 'org-shree-krishna-mandir', 'org-kingsmouth-carers-centre', 'referral', 'Carers of day-centre members.'],
      ['MEMBER_OF', 'person-joan-fletcher', 'org-kingsmouth-older-peoples-forum', null, 'Joined the forum committee.'],
    ],
  },
  {
    slug: '2022-spotkanie-partnerskie', title: 'Spotkanie partnerskie Kingsmouth–Modrzewiec', date: '2022-05-12',
    venue: 'Miejska Biblioteka Publiczna w Modrzewcu', organiser: 'Modrzewiecka Sieć Organizacji Pozarządowych', place: 'modrzewiec',
    notes: 'Wizyta partnerska: grupy z obu miast poznały się przy kawie i założyły projekt „Most Przyjaźni”.',
    organisations: [
      'modrzewiecka-siec-ngo', 'kingsmouth-modrzewiec-twinning',
      'klub-seniora-zlota-jesien', 'biblioteka-modrzewiec',
      'mops-modrzewiec', 'polska-szkola-eastbrook',
      'kingsmouth-voluntary-action', 'pracownia-paleta',
      'osp-modrzewiec', 'fundacja-usmiech-dziecka',
    ],
    people: [
      ['anna-wisniewska', 'email_and_phone'], ['pawel-lewandowski', 'email'], ['malgorzata-kaminska', 'nothing'],
      ['natalia-nowak', 'email_and_phone'], ['amira-haddad', 'email_and_phone'],
    ],
    formed: [
      ['COLLABORATES_WITH', 'org-polska-szkola-eastbrook', 'org-fundacja-usmiech-dziecka', 'partnership', 'Dzieci piszą do siebie listy.'],
      ['COLLABORATES_WITH', 'org-klub-seniora-zlota-jesien', 'org-biblioteka-modrzewiec', 'shared_space', 'Klub spotyka się w bibliotece.'],
      ['MEMBER_OF', 'org-osp-modrzewiec', 'org-modrzewiecka-siec-ngo', null, 'Dołączyli podczas spotkania.'],
      ['MEMBER_OF', 'org-kingsmouth-modrzewiec-twinning', 'org-modrzewiecka-siec-ngo', null, 'Partner member from the twin town.'],
    ],
  },
  {
    slug: '2023-climate-cost-of-living-forum', title: 'Climate and cost of living forum', date: '2023-03-16',
    venue: 'Eastbrook Community Association hall', organiser: 'Kingsmouth Climate Action', place: 'eastbrook',
    notes: 'Cold homes, energy bills and what groups can do together before next winter.',
    organisations: [
      'eastbrook-community-association', 'green-brook-energy',
      'kingsmouth-climate-action', 'northgate-residents',
      'seaview-homes', 'eastbrook-credit-union',
      'money-matters-kingsmouth', 'kingsmouth-citizens-advice',
      'castle-green-conservation',
    ],
    people: [
      ['kwame-mensah', 'email_and_phone'], ['olivia-bennett', 'email_and_phone'], ['liam-oconnor', 'email'],
      ['hannah-wright', 'nothing'],
    ],
    formed: [
      ['COLLABORATES_WITH', 'org-green-brook-energy', 'org-northgate-residents', 'partnership', 'Energy advice door-knocking on the estate.'],
      ['COLLABORATES_WITH', 'org-eastbrook-credit-union', 'org-money-matters-kingsmouth', 'referral', 'Budget course graduates open savings accounts.'],
      ['FUNDS', 'org-seaview-homes', 'org-green-brook-energy', null, 'Energy advice for Seaview tenants.'],
    ],
  },
  {
    slug: '2024-youth-providers-meet-up', title: 'Youth providers meet-up', date: '2024-10-10',
    venue: 'Northgate Youth Project', organiser: 'Kingsmouth Youth Service', place: 'northgate',
    notes: 'Holiday provision, safeguarding and who has space on which evenings.',
    organisations: [
      'northgate-youth-project', 'kingsmouth-youth-service',
      'harbourside-youth-club', 'eastbrook-youth-fc',
      'northgate-boxing-club', 'old-town-youth-theatre',
      'springboard-training', 'northgate-community-radio',
      'harbourside-masjid',
    ],
    people: [
      ['daniel-price', 'email_and_phone'], ['fatima-begum', 'email'], ['samuel-adeyemi', 'email_and_phone'],
    ],
    formed: [
      ['COLLABORATES_WITH', 'org-northgate-community-radio', 'org-old-town-youth-theatre', 'partnership', 'Radio drama written by the young actors.'],
      ['COLLABORATES_WITH', 'org-springboard-training', 'org-harbourside-youth-club', 'referral', 'Older members move on to placements.'],
      ['COLLABORATES_WITH', 'org-northgate-boxing-club', 'org-harbourside-masjid', 'informal', 'Taster sessions for the homework club.'],
    ],
  },
  {
    slug: '2025-community-network-day', title: 'Kingsmouth Community Network Day 2025', date: '2025-11-20',
    venue: 'Kingsmouth Guildhall', organiser: 'Kingsmouth Voluntary Action', place: 'kingsmouth',
    notes: 'Annual day: funders, newcomers and a walk around the printed network map.',
    organisations: [
      'kingsmouth-voluntary-action', 'kingsmouth-borough-council',
      'kingsmouth-community-foundation', 'kingsmouth-social-prescribing',
      'northgate-wellbeing-hub', 'cobblestones-cafe',
      'kingsmouth-refugee-welcome', 'northgate-womens-group',
      'old-town-mens-breakfast', 'northgate-sensory-garden',
      'minster-court-residents',
    ],
    people: [
      ['amira-haddad', 'email_and_phone'], ['mark-stevens', 'email_and_phone'], ['chloe-martin', 'email'],
      ['ahmed-yusuf', 'nothing'], ['priya-sharma', 'email_and_phone'], ['hannah-wright', 'email'],
    ],
    formed: [
      ['COLLABORATES_WITH', 'org-northgate-womens-group', 'org-kingsmouth-refugee-welcome', 'partnership', 'Joint English conversation café.'],
      ['COLLABORATES_WITH', 'org-northgate-sensory-garden', 'org-kingsmouth-social-prescribing', 'referral', 'Garden sessions on prescription.'],
      ['FUNDS', 'org-kingsmouth-community-foundation', 'org-old-town-mens-breakfast', null, 'First small grant.'],
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Building the network

/** Seeds the generator; changing it reshuffles the everyday collaborations and link dates. */
const SEED = 2018;
/** How many everyday collaborations the generator adds between neighbours. */
const EVERYDAY_COLLABORATIONS = 32;
const EVERYDAY_TYPES: readonly CollaborationType[] = [
  'informal',
  'informal',
  'referral',
  'referral',
  'resource_sharing',
  'shared_space',
  'partnership',
];
/** No link starts after this day, so the demo never shows links from the future. */
const LAST_DATE = '2026-10-31';
/** Used when neither end of a link has a `since`. */
const FIRST_DATE = '2018-01-01';

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function tags(list: string): string[] {
  return list
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

/** What the builder needs to know about a node to link it. */
interface End {
  kind: NodeKind;
  since: string | null;
  until: string | null;
}

interface LinkSpec {
  kind: LinkKind;
  source: string;
  target: string;
  /** A fixed start (meetings); otherwise the later end's `since` plus up to `lateness` days. */
  since?: string;
  lateness?: number;
  strength?: 1 | 2 | 3;
  notes?: string;
  meetingId?: string;
  collaborationType?: CollaborationType;
  role?: PartnerRole;
  consent?: ConsentChoice | null;
}

/** Collects nodes and links, and refuses links the data tables get wrong. */
class Builder {
  readonly nodes: CreateNodeInput[] = [];
  readonly links: CreateLinkInput[] = [];
  private readonly ends = new Map<string, End>();
  private readonly keys = new Set<string>();

  constructor(readonly random: () => number) {}

  /** A whole number from 0 to below `max`. */
  pick(max: number): number {
    return max <= 0 ? 0 : Math.floor(this.random() * max);
  }

  addNode(node: CreateNodeInput): void {
    const id = node.id;
    if (id === undefined || this.ends.has(id)) throw new Error(`missing or repeated node id ${id}`);
    this.nodes.push(node);
    this.ends.set(id, { kind: node.kind, since: node.since ?? null, until: node.until ?? null });
  }

  /** Why a link cannot be added (unknown end, self-link, duplicate, lifetimes apart), or null. */
  problem(kind: LinkKind, source: string, target: string): string | null {
    const from = this.ends.get(source);
    const to = this.ends.get(target);
    if (!from || !to) return `${kind} ${source} → ${target}: unknown end`;
    if (source === target) return `${kind} ${source}: link to itself`;
    if (this.keys.has(linkKey(kind, source, target))) return `${kind} ${source} → ${target}: twice`;
    const start = later(from.since, to.since);
    const end = earlier(from.until, to.until);
    if (start !== null && end !== null && start >= end) {
      return `${kind} ${source} → ${target}: the two were never on the map at the same time`;
    }
    return null;
  }

  link(spec: LinkSpec): void {
    const problem = this.problem(spec.kind, spec.source, spec.target);
    if (problem !== null) throw new Error(problem);
    const from = this.ends.get(spec.source);
    const to = this.ends.get(spec.target);
    if (!from || !to) throw new Error(`unknown end of ${spec.kind}`);
    const start = later(from.since, to.since) ?? FIRST_DATE;
    const until = earlier(from.until, to.until);
    let since = spec.since ?? addDays(start, this.pick(spec.lateness ?? 365));
    if (since < start)
      throw new Error(`${spec.kind} ${spec.source} → ${spec.target}: before an end`);
    // A link may not start after one of its ends left the map, nor in the future.
    if (spec.since === undefined && (since > LAST_DATE || (until !== null && since >= until))) {
      since = start;
    }
    this.keys.add(linkKey(spec.kind, spec.source, spec.target));
    this.links.push({
      id: `link-${String(this.links.length + 1).padStart(4, '0')}`,
      kind: spec.kind,
      source: spec.source,
      target: spec.target,
      since,
      until,
      strength: spec.strength ?? 1 + this.pick(3),
      notes: spec.notes ?? '',
      meetingId: spec.meetingId ?? null,
      collaborationType: spec.collaborationType ?? null,
      role: spec.role ?? null,
      consent: spec.consent ?? null,
    });
  }
}

/** One link of a kind per ordered pair; COLLABORATES_WITH means the same both ways. */
function linkKey(kind: LinkKind, source: string, target: string): string {
  const [a, b] =
    kind === 'COLLABORATES_WITH' && target < source ? [target, source] : [source, target];
  return `${kind} ${a} ${b}`;
}

const orgId = (slug: OrgSlug): string => `org-${slug}`;
const personId = (slug: PersonSlug): string => `person-${slug}`;
const placeId = (slug: PlaceSlug): string => `place-${slug}`;
const themeId = (slug: ThemeSlug): string => `theme-${slug}`;

function addNodes(builder: Builder): void {
  for (const [slug, name, placeType] of PLACES) {
    builder.addNode({
      kind: 'place',
      id: placeId(slug),
      name,
      since: null,
      until: null,
      placeType,
    });
  }
  for (const [slug, name, description] of THEMES) {
    builder.addNode({
      kind: 'theme',
      id: themeId(slug),
      name,
      since: null,
      until: null,
      description,
    });
  }
  for (const org of ORGANISATIONS) {
    const [slug, name, orgKind, place, founded, since, , description, values, offers, needs] = org;
    const [status, until] = STATUSES[slug] ?? ['active', null];
    builder.addNode({
      kind: 'organisation',
      id: orgId(slug),
      name,
      since,
      until,
      orgKind,
      description,
      // Informal groups and the unlinked clubs have no website, as is usual.
      website:
        place !== null && orgKind !== 'informal_group' ? `https://${slug}.example.org/` : null,
      values: tags(values),
      offers: tags(offers),
      needs: tags(needs),
      status,
      founded,
    });
  }
  for (const row of PEOPLE) {
    const [slug, name, role, emailVisibility, phone, phoneVisibility, since] = row;
    builder.addNode({
      kind: 'person',
      id: personId(slug),
      name,
      since,
      until: null,
      role,
      email: { value: `${slug.replace('-', '.')}@example.org`, visibility: emailVisibility },
      phone: phone === null ? null : { value: `+44 7700 900${phone}`, visibility: phoneVisibility },
    });
  }
  for (const [slug, name, status, since, until, , , , , , description] of PROJECTS) {
    builder.addNode({
      kind: 'project',
      id: `project-${slug}`,
      name,
      since,
      until,
      description,
      status,
    });
  }
  for (const meeting of MEETINGS) {
    builder.addNode({
      kind: 'meeting',
      id: `meeting-${meeting.slug}`,
      name: meeting.title,
      since: meeting.date,
      until: null,
      date: meeting.date,
      venue: meeting.venue,
      organiser: meeting.organiser,
      notes: meeting.notes,
    });
  }
}

function addLinks(builder: Builder): void {
  // Where each organisation is and what it works on: true from the day it joined.
  for (const [slug, , , place, , , themes] of ORGANISATIONS) {
    if (place !== null) {
      builder.link({
        kind: 'BASED_IN',
        source: orgId(slug),
        target: placeId(place),
        lateness: 0,
        strength: 3,
      });
    }
    for (const theme of themes) {
      builder.link({
        kind: 'FOCUSES_ON',
        source: orgId(slug),
        target: themeId(theme),
        lateness: 0,
        strength: 2,
      });
    }
  }
  for (const [a, b, collaborationType, strength, notes] of COLLABORATIONS) {
    builder.link({
      kind: 'COLLABORATES_WITH',
      source: orgId(a),
      target: orgId(b),
      collaborationType,
      strength,
      notes,
      lateness: 540,
    });
  }
  for (const [funder, recipient, strength, notes] of FUNDING) {
    builder.link({
      kind: 'FUNDS',
      source: orgId(funder),
      target: orgId(recipient),
      strength,
      notes,
    });
  }
  for (const [a, b, collaborationType] of ISLANDS) {
    builder.link({
      kind: 'COLLABORATES_WITH',
      source: orgId(a),
      target: orgId(b),
      collaborationType,
      lateness: 400,
    });
  }
  for (const [slug, , , , , , , place, worksAt, volunteersAt, memberOf] of PEOPLE) {
    const id = personId(slug);
    builder.link({
      kind: 'BASED_IN',
      source: id,
      target: placeId(place),
      lateness: 0,
      strength: 2,
    });
    if (worksAt !== null) {
      builder.link({
        kind: 'WORKS_AT',
        source: id,
        target: orgId(worksAt),
        lateness: 0,
        strength: 3,
      });
    }
    for (const org of volunteersAt) {
      builder.link({ kind: 'VOLUNTEERS_AT', source: id, target: orgId(org), lateness: 200 });
    }
    for (const org of memberOf) {
      builder.link({ kind: 'MEMBER_OF', source: id, target: orgId(org), lateness: 300 });
    }
  }
  for (const [slug, , , , , place, themes, lead, partners, funders] of PROJECTS) {
    const id = `project-${slug}`;
    builder.link({
      kind: 'BASED_IN',
      source: id,
      target: placeId(place),
      lateness: 0,
      strength: 3,
    });
    for (const theme of themes) {
      builder.link({
        kind: 'FOCUSES_ON',
        source: id,
        target: themeId(theme),
        lateness: 0,
        strength: 2,
      });
    }
    builder.link({
      kind: 'PARTNER_IN',
      source: orgId(lead),
      target: id,
      role: 'lead',
      lateness: 0,
      strength: 3,
    });
    for (const partner of partners) {
      builder.link({
        kind: 'PARTNER_IN',
        source: orgId(partner),
        target: id,
        role: 'partner',
        lateness: 60,
      });
    }
    for (const funder of funders) {
      builder.link({ kind: 'FUNDS', source: orgId(funder), target: id, lateness: 30 });
    }
  }
  for (const meeting of MEETINGS) {
    const id = `meeting-${meeting.slug}`;
    const since = meeting.date;
    builder.link({
      kind: 'BASED_IN',
      source: id,
      target: placeId(meeting.place),
      since,
      strength: 3,
    });
    // Organisations carry no consent: only people have contact details to share.
    for (const org of meeting.organisations) {
      builder.link({ kind: 'ATTENDED', source: orgId(org), target: id, since });
    }
    for (const [person, shared] of meeting.people) {
      builder.link({
        kind: 'ATTENDED',
        source: personId(person),
        target: id,
        since,
        consent: CONSENTS[shared],
      });
    }
    for (const [kind, source, target, type, notes] of meeting.formed) {
      builder.link({
        kind,
        source,
        target,
        since,
        notes,
        meetingId: id,
        ...(type === null ? {} : { collaborationType: type }),
      });
    }
  }
  // The networks' members, by each network's rule (see HUBS).
  for (const hub of HUBS) {
    for (const org of ORGANISATIONS) {
      const source = orgId(org[0]);
      const target = orgId(hub.network);
      if (hub.isMember(org) && builder.problem('MEMBER_OF', source, target) === null) {
        builder.link({ kind: 'MEMBER_OF', source, target, lateness: 180 });
      }
    }
  }
  addEverydayCollaborations(builder);
}

/**
 * Everyday ties nobody writes down until asked: groups in the same place, or working on the same
 * theme in the same country, that help each other out. Closed groups, islands and isolated
 * groups are left alone.
 */
function addEverydayCollaborations(builder: Builder): void {
  const pool = ORGANISATIONS.filter((org) => org[3] !== null && STATUSES[org[0]]?.[0] !== 'closed');
  const near = (a: OrgRow, b: OrgRow): boolean =>
    a[3] === b[3] || (isPolish(a) === isPolish(b) && a[6].some((theme) => b[6].includes(theme)));
  let added = 0;
  for (let attempt = 0; added < EVERYDAY_COLLABORATIONS && attempt < 10_000; attempt += 1) {
    const a = pool[builder.pick(pool.length)];
    if (!a) continue;
    const neighbours = pool.filter((b) => b !== a && near(a, b));
    const b = neighbours[builder.pick(neighbours.length)];
    if (!b || builder.problem('COLLABORATES_WITH', orgId(a[0]), orgId(b[0])) !== null) continue;
    builder.link({
      kind: 'COLLABORATES_WITH',
      source: orgId(a[0]),
      target: orgId(b[0]),
      collaborationType: EVERYDAY_TYPES[builder.pick(EVERYDAY_TYPES.length)] ?? 'informal',
      strength: 1,
      lateness: 720,
    });
    added += 1;
  }
}

/**
 * The demo network: 128 fictional organisations in Kingsmouth and its Polish twin town, with
 * people, projects, meetings, themes, places and the links between them. The same on every call.
 */
export function demoNetwork(): SeedNetwork {
  const builder = new Builder(mulberry32(SEED));
  addNodes(builder);
  addLinks(builder);
  return { nodes: builder.nodes, links: builder.links };
}
