/**
 * The typed API client. Every response is parsed with the graph-schema zod schema of its route,
 * so the rest of the client only ever sees valid data; every non-2xx answer becomes an ApiError
 * carrying the server's ErrorBody.
 */
import {
  AttendeeSchema,
  AuditEntrySchema,
  AuditPageSchema,
  BackupListSchema,
  BackUpResultSchema,
  BridgesPageSchema,
  InvitationInfoSchema,
  InvitationSchema,
  SessionInfoSchema,
  UserListSchema,
  UserSchema,
  DismissedIntroductionSchema,
  MeetingDetailsSchema,
  MeetingLinksResultSchema,
  MeetingListSchema,
  MeetingSuggestionsSchema,
  SimilarNodesSchema,
  DismissedIntroductionsPageSchema,
  LinkSchema,
  BrokersPageSchema,
  CommunitiesPageSchema,
  ErrorBodySchema,
  GraphNodeSchema,
  ImportPreviewSchema,
  ImportResultSchema,
  InsightsSummarySchema,
  IntroductionsPageSchema,
  IslandsPageSchema,
  NotConnectedPageSchema,
  SiloedThemesPageSchema,
  LayoutJobSchema,
  MapResponseSchema,
  NodePageSchema,
  SavePositionsResponseSchema,
  SearchResultsSchema,
  type SearchResults,
  SubgraphSchema,
  summariseIssues,
  toFieldIssues,
  type AcceptIntroductionBody,
  type Attendee,
  type AuditEntry,
  type AuditPage,
  type ChangePasswordBody,
  type InviteBody,
  type Invitation,
  type InvitationInfo,
  type Language,
  type SessionInfo,
  type SetupBody,
  type SignInBody,
  type User,
  type UserPatch,
  type AttendeeBody,
  type CreateNodeInput,
  type MeetingDetails,
  type MeetingLinkRowInput,
  type MeetingLinksResult,
  type MeetingList,
  type SimilarNodes,
  type UpdateNodeBody,
  type UpdateLinkBody,
  type CreateLinkInput,
  type BatchOpInput,
  BatchResponseSchema,
  type BatchResponse,
  type BackupList,
  type BackUpResult,
  type DismissedIntroduction,
  type ErrorBody,
  type ExportFormat,
  type FocusWalk,
  type GraphNode,
  type ImportPreview,
  type ImportResult,
  type IntroductionPair,
  type Link,
  type InsightFinding,
  type InsightsSummary,
  type LayoutJob,
  type LinkKind,
  type MapResponse,
  type NodeKind,
  type NodePage,
  type NodePosition,
  type NodeStatus,
  type OrganisationKind,
  type SavePositionsResponse,
  type Subgraph,
  type UnknownType,
} from '@octograph/graph-schema';
import { ApiError, UnexpectedResponseError } from './api-error';
import { z } from 'zod';

/** What the client needs of a graph-schema zod schema (zod itself is graph-schema's dependency). */
interface ResponseSchema<T> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: Parameters<typeof toFieldIssues>[0] } };
}

/** Filters of GET /api/map; lists are sent comma-separated. */
export interface MapParams {
  kind?: readonly NodeKind[];
  orgKind?: readonly OrganisationKind[];
  theme?: readonly string[];
  place?: readonly string[];
  status?: readonly NodeStatus[];
  linkKind?: readonly LinkKind[];
  /** `YYYY-MM-DD`: the network as it was on that day. */
  asOf?: string;
  /** Only what lies within `depth` steps of this node. */
  focus?: string;
  depth?: number;
  /** Which links the focus steps along (graph-schema FOCUS_WALKS). */
  walk?: FocusWalk;
}

/** Query of GET /api/search. */
export interface NodeSearchParams {
  q: string;
  kind?: readonly NodeKind[];
  limit?: number;
}

type QueryValue = string | number | readonly string[] | undefined;

