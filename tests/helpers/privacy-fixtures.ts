/**
 * A small network for field-privacy tests (issue 8): six people whose e-mails and phones cover
 * every visibility, each value distinctive enough to search for in raw response bytes, and two
 * meetings so that "attendees" details have someone to be shown to. Which reader may see which
 * value is written out by hand below (PRODUCT.md: private = editors only, attendees = people at
 * the same meeting, network = signed-in users, public = everyone; a person always sees their own).
 */
import type { ContactVisibility, CreateNodeInput } from '@octograph/graph-schema';
import { strFromU8, unzipSync } from 'fflate';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

/** One contact detail of one person. */
export interface Secret {
  person: PersonId;
  field: 'email' | 'phone';
  value: string;
  visibility: ContactVisibility;
}

function secret(
  person: PersonId,
  field: Secret['field'],
  value: string,
  visibility: ContactVisibility,
): Secret {
  return { person, field, value, visibility };
}

export const ANN_EMAIL = secret('person-ann', 'email', 'private-ann@example.org', 'private');
export const ANN_PHONE = secret('person-ann', 'phone', '+447700900101', 'private');
export const BEA_EMAIL = secret('person-bea', 'email', 'attendees-bea@example.org', 'attendees');
export const BEA_PHONE = secret('person-bea', 'phone', '+447700900202', 'attendees');
export const CAI_EMAIL = secret('person-cai', 'email', 'network-cai@example.org', 'network');
export const CAI_PHONE = secret('person-cai', 'phone', '+447700900303', 'private');
export const DEE_EMAIL = secret('person-dee', 'email', 'public-dee@example.org', 'public');
export const DEE_PHONE = secret('person-dee', 'phone', '+447700900404', 'network');
export const EVE_EMAIL = secret('person-eve', 'email', 'attendees-eve@example.org', 'attendees');
export const EVE_PHONE = secret('person-eve', 'phone', '+447700900505', 'public');
export const VIC_EMAIL = secret('person-vic', 'email', 'private-vic@example.org', 'private');
export const VIC_PHONE = secret('person-vic', 'phone', '+447700900606', 'attendees');

export const ALL_SECRETS: readonly Secret[] = [
  ANN_EMAIL,
  ANN_PHONE,
  BEA_EMAIL,
  BEA_PHONE,
  CAI_EMAIL,
  CAI_PHONE,
  DEE_EMAIL,
  DEE_PHONE,
  EVE_EMAIL,
  EVE_PHONE,
  VIC_EMAIL,
  VIC_PHONE,
];

/** Every person's name carries this word in their role, so one search finds them all. */
export const SHARED_ROLE_WORD = 'coordinator';

/** The people, by id, with their names. */
export const PEOPLE = {
  'person-ann': 'Ann Abbott',
  'person-bea': 'Bea Barker',
  'person-cai': 'Cai Carter',
  'person-dee': 'Dee Dawson',
  'person-eve': 'Eve Ellis',
  'person-vic': 'Vic Vaughan',
} as const;
export type PersonId = keyof typeof PEOPLE;
export const PERSON_IDS = Object.keys(PEOPLE) as PersonId[];

/** Meeting 1: Bea and Vic (the linked viewer's person) came; meeting 2: Cai and Eve. */
export const MEETING_1 = 'meet-spring';
export const MEETING_2 = 'meet-autumn';
export const HUB = 'org-hub';
export const LARDER = 'org-larder';

/**
 * What each kind of reader may receive, by hand. `attendee` is a viewer whose account is linked
 * to Vic: Bea came to a meeting with Vic, Eve did not.
 */
export type ReaderName = 'admin' | 'editor' | 'attendee' | 'viewer' | 'anonymous';
export const VISIBLE: Readonly<Record<ReaderName, readonly Secret[]>> = {
  admin: ALL_SECRETS,
  editor: ALL_SECRETS,
  attendee: [
    BEA_EMAIL,
    BEA_PHONE,
    CAI_EMAIL,
    DEE_EMAIL,
    DEE_PHONE,
    EVE_PHONE,
    VIC_EMAIL,
    VIC_PHONE,
  ],
  viewer: [CAI_EMAIL, DEE_EMAIL, DEE_PHONE, EVE_PHONE],
  anonymous: [DEE_EMAIL, EVE_PHONE],
};

