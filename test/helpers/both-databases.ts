/**
 * A specification run on both of the bot's databases: SQLite in a temporary folder, and a real PostgreSQL server the
 * file starts on loopback (test/helpers/postgres-server.ts; skipped without one, saying so, except in CI). Each run is
 * given `fresh`, which makes a new empty database and returns a way to open connections to it — each connection
 * another process.
 *
 * @example
 * onBothDatabases('the feed store', (name, fresh) => describe(`the feed store on ${name}`, () => { … }));
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { PostgresFaqStore } from '../../src/faq/postgres-faq-store.ts';
import type { SqlFaqStore } from '../../src/faq/sql-faq-store.ts';
import { SqliteFaqStore } from '../../src/faq/sqlite-faq-store.ts';
import { type PostgresServer, postgresForTests, startPostgres } from './postgres-server.ts';

/** Opens another connection — another process — to one database. */
export type OpenDatabase = () => Promise<SqlFaqStore>;
/** Makes a fresh database. */
export type FreshDatabase = () => Promise<OpenDatabase>;

/**
 * Runs `suite` on SQLite, then on PostgreSQL; `postgresOnly` adds tests that need PostgreSQL itself (notifications),
 * given the server.
 */
export function onBothDatabases(
  what: string,
  suite: (name: 'SQLite' | 'PostgreSQL', fresh: FreshDatabase) => void,
  postgresOnly?: (server: () => PostgresServer) => void,
): void {
  suite('SQLite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talks-db-'));
    return Promise.resolve(() => SqliteFaqStore.open(dir));
  });
  onPostgres(`${what} on PostgreSQL`, (server) => {
    suite('PostgreSQL', async () => {
      const url = await server().createDatabase();
      return () => PostgresFaqStore.open(url);
    });
    postgresOnly?.(server);
  });
}

/**
 * Tests on a real PostgreSQL server started for them (one per file, stopped after), in a `describe('PostgreSQL')`
 * skipped without one — except in CI, where a missing server fails the run.
 *
 * @example
 * onPostgres('the PostgreSQL FAQ store tests', (server) => it('…', async () => { const url = await server().createDatabase(); }));
 */
export function onPostgres(what: string, tests: (server: () => PostgresServer) => void): void {
  const binDir = postgresForTests(what);
  describe.skipIf(!binDir)('PostgreSQL', () => {
    let server: PostgresServer;
    beforeAll(async () => {
      server = await startPostgres(binDir ?? '');
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
    });
    tests(() => server);
  });
}
