/**
 * SqlDatabase over one better-sqlite3 connection. better-sqlite3 is synchronous while the store's rules are async, so
 * the transactions on one database file run one at a time in this process (a queue per file, shared by every
 * connection to it): two callers in one process can never interleave inside a transaction, nor can one connection wait
 * for SQLite's lock while another, on the same thread, holds it. Writes start with BEGIN IMMEDIATE, which takes SQLite's single write lock up front, so writes from
 * other processes wait (busy_timeout) instead of conflicting: every write behaves as if it ran alone.
 */
import type Database from 'better-sqlite3';
import type { SqlDatabase, SqlSession } from './sql-database.ts';

/**
 * @example
 * const db = new SqliteDatabase(new Database('data/faq.sqlite3'), resolve('data/faq.sqlite3'));
 * await db.write('1', (tx) => tx.all('INSERT INTO guild_settings VALUES (?, ?)', ['1', null]));
 */
/** Per database file, the end of the last transaction queued in this process. */
const queues = new Map<string, Promise<unknown>>();

export class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite';
  private last: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly session: SqlSession;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {
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
  private inTurn<T>(begin: string, work: (tx: SqlSession) => Promise<T>): Promise<T> {
    const turn = (queues.get(this.file) ?? Promise.resolve()).then(async () => {
      this.db.exec(begin);
      try {
        const result = await work(this.session);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
    this.last = turn.catch(() => undefined);
    queues.set(this.file, this.last);
    return turn;
  }

  /** SQLite has one writer per file, whatever the scope. */
  write<T>(_scope: string, work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.inTurn('BEGIN IMMEDIATE', work);
  }

  read<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.inTurn('BEGIN', work);
  }

  migrating<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.inTurn('BEGIN IMMEDIATE', work);
  }

  async close(): Promise<void> {
    await this.last;
    this.db.close();
    if (queues.get(this.file) === this.last) queues.delete(this.file);
  }
}