/**
 * The attendee packs: only what each attendee agreed to share there. At meeting 1 Bea shares her
 * e-mail and not her phone, Vic his phone and not his e-mail.
 */
export const PACK_1_SHARED: readonly Secret[] = [BEA_EMAIL, VIC_PHONE];

function personBody(id: PersonId): CreateNodeInput {
  const [email, phone] = ALL_SECRETS.filter((item) => item.person === id);
  if (!email || !phone) throw new Error(`no contact details for ${id}`);
  return {
    kind: 'person',
    id,
    name: PEOPLE[id],
    role: `Volunteer ${SHARED_ROLE_WORD}`,
    email: { value: email.value, visibility: email.visibility },
    phone: { value: phone.value, visibility: phone.visibility },
  };
}

/**
 * Writes the network through the API as the test editor, so the audit log holds the details
 * under that editor's name: each person by POST /api/nodes, the rest in one batch, attendance
 * with consent through the meeting routes.
 */
export async function seedPrivacyNetwork(api: TestApp): Promise<void> {
  for (const id of PERSON_IDS) {
    const created = await api.request({
      method: 'POST',
      url: '/api/nodes',
      payload: personBody(id),
    });
    expect(created.status).toBe(201);
  }
  const batch = await api.request({
    method: 'POST',
    url: '/api/batch',
    payload: {
      ops: [
        {
          op: 'createNode',
          node: { kind: 'organisation', id: HUB, name: 'Harbour Hub', orgKind: 'network' },
        },
        {
          op: 'createNode',
          node: { kind: 'organisation', id: LARDER, name: 'Bay Larder', orgKind: 'charity' },
        },
        {
          op: 'createNode',
          node: { kind: 'meeting', id: MEETING_1, name: 'Spring breakfast', date: '2024-04-10' },
        },
        {
          op: 'createNode',
          node: { kind: 'meeting', id: MEETING_2, name: 'Autumn forum', date: '2024-10-10' },
        },
        ...PERSON_IDS.map((id) => ({
          op: 'createLink',
          link: { kind: 'WORKS_AT', source: id, target: HUB, since: '2024-01-01' },
        })),
      ],
    },
  });
  expect(batch.status).toBe(200);
  const attendance: [string, string, { shareEmail?: boolean; sharePhone?: boolean }][] = [
    [MEETING_1, 'person-bea', { shareEmail: true, sharePhone: false }],
    [MEETING_1, 'person-vic', { shareEmail: false, sharePhone: true }],
    [MEETING_1, LARDER, {}],
    [MEETING_2, 'person-cai', { shareEmail: true, sharePhone: true }],
    [MEETING_2, 'person-eve', { shareEmail: true, sharePhone: true }],
  ];
  for (const [meeting, node, consent] of attendance) {
    const added = await api.request({
      method: 'PUT',
      url: `/api/meetings/${meeting}/attendees/${node}`,
      payload: consent,
    });
    expect(added.status).toBe(201);
  }
}

/** Whether bytes are a zip archive (the CSV export and the xlsx workbook are). */
function isZip(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50;
}

/**
 * Everything a response carries, as text: its headers, its body bytes, and for a zip the
 * uncompressed files inside (a compressed value would not show in the raw bytes).
 */
export function everythingIn(response: LightMyRequestResponse): string {
  const bytes = response.rawPayload;
  const texts = [JSON.stringify(response.headers), bytes.toString('utf8')];
  if (isZip(bytes)) {
    for (const data of Object.values(unzipSync(new Uint8Array(bytes)))) {
      texts.push(strFromU8(data));
    }
  }
  return texts.join('\n');
}

/** The contact values among `secrets` that occur in a response's bytes. */
export function secretsIn(response: LightMyRequestResponse, secrets: readonly Secret[]): string[] {
  const text = everythingIn(response);
  return secrets.filter((item) => text.includes(item.value)).map((item) => item.value);
}