/** `?a=1&b=x,y` from an object, leaving out empty values. */
export function toQueryString(params: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (typeof value === 'object') {
      if (value.length > 0) search.set(key, value.join(','));
    } else if (value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * The session the client writes under. The server refuses a write from a signed-in browser that
 * does not carry the session's CSRF token in `x-csrf-token` (a page on another site can make the
 * browser send the cookie, but cannot read the token); it comes with every SessionInfo answer,
 * so the functions below that receive one keep it here, and every write sends it.
 */
let csrfToken: string | null = null;

/**
 * Told when an answer says the page's idea of the session is out of date: a 401 (it ended:
 * expired, signed out elsewhere, the password changed), or a 403 FORBIDDEN or CSRF (the role
 * changed meanwhile, or the token is not the session's).
 */
const staleSessionListeners = new Set<() => void>();

/** Calls `listener` whenever an answer shows the session is stale; returns the unsubscribe. */
export function onSessionStale(listener: () => void): () => void {
  staleSessionListeners.add(listener);
  return () => {
    staleSessionListeners.delete(listener);
  };
}

function isStaleSession(error: ApiError): boolean {
  return error.statusCode === 401 || error.code === 'FORBIDDEN' || error.code === 'CSRF';
}

/** Keeps the CSRF token of a session answer for the writes that follow. */
function remember(session: SessionInfo): SessionInfo {
  csrfToken = session.csrfToken;
  return session;
}

/** The headers of every write: the one place the CSRF token is added. */
function writeHeaders(withJsonBody: boolean): Record<string, string> {
  return {
    accept: 'application/json',
    ...(withJsonBody ? { 'content-type': 'application/json' } : {}),
    ...(csrfToken === null ? {} : { 'x-csrf-token': csrfToken }),
  };
}

/** The ApiError a failed response carries; a stale session also tells the session listeners. */
async function failure(response: Response): Promise<ApiError> {
  const error = new ApiError(await readErrorBody(response));
  if (isStaleSession(error)) for (const listener of [...staleSessionListeners]) listener();
  return error;
}

/** The error body of a failed response; a made-up one when the body is not ours (a proxy page). */
async function readErrorBody(response: Response): Promise<ErrorBody> {
  const text = await response.text();
  try {
    const parsed = ErrorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: fall through to the generic body below.
  }
  return {
    statusCode: response.status,
    code: response.status === 404 ? 'NOT_FOUND' : 'INTERNAL',
    message: response.statusText || `HTTP ${response.status}`,
    issues: [],
  };
}

async function getJson<T>(
  path: string,
  schema: ResponseSchema<T>,
  signal?: AbortSignal,
): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw await failure(response);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new UnexpectedResponseError(
      `GET ${path}`,
      summariseIssues(toFieldIssues(parsed.error.issues)),
    );
  }
  return parsed.data;
}

/** GET /api/map: what the map draws, with saved positions. */
export function getMap(params: MapParams, signal?: AbortSignal): Promise<MapResponse> {
  return getJson(`/api/map${toQueryString({ ...params })}`, MapResponseSchema, signal);
}

/**
 * GET /api/search?q=: the nodes best matching what was typed, best first (accents, case and a
 * typo do not matter), and how many match in all.
 */
export function searchNodes(
  params: NodeSearchParams,
  signal?: AbortSignal,
): Promise<SearchResults> {
  return getJson(`/api/search${toQueryString({ ...params })}`, SearchResultsSchema, signal);
}

/** GET /api/nodes?kind=&limit=: the first page of nodes of some kinds, sorted by name. */
export function listNodes(
  params: { kind: readonly NodeKind[]; limit: number },
  signal?: AbortSignal,
): Promise<NodePage> {
  return getJson(`/api/nodes${toQueryString({ ...params })}`, NodePageSchema, signal);
}

/** GET /api/nodes/:id. */
export function getNode(id: string, signal?: AbortSignal): Promise<GraphNode> {
  return getJson(`/api/nodes/${encodeURIComponent(id)}`, GraphNodeSchema, signal);
}

