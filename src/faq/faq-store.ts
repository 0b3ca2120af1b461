/**
 * The FAQ store: SQLite through better-sqlite3, in WAL mode, one file under DATA_DIR. Every write is one immediate
 * transaction that also records a revision, so an acknowledged change survives a crash and nothing a moderator does
 * is lost silently. A damaged database stops the bot with a clear message; it is never overwritten.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type FaqEntry, type FaqExport, FaqExportSchema, type FaqRevision, type FaqSnapshot, FaqSnapshotSchema, questionKey } from './faq-entry.ts';
import { MIGRATIONS } from './migrations.ts';

/** A refusal a moderator should read: a duplicate question, an unknown entry, input over a limit. */
export class FaqError extends Error {
  override name = 'FaqError';
}

/** The database file cannot be used; the bot must not start on it. */
export class FaqDatabaseError extends Error {
  override name = 'FaqDatabaseError';
}

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  conflicts: string[];
}

interface EntryRow {
  id: number;
  guild_id: string;
  question: string;
  answer: string;
  citations: string;
  review_by: string | null;
  revision: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  deleted_at: string | null;
}

export const FAQ_DB_FILE = 'faq.sqlite3';

export class FaqStore {
  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {}

  /**
   * Opens (creating on first start) `dataDir/faq.sqlite3` and applies pending migrations.
   *
   * @example
   * const store = FaqStore.open('./data');
   */
  static open(dataDir: string): FaqStore {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, FAQ_DB_FILE);
    const existed = existsSync(file);
    let db: Database.Database;
    try {
      db = new Database(file, { fileMustExist: false });
      db.pragma('busy_timeout = 5000');
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`quick_check says: ${String(check)}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
    } catch (error) {
      throw new FaqDatabaseError(
        `${file} ${existed ? 'is damaged or not a database' : 'cannot be created'} (${(error as Error).message}). ` +
          'The bot will not overwrite it: restore it from a backup, or move it away to start an empty FAQ.',
      );
    }
    const store = new FaqStore(db, file);
    store.migrate();
    return store;
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set(this.db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      this.db
        .transaction(() => {
          // another process may have applied it while this one waited for the lock
          if (this.db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return;
          this.db.exec(m.sql);
          this.db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.description, new Date().toISOString());
        })
        .immediate();
    }
  }

  /** The highest migration applied. */
  schemaVersion(): number {
    return (this.db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
  }

  close(): void {
    this.db.close();
  }

  private row(guildId: string, id: number, includeDeleted = false): EntryRow {
    const row = this.db.prepare(`SELECT * FROM faq_entries WHERE guild_id = ? AND id = ?${includeDeleted ? '' : ' AND deleted_at IS NULL'}`).get(guildId, id) as EntryRow | undefined;
    if (!row) throw new FaqError(`There is no FAQ entry #${id} in this server.`);
    return row;
  }

  private aliasesOf(id: number): string[] {
    return this.db.prepare('SELECT alias FROM faq_aliases WHERE entry_id = ? ORDER BY alias').pluck().all(id) as string[];
  }

  private toEntry(row: EntryRow): FaqEntry {
    return {
      id: row.id,
      guildId: row.guild_id,
      question: row.question,
      answer: row.answer,
      aliases: this.aliasesOf(row.id),
      citations: JSON.parse(row.citations) as string[],
      reviewBy: row.review_by,
      revision: row.revision,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    };
  }

  private snapshotOf(entry: FaqEntry, deleted = false): FaqSnapshot {
    return { question: entry.question, answer: entry.answer, aliases: entry.aliases, citations: entry.citations, review_by: entry.reviewBy, deleted };
  }

