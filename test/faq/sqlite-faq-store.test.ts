/** The embedded FAQ store: one SQLite file in DATA_DIR, shared by the processes of one machine. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FaqDatabaseError } from '../../src/faq/faq-store.ts';
import { openFaqStore } from '../../src/faq/open-faq-store.ts';
import { SqliteFaqStore } from '../../src/faq/sqlite-faq-store.ts';
import { describeFaqStore, G1 } from './faq-store-suite.ts';
import { startWriter } from './faq-writer-process.ts';

const dataDir = () => mkdtempSync(join(tmpdir(), 'talks-faq-'));

describeFaqStore({
  name: 'SQLite',
  freshDatabase: () => {
    const dir = dataDir();
    return Promise.resolve(() => SqliteFaqStore.open(dir));
  },
});

describe('the SQLite FAQ store', () => {
  it('is the store when DATABASE_URL is not set, in faq.sqlite3 under DATA_DIR', async () => {
    const dir = dataDir();
    const store = await openFaqStore({ DATA_DIR: dir, DATABASE_URL: '' });
    expect(store).toBeInstanceOf(SqliteFaqStore);
    expect(store.location).toBe(join(dir, 'faq.sqlite3'));
    await store.close();
  });

  it('refuses to start on a damaged database, and does not overwrite it', async () => {
    const dir = dataDir();
    const junk = 'this is not a database '.repeat(500);
    writeFileSync(join(dir, 'faq.sqlite3'), junk);
    await expect(SqliteFaqStore.open(dir)).rejects.toThrow(FaqDatabaseError);
    await expect(SqliteFaqStore.open(dir)).rejects.toThrow(/will not overwrite it/);
  });
});

describe('the SQLite FAQ store under load', () => {
  it('two processes (shards) writing at once lose nothing', async () => {
    const dir = dataDir();
    await (await SqliteFaqStore.open(dir)).close();
    const a = startWriter({ DATA_DIR: dir }, 'shard-a', 150, G1);
    const b = startWriter({ DATA_DIR: dir }, 'shard-b', 150, G1);
    expect(await Promise.all([a.done, b.done])).toEqual([0, 0]);
    const store = await SqliteFaqStore.open(dir);
    expect(await store.list(G1)).toHaveLength(300);
    await store.close();
  });

  it('kill -9 in the middle of a write burst: the database is intact and every acknowledged write is there', async () => {
    const dir = dataDir();
    await (await SqliteFaqStore.open(dir)).close();
    const w = startWriter({ DATA_DIR: dir }, 'burst', 100_000, G1);
    while (w.acked() < 50) await new Promise((r) => setTimeout(r, 20));
    w.kill();
    await w.done;
    const acked = w.acked();
    const db = new Database(join(dir, 'faq.sqlite3'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = db.prepare('SELECT count(*) FROM faq_entries').pluck().get() as number;
    db.close();
    expect(count).toBeGreaterThanOrEqual(acked);
    expect(count).toBeLessThanOrEqual(acked + 1); // at most the one in flight, committed before its "ack" was written
  });
});
