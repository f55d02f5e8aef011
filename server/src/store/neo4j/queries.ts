/**
 * Every Cypher statement of the Neo4j adapter, each an exported constant (or a record of them, one
 * per node or link kind) with the parameters it takes and their types. tests/unit/cypher-lint.test.ts
 * collects every export of this module and runs it through Neo4j's own Cypher front end against a
 * schema declared from graph-schema.
 *
 * Values only ever travel as parameters. Labels and relationship types are written into the text,
 * but only from the closed sets below (NODE_LABELS from graph-schema's NODE_KINDS, relationship
 * types = LINK_KINDS), when this module loads; nothing a caller sends becomes Cypher.
 *
 * The graph: every node is `(:Node:<Kind label> {id, kind, ...})`; every link is a relationship
 * whose type is its kind, from source to target; the revision is `(:Counter {name: 'revision'})`.
 */
import { LINK_KINDS, NODE_KINDS, type NodeKind } from '@octograph/graph-schema';
import type { Integer } from 'neo4j-driver';
import type { PropertyMap, StoredDate } from './values.js';

/** The Neo4j label of each node kind. */
export const NODE_LABELS = {
  organisation: 'Organisation',
  person: 'Person',
  project: 'Project',
  meeting: 'Meeting',
  theme: 'Theme',
  place: 'Place',
} as const satisfies Record<NodeKind, string>;

/** The largest INTEGER, written into statements as a literal bound ("no upper bound"). */
const MAX_INTEGER = '9223372036854775807';

/** The label every Octograph node has, so queries about "any node" use one index. */
export const NODE_LABEL = 'Node';
/** The label of the revision counter. */
export const COUNTER_LABEL = 'Counter';
/**
 * The label of a dismissed introduction, `(:Dismissal {a, b, dismissedAt, dismissedBy})` with
 * a < b: a node of its own rather than a relationship, so no query that reads links (`-[r]-`
 * between two `:Node`s) can mistake it for one.
 */
export const DISMISSAL_LABEL = 'Dismissal';
/** The label of an account, `(:User {id, email, name, role, passwordHash, personId, …})`. */
export const USER_LABEL = 'User';
/** The label of a signed-in session, `(:Session {tokenHash, userId, csrfToken, …})`. */
export const SESSION_LABEL = 'Session';
/**
 * The label of an audit log entry, `(:AuditEntry {id, revision, at, actor, action, changes,
 * targets, undoes, undoneBy})`: `changes` is the JSON of the entry's changes, `targets` the node
 * and link ids they touch (audit-rules' auditTargets), what the `node` filter looks in.
 */
export const AUDIT_ENTRY_LABEL = 'AuditEntry';

/** The Cypher type of a parameter, as the adapter sends it ('?': may be null). */
export type ParamType =
  | 'STRING'
  | 'STRING?'
  | 'LIST<STRING>'
  | 'LIST<STRING>?'
  | 'INTEGER'
  | 'INTEGER?'
  | 'BOOLEAN'
  | 'DATE?'
  | 'MAP'
  | 'LIST<MAP>';

/** The TypeScript value each parameter type takes. */
export interface ParamValues {
  STRING: string;
  'STRING?': string | null;
  'LIST<STRING>': readonly string[];
  'LIST<STRING>?': readonly string[] | null;
  INTEGER: Integer;
  'INTEGER?': Integer | null;
  BOOLEAN: boolean;
  'DATE?': StoredDate | null;
  MAP: PropertyMap;
  'LIST<MAP>': readonly PropertyMap[];
}

/** The parameter types a query declares. */
export type ParamTypes = Readonly<Record<string, ParamType>>;

/** A Cypher statement and the parameters it takes. */
export interface CypherQuery<P extends ParamTypes = ParamTypes> {
  readonly text: string;
  readonly params: P;
}

/** The parameter values a query needs, typed from its declaration. */
export type ParamsOf<P extends ParamTypes> = { readonly [K in keyof P]: ParamValues[P[K]] };

function cypher<const P extends ParamTypes>(params: P, text: string): CypherQuery<P> {
  return { text: text.trim(), params };
}