  /** Writes `snapshot` as the entry's state and records it as the next revision. Call inside a transaction. */
  private write(guildId: string, id: number | null, input: unknown, action: string, actor: string): FaqEntry {
    const parsed = FaqSnapshotSchema.safeParse(input);
    if (!parsed.success) throw new FaqError(parsed.error.issues[0]?.message ?? 'invalid entry');
    const s = parsed.data;
    const key = questionKey(s.question);
    const now = new Date().toISOString();
    if (!s.deleted) {
      const clash = this.db.prepare('SELECT id FROM faq_entries WHERE guild_id = ? AND question_key = ? AND deleted_at IS NULL AND id IS NOT ?').get(guildId, key, id) as { id: number } | undefined;
      if (clash) throw new FaqError(`Entry #${clash.id} already asks "${s.question}".`);
    }
    let entryId = id;
    if (entryId === null) {
      entryId = Number(
        this.db
          .prepare('INSERT INTO faq_entries (guild_id, question, question_key, answer, citations, review_by, revision, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)')
          .run(guildId, s.question, key, s.answer, JSON.stringify(s.citations), s.review_by, actor, now, actor, now).lastInsertRowid,
      );
    } else {
      this.db
        .prepare('UPDATE faq_entries SET question = ?, question_key = ?, answer = ?, citations = ?, review_by = ?, revision = revision + 1, updated_by = ?, updated_at = ?, deleted_at = ? WHERE id = ?')
        .run(s.question, key, s.answer, JSON.stringify(s.citations), s.review_by, actor, now, s.deleted ? now : null, entryId);
    }
    this.db.prepare('DELETE FROM faq_aliases WHERE entry_id = ?').run(entryId);
    if (!s.deleted) {
      for (const alias of new Set(s.aliases)) {
        const aliasKey = questionKey(alias);
        const taken = this.db.prepare('SELECT entry_id FROM faq_aliases WHERE guild_id = ? AND alias_key = ?').get(guildId, aliasKey) as { entry_id: number } | undefined;
        if (taken) throw new FaqError(`"${alias}" is already an alias of entry #${taken.entry_id}.`);
        this.db.prepare('INSERT INTO faq_aliases VALUES (?, ?, ?, ?)').run(guildId, entryId, alias, aliasKey);
      }
    }
    const revision = (this.db.prepare('SELECT revision FROM faq_entries WHERE id = ?').pluck().get(entryId) as number);
    this.db.prepare('INSERT INTO faq_revisions VALUES (?, ?, ?, ?, ?, ?, ?)').run(entryId, revision, guildId, action, actor, now, JSON.stringify(s));
    return this.toEntry(this.row(guildId, entryId, true));
  }

  private change(guildId: string, id: number, action: string, actor: string, edit: (current: FaqSnapshot) => FaqSnapshot): FaqEntry {
    return this.db.transaction(() => this.write(guildId, id, edit(this.snapshotOf(this.toEntry(this.row(guildId, id)))), action, actor)).immediate();
  }

  add(guildId: string, fields: { question: string; answer: string; reviewBy?: string | null; aliases?: string[]; citations?: string[] }, actor: string): FaqEntry {
    const snapshot = { question: fields.question, answer: fields.answer, aliases: fields.aliases ?? [], citations: fields.citations ?? [], review_by: fields.reviewBy ?? null };
    return this.db.transaction(() => this.write(guildId, null, snapshot, 'add', actor)).immediate();
  }

  edit(guildId: string, id: number, fields: { question?: string; answer?: string; reviewBy?: string | null }, actor: string): FaqEntry {
    return this.change(guildId, id, 'edit', actor, (s) => ({
      ...s,
      ...(fields.question !== undefined ? { question: fields.question } : {}),
      ...(fields.answer !== undefined ? { answer: fields.answer } : {}),
      ...(fields.reviewBy !== undefined ? { review_by: fields.reviewBy } : {}),
    }));
  }

  addAlias(guildId: string, id: number, alias: string, actor: string): FaqEntry {
    return this.change(guildId, id, 'alias', actor, (s) => ({ ...s, aliases: [...s.aliases, alias] }));
  }

  /** Sets the cited passages (replacing the old list). */
  cite(guildId: string, id: number, passageIds: string[], actor: string): FaqEntry {
    return this.change(guildId, id, 'cite', actor, (s) => ({ ...s, citations: [...new Set(passageIds)] }));
  }

  /** Removes an entry from view; its history stays, and revert brings it back. */
  remove(guildId: string, id: number, actor: string): void {
    this.change(guildId, id, 'remove', actor, (s) => ({ ...s, deleted: true }));
  }

  /** Restores the entry as it stood at `revision`, recorded as a new revision. Works on removed entries too. */
  revert(guildId: string, id: number, revision: number, actor: string): FaqEntry {
    return this.db
      .transaction(() => {
        this.row(guildId, id, true);
        const raw = this.db.prepare('SELECT snapshot FROM faq_revisions WHERE entry_id = ? AND revision = ?').pluck().get(id, revision) as string | undefined;
        if (!raw) throw new FaqError(`Entry #${id} has no revision ${revision}.`);
        const snapshot = JSON.parse(raw) as FaqSnapshot;
        return this.write(guildId, id, { ...snapshot, deleted: false }, `revert to ${revision}`, actor);
      })
      .immediate();
  }

