/**
 * The embedded FAQ store: SQLite through better-sqlite3, in WAL mode, one file under DATA_DIR. Every write is one
 * immediate transaction that also records a revision, so an acknowledged change survives a crash and nothing a
 * moderator does is lost silently. A damaged database stops the bot with a clear message; it is never overwritten.
 * A write that finds the file locked by another process waits for it off the event loop, and gives up after a
 * couple of seconds with FaqBusyError (see `sqlite-database.ts`).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { FaqDatabaseError } from './faq-errors.ts';
import { migrate, SqlFaqStore } from './sql-faq-store.ts';
import { SqliteDatabase, type SqliteDatabaseOptions } from './sql/sqlite-database.ts';

export const FAQ_DB_FILE = 'faq.sqlite3';

export class SqliteFaqStore extends SqlFaqStore {
  private constructor(
    db: SqliteDatabase,
    readonly file: string,
  ) {
    super(db, file);
  }

  /**
   * Opens (creating on first start) `dataDir/faq.sqlite3` and applies pending migrations. `options.lockWaitMs`: how
   * long a transaction keeps trying for a lock another process holds (LOCK_WAIT_MS unless set).
   *
   * @example
   * const store = await SqliteFaqStore.open('./data');
   */
  static async open(dataDir: string, options: SqliteDatabaseOptions = {}): Promise<SqliteFaqStore> {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, FAQ_DB_FILE);
    const existed = existsSync(file);
    let db: Database.Database;
    try {
      db = new Database(file, { fileMustExist: false });
      // these checks run once, at start, before anything is served: they may wait for a lock; serving sets it short
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
    const database = new SqliteDatabase(db, resolve(file), options);
    await migrate(database);
    return new SqliteFaqStore(database, file);
  }
}