/** A record with one entry per member of a closed set (node kinds, link kinds). */
function forEachOf<K extends string, V>(
  keys: readonly K[],
  make: (key: K) => V,
): Readonly<Record<K, V>> {
  return Object.fromEntries(keys.map((key) => [key, make(key)])) as Record<K, V>;
}

const NO_PARAMS = {} as const;

/** What a relationship read returns: its properties, its type and the ids of its ends. */
const LINK_COLUMNS = 'r {.*} AS link, type(r) AS kind, s.id AS source, t.id AS target';

// --- schema (run at start-up, each statement idempotent) ---

function snake(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * The schema, created at every start-up; IF NOT EXISTS makes each statement a no-op when it is
 * already there. Node ids are unique across all kinds (the `:Node` constraint); relationship ids
 * get a RANGE index per type (a relationship uniqueness constraint needs Neo4j 5.7+), and the
 * adapter keeps them unique inside its write transactions, which run one at a time.
 */
export const SCHEMA: Readonly<Record<string, CypherQuery<typeof NO_PARAMS>>> = {
  node_id_unique: cypher(
    NO_PARAMS,
    `CREATE CONSTRAINT node_id_unique IF NOT EXISTS FOR (n:${NODE_LABEL}) REQUIRE n.id IS UNIQUE`,
  ),
  ...Object.fromEntries(
    NODE_KINDS.map((kind) => [
      `${kind}_id_unique`,
      cypher(
        NO_PARAMS,
        `CREATE CONSTRAINT ${kind}_id_unique IF NOT EXISTS FOR (n:${NODE_LABELS[kind]}) REQUIRE n.id IS UNIQUE`,
      ),
    ]),
  ),
  counter_name_unique: cypher(
    NO_PARAMS,
    `CREATE CONSTRAINT counter_name_unique IF NOT EXISTS FOR (c:${COUNTER_LABEL}) REQUIRE c.name IS UNIQUE`,
  ),
  dismissal_pair_unique: cypher(
    NO_PARAMS,
    `CREATE CONSTRAINT dismissal_pair_unique IF NOT EXISTS FOR (d:${DISMISSAL_LABEL}) REQUIRE (d.a, d.b) IS UNIQUE`,
  ),
  dismissal_b: cypher(
    NO_PARAMS,
    `CREATE RANGE INDEX dismissal_b IF NOT EXISTS FOR (d:${DISMISSAL_LABEL}) ON (d.b)`,
  ),
  node_kind: cypher(
    NO_PARAMS,
    `CREATE RANGE INDEX node_kind IF NOT EXISTS FOR (n:${NODE_LABEL}) ON (n.kind)`,
  ),
  node_org_kind: cypher(
    NO_PARAMS,
    `CREATE RANGE INDEX node_org_kind IF NOT EXISTS FOR (n:${NODE_LABEL}) ON (n.orgKind)`,
  ),
  node_status: cypher(
    NO_PARAMS,
    `CREATE RANGE INDEX node_status IF NOT EXISTS FOR (n:${NODE_LABEL}) ON (n.status)`,
  ),
  node_sort_key: cypher(
    NO_PARAMS,
    `CREATE RANGE INDEX node_sort_key IF NOT EXISTS FOR (n:${NODE_LABEL}) ON (n.sortKey, n.id)`,
  ),
  node_search_text: cypher(
    NO_PARAMS,
    `CREATE TEXT INDEX node_search_text IF NOT EXISTS FOR (n:${NODE_LABEL}) ON (n.searchText)`,
  ),
  // Not queried yet: ranked word search for a future search box; CONTAINS on searchText is what
  // matches the embedded store's substring search today.
  node_fulltext: cypher(
    NO_PARAMS,
    `CREATE FULLTEXT INDEX node_fulltext IF NOT EXISTS
     FOR (n:${NODE_KINDS.map((kind) => NODE_LABELS[kind]).join('|')})
     ON EACH [n.name, n.description]`,
  ),
  user_id_unique: cypher(
    NO_PARAMS,
    `CREATE CONSTRAINT user_id_unique IF NOT EXISTS FOR (u:${USER_LABEL}) REQUIRE u.id IS UNIQUE`,
  ),
  user_email_unique: cypher(
    NO_PARAMS,
    `CREATE CONSTRAINT user_email_unique IF NOT EXISTS FOR (u:${USER_LABEL}) REQUIRE u.email IS UNIQUE`,
  ),
  user_invitation_unique: cypher(
    NO_PARAMS,
    `CREATE CONSTRAINT user_invitation_unique IF NOT EXISTS FOR (u:${USER_LABEL}) REQUIRE u.invitationHash IS UNIQUE`,
  ),
  user_person: cypher(
    NO_PARAMS,
    `CREATE RANGE INDEX user_person IF NOT EXISTS FOR (u:${USER_LABEL}) ON (u.personId)`,
  ),
  session_token_unique: cypher(
    NO_PARAMS,
    `CREATE CONSTRAINT session_token_unique IF NOT EXISTS FOR (s:${SESSION_LABEL}) REQUIRE s.tokenHash IS UNIQUE`,
  ),
  session_user: cypher(
    NO_PARAMS,
    `CREATE RANGE INDEX session_user IF NOT EXISTS FOR (s:${SESSION_LABEL}) ON (s.userId)`,
  ),
  audit_entry_id_unique: cypher(
    NO_PARAMS,
    `CREATE CONSTRAINT audit_entry_id_unique IF NOT EXISTS FOR (e:${AUDIT_ENTRY_LABEL}) REQUIRE e.id IS UNIQUE`,
  ),
  audit_entry_actor: cypher(
    NO_PARAMS,
    `CREATE RANGE INDEX audit_entry_actor IF NOT EXISTS FOR (e:${AUDIT_ENTRY_LABEL}) ON (e.actor)`,
  ),
  audit_entry_at: cypher(
    NO_PARAMS,
    `CREATE RANGE INDEX audit_entry_at IF NOT EXISTS FOR (e:${AUDIT_ENTRY_LABEL}) ON (e.at)`,
  ),
  ...Object.fromEntries(
    LINK_KINDS.map((kind) => [
      `${snake(kind)}_id`,
      cypher(
        NO_PARAMS,
        `CREATE RANGE INDEX ${snake(kind)}_id IF NOT EXISTS FOR ()-[r:${kind}]-() ON (r.id)`,
      ),
    ]),
  ),
};

/**
 * The names of the indexes in the database; a constraint's backing index has the constraint's
 * name, so this lists every SCHEMA entry already there (start-up runs only the missing ones).
 */
export const INDEX_NAMES = cypher(NO_PARAMS, `SHOW INDEXES YIELD name RETURN name`);

/** Creates the revision counter at 0 if there is none (run at start-up, after SCHEMA). */
export const CREATE_REVISION_COUNTER = cypher(
  NO_PARAMS,
  `MERGE (c:${COUNTER_LABEL} {name: 'revision'}) ON CREATE SET c.value = 0`,
);

// --- revision ---

/** The current revision; 0 before the first write. */
export const REVISION = cypher(
  NO_PARAMS,
  `OPTIONAL MATCH (c:${COUNTER_LABEL} {name: 'revision'}) RETURN coalesce(c.value, 0) AS revision`,
);

/**
 * Raises the revision and returns the new value. Every write transaction runs this first: the
 * SET reads the value it changes, so Neo4j takes the counter's write lock before reading it
 * (Operations Manual, "Concurrent data access"), and holds it to commit. Write transactions thus
 * run one at a time, and the checks each makes (id taken? same link?) see every earlier write.
 */
export const BUMP_REVISION = cypher(
  NO_PARAMS,
  `MERGE (c:${COUNTER_LABEL} {name: 'revision'}) ON CREATE SET c.value = 0
   SET c.value = c.value + 1
   RETURN c.value AS revision`,
);

/** Whether the database answers. */
export const PING = cypher(NO_PARAMS, `RETURN 1 AS ok`);

// --- nodes ---

/** One node's properties by id. */
export const NODE_BY_ID = cypher(
  { id: 'STRING' },
  `MATCH (n:${NODE_LABEL} {id: $id}) RETURN n {.*} AS node`,
);

/** The properties of the nodes with these ids (those that exist). */
export const NODES_BY_IDS = cypher(
  { ids: 'LIST<STRING>' },
  `MATCH (n:${NODE_LABEL}) WHERE n.id IN $ids RETURN n {.*} AS node`,
);

/** Creates a node of one kind with these properties; one statement per kind (its label). */
export const CREATE_NODE = forEachOf(NODE_KINDS, (kind) =>
  cypher(
    { props: 'MAP' },
    `CREATE (n:${NODE_LABEL}:${NODE_LABELS[kind]}) SET n = $props RETURN n.id AS id`,
  ),
);

/**
 * Replaces a node's fields. `props` names every property of the node's kind (null removes one),
 * so `+=` leaves only the position (x, y) as it was.
 */
export const UPDATE_NODE = cypher(
  { id: 'STRING', props: 'MAP' },
  `MATCH (n:${NODE_LABEL} {id: $id}) SET n += $props RETURN n.id AS id`,
);

/** Deletes a node and every relationship that touches it. */
export const DELETE_NODE = cypher(
  { id: 'STRING' },
  `MATCH (n:${NODE_LABEL} {id: $id}) DETACH DELETE n`,
);

/** Every link that touches a node, either way. */
export const LINKS_OF_NODE = cypher(
  { id: 'STRING' },
  `MATCH (n:${NODE_LABEL} {id: $id})-[r]-(:${NODE_LABEL})
   WITH r, startNode(r) AS s, endNode(r) AS t
   RETURN ${LINK_COLUMNS} ORDER BY r.id`,
);

/**
 * The links that came from a meeting (their meetingId), by id: a deleted meeting's links are
 * each written again without it (UPDATE_LINK). Meetings are deleted rarely, so this scans
 * relationships rather than keeping an index per type on meetingId.
 */
export const LINKS_OF_MEETING = cypher(
  { id: 'STRING' },
  `MATCH (s:${NODE_LABEL})-[r]->(t:${NODE_LABEL}) WHERE r.meetingId = $id
   RETURN ${LINK_COLUMNS} ORDER BY r.id`,
);

/** Forgets the saved layout position of a node (an undo of its first placing). */
export const DELETE_POSITION = cypher(
  { id: 'STRING' },
  `MATCH (n:${NODE_LABEL} {id: $id}) SET n.x = null, n.y = null`,
);

/** Saves layout positions of the nodes that exist; returns the ids it found. */
export const SAVE_POSITIONS = cypher(
  { positions: 'LIST<MAP>' },
  `UNWIND $positions AS position
   MATCH (n:${NODE_LABEL} {id: position.id})
   SET n.x = position.x, n.y = position.y
   RETURN position.id AS id`,
);

// --- filters: the directory and the map count the same things ---

// Each filter is off when its parameter is null. A node without an orgKind or status never
// matches those filters (null IN [...] is null, which WHERE treats as false), as in the embedded
// store; theme and place go through FOCUSES_ON and BASED_IN; asOf uses the node's lifetime.
const NODE_FILTER = `
  ($kinds IS NULL OR n.kind IN $kinds)
  AND ($orgKinds IS NULL OR n.orgKind IN $orgKinds)
  AND ($statuses IS NULL OR n.status IN $statuses)
  AND ($themes IS NULL OR EXISTS {
    MATCH (n)-[:FOCUSES_ON]->(theme:${NODE_LABEL}) WHERE theme.id IN $themes })
  AND ($places IS NULL OR EXISTS {
    MATCH (n)-[:BASED_IN]->(place:${NODE_LABEL}) WHERE place.id IN $places })
  AND ($text IS NULL OR n.searchText CONTAINS $text)
  AND ($asOf IS NULL OR ((n.liveFrom IS NULL OR n.liveFrom <= $asOf)
    AND (n.liveUntil IS NULL OR n.liveUntil > $asOf)))`;

const FILTER_PARAMS = {
  kinds: 'LIST<STRING>?',
  orgKinds: 'LIST<STRING>?',
  statuses: 'LIST<STRING>?',
  themes: 'LIST<STRING>?',
  places: 'LIST<STRING>?',
  text: 'STRING?',
  asOf: 'DATE?',
} as const;

/** One page of the directory: after the cursor's (sortKey, id), in that order. */
export const LIST_NODES = cypher(
  { ...FILTER_PARAMS, afterKey: 'STRING?', afterId: 'STRING?', limit: 'INTEGER' },
  // The first line is a range on node_sort_key's first property and an existence check on its
  // second, so the planner reads that composite index in (sortKey, id) order and stops at the
  // page (NodeIndexSeek); without it, every node is scanned and sorted for each page.
  `MATCH (n:${NODE_LABEL})
   WHERE n.sortKey >= coalesce($afterKey, '') AND n.id IS NOT NULL
     AND ${NODE_FILTER}
     AND ($afterKey IS NULL OR n.sortKey > $afterKey
       OR (n.sortKey = $afterKey AND n.id > $afterId))
   RETURN n {.*} AS node
   ORDER BY n.sortKey, n.id
   LIMIT $limit`,
);

/** How many nodes pass the filters. */
export const COUNT_NODES = cypher(
  FILTER_PARAMS,
  `MATCH (n:${NODE_LABEL}) WHERE ${NODE_FILTER} RETURN count(n) AS total`,
);

/** The nodes the map shows (their properties include the saved position, if any). */
export const MAP_NODES = cypher(
  FILTER_PARAMS,
  `MATCH (n:${NODE_LABEL}) WHERE ${NODE_FILTER} RETURN n {.*} AS node`,
);

/** The links the map may show: of these kinds, alive on asOf (`until` is exclusive). */
export const MAP_LINKS = cypher(
  { linkKinds: 'LIST<STRING>?', asOf: 'DATE?' },
  `MATCH (s:${NODE_LABEL})-[r]->(t:${NODE_LABEL})
   WHERE ($linkKinds IS NULL OR type(r) IN $linkKinds)
     AND ($asOf IS NULL OR (r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)))
   RETURN ${LINK_COLUMNS}`,
);

// --- links ---

/**
 * One link by id. Relationship property indexes are per type, so this asks each type in turn
 * (one index seek each) rather than scanning every relationship.
 */
export const LINK_BY_ID = cypher(
  { id: 'STRING' },
  LINK_KINDS.map(
    (kind) =>
      `MATCH (s:${NODE_LABEL})-[r:${kind} {id: $id}]->(t:${NODE_LABEL}) RETURN ${LINK_COLUMNS}`,
  ).join('\nUNION ALL\n'),
);

/** Every link whose two ends are both among these nodes. */
export const LINKS_AMONG = cypher(
  { ids: 'LIST<STRING>' },
  `MATCH (s:${NODE_LABEL})-[r]->(t:${NODE_LABEL})
   WHERE s.id IN $ids AND t.id IN $ids
   RETURN ${LINK_COLUMNS} ORDER BY r.id`,
);

/** The id of a link of this kind between these ends (either way round if undirected). */
export const SAME_LINK = cypher(
  { kind: 'STRING', source: 'STRING', target: 'STRING', undirected: 'BOOLEAN' },
  `MATCH (s:${NODE_LABEL} {id: $source})-[r]-(t:${NODE_LABEL} {id: $target})
   WHERE type(r) = $kind AND ($undirected OR startNode(r) = s)
   RETURN r.id AS id LIMIT 1`,
);

/** Creates a link of one kind; one statement per kind (its relationship type). */
export const CREATE_LINK = forEachOf(LINK_KINDS, (kind) =>
  cypher(
    { source: 'STRING', target: 'STRING', props: 'MAP' },
    `MATCH (s:${NODE_LABEL} {id: $source})
     MATCH (t:${NODE_LABEL} {id: $target})
     CREATE (s)-[r:${kind}]->(t) SET r = $props
     RETURN r.id AS id`,
  ),
);

/** Replaces a link's fields (`props` names every property; null removes one). */
export const UPDATE_LINK = cypher(
  { id: 'STRING', source: 'STRING', target: 'STRING', props: 'MAP' },
  `MATCH (:${NODE_LABEL} {id: $source})-[r]->(:${NODE_LABEL} {id: $target})
   WHERE r.id = $id
   SET r += $props
   RETURN r.id AS id`,
);

/** Deletes a link, found from its ends. */
export const DELETE_LINK = cypher(
  { id: 'STRING', source: 'STRING', target: 'STRING' },
  `MATCH (:${NODE_LABEL} {id: $source})-[r]->(:${NODE_LABEL} {id: $target})
   WHERE r.id = $id
   DELETE r`,
);

// --- neighbourhoods ---

/** The ids and kinds of the nodes one step from any of these, links either way. */
export const NEIGHBOURS = cypher(
  { ids: 'LIST<STRING>' },
  `MATCH (n:${NODE_LABEL})--(m:${NODE_LABEL})
   WHERE n.id IN $ids
   RETURN DISTINCT m.id AS id, m.kind AS kind`,
);

/**
 * The links both of whose ends are among these ids. (The embedded store looks them up from the
 * walked-through ends only, to spare a popular theme's many links; here the planner starts from
 * whichever end its index statistics favour.)
 */
export const LINKS_WITHIN = cypher(
  { ids: 'LIST<STRING>' },
  `MATCH (s:${NODE_LABEL})-[r]->(t:${NODE_LABEL})
   WHERE s.id IN $ids AND t.id IN $ids
   RETURN ${LINK_COLUMNS}`,
);

// --- dismissed introductions ---

/** The dismissal of a pair (a < b), if any. */
export const DISMISSAL = cypher(
  { a: 'STRING', b: 'STRING' },
  `MATCH (d:${DISMISSAL_LABEL} {a: $a, b: $b}) RETURN d {.*} AS dismissal`,
);

/** Records a dismissal. */
export const CREATE_DISMISSAL = cypher(
  { props: 'MAP' },
  `CREATE (d:${DISMISSAL_LABEL}) SET d = $props`,
);

/** Forgets the dismissal of a pair (a < b); returns how many there were (0 or 1). */
export const DELETE_DISMISSAL = cypher(
  { a: 'STRING', b: 'STRING' },
  `OPTIONAL MATCH (d:${DISMISSAL_LABEL} {a: $a, b: $b})
   DELETE d
   RETURN count(d) AS deleted`,
);

/** Forgets every dismissal naming a node (deleted with it). */
export const DELETE_DISMISSALS_OF_NODE = cypher(
  { id: 'STRING' },
  `MATCH (d:${DISMISSAL_LABEL}) WHERE d.a = $id OR d.b = $id DELETE d`,
);

/** Every dismissal naming a node. */
export const DISMISSALS_OF_NODE = cypher(
  { id: 'STRING' },
  `MATCH (d:${DISMISSAL_LABEL}) WHERE d.a = $id OR d.b = $id
   RETURN d {.*} AS dismissal ORDER BY d.a, d.b`,
);

/** Every dismissal, newest first. */
export const ALL_DISMISSALS = cypher(
  NO_PARAMS,
  `MATCH (d:${DISMISSAL_LABEL}) RETURN d {.*} AS dismissal ORDER BY d.dismissedAt DESC, d.a, d.b`,
);

/** Forgets every dismissal (a restore that replaces everything). */
export const DELETE_ALL_DISMISSALS = cypher(NO_PARAMS, `MATCH (d:${DISMISSAL_LABEL}) DELETE d`);

// --- accounts (not graph writes: they never raise the revision; each leaves one audit entry) ---

/**
 * Takes the accounts lock: every account write runs this first, and, as BUMP_REVISION does for
 * graph writes, the SET that reads the value it changes holds the counter's write lock to commit.
 * So "is there an admin?" and "is this e-mail taken?" are answered with no other account write in
 * between, and two racing set-ups cannot both create the first admin. MERGE is safe to race on
 * `counter_name_unique`: the loser waits for the winner's node instead of making a second one.
 */
export const LOCK_ACCOUNTS = cypher(
  NO_PARAMS,
  `MERGE (c:${COUNTER_LABEL} {name: 'accounts'}) ON CREATE SET c.value = 0
   SET c.value = c.value + 1
   RETURN c.value AS value`,
);

/** Creates a user with these properties. */
export const CREATE_USER = cypher({ props: 'MAP' }, `CREATE (u:${USER_LABEL}) SET u = $props`);

/** Replaces a user's properties (`props` names every one; null removes it). */
export const UPDATE_USER = cypher(
  { id: 'STRING', props: 'MAP' },
  `MATCH (u:${USER_LABEL} {id: $id}) SET u = $props`,
);

/** A user by id. */
export const USER_BY_ID = cypher(
  { id: 'STRING' },
  `MATCH (u:${USER_LABEL} {id: $id}) RETURN u {.*} AS user`,
);

/** A user by (lower-case) e-mail. */
export const USER_BY_EMAIL = cypher(
  { email: 'STRING' },
  `MATCH (u:${USER_LABEL} {email: $email}) RETURN u {.*} AS user`,
);

/** The user whose pending invitation has this hash. */
export const USER_BY_INVITATION = cypher(
  { invitationHash: 'STRING' },
  `MATCH (u:${USER_LABEL} {invitationHash: $invitationHash}) RETURN u {.*} AS user`,
);

/** Every user, by e-mail. */
export const ALL_USERS = cypher(
  NO_PARAMS,
  `MATCH (u:${USER_LABEL}) RETURN u {.*} AS user ORDER BY u.email`,
);

/** How many users of this role are enabled and have a password (those who can sign in). */
export const COUNT_ACTIVE_USERS = cypher(
  { role: 'STRING' },
  `MATCH (u:${USER_LABEL} {role: $role})
   WHERE u.passwordHash IS NOT NULL AND u.disabled = false
   RETURN count(u) AS users`,
);

/** Unlinks the users who are this (deleted) person on the map. */
export const FORGET_PERSON = cypher(
  { id: 'STRING' },
  `MATCH (u:${USER_LABEL} {personId: $id}) SET u.personId = null`,
);

/** Unlinks every user from their person (a restore that replaces every node). */
export const FORGET_ALL_PERSONS = cypher(
  NO_PARAMS,
  `MATCH (u:${USER_LABEL}) WHERE u.personId IS NOT NULL SET u.personId = null`,
);

/** Creates a session with these properties. */
export const CREATE_SESSION = cypher(
  { props: 'MAP' },
  `CREATE (s:${SESSION_LABEL}) SET s = $props`,
);

/** A session by the hash of its token. */
export const SESSION_BY_HASH = cypher(
  { tokenHash: 'STRING' },
  `MATCH (s:${SESSION_LABEL} {tokenHash: $tokenHash}) RETURN s {.*} AS session`,
);

/** Ends a session. */
export const DELETE_SESSION = cypher(
  { tokenHash: 'STRING' },
  `MATCH (s:${SESSION_LABEL} {tokenHash: $tokenHash}) DELETE s`,
);

/** Ends every session of a user except `keep` (null: all of them). */
export const DELETE_SESSIONS_OF = cypher(
  { userId: 'STRING', keep: 'STRING?' },
  `MATCH (s:${SESSION_LABEL} {userId: $userId})
   WHERE $keep IS NULL OR s.tokenHash <> $keep
   DELETE s`,
);

// --- the audit log ---

/**
 * The next audit entry id. Graph writes hold the revision lock (BUMP_REVISION) and account writes
 * the accounts lock (LOCK_ACCOUNTS), so the two kinds run at once; this SET takes the audit
 * counter's own write lock and holds it to commit, so ids stay unique and follow commit order.
 * Every write takes it last, after every other lock it needs (an undo then only marks the entry it
 * undid, which no account write touches), so no two writes wait on each other in a cycle.
 */
export const NEXT_AUDIT_ID = cypher(
  NO_PARAMS,
  `MERGE (c:${COUNTER_LABEL} {name: 'audit'}) ON CREATE SET c.value = 0
   SET c.value = c.value + 1
   RETURN c.value AS id`,
);

/** Writes an audit entry with these properties. */
export const CREATE_AUDIT_ENTRY = cypher(
  { props: 'MAP' },
  `CREATE (e:${AUDIT_ENTRY_LABEL}) SET e = $props`,
);

/** Notes on an entry the later entry that undid it. */
export const MARK_UNDONE = cypher(
  { id: 'INTEGER', undoneBy: 'INTEGER' },
  `MATCH (e:${AUDIT_ENTRY_LABEL} {id: $id}) SET e.undoneBy = $undoneBy`,
);

/** One entry by id. */
export const AUDIT_ENTRY_BY_ID = cypher(
  { id: 'INTEGER' },
  `MATCH (e:${AUDIT_ENTRY_LABEL} {id: $id}) RETURN e {.*} AS entry`,
);

/**
 * A page of the log, newest first; each filter is off when its parameter is null. `at` is the
 * ISO timestamp as a string, so a YYYY-MM-DD bound compares as the embedded store's does
 * (`to` is the day after the last one asked for). The node filter looks in `targets`.
 */
export const LIST_AUDIT = cypher(
  {
    actor: 'STRING?',
    node: 'STRING?',
    from: 'STRING?',
    to: 'STRING?',
    before: 'INTEGER?',
    limit: 'INTEGER',
  },
  // \`e.id < coalesce(…)\` rather than \`($before IS NULL OR e.id < $before)\`: a range predicate
  // always present lets the planner walk the id constraint's index newest first and stop at the
  // page (NodeUniqueIndexSeekByRange, ~limit db hits); the OR form scans every entry and sorts.
  `MATCH (e:${AUDIT_ENTRY_LABEL})
   WHERE e.id < coalesce($before, ${MAX_INTEGER})
     AND ($actor IS NULL OR e.actor = $actor)
     AND ($node IS NULL OR $node IN e.targets)
     AND ($from IS NULL OR e.at >= $from)
     AND ($to IS NULL OR e.at < $to)
   RETURN e {.*} AS entry
   ORDER BY e.id DESC
   LIMIT $limit`,
);

/** The first entry after `after` that touched this node or link id, if any (an undo's refusal). */
export const LATER_AUDIT_ENTRY = cypher(
  { target: 'STRING', after: 'INTEGER' },
  `MATCH (e:${AUDIT_ENTRY_LABEL})
   WHERE e.id > $after AND $target IN e.targets
   RETURN e.id AS id
   ORDER BY e.id
   LIMIT 1`,
);

// --- everything ---

/** Every node, in directory order. */
export const ALL_NODES = cypher(
  NO_PARAMS,
  `MATCH (n:${NODE_LABEL}) RETURN n {.*} AS node ORDER BY n.sortKey, n.id`,
);

/** Every link, by id. */
export const ALL_LINKS = cypher(
  NO_PARAMS,
  `MATCH (s:${NODE_LABEL})-[r]->(t:${NODE_LABEL}) RETURN ${LINK_COLUMNS} ORDER BY r.id`,
);

/** Every saved position, by node id. */
export const ALL_POSITIONS = cypher(
  NO_PARAMS,
  `MATCH (n:${NODE_LABEL})
   WHERE n.x IS NOT NULL AND n.y IS NOT NULL
   RETURN n.id AS id, n.x AS x, n.y AS y ORDER BY n.id`,
);

/** Deletes every Octograph node with its links and position (a restore that replaces). */
export const DELETE_ALL_NODES = cypher(NO_PARAMS, `MATCH (n:${NODE_LABEL}) DETACH DELETE n`);

/** TESTS ONLY (test-support.ts): deletes everything in the database. */
export const EMPTY_DATABASE = cypher(NO_PARAMS, `MATCH (n) DETACH DELETE n`);
