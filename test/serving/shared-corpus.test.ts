/**
 * The shared corpus's specification, on a real PostgreSQL server the test starts (and, for what needs no
 * notifications, on SQLite): each "process" here is its own corpus folder, its own connection and its own live
 * knowledge. A folder joins the record at start and becomes its copy; a change made through one process reaches the
 * others' folders and answers; the record wins over an old folder; duplicates and taken ids are refused across
 * processes; a listener that loses its connection catches up after it reconnects; export and import round-trip.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { readChanges } from '../../src/corpus/corpus-changes.ts';
import { IngestError } from '../../src/ingest/ingest-error.ts';
import { listenForNotifications } from '../../src/faq/sql/postgres-listener.ts';
import { PostgresFaqStore } from '../../src/faq/postgres-faq-store.ts';
import type { SqlFaqStore } from '../../src/faq/sql-faq-store.ts';
import { CorpusEditor } from '../../src/serving/corpus-editor.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { CORPUS_CHANNEL, SharedCorpus } from '../../src/serving/shared-corpus.ts';
import { emptyCorpus, scratchCorpus } from '../helpers/corpus.ts';
import { type FreshDatabase, onBothDatabases } from '../helpers/both-databases.ts';

const moderator = { by: 'discord', user: '610000000000000061', guild: '222222222222222222' } as const;

/** A saved page, in the moderators' own words for these tests, with a word no other article has. */
const page = (word: string, day = 20) =>
  [
    `Negotiators in Doha report progress on a ${word} hostage exchange`,
    `Published 2025-02-${day}`,
    '',
    `Qatari mediators said on Thursday that negotiators had agreed the outline of a ${word} exchange of hostages and prisoners.`,
    'Egyptian officials said the first releases could come within days if both sides accept the final list of names.',
  ].join('\n');

interface Process {
  dir: string;
  store: SqlFaqStore;
  shared: SharedCorpus;
  live: LiveKnowledge;
  editor: CorpusEditor;
}