/** GET /api/nodes/:id/neighbourhood: the node, its neighbours within `depth` steps, their links. */
export function getNeighbourhood(
  id: string,
  depth: number,
  signal?: AbortSignal,
): Promise<Subgraph> {
  return getJson(
    `/api/nodes/${encodeURIComponent(id)}/neighbourhood${toQueryString({ depth })}`,
    SubgraphSchema,
    signal,
  );
}

/**
 * Sends a write (JSON body, if any) and parses the answer like getJson. Without a body there is
 * no content-type either: the server refuses an empty body that says it is JSON.
 */
async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  schema: ResponseSchema<T>,
): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: writeHeaders(body !== undefined),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw await failure(response);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new UnexpectedResponseError(
      `${method} ${path}`,
      summariseIssues(toFieldIssues(parsed.error.issues)),
    );
  }
  return parsed.data;
}

/** PUT /api/positions: saves where nodes are (layout units, as GET /api/map gives them). */
export function savePositions(positions: readonly NodePosition[]): Promise<SavePositionsResponse> {
  return sendJson('PUT', '/api/positions', { positions }, SavePositionsResponseSchema);
}

/** POST /api/layout: starts re-arranging the whole map on the server. */
export function startRearrange(): Promise<LayoutJob> {
  return sendJson('POST', '/api/layout', undefined, LayoutJobSchema);
}

/** GET /api/layout: how the latest re-arrange stands. */
export function getLayoutJob(signal?: AbortSignal): Promise<LayoutJob> {
  return getJson('/api/layout', LayoutJobSchema, signal);
}

/** GET /api/insights: how many items each finding has. */
export function getInsightsSummary(signal?: AbortSignal): Promise<InsightsSummary> {
  return getJson('/api/insights', InsightsSummarySchema, signal);
}

/** One page of each finding, as its route answers it. */
export interface InsightPages {
  notConnected: ReturnType<typeof NotConnectedPageSchema.parse>;
  islands: ReturnType<typeof IslandsPageSchema.parse>;
  bridges: ReturnType<typeof BridgesPageSchema.parse>;
  brokers: ReturnType<typeof BrokersPageSchema.parse>;
  siloedThemes: ReturnType<typeof SiloedThemesPageSchema.parse>;
  introductions: ReturnType<typeof IntroductionsPageSchema.parse>;
  communities: ReturnType<typeof CommunitiesPageSchema.parse>;
}

/** Each finding's page schema (GET /api/insights/<finding>). */
const INSIGHT_PAGE_SCHEMAS: { [F in InsightFinding]: ResponseSchema<InsightPages[F]> } = {
  notConnected: NotConnectedPageSchema,
  islands: IslandsPageSchema,
  bridges: BridgesPageSchema,
  brokers: BrokersPageSchema,
  siloedThemes: SiloedThemesPageSchema,
  introductions: IntroductionsPageSchema,
  communities: CommunitiesPageSchema,
};

/** Paging of a finding; `for` only for introductions (the suggestions for one organisation). */
export interface InsightPageParams {
  limit: number;
  offset?: number;
  for?: string;
}

/** GET /api/insights/<finding>?limit=&offset=: one page of a finding's items. */
export function getInsightPage<F extends InsightFinding>(
  finding: F,
  params: InsightPageParams,
  signal?: AbortSignal,
): Promise<InsightPages[F]> {
  const schema: ResponseSchema<InsightPages[F]> = INSIGHT_PAGE_SCHEMAS[finding];
  return getJson(`/api/insights/${finding}${toQueryString({ ...params })}`, schema, signal);
}

