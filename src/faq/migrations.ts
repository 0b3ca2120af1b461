/**
 * The FAQ database schema as versioned migrations, applied in order at start-up, each in its own transaction.
 * Never edit a migration that has shipped: add the next one.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'FAQ entries, aliases, revisions, guild settings',
    sql: `
      -- One row per FAQ entry of a guild. The current state only; every change is also in faq_revisions.
      -- question_key is the question folded for uniqueness (lower case, single spaces); deleted_at marks a removed
      -- entry, kept so that /faq revert can bring it back.
      CREATE TABLE faq_entries (
        id           INTEGER PRIMARY KEY,
        guild_id     TEXT    NOT NULL,
        question     TEXT    NOT NULL,
        question_key TEXT    NOT NULL,
        answer       TEXT    NOT NULL,
        citations    TEXT    NOT NULL DEFAULT '[]',  -- JSON array of passage ids ("<source id>#<n>")
        review_by    TEXT,                           -- YYYY-MM-DD or NULL
        revision     INTEGER NOT NULL DEFAULT 1,     -- the latest revision number in faq_revisions
        created_by   TEXT    NOT NULL,
        created_at   TEXT    NOT NULL,
        updated_by   TEXT    NOT NULL,
        updated_at   TEXT    NOT NULL,
        deleted_at   TEXT
      );
      CREATE UNIQUE INDEX faq_entries_question ON faq_entries (guild_id, question_key) WHERE deleted_at IS NULL;

      -- Other ways members ask the same question; alias_key is folded like question_key, unique per guild.
      CREATE TABLE faq_aliases (
        guild_id  TEXT    NOT NULL,
        entry_id  INTEGER NOT NULL REFERENCES faq_entries (id),
        alias     TEXT    NOT NULL,
        alias_key TEXT    NOT NULL,
        PRIMARY KEY (guild_id, alias_key)
      );

      -- Every change to an entry, with who made it and when: snapshot is the whole entry (JSON) after the change,
      -- so /faq revert restores a revision by copying its snapshot back.
      CREATE TABLE faq_revisions (
        entry_id  INTEGER NOT NULL REFERENCES faq_entries (id),
        revision  INTEGER NOT NULL,
        guild_id  TEXT    NOT NULL,
        action    TEXT    NOT NULL,
        actor     TEXT    NOT NULL,
        at        TEXT    NOT NULL,
        snapshot  TEXT    NOT NULL,
        PRIMARY KEY (entry_id, revision)
      );

      -- Per-guild settings: the role whose members may edit the FAQ besides those with Manage Messages.
      CREATE TABLE guild_settings (
        guild_id          TEXT PRIMARY KEY,
        moderator_role_id TEXT
      );
    `,
  },
];
