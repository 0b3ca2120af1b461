/**
 * SqlDatabase over a node-postgres pool, for a FAQ that several processes on several machines share.
 *
 * Writes run at SERIALIZABLE and are retried when PostgreSQL reports a conflict. Why not row locks: the rules read
 * more than the row they change — that no other entry asks the same question, that an alias is not taken, the whole
 * guild for an import — and a row lock cannot lock a row that does not exist yet. SERIALIZABLE guarantees what SQLite's
 * single writer guarantees: every transaction behaves as if it ran alone, so no write is lost and an entry's next
 * revision number is taken once (the (entry_id, revision) primary key would refuse a second one anyway). A conflicting
 * transaction is rolled back whole and run again, with a short random pause, so callers never see it.
 */
import type pg from 'pg';
import { FaqDatabaseError, FaqError } from '../faq-errors.ts';
import type { SqlDatabase, SqlSession } from './sql-database.ts';

/** serialization_failure, deadlock_detected, and unique_violation from a concurrent insert of the same key. */
const RETRIED = new Set(['40001', '40P01', '23505']);
const MAX_ATTEMPTS = 30;
const MIGRATION_LOCK = "SELECT pg_advisory_xact_lock(hashtext('talks-bot faq migrations'))";

const codeOf = (error: unknown): string | undefined => (error as { code?: unknown }).code as string | undefined;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 4 * 2 ** attempt)));

/** `?` placeholders as PostgreSQL's `$1, $2, …`. The FAQ's SQL has no `?` inside a literal. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function sessionOf(client: pg.PoolClient): SqlSession {
  return {
    all: async <T>(sql: string, params: readonly unknown[] = []) => (await client.query(numbered(sql), [...params])).rows as T[],
    exec: async (sql: string) => {
      await client.query(sql);
    },
  };
}

/**
 * @example
 * const db = new PostgresDatabase(new pg.Pool({ connectionString }), 'PostgreSQL database "talks" on db:5432', scrub);
 */
export class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres';

  constructor(
    private readonly pool: pg.Pool,
    private readonly location: string,
    private readonly scrub: (text: string) => string,
  ) {}

  /** A driver or server error as FaqDatabaseError, its message scrubbed of secrets and no cause attached. */
  failure(error: unknown): FaqDatabaseError {
    const code = codeOf(error);
    return new FaqDatabaseError(`The FAQ database (${this.location}) failed: ${this.scrub((error as Error).message ?? String(error))}${code ? ` [${code}]` : ''}`);
  }

  private async transaction<T>(begin: string, work: (tx: SqlSession) => Promise<T>, retry: boolean, lock?: string): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect().catch((error: unknown) => {
        throw this.failure(error);
      });
      let broken: Error | undefined;
      try {
        await client.query(begin);
        if (lock) await client.query(lock);
        const result = await work(sessionOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((e: unknown) => (broken = e as Error));
        if (error instanceof FaqError || error instanceof FaqDatabaseError) throw error;
        const conflict = retry && RETRIED.has(codeOf(error) ?? '');
        if (conflict && attempt < MAX_ATTEMPTS) {
          await pause(attempt);
          continue;
        }
        if (conflict) throw new FaqError('The FAQ is busy with other changes right now, so nothing was saved. Please try again.');
        throw this.failure(error);
      } finally {
        client.release(broken);
      }
    }
  }

  write<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN ISOLATION LEVEL SERIALIZABLE', work, true);
  }

  read<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work, false);
  }

  /** READ COMMITTED, so that each statement after the lock sees what the process that held it before committed. */
  migrating<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN', work, false, MIGRATION_LOCK);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
