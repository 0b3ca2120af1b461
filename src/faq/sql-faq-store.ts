/**
 * The FAQ store's rules, written once over plain SQL so that SQLite and PostgreSQL keep exactly the same guarantees
 * and say exactly the same words: every write is one transaction that also records the next revision, refusals are
 * FaqError with a message for the moderator, an import is all or nothing.
 */
import { type FaqEntry, type FaqExport, type FaqRevision, type FaqSnapshot, FaqSnapshotSchema, questionKey } from './faq-entry.ts';
import { FaqError, FaqImportConflict } from './faq-errors.ts';
import { checkFaqImport } from './faq-import-check.ts';
import type { FaqEdit, FaqStore, ImportReport, NewFaqEntry } from './faq-store.ts';
import { MIGRATIONS, SCHEMA_MIGRATIONS_TABLE } from './migrations.ts';
import { first, type SqlDatabase, type SqlSession } from './sql/sql-database.ts';

interface EntryRow {
  id: number;
  guild_id: string;
  question: string;
  answer: string;
  citations: unknown; // JSON text on SQLite, already parsed on PostgreSQL (jsonb)
  review_by: string | null;
  revision: number;
  created_by: string;
  created_at: unknown; // ISO text on SQLite, a Date on PostgreSQL (timestamptz)
  updated_by: string;
  updated_at: unknown;
}

const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
const isoTime = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

/** Applies the migrations `db` has not had yet, each in its own transaction under the migration lock. */
export async function migrate(db: SqlDatabase): Promise<void> {
  for (const m of MIGRATIONS) {
    await db.migrating(async (tx) => {
      await tx.exec(SCHEMA_MIGRATIONS_TABLE);
      // another process may have applied it while this one waited for the lock
      if (await first(tx, 'SELECT 1 AS applied FROM schema_migrations WHERE version = ?', [m.version])) return;
      await tx.exec(m.sql[db.dialect]);
      await tx.all('INSERT INTO schema_migrations VALUES (?, ?, ?)', [m.version, m.description, new Date().toISOString()]);
    });
  }
}

/**
 * The FaqStore over any SqlDatabase; SqliteFaqStore and PostgresFaqStore only open the database.
 *
 * @example
 * const store = new SqlFaqStore(db, 'data/faq.sqlite3'); // after `await migrate(db)`
 */
export class SqlFaqStore implements FaqStore {
  constructor(
    protected readonly db: SqlDatabase,
    readonly location: string,
  ) {}

  /** The database underneath, which the bot's other tables share (the followed feeds: src/feeds/feed-store.ts). */
  get database(): SqlDatabase {
    return this.db;
  }