/** A write whose answer (204) has no body: a DELETE, or a POST such as a password change. */
async function sendNoContent(
  method: 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<void> {
  const response = await fetch(path, {
    method,
    headers: writeHeaders(body !== undefined),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw await failure(response);
}

/** DELETE a resource; the answer (204) has no body. */
function sendDelete(path: string): Promise<void> {
  return sendNoContent('DELETE', path);
}

/** DELETE /api/links/:id. */
export function deleteLink(id: string): Promise<void> {
  return sendDelete(`/api/links/${encodeURIComponent(id)}`);
}

/** POST /api/insights/introductions/accept: links the pair (COLLABORATES_WITH, since today). */
export function acceptIntroduction(body: AcceptIntroductionBody): Promise<Link> {
  return sendJson('POST', '/api/insights/introductions/accept', body, LinkSchema);
}

/** POST /api/insights/introductions/dismissals: the pair is never suggested again. */
export function dismissIntroduction(pair: IntroductionPair): Promise<DismissedIntroduction> {
  return sendJson(
    'POST',
    '/api/insights/introductions/dismissals',
    { a: pair.a, b: pair.b },
    DismissedIntroductionSchema,
  );
}

/** DELETE /api/insights/introductions/dismissals/:a/:b: the pair may be suggested again. */
export function restoreIntroduction(pair: IntroductionPair): Promise<void> {
  return sendDelete(
    `/api/insights/introductions/dismissals/${encodeURIComponent(pair.a)}/${encodeURIComponent(pair.b)}`,
  );
}

/** One page of dismissed introductions, newest first. */
export type DismissedIntroductionsPage = ReturnType<typeof DismissedIntroductionsPageSchema.parse>;

/** GET /api/insights/introductions/dismissals?limit=&offset=. */
export function getDismissedIntroductions(
  params: { limit: number; offset?: number },
  signal?: AbortSignal,
): Promise<DismissedIntroductionsPage> {
  return getJson(
    `/api/insights/introductions/dismissals${toQueryString({ ...params })}`,
    DismissedIntroductionsPageSchema,
    signal,
  );
}

/** POST /api/nodes: a new node (a meeting, or an organisation or person met there). */
export function createNode(body: CreateNodeInput): Promise<GraphNode> {
  return sendJson('POST', '/api/nodes', body, GraphNodeSchema);
}

/** PATCH /api/nodes/:id: changes some of a node's fields (`kind` names its kind). */
export function updateNode(id: string, body: UpdateNodeBody | FormBody): Promise<GraphNode> {
  return sendJson('PATCH', `/api/nodes/${encodeURIComponent(id)}`, body, GraphNodeSchema);
}

/** GET /api/meetings: every meeting, the latest first. */
export function getMeetings(signal?: AbortSignal): Promise<MeetingList> {
  return getJson('/api/meetings', MeetingListSchema, signal);
}

/** GET /api/meetings/:id: the meeting, its attendees, what may be linked, the links formed there. */
export function getMeeting(id: string, signal?: AbortSignal): Promise<MeetingDetails> {
  return getJson(`/api/meetings/${encodeURIComponent(id)}`, MeetingDetailsSchema, signal);
}

function attendeePath(meetingId: string, nodeId: string): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}/attendees/${encodeURIComponent(nodeId)}`;
}

/** PUT /api/meetings/:id/attendees/:nodeId: adds an attendee, or records what a person shares. */
export function setAttendee(
  meetingId: string,
  nodeId: string,
  body: AttendeeBody,
): Promise<Attendee> {
  return sendJson('PUT', attendeePath(meetingId, nodeId), body, AttendeeSchema);
}

/** DELETE /api/meetings/:id/attendees/:nodeId: takes an attendee off the list. */
export function removeAttendee(meetingId: string, nodeId: string): Promise<void> {
  return sendDelete(attendeePath(meetingId, nodeId));
}

/** POST /api/meetings/:id/links: adds links formed at the meeting, all or nothing. */
export function addMeetingLinks(
  meetingId: string,
  links: readonly MeetingLinkRowInput[],
): Promise<MeetingLinksResult> {
  return sendJson(
    'POST',
    `/api/meetings/${encodeURIComponent(meetingId)}/links`,
    { links },
    MeetingLinksResultSchema,
  );
}

/** The suggested introductions among a meeting's organisations. */
export type MeetingSuggestions = ReturnType<typeof MeetingSuggestionsSchema.parse>;

/** GET /api/meetings/:id/suggestions: attendee organisations not linked yet, with reasons. */
export function getMeetingSuggestions(
  meetingId: string,
  signal?: AbortSignal,
): Promise<MeetingSuggestions> {
  return getJson(
    `/api/meetings/${encodeURIComponent(meetingId)}/suggestions`,
    MeetingSuggestionsSchema,
    signal,
  );
}

/**
 * Where the attendee pack is, as a CSV download or a page to print (links, not fetched here), in
 * the language the page speaks.
 */
export function attendeePackUrl(meetingId: string, format: 'csv' | 'html', lang: Language): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}/attendee-pack${toQueryString({ format, lang })}`;
}

/** The kinds of node GET /api/similar-nodes compares. */
export type SimilarKind = 'organisation' | 'person' | 'project';

/** GET /api/similar-nodes?name=&kind=: names like this one already there ("did you mean …?"). */
export function getSimilarNodes(
  params: { name: string; kind?: SimilarKind },
  signal?: AbortSignal,
): Promise<SimilarNodes> {
  return getJson(`/api/similar-nodes${toQueryString({ ...params })}`, SimilarNodesSchema, signal);
}

/** What an import sends: the files, and what an element of an unknown type becomes. */
export interface ImportUpload {
  files: readonly File[];
  unknownType: UnknownType;
}

/** Told how much of the upload has been sent, 0–1. */
export type UploadProgress = (fraction: number) => void;

/**
 * POSTs a multipart form and parses the answer like sendJson. XMLHttpRequest rather than fetch:
 * only it reports how much of the upload has gone (a spreadsheet can take a while on a phone).
 */
function postForm<T>(
  path: string,
  form: FormData,
  schema: ResponseSchema<T>,
  onUploadProgress?: UploadProgress,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    for (const [name, value] of Object.entries(writeHeaders(false))) {
      request.setRequestHeader(name, value);
    }
    if (onUploadProgress) {
      request.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onUploadProgress(event.loaded / event.total);
      };
    }
    // A TypeError, like fetch's, so describeError calls it a network problem.
    request.onerror = () => {
      reject(new TypeError(`POST ${path} could not reach the server`));
    };
    request.onload = () => {
      const response = new Response(request.responseText, {
        status: request.status,
        statusText: request.statusText,
      });
      resolve(parseAnswer(`POST ${path}`, response, schema));
    };
    request.send(form);
  });
}

