/**
 * The little the FAQ's SQL needs from a database, so that one implementation of the rules (sql-faq-store.ts) runs on
 * SQLite and on PostgreSQL. SQL is written with `?` placeholders; each dialect adapts them.
 */

/** Statements inside one transaction. */
export interface SqlSession {
  /** The rows a statement returns (none for a statement without RETURNING). */
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements without parameters: a migration. */
  exec(sql: string): Promise<void>;
}

export type SqlDialect = 'sqlite' | 'postgres';

/**
 * A database that runs work as transactions.
 *
 * @example
 * const n = await db.write(guildId, async (tx) => (await tx.all<{ id: number }>('INSERT INTO t (x) VALUES (?) RETURNING id', [1]))[0]);
 */
export interface SqlDatabase {
  readonly dialect: SqlDialect;
  /**
   * Runs `work` as one all-or-nothing transaction that behaves as if no other transaction ran at the same time; `work`
   * may be run more than once (a retried conflict), so it must only touch the database. `scope` names what the work
   * changes (a guild): writes to one scope take turns, writes to different scopes may run side by side.
   */
  write<T>(scope: string, work: (tx: SqlSession) => Promise<T>): Promise<T>;
  /** Runs reads that all see one consistent state of the database. */
  read<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
  /** Runs `work` holding the database's migration lock, so that processes starting together migrate one at a time. */
  migrating<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The first row, or undefined. */
export async function first<T>(tx: SqlSession, sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
  return (await tx.all<T>(sql, params))[0];
}
