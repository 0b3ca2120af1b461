/**
 * SqlDatabase over one better-sqlite3 connection. better-sqlite3 is synchronous while the store's rules are async, so
 * the transactions on one database file run one at a time in this process (a queue per file, shared by every
 * connection to it): two callers in one process can never interleave inside a transaction, nor can one connection wait
 * for SQLite's lock while another, on the same thread, holds it. Writes start with BEGIN IMMEDIATE, which takes SQLite's single write lock up front, so writes from
 * other processes wait instead of conflicting: every write behaves as if it ran alone.
 *
 * Waiting for another process's lock never holds up the event loop for long. SQLite waits for a lock inside the call
 * (busy_timeout), and better-sqlite3 makes that call on the event loop: with the 5 seconds this used to allow, two
 * `/faq-admin seed` at once froze every answer of the bot for 10 seconds. So SQLite waits at most BUSY_TIMEOUT_MS per
 * attempt; a transaction that finds the database busy is rolled back and tried again after a timer, the loop free
 * meanwhile, until LOCK_WAIT_MS have passed; then it fails with FaqBusyError, which a member reads as "The FAQ is
 * busy, try again in a moment" and which changed nothing.
 */
import type Database from 'better-sqlite3';
import { FaqBusyError } from '../faq-errors.ts';
import type { SqlDatabase, SqlSession } from './sql-database.ts';

/** How long SQLite itself waits for a lock, blocking the event loop: one attempt. */
export const BUSY_TIMEOUT_MS = 50;
/** How long a transaction keeps trying for the lock, in attempts a timer apart, before FaqBusyError. */
export const LOCK_WAIT_MS = 2_000;
/** How long migrations keep trying: at start, before anything is served, several processes may migrate at once. */
export const MIGRATION_LOCK_WAIT_MS = 60_000;

export interface SqliteDatabaseOptions {
  /** How long a transaction keeps trying for a lock another connection holds; LOCK_WAIT_MS unless set. */
  lockWaitMs?: number;
}

/** Per database file, the end of the last transaction queued in this process. */
const queues = new Map<string, Promise<unknown>>();

/** SQLite said the database is locked by another connection (SQLITE_BUSY and its extended codes). */
const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @example
 * const db = new SqliteDatabase(new Database('data/faq.sqlite3'), resolve('data/faq.sqlite3'));
 * await db.write('1', (tx) => tx.all('INSERT INTO guild_settings VALUES (?, ?)', ['1', null])); // FaqBusyError if locked for 2 s
 */
export class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite';
  private last: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly session: SqlSession;
  private readonly lockWaitMs: number;

  /** Sets the connection's busy_timeout to BUSY_TIMEOUT_MS: waiting longer is done here, off the event loop. */
  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    options: SqliteDatabaseOptions = {},
  ) {
    this.lockWaitMs = options.lockWaitMs ?? LOCK_WAIT_MS;
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.session = {
      all: <T>(sql: string, params: readonly unknown[] = []) => {
        const statement = this.prepared(sql);
        if (statement.reader) return Promise.resolve(statement.all(...params) as T[]);
        statement.run(...params);
        return Promise.resolve([]);
      },
      exec: (sql: string) => {
        this.db.exec(sql);
        return Promise.resolve();
      },
    };
  }

  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `work` after every transaction queued before it has ended. */
  private inTurn<T>(begin: string, work: (tx: SqlSession) => Promise<T>, lockWaitMs = this.lockWaitMs): Promise<T> {
    const turn = (queues.get(this.file) ?? Promise.resolve()).then(() => this.untilNotBusy(begin, work, lockWaitMs));
    this.last = turn.catch(() => undefined);
    queues.set(this.file, this.last);
    return turn;
  }

  /**
   * Runs `work` as one transaction, again from the start (the interface allows it) while another connection holds
   * the lock, a timer apart, for `lockWaitMs` in all; then FaqBusyError. Each attempt blocks at most BUSY_TIMEOUT_MS.
   */
  private async untilNotBusy<T>(begin: string, work: (tx: SqlSession) => Promise<T>, lockWaitMs: number): Promise<T> {
    const deadline = performance.now() + lockWaitMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transaction(begin, work);
      } catch (error) {
        if (!isBusy(error)) throw error;
        // a little longer each time, up to 100 ms, with jitter so that two waiting processes do not retry in step
        const wait = Math.min(100, 10 * attempt) * (0.5 + Math.random() / 2);
        if (performance.now() + wait >= deadline) throw new FaqBusyError();
        await pause(wait);
      }
    }
  }

  private async transaction<T>(begin: string, work: (tx: SqlSession) => Promise<T>): Promise<T> {
    this.db.exec(begin);
    try {
      const result = await work(this.session);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** SQLite has one writer per file, whatever the scope. */
  write<T>(_scope: string, work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.inTurn('BEGIN IMMEDIATE', work);
  }

  read<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.inTurn('BEGIN', work);
  }

  migrating<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.inTurn('BEGIN IMMEDIATE', work, Math.max(this.lockWaitMs, MIGRATION_LOCK_WAIT_MS));
  }

  async close(): Promise<void> {
    await this.last;
    this.db.close();
    if (queues.get(this.file) === this.last) queues.delete(this.file);
  }
}