/** The answer's body parsed with `schema`, or the ApiError it carries. */
async function parseAnswer<T>(
  request: string,
  response: Response,
  schema: ResponseSchema<T>,
): Promise<T> {
  if (!response.ok) throw await failure(response);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new UnexpectedResponseError(request, summariseIssues(toFieldIssues(parsed.error.issues)));
  }
  return parsed.data;
}

/** The import's form: its fields first, then every file under `files`. */
function importForm(upload: ImportUpload, fields: Readonly<Record<string, string>> = {}): FormData {
  const form = new FormData();
  form.set('unknownType', upload.unknownType);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  for (const file of upload.files) form.append('files', file, file.name);
  return form;
}

/** POST /api/import/preview: what importing the files would do, and every problem. */
export function previewImport(
  upload: ImportUpload,
  onUploadProgress?: UploadProgress,
): Promise<ImportPreview> {
  return postForm('/api/import/preview', importForm(upload), ImportPreviewSchema, onUploadProgress);
}

/**
 * POST /api/import/apply: imports the files previewed at `expectedRevision`, all or nothing
 * (409 when the network changed since the preview, 400 when the files have errors).
 */
export function applyImport(
  upload: ImportUpload,
  expectedRevision: number,
  onUploadProgress?: UploadProgress,
): Promise<ImportResult> {
  const form = importForm(upload, { expectedRevision: String(expectedRevision) });
  return postForm('/api/import/apply', form, ImportResultSchema, onUploadProgress);
}

