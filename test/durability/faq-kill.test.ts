/**
 * Nothing a moderator was told is saved is lost: a process writing to the FAQ is killed with SIGKILL at random
 * moments, run after run on the same database; after each kill the database is intact and every acknowledged write
 * is there, and the bot's store opens it cleanly afterwards.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { Dice, seededRandom } from '../bench/seeded-random.ts';
import { SqliteFaqStore } from '../../src/faq/sqlite-faq-store.ts';
import { bundleChild, runUntilKilled } from './killed-child.ts';
import { recordFigures } from './figures.ts';

const RUNS = 50;
const GUILD = '100000000000000001';

/** Whether the acknowledged write `ack` is in the database. */
function survived(db: Database.Database, ack: Record<string, unknown>): boolean {
  if (ack.op === 'import') {
    const questions = ack.questions as string[];
    return questions.every((q) => db.prepare('SELECT 1 FROM faq_entries WHERE guild_id = ? AND question = ?').get(GUILD, q) !== undefined);
  }
  const row = db.prepare('SELECT snapshot FROM faq_revisions WHERE entry_id = ? AND revision = ?').get(ack.id, ack.revision) as
    { snapshot: string } | undefined;
  if (!row) return false;
  const snapshot = JSON.parse(row.snapshot) as { question: string; answer: string; aliases: string[]; deleted: boolean };
  if (ack.op === 'add') return snapshot.question === ack.question && snapshot.answer === ack.answer;
  if (ack.op === 'edit' || ack.op === 'revert') return snapshot.answer === ack.answer && !snapshot.deleted;
  if (ack.op === 'alias') return snapshot.aliases.includes(ack.alias as string);
  return ack.op === 'remove' && snapshot.deleted;
}

describe('the FAQ under kill -9', () => {
  let script = '';
  beforeAll(async () => {
    script = await bundleChild('test/durability/faq-writer-child.ts');
  });

  it(`keeps every acknowledged write over ${RUNS} kills, with the database intact after each`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'talks-durability-faq-'));
    const dice = new Dice(seededRandom(20261124));
    let kills = 0;
    let acknowledged = 0;
    let survivors = 0;
    const lost: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await runUntilKilled(
        script,
        { DATA_DIR: dataDir, RUN: String(run), GUILD },
        { afterAcks: dice.int(0, 40), delayMs: dice.int(0, 15) },
      );
      expect(result.stderr).toBe('');
      if (result.killed) kills++;
      const db = new Database(join(dataDir, 'faq.sqlite3'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        for (const ack of result.acks) {
          acknowledged++;
          if (survived(db, ack)) survivors++;
          else lost.push(`run ${run}: ${JSON.stringify(ack)}`);
        }
      } finally {
        db.close();
      }
    }
    const store = await SqliteFaqStore.open(dataDir); // the bot starts on it: quick_check, migrations, a read
    expect((await store.list(GUILD)).length).toBeGreaterThan(0);
    await store.close();
    console.log(`durability faq: ${kills} kills, ${acknowledged} writes acknowledged, ${survivors} survived`);
    recordFigures('faq', { runs: RUNS, kills, acknowledged, survived: survivors });
    expect(lost).toEqual([]);
    expect(kills).toBeGreaterThanOrEqual(RUNS * 0.9);
    expect(acknowledged).toBeGreaterThan(RUNS * 5);
  }, 300_000); // under a minute on a quiet machine; a loaded CI runner may take several
});