  async schemaVersion(): Promise<number> {
    return this.db.read(async (tx) => (await first<{ v: number | null }>(tx, 'SELECT max(version) AS v FROM schema_migrations'))?.v ?? 0);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private async row(tx: SqlSession, guildId: string, id: number, includeDeleted = false): Promise<EntryRow> {
    const row = await first<EntryRow>(
      tx,
      `SELECT * FROM faq_entries WHERE guild_id = ? AND id = ?${includeDeleted ? '' : ' AND deleted_at IS NULL'}`,
      [guildId, id],
    );
    if (!row) throw new FaqError(`There is no FAQ entry #${id} in this server.`);
    return row;
  }

  private toEntry(row: EntryRow, aliases: string[]): FaqEntry {
    return {
      id: row.id,
      guildId: row.guild_id,
      question: row.question,
      answer: row.answer,
      aliases,
      citations: fromJson<string[]>(row.citations),
      reviewBy: row.review_by,
      revision: row.revision,
      createdBy: row.created_by,
      createdAt: isoTime(row.created_at),
      updatedBy: row.updated_by,
      updatedAt: isoTime(row.updated_at),
    };
  }

  private async entry(tx: SqlSession, guildId: string, id: number, includeDeleted = false): Promise<FaqEntry> {
    const row = await this.row(tx, guildId, id, includeDeleted);
    const aliases = await tx.all<{ alias: string }>('SELECT alias FROM faq_aliases WHERE entry_id = ? ORDER BY alias', [id]);
    return this.toEntry(
      row,
      aliases.map((a) => a.alias),
    );
  }

  private async entries(tx: SqlSession, guildId: string): Promise<FaqEntry[]> {
    const rows = await tx.all<EntryRow>('SELECT * FROM faq_entries WHERE guild_id = ? AND deleted_at IS NULL ORDER BY question_key', [
      guildId,
    ]);
    const aliases = new Map<number, string[]>();
    for (const a of await tx.all<{ entry_id: number; alias: string }>(
      'SELECT entry_id, alias FROM faq_aliases WHERE guild_id = ? ORDER BY alias',
      [guildId],
    )) {
      aliases.set(a.entry_id, [...(aliases.get(a.entry_id) ?? []), a.alias]);
    }
    return rows.map((r) => this.toEntry(r, aliases.get(r.id) ?? []));
  }

  private snapshotOf(entry: FaqEntry, deleted = false): FaqSnapshot {
    return {
      question: entry.question,
      answer: entry.answer,
      aliases: entry.aliases,
      citations: entry.citations,
      review_by: entry.reviewBy,
      deleted,
    };
  }

  /** Writes `input` as the entry's state and records it as the next revision. Call inside a write transaction. */
  private async write(
    tx: SqlSession,
    guildId: string,
    id: number | null,
    input: unknown,
    action: string,
    actor: string,
  ): Promise<FaqEntry> {
    const parsed = FaqSnapshotSchema.safeParse(input);
    if (!parsed.success) throw new FaqError(parsed.error.issues[0]?.message ?? 'invalid entry');
    const s = parsed.data;
    const key = questionKey(s.question);
    const now = new Date().toISOString();
    if (!s.deleted) {
      // ids start at 1, so 0 stands for "no entry to leave out"
      const clash = await first<{ id: number }>(
        tx,
        'SELECT id FROM faq_entries WHERE guild_id = ? AND question_key = ? AND deleted_at IS NULL AND id <> ?',
        [guildId, key, id ?? 0],
      );
      if (clash) throw new FaqError(`Entry #${clash.id} already asks "${s.question}".`);
    }
    let entryId: number;
    if (id === null) {
      const inserted = await tx.all<{ id: number }>(
        'INSERT INTO faq_entries (guild_id, question, question_key, answer, citations, review_by, revision, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING id',
        [guildId, s.question, key, s.answer, JSON.stringify(s.citations), s.review_by, actor, now, actor, now],
      );
      entryId = inserted[0]?.id ?? 0;
    } else {
      entryId = id;
      await tx.all(
        'UPDATE faq_entries SET question = ?, question_key = ?, answer = ?, citations = ?, review_by = ?, revision = revision + 1, updated_by = ?, updated_at = ?, deleted_at = ? WHERE id = ?',
        [s.question, key, s.answer, JSON.stringify(s.citations), s.review_by, actor, now, s.deleted ? now : null, entryId],
      );
    }
    await tx.all('DELETE FROM faq_aliases WHERE entry_id = ?', [entryId]);
    if (!s.deleted) {
      for (const alias of new Set(s.aliases)) {
        const aliasKey = questionKey(alias);
        const taken = await first<{ entry_id: number }>(tx, 'SELECT entry_id FROM faq_aliases WHERE guild_id = ? AND alias_key = ?', [
          guildId,
          aliasKey,
        ]);
        if (taken) throw new FaqError(`"${alias}" is already an alias of entry #${taken.entry_id}.`);
        await tx.all('INSERT INTO faq_aliases VALUES (?, ?, ?, ?)', [guildId, entryId, alias, aliasKey]);
      }
    }
    const revision = (await first<{ revision: number }>(tx, 'SELECT revision FROM faq_entries WHERE id = ?', [entryId]))?.revision;
    await tx.all('INSERT INTO faq_revisions VALUES (?, ?, ?, ?, ?, ?, ?)', [
      entryId,
      revision,
      guildId,
      action,
      actor,
      now,
      JSON.stringify(s),
    ]);
    return this.entry(tx, guildId, entryId, true);
  }

  private change(
    guildId: string,
    id: number,
    action: string,
    actor: string,
    edit: (current: FaqSnapshot) => FaqSnapshot,
  ): Promise<FaqEntry> {
    return this.db.write(guildId, async (tx) =>
      this.write(tx, guildId, id, edit(this.snapshotOf(await this.entry(tx, guildId, id))), action, actor),
    );
  }

  add(guildId: string, fields: NewFaqEntry, actor: string): Promise<FaqEntry> {
    const snapshot = {
      question: fields.question,
      answer: fields.answer,
      aliases: fields.aliases ?? [],
      citations: fields.citations ?? [],
      review_by: fields.reviewBy ?? null,
    };
    return this.db.write(guildId, (tx) => this.write(tx, guildId, null, snapshot, 'add', actor));
  }

  edit(guildId: string, id: number, fields: FaqEdit, actor: string): Promise<FaqEntry> {
    return this.change(guildId, id, 'edit', actor, (s) => ({
      ...s,
      ...(fields.question !== undefined ? { question: fields.question } : {}),
      ...(fields.answer !== undefined ? { answer: fields.answer } : {}),
      ...(fields.reviewBy !== undefined ? { review_by: fields.reviewBy } : {}),
    }));
  }

  addAlias(guildId: string, id: number, alias: string, actor: string): Promise<FaqEntry> {
    return this.change(guildId, id, 'alias', actor, (s) => ({ ...s, aliases: [...s.aliases, alias] }));
  }

  cite(guildId: string, id: number, passageIds: string[], actor: string): Promise<FaqEntry> {
    return this.change(guildId, id, 'cite', actor, (s) => ({ ...s, citations: [...new Set(passageIds)] }));
  }

  async remove(guildId: string, id: number, actor: string): Promise<void> {
    await this.change(guildId, id, 'remove', actor, (s) => ({ ...s, deleted: true }));
  }

  revert(guildId: string, id: number, revision: number, actor: string): Promise<FaqEntry> {
    return this.db.write(guildId, async (tx) => {
      await this.row(tx, guildId, id, true);
      const found = await first<{ snapshot: unknown }>(tx, 'SELECT snapshot FROM faq_revisions WHERE entry_id = ? AND revision = ?', [
        id,
        revision,
      ]);
      if (!found) throw new FaqError(`Entry #${id} has no revision ${revision}.`);
      return this.write(tx, guildId, id, { ...fromJson<FaqSnapshot>(found.snapshot), deleted: false }, `revert to ${revision}`, actor);
    });
  }

  get(guildId: string, id: number): Promise<FaqEntry> {
    return this.db.read((tx) => this.entry(tx, guildId, id));
  }

  list(guildId: string): Promise<FaqEntry[]> {
    return this.db.read((tx) => this.entries(tx, guildId));
  }

  history(guildId: string, id: number): Promise<FaqRevision[]> {
    return this.db.read(async (tx) => {
      await this.row(tx, guildId, id, true);
      const rows = await tx.all<{ revision: number; action: string; actor: string; at: unknown; snapshot: unknown }>(
        'SELECT revision, action, actor, at, snapshot FROM faq_revisions WHERE entry_id = ? ORDER BY revision',
        [id],
      );
      return rows.map((r) => ({
        revision: r.revision,
        action: r.action,
        actor: r.actor,
        at: isoTime(r.at),
        snapshot: fromJson<FaqSnapshot>(r.snapshot),
      }));
    });
  }

  async exportGuild(guildId: string): Promise<FaqExport> {
    return {
      format: 'talks-bot-faq/1',
      exported_at: new Date().toISOString(),
      entries: (await this.list(guildId)).map((e) => ({
        question: e.question,
        answer: e.answer,
        aliases: e.aliases,
        citations: e.citations,
        review_by: e.reviewBy,
      })),
    };
  }

  async importGuild(guildId: string, data: unknown, actor: string, options: { overwrite?: boolean } = {}): Promise<ImportReport> {
    const file = checkFaqImport(data);
    return this.db.write(guildId, async (tx) => {
      const report: ImportReport = { added: 0, updated: 0, unchanged: 0, conflicts: [] };
      const existing = new Map((await this.entries(tx, guildId)).map((e) => [questionKey(e.question), e]));
      for (const incoming of file.entries) {
        const current = existing.get(questionKey(incoming.question));
        if (!current) {
          await this.write(tx, guildId, null, incoming, 'import', actor);
          report.added++;
          continue;
        }
        if (sameContent(this.snapshotOf(current), FaqSnapshotSchema.parse(incoming))) report.unchanged++;
        else if (options.overwrite) {
          await this.write(tx, guildId, current.id, incoming, 'import', actor);
          report.updated++;
        } else report.conflicts.push(`#${current.id} "${current.question}" differs from the file`);
      }
      if (report.conflicts.length > 0 && !options.overwrite) throw new FaqImportConflict(report);
      return report;
    });
  }

  moderatorRole(guildId: string): Promise<string | null> {
    return this.db.read(
      async (tx) =>
        (
          await first<{ moderator_role_id: string | null }>(tx, 'SELECT moderator_role_id FROM guild_settings WHERE guild_id = ?', [
            guildId,
          ])
        )?.moderator_role_id ?? null,
    );
  }

  async setModeratorRole(guildId: string, roleId: string | null): Promise<void> {
    await this.db.write(guildId, (tx) =>
      tx.all(
        'INSERT INTO guild_settings VALUES (?, ?) ON CONFLICT (guild_id) DO UPDATE SET moderator_role_id = excluded.moderator_role_id',
        [guildId, roleId],
      ),
    );
  }
}

/** Whether two snapshots say the same thing (alias order aside). */
function sameContent(a: FaqSnapshot, b: FaqSnapshot): boolean {
  const canonical = (s: FaqSnapshot) => JSON.stringify([s.question, s.answer, [...s.aliases].sort(), s.citations, s.review_by]);
  return canonical(a) === canonical(b);
}