const sourceIds = (dir: string) =>
  readdirSync(join(dir, 'sources'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => n.slice(0, -3))
    .sort();

async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function describeSharedCorpus(name: string, fresh: FreshDatabase): void {
  const opened: SqlFaqStore[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  /** Processes on one fresh database, each on its own copy of the bundled corpus (or the folder given). */
  const processes = async (folders: string[]): Promise<Process[]> => {
    const open = await fresh();
    const result: Process[] = [];
    for (const dir of folders) {
      const store = await open();
      opened.push(store);
      // what goes wrong keeping the folder a copy is asserted where a test means it, not printed
      const shared = new SharedCorpus(store.database, dir, { trouble: () => undefined });
      await shared.open();
      const live = LiveKnowledge.open(dir);
      result.push({ dir, store, shared, live, editor: new CorpusEditor(live, shared) });
    }
    return result;
  };

  describe(`the shared corpus on ${name}`, () => {
    it('takes in the first folder as found, and makes a new folder its copy, change lines included', async () => {
      const empty = emptyCorpus();
      const [a, b] = (await processes([scratchCorpus(), empty])) as [Process, Process];
      const bundled = sourceIds(a.dir);
      expect(bundled).toHaveLength(5);
      expect(sourceIds(b.dir)).toEqual(bundled);
      for (const id of bundled)
        expect(readFileSync(join(b.dir, 'sources', `${id}.md`), 'utf8')).toBe(readFileSync(join(a.dir, 'sources', `${id}.md`), 'utf8'));
      expect(readChanges(b.dir).map((c) => [c.action, c.id, c.author])).toEqual(bundled.map((id) => ['found', id, { by: 'unknown' }]));
      // nothing was written into the first folder: it already showed the record
      expect(existsSync(join(a.dir, 'changes.jsonl'))).toBe(false);
      expect(b.shared.appliedSeq).toBe(5);
    });

    it('a source added through one process reaches the other folder and its answers; a removal too, text kept', async () => {
      const [a, b] = (await processes([scratchCorpus(), scratchCorpus()])) as [Process, Process];
      const { id, reload } = await a.editor.add(a.editor.preview(page('lighthouse'), 'saved.txt'), moderator);
      expect(reload).toMatchObject({ ok: true, added: [id] });
      expect(await b.shared.catchUp()).toEqual([id]);
      expect(await b.live.reload()).toMatchObject({ ok: true, how: 'update', added: [id] });
      expect(b.live.current().sourceById.get(id)?.paragraphs.join(' ')).toContain('lighthouse exchange');
      expect(readChanges(b.dir).at(-1)).toMatchObject({ action: 'add', id, author: moderator });
      // caught up once: again changes nothing
      expect(await b.shared.catchUp()).toEqual([]);

      const { movedTo } = await b.editor.remove(id, moderator);
      expect(movedTo).toMatch(new RegExp(`removed/${id}\\.[0-9T-]+Z\\.md$`));
      expect(existsSync(movedTo)).toBe(true);
      expect(await a.shared.catchUp()).toEqual([id]);
      expect(existsSync(join(a.dir, 'sources', `${id}.md`))).toBe(false);
      expect(readdirSync(join(a.dir, 'removed')).some((n) => n.startsWith(`${id}.`))).toBe(true);
      expect(await a.live.reload()).toMatchObject({ ok: true, removed: [id] });
    });

    it('refuses, across processes, an article another process added before this one reloaded, and a taken id', async () => {
      const [a, b] = (await processes([scratchCorpus(), scratchCorpus()])) as [Process, Process];
      const first = a.editor.preview(page('orchard'), 'saved.txt');
      const previewedInB = b.editor.preview(page('orchard'), 'saved.txt');
      await a.editor.add(first, moderator);
      // b has neither caught up nor reloaded: the record's own sources are checked during the write turn
      const copy = await b.editor.add(previewedInB, moderator).catch((e: unknown) => e);
      expect(copy).toBeInstanceOf(IngestError);
      expect((copy as Error).message).toMatch(/already in the corpus as "2025-02-20-/);
      // the same id with another text (a headline that starts the same, the same day)
      const other = b.editor.preview(page('orchard').replace(/Qatari mediators said/, 'Officials in Cairo confirmed'), 'other.txt');
      const taken = await b.editor.add(other, moderator).catch((e: unknown) => e);
      expect(taken).toBeInstanceOf(IngestError);
      expect((taken as Error).message).toMatch(/another source already has the id/);
      expect(sourceIds(b.dir)).toHaveLength(6);
    });

    it('two processes adding the same article at once: exactly one adds it', async () => {
      const [a, b] = (await processes([scratchCorpus(), scratchCorpus()])) as [Process, Process];
      const results = await Promise.allSettled([
        a.editor.add(a.editor.preview(page('granary'), 'a.txt'), moderator),
        b.editor.add(b.editor.preview(page('granary'), 'b.txt'), moderator),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(IngestError);
      const adds = await a.store.database.read((tx) =>
        tx.all<{ n: number }>("SELECT COUNT(*) AS n FROM corpus_changes WHERE action = 'add'"),
      );
      expect(Number(adds[0]?.n)).toBe(1);
    });

    it('the record wins over an old folder: a removed source is not brought back, another text is replaced and kept', async () => {
      const open = await fresh();
      const first = await open();
      opened.push(first);
      const dir = scratchCorpus();
      await new SharedCorpus(first.database, dir).open();
      const live = LiveKnowledge.open(dir);
      const editor = new CorpusEditor(live, new SharedCorpus(first.database, dir));
      await editor.remove('raanans-freed-2023-10-20', moderator);
      // an old copy of the folder: it still has the removed source, and another text for a second one
      const old = scratchCorpus();
      const edited = join(old, 'sources', 'deal-account-2023-11-22.md');
      writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\n$/, '\n\nA paragraph only this machine has.\n'));
      const second = await open();
      opened.push(second);
      const sync = await new SharedCorpus(second.database, old).open();
      expect(sync.imported).toEqual([]);
      expect(sync.removed).toEqual(['raanans-freed-2023-10-20']);
      expect(sync.written).toEqual(['deal-account-2023-11-22']);
      expect(sync.refused).toEqual([
        'deal-account-2023-11-22: the shared corpus has another text under this id',
        'raanans-freed-2023-10-20: removed from the shared corpus, so not brought back',
      ]);
      expect(readFileSync(edited, 'utf8')).not.toContain('only this machine has');
      const kept = readdirSync(join(old, 'removed')).map((n) => readFileSync(join(old, 'removed', n), 'utf8'));
      expect(kept.some((text) => text.includes('A paragraph only this machine has.'))).toBe(true);
      expect(sourceIds(old)).not.toContain('raanans-freed-2023-10-20');
    });

    it('refuses to remove a source another process just named as near_duplicate_of, and to add a copy of one just removed', async () => {
      const [a, b] = (await processes([scratchCorpus(), scratchCorpus()])) as [Process, Process];
      // a copy republished under another headline, with a paragraph added: a near-duplicate
      const copyOf = (word: string) =>
        `${page(word).replace(/^Negotiators in Doha report/, 'Talks in Doha show')}\nA paragraph the republisher added about the ${word} talks.`;
      const original = await a.editor.add(a.editor.preview(page('quay'), 'o.txt'), moderator);
      await b.shared.catchUp();
      await b.live.reload();
      const copy = await a.editor.add(a.editor.preview(copyOf('quay'), 'c.txt'), moderator);
      expect(a.live.current().sourceById.get(copy.id)?.near_duplicate_of).toBe(original.id);
      // b has not caught up with the copy: the database knows it names the original
      await expect(b.editor.remove(original.id, moderator)).rejects.toThrow(`"${copy.id}" repeats "${original.id}" with small edits`);

      const second = await a.editor.add(a.editor.preview(page('jetty', 21), 'o.txt'), moderator);
      await b.shared.catchUp();
      await b.live.reload();
      const pending = a.editor.preview(copyOf('jetty').replace('2025-02-20', '2025-02-21'), 'c.txt');
      expect(pending.nearDuplicateOf?.id).toBe(second.id);
      await b.editor.remove(second.id, moderator);
      const refused = await a.editor.add(pending, moderator).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(IngestError);
      expect((refused as Error).message).toBe(`the source this article repeats, "${second.id}", was removed meanwhile: preview it again`);
    });

    it('two processes on one folder: the one behind skips what was superseded and reloads for what the other wrote', async () => {
      const dir = scratchCorpus();
      const [a, b] = (await processes([dir, dir])) as [Process, Process];
      const reloads: string[][] = [];
      const stop = b.shared.follow(b.live, { pollMs: 50, onReload: (r) => reloads.push(r.ok ? r.added : ['failed']) });
      try {
        const first = await a.editor.add(a.editor.preview(page('pier'), 'v1.txt'), moderator);
        await a.editor.remove(first.id, moderator);
        const again = await a.editor.add(
          a.editor.preview(`${page('pier')}\nA correction the outlet added later about the pier talks.`, 'v2.txt'),
          moderator,
        );
        expect(again.id).toBe(first.id);
        const final = readFileSync(join(dir, 'sources', `${first.id}.md`), 'utf8');
        const kept = readdirSync(join(dir, 'removed'));
        // b applies nothing again (the add and the removal are superseded, the last add is in the folder already) and
        // still reloads, so it answers from what a wrote
        const served = () => b.live.current().sourceById.get(first.id)?.paragraphs.join(' ') ?? '';
        await until(served, (text) => text.includes('A correction the outlet added later'));
        expect(served()).toContain('A correction the outlet added later');
        expect(readFileSync(join(dir, 'sources', `${first.id}.md`), 'utf8')).toBe(final);
        expect(readdirSync(join(dir, 'removed'))).toEqual(kept);
        expect(
          readChanges(dir)
            .filter((c) => c.id === first.id)
            .map((c) => c.action),
        ).toEqual(['add', 'remove', 'add']);
        expect(reloads.flat()).toContain(first.id);
      } finally {
        await stop();
      }
    });

    it('a change that can never be applied is skipped and told, and the changes after it are applied', async () => {
      const [a, b] = (await processes([scratchCorpus(), scratchCorpus()])) as [Process, Process];
      const troubles: string[] = [];
      const follower = new SharedCorpus(b.store.database, b.dir, { trouble: (m) => troubles.push(m) });
      await follower.open();
      // a record whose file does not match its SHA-256 (written by hand, or damaged)
      await a.store.database.write('corpus', async (tx) => {
        await tx.all(
          "INSERT INTO corpus_changes (seq, at, action, source_id, sha256, author, feed_item, file) VALUES (100, '2025-02-20T10:00:00.000Z', 'add', 'damaged-entry', 'not-the-sha', '{\"by\":\"unknown\"}', NULL, 'text')",
        );
        await tx.all("INSERT INTO corpus_sources (id, sha256, version, removed) VALUES ('damaged-entry', 'not-the-sha', 100, 0)");
      });
      const after = await a.editor.add(a.editor.preview(page('causeway'), 'saved.txt'), moderator);
      expect(await follower.catchUp()).toEqual([after.id]);
      expect(troubles).toEqual([
        'change 100 of the shared corpus was skipped: The record of "damaged-entry" holds no file with the SHA-256 it names, so it was not applied.',
      ]);
      // a folder joining later starts all the same, without it
      const late = new SharedCorpus(a.store.database, scratchCorpus(), { trouble: (m) => troubles.push(m) });
      await late.open();
      expect(sourceIds(late.dir)).toContain(after.id);
      expect(sourceIds(late.dir)).not.toContain('damaged-entry');
      expect(troubles).toHaveLength(2);
    });

    it('exports into a new folder and imports into another database: the same sources, the same log', async () => {
      const [a] = (await processes([scratchCorpus()])) as [Process];
      const { id } = await a.editor.add(a.editor.preview(page('ferry'), 'saved.txt'), moderator);
      await a.editor.remove('raanans-freed-2023-10-20', moderator);
      const out = join(mkdtempSync(join(tmpdir(), 'talks-export-')), 'corpus');
      expect(await a.shared.exportTo(out)).toEqual({ sources: 5, removed: 1, changes: 7 });
      expect(sourceIds(out)).toEqual(sourceIds(a.dir));
      expect(readChanges(out).map((c) => c.action)).toEqual(['found', 'found', 'found', 'found', 'found', 'add', 'remove']);
      expect(readdirSync(join(out, 'removed'))).toHaveLength(1);
      await expect(a.shared.exportTo(out)).rejects.toThrow(/is not empty: export into a new folder/);

      const other = await (await fresh())();
      opened.push(other);
      const b = new SharedCorpus(other.database, emptyCorpus());
      const imported = await b.importFolder(out);
      expect(imported.imported.sort()).toEqual(sourceIds(out));
      expect(imported.refused).toEqual([]);
      await b.catchUp();
      expect(sourceIds(b.dir)).toEqual(sourceIds(out));
      // the added source keeps its author; the others were found
      expect(readChanges(b.dir).find((c) => c.id === id)).toMatchObject({ action: 'add', author: moderator });
    });
  });
}

onBothDatabases('the shared corpus', describeSharedCorpus, (server) => {
  it('a following process answers from a source another adds within 2 s, and catches up after its listener is cut off', async () => {
    const url = await server().createDatabase();
    const [one, two] = [await PostgresFaqStore.open(url), await PostgresFaqStore.open(url)];
    try {
      const [dirA, dirB] = [scratchCorpus(), scratchCorpus()];
      const a = new SharedCorpus(one.database, dirA);
      const b = new SharedCorpus(two.database, dirB);
      await a.open();
      await b.open();
      const liveA = LiveKnowledge.open(dirA);
      const liveB = LiveKnowledge.open(dirB);
      const troubles: string[] = [];
      const stop = b.follow(liveB, {
        listen: (heard) => listenForNotifications(url, CORPUS_CHANNEL, { heard, trouble: (m) => troubles.push(m) }),
        pollMs: 600_000, // the notifications do the work here, not the safety net
        onTrouble: (m) => troubles.push(m),
        onReload: (r) => troubles.push(JSON.stringify(r)),
      });
      try {
        const editor = new CorpusEditor(liveA, a);
        await until(
          () => b.appliedSeq,
          (n) => n === 5,
        );
        const { id } = await editor.add(editor.preview(page('harbour'), 'saved.txt'), moderator);
        const added = Date.now();
        await until(() => liveB.current().sourceById.has(id), Boolean, 5_000);
        expect(liveB.current().sourceById.has(id)).toBe(true);
        expect(Date.now() - added).toBeLessThan(2_000);

        // the listener's connection is cut; a change made meanwhile is caught up once it reconnects
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'talks-bot listener'");
        await admin.end();
        const second = await editor.add(editor.preview(page('lantern', 21), 'saved.txt'), moderator);
        await until(() => liveB.current().sourceById.has(second.id), Boolean, 10_000);
        expect(liveB.current().sourceById.has(second.id)).toBe(true);
        expect(troubles.join('\n')).toMatch(/listening for corpus changes on PostgreSQL database "faq_\d+" on 127\.0\.0\.1:\d+ stopped/);
        expect(troubles.join('\n')).not.toContain('test-pw');
      } finally {
        await stop();
      }
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  }, 60_000);
});