  get(guildId: string, id: number): FaqEntry {
    return this.toEntry(this.row(guildId, id));
  }

  list(guildId: string): FaqEntry[] {
    const rows = this.db.prepare('SELECT * FROM faq_entries WHERE guild_id = ? AND deleted_at IS NULL ORDER BY question_key').all(guildId) as EntryRow[];
    return rows.map((r) => this.toEntry(r));
  }

  history(guildId: string, id: number): FaqRevision[] {
    this.row(guildId, id, true);
    const rows = this.db.prepare('SELECT revision, action, actor, at, snapshot FROM faq_revisions WHERE entry_id = ? ORDER BY revision').all(id) as Array<{ revision: number; action: string; actor: string; at: string; snapshot: string }>;
    return rows.map((r) => ({ revision: r.revision, action: r.action, actor: r.actor, at: r.at, snapshot: JSON.parse(r.snapshot) as FaqSnapshot }));
  }

  exportGuild(guildId: string): FaqExport {
    return {
      format: 'talks-bot-faq/1',
      exported_at: new Date().toISOString(),
      entries: this.list(guildId).map((e) => ({ question: e.question, answer: e.answer, aliases: e.aliases, citations: e.citations, review_by: e.reviewBy })),
    };
  }

  /**
   * Imports an export into a guild, all or nothing. An entry whose question exists with different content is a
   * conflict: with `overwrite` it replaces the existing one (recorded as a revision), without it nothing is applied
   * and the conflicts are reported.
   */
  importGuild(guildId: string, data: unknown, actor: string, options: { overwrite?: boolean } = {}): ImportReport {
    const parsed = FaqExportSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new FaqError(`Not a talks-bot FAQ export: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}.`);
    }
    return this.db
      .transaction(() => {
        const report: ImportReport = { added: 0, updated: 0, unchanged: 0, conflicts: [] };
        const existing = new Map(this.list(guildId).map((e) => [questionKey(e.question), e]));
        for (const incoming of parsed.data.entries) {
          const current = existing.get(questionKey(incoming.question));
          if (!current) {
            this.write(guildId, null, incoming, 'import', actor);
            report.added++;
            continue;
          }
          const same = sameContent(this.snapshotOf(current), FaqSnapshotSchema.parse(incoming));
          if (same) report.unchanged++;
          else if (options.overwrite) {
            this.write(guildId, current.id, incoming, 'import', actor);
            report.updated++;
          } else report.conflicts.push(`#${current.id} "${current.question}" differs from the file`);
        }
        if (report.conflicts.length > 0 && !options.overwrite) throw new FaqImportConflict(report);
        return report;
      })
      .immediate();
  }

  moderatorRole(guildId: string): string | null {
    return (this.db.prepare('SELECT moderator_role_id FROM guild_settings WHERE guild_id = ?').pluck().get(guildId) as string | null | undefined) ?? null;
  }

  setModeratorRole(guildId: string, roleId: string | null): void {
    this.db.prepare('INSERT INTO guild_settings VALUES (?, ?) ON CONFLICT (guild_id) DO UPDATE SET moderator_role_id = excluded.moderator_role_id').run(guildId, roleId);
  }
}

/** Whether two snapshots say the same thing (alias order aside). */
function sameContent(a: FaqSnapshot, b: FaqSnapshot): boolean {
  const canonical = (s: FaqSnapshot) => JSON.stringify([s.question, s.answer, [...s.aliases].sort(), s.citations, s.review_by]);
  return canonical(a) === canonical(b);
}

/** An import that would overwrite entries without being told to: nothing was applied. */
export class FaqImportConflict extends FaqError {
  constructor(readonly report: ImportReport) {
    super(`Nothing was imported: ${report.conflicts.length} entr${report.conflicts.length === 1 ? 'y differs' : 'ies differ'} from the file (${report.conflicts.slice(0, 3).join('; ')}${report.conflicts.length > 3 ? '; …' : ''}). Import again with overwrite to replace them.`);
    this.name = 'FaqImportConflict';
  }
}
