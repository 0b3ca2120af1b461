/**
 * SqlDatabase over a node-postgres pool, for a FAQ that several processes on several machines share.
 *
 * Writes run at SERIALIZABLE, each after taking its guild's advisory lock. Why SERIALIZABLE and not row locks: the
 * rules read more than the row they change — that no other entry asks the same question, that an alias is not taken,
 * the whole guild for an import — and a row lock cannot lock a row that does not exist yet. SERIALIZABLE guarantees
 * what SQLite's single writer guarantees: every transaction behaves as if it ran alone, so no write is lost and an
 * entry's next revision number is taken once (the (entry_id, revision) primary key would refuse a second one anyway).
 * Why the guild lock as well: under SERIALIZABLE alone, moderators of one guild saving at the same moment abort each
 * other and retry, and with several at once on one entry the retries pile up (measured: 4 writers on one entry, 28
 * changes/s, and a retry budget that can run out). The lock is taken on the connection before BEGIN, so the
 * transaction's snapshot is taken after the previous holder committed: writes to one guild take turns, writes to
 * different guilds run side by side, and a conflict that still happens is rolled back whole and run again, with a
 * short random pause, so callers never see it.
 */
import type pg from 'pg';
import { FaqDatabaseError, FaqError } from '../faq-errors.ts';
import { UserError } from '../../errors/user-error.ts';
import type { SqlDatabase, SqlSession } from './sql-database.ts';

/** serialization_failure, deadlock_detected, and unique_violation from a concurrent insert of the same key. */
const RETRIED = new Set(['40001', '40P01', '23505']);
const MAX_ATTEMPTS = 30;
const MIGRATION_LOCK = "SELECT pg_advisory_xact_lock(hashtext('talks-bot faq migrations'))";
/** A guild's write turn: a session-level advisory lock keyed by the guild, held from before BEGIN until after COMMIT. */
const SCOPE_LOCK = "SELECT pg_advisory_lock(hashtextextended('talks-bot faq guild ' || $1, 0))";
const SCOPE_UNLOCK = "SELECT pg_advisory_unlock(hashtextextended('talks-bot faq guild ' || $1, 0))";

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
    return new FaqDatabaseError(
      `The FAQ database (${this.location}) failed: ${this.scrub((error as Error).message ?? String(error))}${code ? ` [${code}]` : ''}`,
    );
  }

  private async transaction<T>(
    begin: string,
    work: (tx: SqlSession) => Promise<T>,
    options: { retry?: boolean; lock?: string; scope?: string } = {},
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect().catch((error: unknown) => {
        throw this.failure(error);
      });
      let broken: Error | undefined;
      // a connection that dies between two statements reports it here; the next statement then fails and says so
      const onError = (error: Error) => (broken = error);
      client.on('error', onError);
      let scoped = false;
      try {
        if (options.scope !== undefined) {
          await client.query(SCOPE_LOCK, [options.scope]);
          scoped = true;
        }
        await client.query(begin);
        if (options.lock) await client.query(options.lock);
        const result = await work(sessionOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((e: unknown) => (broken = e as Error));
        // a refusal (any UserError: the FAQ's, the feeds') is the work's own answer, told as it is
        if (error instanceof UserError || error instanceof FaqDatabaseError) throw error;
        const conflict = options.retry === true && RETRIED.has(codeOf(error) ?? '');
        if (!conflict) throw this.failure(error);
        if (attempt >= MAX_ATTEMPTS)
          throw new FaqError('The FAQ is busy with other changes right now, so nothing was saved. Please try again.');
      } finally {
        if (scoped && !broken) await client.query(SCOPE_UNLOCK, [options.scope]).catch((e: unknown) => (broken = e as Error));
        client.removeListener('error', onError);
        // a broken connection is closed, not pooled; closing it also frees any lock it held
        client.release(broken);
      }
      await pause(attempt); // a conflict: run it again, the guild's turn given up meanwhile
    }
  }

  write<T>(scope: string, work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN ISOLATION LEVEL SERIALIZABLE', work, { retry: true, scope });
  }

  read<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work);
  }

  /** READ COMMITTED, so that each statement after the lock sees what the process that held it before committed. */
  migrating<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN', work, { lock: MIGRATION_LOCK });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
