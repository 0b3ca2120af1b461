import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FaqDatabaseError, FaqError, FaqImportConflict, FaqStore } from '../../src/faq/faq-store.ts';
import { MIGRATIONS } from '../../src/faq/migrations.ts';

const dataDir = () => mkdtempSync(join(tmpdir(), 'talks-faq-'));
const G1 = '100000000000000001';
const G2 = '100000000000000002';

describe('the FAQ store', () => {
  it('creates its database on first start and applies every migration once', () => {
    const dir = dataDir();
    const store = FaqStore.open(dir);
    expect(store.schemaVersion()).toBe(MIGRATIONS.at(-1)?.version);
    store.close();
    const again = FaqStore.open(dir);
    expect(again.schemaVersion()).toBe(MIGRATIONS.at(-1)?.version);
    again.close();
  });

  it('keeps every change as a revision with who and when, and reverts to any of them', () => {
    const store = FaqStore.open(dataDir());
    const e = store.add(G1, { question: 'Who mediated?', answer: 'Qatar.' }, 'mod-a');
    store.edit(G1, e.id, { answer: 'Qatar and Egypt.' }, 'mod-b');
    store.addAlias(G1, e.id, 'Who were the mediators', 'mod-b');
    store.cite(G1, e.id, ['ap-how-the-hostage-deal-came-about#5'], 'mod-a');
    const history = store.history(G1, e.id);
    expect(history.map((h) => [h.revision, h.action, h.actor])).toEqual([[1, 'add', 'mod-a'], [2, 'edit', 'mod-b'], [3, 'alias', 'mod-b'], [4, 'cite', 'mod-a']]);
    const reverted = store.revert(G1, e.id, 1, 'mod-c');
    expect([reverted.answer, reverted.aliases, reverted.citations, reverted.revision]).toEqual(['Qatar.', [], [], 5]);
    expect(store.history(G1, e.id).at(-1)).toMatchObject({ action: 'revert to 1', actor: 'mod-c' });
  });

  it('a removed entry disappears from view but keeps its history, and revert brings it back', () => {
    const store = FaqStore.open(dataDir());
    const e = store.add(G1, { question: 'Q?', answer: 'A.' }, 'm');
    store.remove(G1, e.id, 'm');
    expect(store.list(G1)).toEqual([]);
    expect(() => store.get(G1, e.id)).toThrow(FaqError);
    expect(store.revert(G1, e.id, 1, 'm').question).toBe('Q?');
  });

  it('refuses duplicates, taken aliases, empty or oversized text and bad citations, clearly', () => {
    const store = FaqStore.open(dataDir());
    const e = store.add(G1, { question: 'What did Qatar offer?', answer: 'A.' }, 'm');
    expect(() => store.add(G1, { question: 'what did qatar  offer', answer: 'B.' }, 'm')).toThrow(/already asks/);
    store.addAlias(G1, e.id, 'Qatar offer', 'm');
    const other = store.add(G1, { question: 'Other?', answer: 'B.' }, 'm');
    expect(() => store.addAlias(G1, other.id, 'qatar OFFER', 'm')).toThrow(/already an alias of entry #/);
    expect(() => store.add(G1, { question: '   ', answer: 'x' }, 'm')).toThrow(/question must not be empty/);
    expect(() => store.add(G1, { question: 'Long?', answer: 'x'.repeat(2001) }, 'm')).toThrow(/at most 2000/);
    expect(() => store.cite(G1, e.id, ['not a passage'], 'm')).toThrow(/passage id/);
    expect(store.history(G1, e.id)).toHaveLength(2); // the refused changes left no trace
  });

  it('keeps each guild’s FAQ to itself', () => {
    const store = FaqStore.open(dataDir());
    const e = store.add(G1, { question: 'Q?', answer: 'A.' }, 'm');
    expect(store.list(G2)).toEqual([]);
    expect(() => store.get(G2, e.id)).toThrow(FaqError);
    expect(() => store.edit(G2, e.id, { answer: 'hijack' }, 'm')).toThrow(FaqError);
    store.add(G2, { question: 'Q?', answer: 'Same question, other server.' }, 'm');
    expect(store.get(G1, e.id).answer).toBe('A.');
  });

  it('exports a guild and imports it into another, reproducing it', () => {
    const store = FaqStore.open(dataDir());
    const e = store.add(G1, { question: 'Q1?', answer: 'A1.', reviewBy: '2026-12-31' }, 'm');
    store.addAlias(G1, e.id, 'first question', 'm');
    store.cite(G1, e.id, ['s#1', 's#2'], 'm');
    store.add(G1, { question: 'Q2?', answer: 'A2.' }, 'm');
    const file = JSON.parse(JSON.stringify(store.exportGuild(G1))) as unknown;
    expect(store.importGuild(G2, file, 'n')).toEqual({ added: 2, updated: 0, unchanged: 0, conflicts: [] });
    const strip = (g: string) => store.list(g).map(({ question, answer, aliases, citations, reviewBy }) => ({ question, answer, aliases, citations, reviewBy }));
    expect(strip(G2)).toEqual(strip(G1));
    expect(store.importGuild(G2, file, 'n')).toMatchObject({ added: 0, unchanged: 2 });
    const shuffled = { format: 'talks-bot-faq/1', entries: [{ question: 'Q1?', answer: 'A1.', review_by: '2026-12-31', citations: ['s#1', 's#2'], aliases: ['first question'] }] };
    expect(store.importGuild(G2, shuffled, 'n')).toMatchObject({ unchanged: 1, conflicts: [] });
  });

  it('reports import conflicts and applies nothing unless told to overwrite', () => {
    const store = FaqStore.open(dataDir());
    store.add(G2, { question: 'Q1?', answer: 'Local answer.' }, 'm');
    const file = { format: 'talks-bot-faq/1', entries: [{ question: 'New?', answer: 'N.' }, { question: 'Q1?', answer: 'File answer.' }] };
    expect(() => store.importGuild(G2, file, 'n')).toThrow(FaqImportConflict);
    expect(store.list(G2).map((e) => e.question)).toEqual(['Q1?']); // never half-applied
    expect(store.importGuild(G2, file, 'n', { overwrite: true })).toMatchObject({ added: 1, updated: 1 });
    expect(() => store.importGuild(G2, { format: 'other' }, 'n')).toThrow(/Not a talks-bot FAQ export/);
  });

  it('stores the moderator role per guild', () => {
    const store = FaqStore.open(dataDir());
    store.setModeratorRole(G1, '300000000000000003');
    expect([store.moderatorRole(G1), store.moderatorRole(G2)]).toEqual(['300000000000000003', null]);
  });

  it('refuses to start on a damaged database, and does not overwrite it', () => {
    const dir = dataDir();
    const junk = 'this is not a database '.repeat(500);
    writeFileSync(join(dir, 'faq.sqlite3'), junk);
    expect(() => FaqStore.open(dir)).toThrow(FaqDatabaseError);
    expect(() => FaqStore.open(dir)).toThrow(/will not overwrite it/);
  });
});

function writer(dir: string, tag: string, count: number): { done: Promise<number | null>; acked: () => number; kill: () => void } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/faq/faq-writer.ts'], { env: { ...process.env, DATA_DIR: dir, TAG: tag, COUNT: String(count), GUILD: G1 }, stdio: ['ignore', 'pipe', 'pipe'] });
  let acked = 0;
  child.stdout.on('data', (d: Buffer) => (acked += d.toString().split('\n').filter((l) => l.startsWith('ack')).length));
  return { done: new Promise((resolve) => child.on('exit', resolve)), acked: () => acked, kill: () => child.kill('SIGKILL') };
}

describe('the FAQ store under load', () => {
  it('two processes (shards) writing at once lose nothing', async () => {
    const dir = dataDir();
    FaqStore.open(dir).close();
    const a = writer(dir, 'shard-a', 150);
    const b = writer(dir, 'shard-b', 150);
    expect(await Promise.all([a.done, b.done])).toEqual([0, 0]);
    const store = FaqStore.open(dir);
    expect(store.list(G1)).toHaveLength(300);
    store.close();
  });

  it('kill -9 in the middle of a write burst: the database is intact and every acknowledged write is there', async () => {
    const dir = dataDir();
    FaqStore.open(dir).close();
    const w = writer(dir, 'burst', 100_000);
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