/**
 * GET /api/export: where the whole network (no `params`) or the map's view for `params` is, as
 * a file in `format`. A link, not fetched here: the browser downloads it under the server's name.
 */
export function exportUrl(format: ExportFormat, params: MapParams = {}): string {
  return `/api/export${toQueryString({ format, ...params })}`;
}

/** GET /api/session: who is signed in (if anyone), and what the sign-in screen offers. */
export async function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  return remember(await getJson('/api/session', SessionInfoSchema, signal));
}

/** POST /api/session: signs in (the server sets the session cookie); 401 on a wrong password. */
export async function signIn(body: SignInBody): Promise<SessionInfo> {
  return remember(await sendJson('POST', '/api/session', body, SessionInfoSchema));
}

/** DELETE /api/session: signs out. */
export async function signOut(): Promise<void> {
  await sendDelete('/api/session');
  csrfToken = null;
}

/** PATCH /api/session: the language Octograph speaks to the signed-in user, on any device. */
export async function setAccountLanguage(language: Language): Promise<SessionInfo> {
  return remember(await sendJson('PATCH', '/api/session', { language }, SessionInfoSchema));
}

/** POST /api/session/password: changes one's own password (the user's other sessions end). */
export function changePassword(body: ChangePasswordBody): Promise<void> {
  return sendNoContent('POST', '/api/session/password', body);
}

/** POST /api/setup: creates the first administrator (from this machine, while there is none). */
export async function setupFirstAdmin(body: SetupBody): Promise<SessionInfo> {
  return remember(await sendJson('POST', '/api/setup', body, SessionInfoSchema));
}

function invitationPath(token: string): string {
  return `/api/invitations/${encodeURIComponent(token)}`;
}

/** GET /api/invitations/:token: whom an invitation link is for. */
export function getInvitation(token: string, signal?: AbortSignal): Promise<InvitationInfo> {
  return getJson(invitationPath(token), InvitationInfoSchema, signal);
}

/** POST /api/invitations/:token: accepts it with a password of one's own, and signs in. */
export async function acceptInvitation(token: string, password: string): Promise<SessionInfo> {
  return remember(await sendJson('POST', invitationPath(token), { password }, SessionInfoSchema));
}

/** GET /api/users (admins): every account. */
export async function getUsers(signal?: AbortSignal): Promise<User[]> {
  return (await getJson('/api/users', UserListSchema, signal)).items;
}

/** POST /api/users (admins): invites someone; the answer carries the link's token, once. */
export function inviteUser(body: InviteBody): Promise<Invitation> {
  return sendJson('POST', '/api/users', body, InvitationSchema);
}

/** PATCH /api/users/:id (admins): name, role, person or access; 409 if no admin would be left. */
export function updateUser(id: string, patch: UserPatch): Promise<User> {
  return sendJson('PATCH', `/api/users/${encodeURIComponent(id)}`, patch, UserSchema);
}

/** POST /api/users/:id/invitation (admins): a new link, also how a forgotten password is reset. */
export function reinviteUser(id: string): Promise<Invitation> {
  return sendJson(
    'POST',
    `/api/users/${encodeURIComponent(id)}/invitation`,
    undefined,
    InvitationSchema,
  );
}

/** Filters and paging of GET /api/audit (all optional; dates are `YYYY-MM-DD`). */
export interface AuditParams {
  user?: string;
  node?: string;
  from?: string;
  to?: string;
  limit?: number;
  before?: number;
}

/** GET /api/audit: a page of the audit log, newest first (an editor gets only their own). */
export function getAuditPage(params: AuditParams, signal?: AbortSignal): Promise<AuditPage> {
  return getJson(`/api/audit${toQueryString({ ...params })}`, AuditPageSchema, signal);
}

