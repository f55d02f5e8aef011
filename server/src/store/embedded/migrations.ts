/**
 * Schema migrations of the embedded store. Each runs once, in its own transaction, and is recorded
 * in schema_migrations; a database written by a newer Octograph is refused rather than damaged.
 * Never edit a migration that has shipped: add the next one.
 */
import type Database from 'better-sqlite3';

interface Migration {
  version: number;
  description: string;
  sql: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'nodes, links, positions and the revision counter',
    sql: `
      CREATE TABLE nodes (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        org_kind TEXT,
        status TEXT,
        live_from TEXT,
        live_until TEXT,
        search_text TEXT NOT NULL,
        doc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX nodes_by_sort_key ON nodes (sort_key, id);
      CREATE INDEX nodes_by_kind ON nodes (kind, sort_key, id);

      CREATE TABLE links (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        source_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
        target_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
        meeting_id TEXT REFERENCES nodes (id),
        since TEXT NOT NULL,
        until TEXT,
        doc TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX links_by_kind_and_ends ON links (kind, source_id, target_id);
      CREATE INDEX links_by_source ON links (source_id, kind);
      CREATE INDEX links_by_target ON links (target_id, kind);
      CREATE INDEX links_by_meeting ON links (meeting_id) WHERE meeting_id IS NOT NULL;

      CREATE TABLE positions (
        node_id TEXT PRIMARY KEY REFERENCES nodes (id) ON DELETE CASCADE,
        x REAL NOT NULL,
        y REAL NOT NULL
      ) STRICT;

      CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT;
      INSERT INTO counters (name, value) VALUES ('revision', 0);
    `,
  },
  {
    version: 2,
    description: 'dismissed introductions',
    sql: `
      CREATE TABLE dismissals (
        a_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
        b_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
        dismissed_at TEXT NOT NULL,
        dismissed_by TEXT,
        PRIMARY KEY (a_id, b_id),
        CHECK (a_id < b_id)
      ) STRICT;
      CREATE INDEX dismissals_by_b ON dismissals (b_id);
    `,
  },
  {
    version: 3,
    description: "an attendee's consent per detail (consent) instead of sharingConsent",
    // The same conversion as graph-schema's upgradedLink: 'contact_details' shared e-mail and
    // phone, 'name_only' and 'none' neither; recorded when the link last changed, by its author.
    sql: `
      UPDATE links SET doc = json_set(json_remove(doc, '$.sharingConsent'), '$.consent',
        CASE json_extract(doc, '$.sharingConsent')
          WHEN 'contact_details' THEN json_object('shareEmail', json('true'), 'sharePhone', json('true'),
            'recordedAt', json_extract(doc, '$.updatedAt'), 'recordedBy', json_extract(doc, '$.createdBy'))
          WHEN 'name_only' THEN json_object('shareEmail', json('false'), 'sharePhone', json('false'),
            'recordedAt', json_extract(doc, '$.updatedAt'), 'recordedBy', json_extract(doc, '$.createdBy'))
          WHEN 'none' THEN json_object('shareEmail', json('false'), 'sharePhone', json('false'),
            'recordedAt', json_extract(doc, '$.updatedAt'), 'recordedBy', json_extract(doc, '$.createdBy'))
          ELSE json('null')
        END)
      WHERE json_type(doc, '$.sharingConsent') IS NOT NULL;
    `,
  },
  {
    version: 4,
    description: 'accounts, sessions and the audit log',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
        password_hash TEXT,
        person_id TEXT REFERENCES nodes (id) ON DELETE SET NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        invitation_hash TEXT UNIQUE,
        invitation_expires_at TEXT
      ) STRICT;
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_user ON sessions (user_id);
      CREATE TABLE audit_entries (
        id INTEGER PRIMARY KEY,
        revision INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor TEXT,
        action TEXT NOT NULL,
        changes TEXT NOT NULL,
        undoes INTEGER,
        undone_by INTEGER
      ) STRICT;
      CREATE INDEX audit_by_actor ON audit_entries (actor, id);
      CREATE INDEX audit_by_time ON audit_entries (at);
      CREATE TABLE audit_targets (
        entry_id INTEGER NOT NULL REFERENCES audit_entries (id),
        target_id TEXT NOT NULL,
        PRIMARY KEY (target_id, entry_id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    description: "each user's language (null: the browser's)",
    sql: `ALTER TABLE users ADD COLUMN language TEXT CHECK (language IN ('en', 'pl'));`,
  },
];

/** The newest schema version this code knows. */
export const LATEST_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));

/**
 * Brings the database up to the latest schema; returns the versions it applied. Reading the
 * version and applying what is missing happen in one IMMEDIATE transaction, so two processes
 * opening a new data folder at once cannot both create the tables.
 */
export function migrate(db: Database.Database): number[] {
  return db
    .transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        applied_at TEXT NOT NULL
      ) STRICT`);
      const row = db
        .prepare<[], { version: number | null }>(
          'SELECT max(version) AS version FROM schema_migrations',
        )
        .get();
      const current = row?.version ?? 0;
      if (current > LATEST_SCHEMA_VERSION) {
        throw new Error(
          `the database is at schema version ${current}, newer than this Octograph knows (${LATEST_SCHEMA_VERSION}); upgrade Octograph`,
        );
      }
      const record = db.prepare(
        'INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)',
      );
      const applied: number[] = [];
      for (const migration of MIGRATIONS) {
        if (migration.version <= current) continue;
        db.exec(migration.sql);
        record.run(migration.version, migration.description, new Date().toISOString());
        applied.push(migration.version);
      }
      return applied;
    })
    .immediate();
}
