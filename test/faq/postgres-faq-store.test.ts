/**
 * The shared FAQ store: PostgreSQL at DATABASE_URL, for several processes on several machines. Runs the store's
 * specification against a real PostgreSQL server that this file starts on loopback (test/helpers/postgres-server.ts).
 * In CI it must run: a missing server fails the run; on a developer's machine without PostgreSQL it is skipped, saying so.
 */
import { describe, expect, it } from 'vitest';
import { FaqDatabaseError } from '../../src/faq/faq-store.ts';
import { openFaqStore } from '../../src/faq/open-faq-store.ts';
import { PostgresFaqStore } from '../../src/faq/postgres-faq-store.ts';
import { onPostgres } from '../helpers/both-databases.ts';
import { PG_PASSWORD } from '../helpers/postgres-server.ts';
import { describeFaqStore, G1 } from './faq-store-suite.ts';
import { startWriter } from './faq-writer-process.ts';

onPostgres('the PostgreSQL FAQ store tests', (server) => {
  describeFaqStore({
    name: 'PostgreSQL',
    freshDatabase: async () => {
      const url = await server().createDatabase();
      return () => PostgresFaqStore.open(url);
    },
  });

  describe('the PostgreSQL FAQ store', () => {
    it('is the store when DATABASE_URL is set, and names its database without the URL or the password', async () => {
      const url = await server().createDatabase();
      const store = await openFaqStore({ DATABASE_URL: url, DATA_DIR: '/nonexistent' });
      expect(store).toBeInstanceOf(PostgresFaqStore);
      expect(store.location).toMatch(/^PostgreSQL database "faq_\d+" on 127\.0\.0\.1:\d+$/);
      expect(store.location).not.toContain(PG_PASSWORD);
      await store.close();
    });

    it('tables carry their comments, for whoever opens the database with psql', async () => {
      const url = await server().createDatabase();
      await (await PostgresFaqStore.open(url)).close();
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ name: string; comment: string | null }>(
        "SELECT c.relname AS name, obj_description(c.oid, 'pg_class') AS comment FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace AND (c.relname LIKE '%faq%' OR c.relname = 'guild_settings') ORDER BY 1",
      );
      await client.end();
      expect(rows.map((r) => r.name)).toEqual(['faq_aliases', 'faq_entries', 'faq_revisions', 'guild_settings']);
      expect(rows.every((r) => (r.comment ?? '').length > 10)).toBe(true);
    });

    it('a wrong password, an unreachable server or a malformed URL stops the bot with a message that never shows DATABASE_URL', async () => {
      const good = await server().createDatabase();
      const wrongPassword = good.replace(PG_PASSWORD, 'Wr0ng-Secret-91');
      const port = new URL(good).port;
      const unreachable = good.replace(`:${port}/`, ':1/');
      const malformed = 'mysql://bot:Other-Secret-55@db/talks';
      const failures = await Promise.all(
        [wrongPassword, unreachable, malformed].map((url) =>
          openFaqStore({ DATABASE_URL: url }).then(
            () => null,
            (error: unknown) => error as Error,
          ),
        ),
      );
      expect(failures.map((f) => f instanceof FaqDatabaseError)).toEqual([true, true, true]);
      expect(failures[0]?.message).toMatch(
        /^The FAQ database \(PostgreSQL database "faq_\d+" on 127\.0\.0\.1:\d+\) failed: password authentication failed/,
      );
      expect(failures[1]?.message).toMatch(/ECONNREFUSED|connect/);
      expect(failures[2]?.message).toMatch(/DATABASE_URL is not a PostgreSQL URL/);
      const everything = failures
        .map((f) => JSON.stringify({ message: f?.message, stack: f?.stack, cause: f?.cause, own: { ...f } }))
        .join('\n');
      for (const secret of [PG_PASSWORD, 'Wr0ng-Secret-91', 'Other-Secret-55', wrongPassword, unreachable, malformed])
        expect(everything).not.toContain(secret);
    });

    it("a server that drops the bot's idle connections: the drop is reported without the URL, and the next request works", async () => {
      const url = await server().createDatabase();
      const reports: string[] = [];
      const store = await PostgresFaqStore.open(url, { onConnectionError: (message) => reports.push(message) });
      await store.add(G1, { question: 'Still there?', answer: 'Yes.' }, 'm');
      const pg = (await import('pg')).default;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const { rows } = await admin.query<{ dropped: boolean }>(
        "SELECT pg_terminate_backend(pid) AS dropped FROM pg_stat_activity WHERE application_name = 'talks-bot' AND datname = current_database()",
      );
      await admin.end();
      expect(rows.length).toBeGreaterThan(0);
      for (let i = 0; i < 200 && reports.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(reports[0]).toMatch(
        /^The FAQ database \(PostgreSQL database "faq_\d+" on 127\.0\.0\.1:\d+\) dropped an idle connection: terminating connection/,
      );
      expect(reports.join('\n')).not.toContain(PG_PASSWORD);
      expect((await store.list(G1)).map((e) => e.question)).toEqual(['Still there?']);
      await store.close();
    });

    it('two processes on two "machines" writing at once through DATABASE_URL lose nothing', async () => {
      const url = await server().createDatabase();
      await (await PostgresFaqStore.open(url)).close();
      const a = startWriter({ DATABASE_URL: url }, 'machine-a', 100, G1);
      const b = startWriter({ DATABASE_URL: url }, 'machine-b', 100, G1);
      expect(await Promise.all([a.done, b.done])).toEqual([0, 0]);
      const store = await PostgresFaqStore.open(url);
      expect(await store.list(G1)).toHaveLength(200);
      await store.close();
    });

    it('kill -9 of a process in the middle of a write burst: every acknowledged write is there', async () => {
      const url = await server().createDatabase();
      await (await PostgresFaqStore.open(url)).close();
      const w = startWriter({ DATABASE_URL: url }, 'burst', 100_000, G1);
      while (w.acked() < 50 && w.stderr() === '') await new Promise((r) => setTimeout(r, 20));
      w.kill();
      await w.done;
      const acked = w.acked();
      const store = await PostgresFaqStore.open(url);
      const count = (await store.list(G1)).length;
      await store.close();
      expect(acked).toBeGreaterThanOrEqual(50);
      expect(count).toBeGreaterThanOrEqual(acked);
      expect(count).toBeLessThanOrEqual(acked + 1); // at most the one in flight, committed before its "ack" was written
    });
  });
});
