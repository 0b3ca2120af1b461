/**
 * A write lock held by another connection (another shard, a second `/faq-admin seed`) never freezes the bot: SQLite
 * used to wait for it inside the call, on the event loop, for the 5-second busy timeout per write. Now each attempt
 * waits at most BUSY_TIMEOUT_MS and the store tries again after a timer; a write waiting for the lock is made once
 * it is released, and one still locked out after LOCK_WAIT_MS fails with FaqBusyError, which members read as "The
 * FAQ is busy, try again in a moment". Nothing here times anything: the tests count timer ticks while the lock is held.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FaqBusyError, FaqError } from '../../src/faq/faq-errors.ts';
import { BUSY_TIMEOUT_MS, SqliteDatabase } from '../../src/faq/sql/sqlite-database.ts';
import { SqliteFaqStore } from '../../src/faq/sqlite-faq-store.ts';
import { registrationCatalog } from '../../src/interactions/catalog.ts';
import { Cooldowns } from '../../src/interactions/cooldowns.ts';
import { leaf, OPEN } from '../../src/commands/declare.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { slashCommand } from '../delivery/discord/fake-discord.ts';
import { ApiTransport } from '../interactions/api-transport.ts';
import { G1 } from './faq-store-suite.ts';

const dataDir = () => mkdtempSync(join(tmpdir(), 'talks-faq-'));

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

/** Whether `promise` has settled, as of the last turn of the event loop. */
function watch(promise: Promise<unknown>): () => boolean {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return () => settled;
}

/** A second connection to the store's file holding SQLite's write lock, as another process's write does. */
function holdWriteLock(dir: string): { release: () => void } {
  const other = new Database(join(dir, 'faq.sqlite3'));
  other.exec('BEGIN IMMEDIATE');
  return {
    release: () => {
      other.exec('ROLLBACK');
      other.close();
    },
  };
}

describe('the SQLite FAQ store while another connection holds the write lock', () => {
  it('lets SQLite itself wait only a short time per attempt', () => {
    const db = new Database(join(dataDir(), 'faq.sqlite3'));
    new SqliteDatabase(db, 'faq.sqlite3');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(BUSY_TIMEOUT_MS).toBeLessThanOrEqual(100);
    db.close();
  });

  it('waits for the lock with the event loop turning, and makes the write once the lock is released', async () => {
    const dir = dataDir();
    // only the release ends this wait: a deadline cannot cut it short on a slow machine
    const store = await SqliteFaqStore.open(dir, { lockWaitMs: 600_000 });
    const lock = holdWriteLock(dir);
    const write = store.add(G1, { question: 'Who mediated the talks?', answer: 'Qatar and Egypt.' }, 'moderator');
    const settled = watch(write);
    for (let ticks = 0; ticks < 20; ticks++) {
      await tick();
      // the timer fired while the write was still waiting: the wait does not hold the event loop
      expect(settled()).toBe(false);
    }
    lock.release();
    const entry = await write;
    expect((await store.list(G1)).map((e) => [e.id, e.question])).toEqual([[entry.id, 'Who mediated the talks?']]);
    await store.close();
  });

  it('gives up after the deadline with FaqBusyError, changing nothing, and writes again once the lock is gone', async () => {
    const dir = dataDir();
    const store = await SqliteFaqStore.open(dir);
    const lock = holdWriteLock(dir);
    const write = store.add(G1, { question: 'Who mediated the talks?', answer: 'Qatar and Egypt.' }, 'moderator');
    const settled = watch(write);
    let ticks = 0;
    while (!settled()) {
      await tick();
      ticks++;
    }
    expect(ticks).toBeGreaterThan(10);
    const error = await write.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FaqBusyError);
    expect(error).toBeInstanceOf(FaqError);
    expect((error as Error).message).toBe('The FAQ is busy, try again in a moment.');
    lock.release();
    expect(await store.list(G1)).toEqual([]);
    await store.add(G1, { question: 'Who mediated the talks?', answer: 'Qatar and Egypt.' }, 'moderator');
    expect(await store.list(G1)).toHaveLength(1);
    await store.close();
  });

  it('is told to a member as "The FAQ is busy, try again in a moment", like any FAQ refusal', async () => {
    const dir = dataDir();
    const store = await SqliteFaqStore.open(dir, { lockWaitMs: 200 });
    const lock = holdWriteLock(dir);
    const seed = leaf({
      description: 'Seed',
      options: {},
      handle: async () => void (await store.add(G1, { question: 'Q?', answer: 'A.' }, 'moderator')),
    });
    const bot = new ApiTransport({
      catalog: {
        commands: [{ type: 'slash', name: 'seed', description: 'Seed', gates: OPEN, run: seed }],
        components: [],
        services: registrationCatalog([]).services,
      },
      cooldowns: new Cooldowns(0),
      logger: createLogger('silent'),
    });
    const told = await bot.first(slashCommand('seed', {}));
    expect(told.data?.content).toBe('The FAQ is busy, try again in a moment.');
    expect(told.data?.flags).toBe(64);
    lock.release();
    await store.close();
  });
});