/** GET /api/audit/:id: one entry. */
export function getAuditEntry(id: number, signal?: AbortSignal): Promise<AuditEntry> {
  return getJson(`/api/audit/${String(id)}`, AuditEntrySchema, signal);
}

/** POST /api/audit/:id/undo: restores what the entry changed; 409 with the reason if it cannot. */
export function undoAuditEntry(id: number): Promise<AuditEntry> {
  return sendJson('POST', `/api/audit/${String(id)}/undo`, undefined, AuditEntrySchema);
}

// --- Editing on the map (issue 14) ---

/**
 * A body made by an editing form from graph-schema's form declarations. It is not checked here:
 * the server validates it and names each bad field, which the form shows on that field.
 */
export type FormBody = Readonly<Record<string, unknown>>;

/** Where a new node goes, in the server's layout units (as GET /api/map gives positions). */
export interface Spot {
  x: number;
  y: number;
}

/**
 * POST /api/nodes?x=&y=: a new node; with `at`, saved exactly there (nothing else moves), else
 * the server places it (next to its links, or on the ring of groups not yet connected).
 */
export function createNodeAt(body: FormBody, at: Spot | null): Promise<GraphNode> {
  const query = at === null ? '' : toQueryString({ x: at.x, y: at.y });
  return sendJson('POST', `/api/nodes${query}`, body, GraphNodeSchema);
}

/** What deleting a node or a link answers: what went, and the audit entry that undoes it. */
const DeletedSchema = z.object({
  deletedLinkIds: z.array(z.string()).optional(),
  auditId: z.int(),
});
export type Deleted = z.infer<typeof DeletedSchema>;

/** DELETE /api/nodes/:id: the node and its links; the answer names the entry that undoes it. */
export function deleteNodeForUndo(id: string): Promise<Deleted> {
  return sendJson('DELETE', `/api/nodes/${encodeURIComponent(id)}`, undefined, DeletedSchema);
}

/** DELETE /api/links/:id, answering the entry that undoes it. */
export function deleteLinkForUndo(id: string): Promise<Deleted> {
  return sendJson('DELETE', `/api/links/${encodeURIComponent(id)}`, undefined, DeletedSchema);
}

/** GET /api/links/:id. */
export function getLink(id: string, signal?: AbortSignal): Promise<Link> {
  return getJson(`/api/links/${encodeURIComponent(id)}`, LinkSchema, signal);
}

/** POST /api/links: a new link (the stores check its ends against the link rules). */
export function createLink(body: CreateLinkInput | FormBody): Promise<Link> {
  return sendJson('POST', '/api/links', body, LinkSchema);
}

/** PATCH /api/links/:id: some of a link's fields; `expectedVersion` guards against lost updates. */
export function updateLink(id: string, body: UpdateLinkBody | FormBody): Promise<Link> {
  return sendJson('PATCH', `/api/links/${encodeURIComponent(id)}`, body, LinkSchema);
}

/** POST /api/batch: writes applied together or not at all (a new node and its first link). */
export function applyBatch(ops: readonly (BatchOpInput | FormBody)[]): Promise<BatchResponse> {
  return sendJson('POST', '/api/batch', { ops }, BatchResponseSchema);
}

/** GET /api/backups (admins): the store's backups, newest first, and any problem making them. */
export function getBackups(signal?: AbortSignal): Promise<BackupList> {
  return getJson('/api/backups', BackupListSchema, signal);
}

/** POST /api/backups (admins): back up now; `unchanged` when nothing changed since the last. */
export function backUpNow(): Promise<BackUpResult> {
  return sendJson('POST', '/api/backups', undefined, BackUpResultSchema);
}

/** Where one backup downloads from (admins; the session cookie goes with a plain link). */
export function backupDownloadUrl(name: string): string {
  return `/api/backups/${encodeURIComponent(name)}`;
}
