/**
 * What the bot asks of the FAQ store, whichever database is behind it: SQLite in one file (the embedded default,
 * `SqliteFaqStore`) or PostgreSQL shared by several processes on several machines (`PostgresFaqStore`, chosen by
 * DATABASE_URL; see `openFaqStore`). Both keep the same guarantees: every write is one all-or-nothing transaction that
 * behaves as if no other ran at the same time, records the next revision (numbers never repeat), and an acknowledged
 * change is durable.
 */
import type { FaqEntry, FaqExport, FaqRevision, ImportReport } from './faq-entry.ts';

export { FaqDatabaseError, FaqError, FaqImportConflict } from './faq-errors.ts';
export type { ImportReport } from './faq-entry.ts';

/** The fields a moderator fills in for a new entry. */
export interface NewFaqEntry {
  question: string;
  answer: string;
  reviewBy?: string | null;
  aliases?: string[];
  citations?: string[];
}

/** The fields an edit may change; the others keep their value. */
export interface FaqEdit {
  question?: string;
  answer?: string;
  reviewBy?: string | null;
}

/**
 * One guild-scoped FAQ per Discord server, with history. Refusals are FaqError (message for the moderator), an
 * unusable database FaqDatabaseError.
 *
 * @example
 * const store = await openFaqStore({ DATA_DIR: './data' });
 * const entry = await store.add(guildId, { question: 'Who mediated?', answer: 'Qatar.' }, userId);
 * await store.revert(guildId, entry.id, 1, userId);
 */
export interface FaqStore {
  /** Where the FAQ lives, safe to log: the SQLite file, or the PostgreSQL server and database without credentials. */
  readonly location: string;
  /** The highest migration applied. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
  add(guildId: string, fields: NewFaqEntry, actor: string): Promise<FaqEntry>;
  edit(guildId: string, id: number, fields: FaqEdit, actor: string): Promise<FaqEntry>;
  addAlias(guildId: string, id: number, alias: string, actor: string): Promise<FaqEntry>;
  /** Sets the cited passages (replacing the old list). */
  cite(guildId: string, id: number, passageIds: string[], actor: string): Promise<FaqEntry>;
  /** Removes an entry from view; its history stays, and revert brings it back. */
  remove(guildId: string, id: number, actor: string): Promise<void>;
  /** Restores the entry as it stood at `revision`, recorded as a new revision. Works on removed entries too. */
  revert(guildId: string, id: number, revision: number, actor: string): Promise<FaqEntry>;
  get(guildId: string, id: number): Promise<FaqEntry>;
  /** The guild's entries, by question. */
  list(guildId: string): Promise<FaqEntry[]>;
  history(guildId: string, id: number): Promise<FaqRevision[]>;
  exportGuild(guildId: string): Promise<FaqExport>;
  /**
   * Imports an export into a guild, all or nothing. An entry whose question exists with different content is a
   * conflict: with `overwrite` it replaces the existing one (recorded as a revision), without it nothing is applied
   * and FaqImportConflict reports the conflicts.
   */
  importGuild(guildId: string, data: unknown, actor: string, options?: { overwrite?: boolean }): Promise<ImportReport>;
  moderatorRole(guildId: string): Promise<string | null>;
  setModeratorRole(guildId: string, roleId: string | null): Promise<void>;
}
