/**
 * The FAQ store for deployments of several processes on several machines: PostgreSQL at DATABASE_URL, with the same
 * migrations, revisions, refusals and messages as the SQLite store (sql-faq-store.ts holds the rules for both).
 * Concurrency: see sql/postgres-database.ts (SERIALIZABLE, retried). The URL is never shown: `location` names the
 * server and database only, and every error is scrubbed of it.
 */
import pg from 'pg';
import { FaqDatabaseError } from './faq-errors.ts';
import { migrate, SqlFaqStore } from './sql-faq-store.ts';
import { databaseLocation, secretScrubber } from './sql/database-url.ts';
import { PostgresDatabase } from './sql/postgres-database.ts';

export interface PostgresFaqStoreOptions {
  /** Told when an idle connection fails (the server restarted, the network dropped); the pool replaces it. */
  onConnectionError?: (message: string) => void;
  /** Connections this process may hold at once. */
  maxConnections?: number;
}

export class PostgresFaqStore extends SqlFaqStore {
  /**
   * Connects to `databaseUrl` and applies pending migrations (one process at a time, under an advisory lock).
   *
   * @example
   * const store = await PostgresFaqStore.open(process.env.DATABASE_URL);
   * store.location // → 'PostgreSQL database "talks" on db.internal:5432'
   */
  static async open(databaseUrl: string, options: PostgresFaqStoreOptions = {}): Promise<PostgresFaqStore> {
    const location = databaseLocation(databaseUrl);
    if (!location) {
      throw new FaqDatabaseError(
        'DATABASE_URL is not a PostgreSQL URL (postgres://user:password@host:port/database). Its value is not shown, as it may hold a password.',
      );
    }
    const scrub = secretScrubber(databaseUrl);
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      connectionTimeoutMillis: 10_000,
      application_name: 'talks-bot',
      max: options.maxConnections ?? 10,
    });
    pool.on('error', (error) =>
      options.onConnectionError?.(`The FAQ database (${location}) dropped an idle connection: ${scrub(error.message)}`),
    );
    const db = new PostgresDatabase(pool, location, scrub);
    try {
      await migrate(db);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error instanceof FaqDatabaseError ? error : db.failure(error);
    }
    return new PostgresFaqStore(db, location);
  }
}
