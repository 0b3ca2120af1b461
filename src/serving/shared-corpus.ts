/**
 * One corpus for every process: with DATABASE_URL, the corpus's record is the database — its sources, and the change
 * log that changes.jsonl is on one machine (tables `corpus_changes` and `corpus_sources`, migration 3) — and each
 * process keeps its corpus folder as a copy of it, from which its live knowledge is loaded as before. A change made
 * through any process (a moderator's Add or Remove, a trusted feed's item) is one transaction; every process then
 * writes it into its own folder and reloads, so within a moment all of them answer from it.
 *
 * How the copies keep up:
 * - Changes are numbered (`seq`) during the corpus's write turn, so they commit in that order and "every change after
 *   N" is a complete catch-up. A process remembers the last change it applied.
 * - A commit sends a PostgreSQL notification (`NOTIFY talks_corpus`); each process listens, and catches up when one
 *   comes, after every (re)connection of its listener, and on a slow poll as a safety net. Catching up twice is
 *   harmless: a change superseded since is skipped, and a folder that shows a change already is left alone
 *   (`applyRecordedChange`), so processes that share one folder never undo each other.
 * - The checks that keep the corpus loadable run in the write turn against the database, not the served corpus: an
 *   exact copy, a taken id, an article naming a source removed meanwhile, a removal of a source another still names.
 * - Each change is one source, applied to the folder whole (a file written or moved in one rename), and a reload is
 *   all or nothing: no process answers from half a change.
 *
 * At start (`open`) the folder and the record are brought together: sources only the folder has (the bundled corpus on
 * a new database, an `npm run ingest` made before) are added to the record as they were recorded in changes.jsonl
 * (`found` when they were not); then the record's sources are written into the folder, a different local text moved to
 * `removed/` first, and sources the record has removed are moved out. The record wins: a folder never brings back a
 * source someone removed. `entities.yaml` stays with each folder, deployed with the bot like its code.
 *
 * @example
 * const shared = new SharedCorpus(db, 'corpus');
 * await shared.open();                                  // the folder now holds the shared corpus
 * const live = await LiveKnowledge.load('corpus');
 * const stop = shared.follow(live, { listen, onReload, onTrouble });
 * new CorpusEditor(live, shared);                       // /source-admin writes to the database
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyRecordedChange,
  type ChangeAuthor,
  type CorpusChange,
  CorpusChangeError,
  readChanges,
  removedPathOf,
  sha256Of,
  withCorpusLockAsync,
} from '../corpus/corpus-changes.ts';
import { writeFileDurably } from '../corpus/durable-files.ts';
import { readCorpusText, sourceFileNames } from '../corpus/load-corpus.ts';
import { CorpusError, parseSourceFile } from '../corpus/source-file.ts';
import type { Source } from '../corpus/source-schema.ts';
import { IngestError } from '../ingest/ingest-error.ts';
import type { PreparedSource } from '../ingest/ingest-source.ts';
import { first, type SqlDatabase, type SqlSession } from '../faq/sql/sql-database.ts';
import { type CorpusRecord, type FeedItemRef, idTaken } from './corpus-editor.ts';
import { stopCorpusReader, warmCorpusReader } from './corpus-worker.ts';
import type { LiveKnowledge, ReloadResult } from './live-knowledge.ts';

/** The PostgreSQL notification channel a commit to the shared corpus is announced on (its payload: the change's seq). */
export const CORPUS_CHANNEL = 'talks_corpus';
/** The write turn of the corpus (`SqlDatabase.write`'s scope): changes to the corpus take turns, so seq is commit order. */
const WRITE_TURN = 'corpus';
/** Changes read per query while catching up. */
const BATCH = 200;
/** The safety net's interval: a notification lost without the connection dropping is caught up this late at most. */
export const POLL_MS = 30_000;

interface ChangeRow {
  seq: number;
  at: string;
  action: CorpusChange['action'];
  source_id: string;
  sha256: string;
  author: string;
  feed_item: string | null;
  file: string | null;
}

interface SourceRow {
  id: string;
  sha256: string;
  version: number;
  removed: number;
}

const CHANGE_COLUMNS = 'seq, at, action, source_id, sha256, author, feed_item, file';

const changeOf = (row: ChangeRow): CorpusChange => ({
  at: row.at,
  action: row.action,
  id: row.source_id,
  sha256: row.sha256,
  author: JSON.parse(row.author) as CorpusChange['author'],
  ...(row.feed_item ? { feedItem: JSON.parse(row.feed_item) as FeedItemRef } : {}),
});

/** What bringing a folder and the record together did, by source id. */
export interface CorpusSync {
  /** Only the folder had them: added to the record. */
  imported: string[];
  /** Written into the folder from the record (new there, or a different text, which went to `removed/`). */
  written: string[];
  /** Moved out of the folder: the record has removed them. */
  removed: string[];
  /** Left out of the record, with why: a file that does not parse, or an id the record gives another text or removed. */
  refused: string[];
}

/** How a process hears of commits: starts listening, calls `heard` after each (re)connection and each notification. */
export type CorpusNotifications = (heard: () => void) => () => Promise<void>;

export class SharedCorpus implements CorpusRecord {
  private applied = 0;
  private turn: Promise<unknown> = Promise.resolve();
  private served: () => ReadonlySet<string> = () => new Set();
  /** Where what goes wrong while keeping the folder a copy is told (the log, once `follow` is given one). */
  private trouble: (message: string) => void = (message) => console.warn(`talks-bot: ${message}`);

  /** `options.trouble` hears what goes wrong while the folder is kept a copy (default: stderr; `follow` can set it). */
  constructor(
    private readonly db: SqlDatabase,
    readonly dir: string,
    options: { trouble?: (message: string) => void } = {},
  ) {
    if (options.trouble) this.trouble = options.trouble;
  }

  /** The last change this process has applied to its folder (its seq). */
  get appliedSeq(): number {
    return this.applied;
  }

  /**
   * Brings the folder and the record together at start (see the module comment): what only the folder has is added to
   * the record, then the folder is made a copy of the record.
   *
   * @example
   * await shared.open() // → { imported: ['a', …], written: [], removed: [], refused: [] } on a new database
   */
  async open(): Promise<CorpusSync> {
    const imported = await this.importFolder(this.dir);
    const copied = await this.queued(() => this.copyRecord());
    return { imported: imported.imported, written: copied.written, removed: copied.removed, refused: imported.refused };
  }

  /**
   * Adds the sources of a corpus folder that the record lacks, each as its latest record in the folder's changes.jsonl
   * says (an `add` keeps its author), else as `found`. A source the record has with another text, or has removed, is
   * refused, not overwritten: the record wins. So is a file that does not parse.
   *
   * @example
   * await shared.importFolder('backup/corpus') // → { imported: ['b'], written: [], removed: [], refused: ['a: …'] }
   */
  async importFolder(from: string): Promise<CorpusSync> {
    const latest = new Map<string, CorpusChange>();
    for (const change of readChanges(from, () => undefined))
      if (change.action === 'add' || change.action === 'found') latest.set(change.id, change);
      else if (change.action === 'remove') latest.delete(change.id);
    const local: Array<{ id: string; text: string; sha256: string; nearDuplicateOf: string | null }> = [];
    const refused: string[] = [];
    for (const name of existsSync(join(from, 'sources')) ? sourceFileNames(join(from, 'sources')) : []) {
      const label = `sources/${name}`;
      try {
        const text = readCorpusText(join(from, 'sources', name), label);
        const source = parseSourceFile(text, label);
        local.push({ id: source.id, text, sha256: sha256Of(text), nearDuplicateOf: source.near_duplicate_of ?? null });
      } catch (error) {
        if (!(error instanceof CorpusError)) throw error;
        refused.push(error.message);
      }
    }
    const imported = await this.db.write(WRITE_TURN, async (tx) => {
      const known = new Map((await tx.all<SourceRow>('SELECT id, sha256, version, removed FROM corpus_sources')).map((r) => [r.id, r]));
      const added: string[] = [];
      const skipped: string[] = [];
      let seq = await nextSeq(tx);
      for (const source of local) {
        const row = known.get(source.id);
        if (row) {
          if (row.removed) skipped.push(`${source.id}: removed from the shared corpus, so not brought back`);
          else if (row.sha256 !== source.sha256) skipped.push(`${source.id}: the shared corpus has another text under this id`);
          continue;
        }
        const recorded = latest.get(source.id);
        const change: CorpusChange =
          recorded && recorded.sha256 === source.sha256
            ? recorded
            : { at: new Date().toISOString(), action: 'found', id: source.id, sha256: source.sha256, author: { by: 'unknown' } };
        await insertChange(tx, seq, change, source.text);
        await upsertSource(tx, { id: source.id, sha256: source.sha256, seq, nearDuplicateOf: source.nearDuplicateOf }, false);
        added.push(source.id);
        seq++;
      }
      if (added.length > 0) await notify(tx, this.db, seq - 1);
      return { added, skipped };
    });
    return { imported: imported.added, written: [], removed: [], refused: [...refused, ...imported.skipped] };
  }

  /**
   * Writes the whole record into a new folder: every source in `sources/`, every removed text in `removed/`, and the
   * change log as changes.jsonl. A folder that already has sources is refused: export into a new one.
   *
   * @example
   * await shared.exportTo('backup/corpus') // → { sources: 41, removed: 3, changes: 47 }
   */
  async exportTo(target: string): Promise<{ sources: number; removed: number; changes: number }> {
    const sourcesDir = join(target, 'sources');
    if (existsSync(sourcesDir) && readdirSync(sourcesDir).length > 0)
      throw new CorpusChangeError(`${sourcesDir} is not empty: export into a new folder, so that nothing there is overwritten.`);
    mkdirSync(sourcesDir, { recursive: true });
    return this.db.read(async (tx) => {
      const rows = await tx.all<SourceRow>('SELECT id, sha256, version, removed FROM corpus_sources');
      const live = new Map(rows.filter((r) => !r.removed).map((r) => [r.version, r.id]));
      const lines: string[] = [];
      let removed = 0;
      for (let after = 0; ;) {
        const batch = await changesAfter(tx, after);
        for (const row of batch) {
          const change = changeOf(row);
          lines.push(JSON.stringify(change));
          if (live.get(row.seq) === row.source_id && row.file !== null) writeFileDurably(join(sourcesDir, `${row.source_id}.md`), row.file);
          if (row.action === 'remove' && row.file !== null) {
            mkdirSync(join(target, 'removed'), { recursive: true });
            writeFileDurably(removedPathOf(target, row.source_id, new Date(row.at)), row.file);
            removed++;
          }
        }
        if (batch.length < BATCH) break;
        after = batch[batch.length - 1]?.seq ?? after;
      }
      writeFileDurably(join(target, 'changes.jsonl'), lines.map((l) => `${l}\n`).join(''));
      return { sources: live.size, removed, changes: lines.length };
    });
  }

  /**
   * Applies to the folder every change committed since the last one applied; returns the ids it changed there. A
   * change a later one supersedes (the source's row points past it) is skipped: a process that lags never writes an
   * old text over a newer one, even in a folder another process keeps up to date. A change that can never be applied
   * (its file does not match its SHA-256) is skipped and told to `trouble`, so it does not hold up the ones after it.
   * Catch-ups run one at a time.
   *
   * @example
   * await shared.catchUp() // → ['some-article'] after another process added it
   */
  catchUp(): Promise<string[]> {
    return this.queued(async () => {
      const changed: string[] = [];
      for (;;) {
        const { rows, latest } = await this.db.read(async (tx) => {
          const found = await changesAfter(tx, this.applied);
          const ids = [...new Set(found.map((r) => r.source_id))];
          const versions =
            ids.length === 0
              ? []
              : await tx.all<{ id: string; version: number }>(
                  `SELECT id, version FROM corpus_sources WHERE id IN (${ids.map(() => '?').join(', ')})`,
                  ids,
                );
          return { rows: found, latest: new Map(versions.map((v) => [v.id, Number(v.version)])) };
        });
        if (rows.length === 0) return changed;
        await withCorpusLockAsync(this.dir, () => {
          for (const row of rows) {
            const superseded = (latest.get(row.source_id) ?? row.seq) > row.seq;
            if (!superseded) {
              try {
                if (applyRecordedChange(this.dir, changeOf(row), row.file)) changed.push(row.source_id);
              } catch (error) {
                if (!(error instanceof CorpusChangeError)) throw error; // the folder: tried again at the next catch-up
                this.trouble(`change ${row.seq} of the shared corpus was skipped: ${error.message}`);
              }
            }
            this.applied = row.seq;
          }
        });
        if (rows.length < BATCH) return changed;
      }
    });
  }

  /**
   * Keeps the folder, and `live`, up with the record: catches up on every notification, after every reconnection of
   * the listener, and every `pollMs`, reloading `live` when the folder changed. Returns a function that stops.
   *
   * @example
   * const stop = shared.follow(live, { listen: corpusNotifications(url, log), onReload: (r) => logReload(logger, r) });
   */
  follow(
    live: LiveKnowledge,
    options: {
      listen?: CorpusNotifications;
      pollMs?: number;
      onReload?: (result: ReloadResult) => void;
      onTrouble?: (message: string) => void;
    } = {},
  ): () => Promise<void> {
    this.served = () => new Set(live.current().sourceById.keys());
    if (options.onTrouble) this.trouble = options.onTrouble;
    warmCorpusReader(); // the first reload does not wait for a worker thread to start
    let stopped = false;
    // the last change `live` was reloaded after: a reload follows every change applied to the folder, by this
    // catch-up, an add's or another process's on the same folder, so none waits for the next change to be served
    let reloadedAt = this.applied;
    const heard = () => {
      if (stopped) return;
      this.catchUp()
        .then(async () => {
          if (this.applied <= reloadedAt || stopped) return;
          reloadedAt = this.applied;
          options.onReload?.(await live.reload());
        })
        .catch((error: unknown) => this.trouble(`could not catch up with the shared corpus: ${(error as Error).message}`));
    };
    const stopListening = options.listen?.(heard);
    const poll = setInterval(heard, options.pollMs ?? POLL_MS);
    poll.unref();
    heard();
    return async () => {
      stopped = true;
      clearInterval(poll);
      await stopListening?.();
      await this.turn.catch(() => undefined);
      stopCorpusReader();
    };
  }

  async add(
    prepare: (addedElsewhere: readonly Source[]) => PreparedSource,
    author: ChangeAuthor,
    feedItem?: FeedItemRef,
  ): Promise<{ id: string; file: string }> {
    await this.copyCommitted(); // the duplicate check below reads the database, so a folder behind is no danger
    const id = await this.db.write(WRITE_TURN, async (tx) => {
      const served = this.served();
      const ids = (await tx.all<{ id: string; version: number }>('SELECT id, version FROM corpus_sources WHERE removed = 0')).filter(
        (r) => !served.has(r.id),
      );
      const elsewhere: Source[] = [];
      for (const { id: other, version } of ids) {
        const file = (await first<{ file: string | null }>(tx, 'SELECT file FROM corpus_changes WHERE seq = ?', [version]))?.file;
        try {
          if (file) elsewhere.push(parseSourceFile(file, `sources/${other}.md`));
        } catch (error) {
          if (!(error instanceof CorpusError)) throw error; // a damaged record, which no process serves either
        }
      }
      const prepared = prepare(elsewhere);
      const { id: newId, near_duplicate_of: repeats } = prepared.meta;
      const row = await first<SourceRow>(tx, 'SELECT id, sha256, version, removed FROM corpus_sources WHERE id = ?', [newId]);
      // a source in this folder only (not in the record yet) holds the id too
      if ((row && !row.removed) || (!row && existsSync(join(this.dir, 'sources', `${newId}.md`)))) throw idTaken(newId);
      if (repeats && !(await first(tx, 'SELECT id FROM corpus_sources WHERE id = ? AND removed = 0', [repeats])))
        throw new IngestError(`the source this article repeats, "${repeats}", was removed meanwhile: preview it again`);
      const seq = await nextSeq(tx);
      const sha256 = sha256Of(prepared.text);
      const change: CorpusChange = {
        at: new Date().toISOString(),
        action: 'add',
        id: newId,
        sha256,
        author,
        ...(feedItem ? { feedItem } : {}),
      };
      await insertChange(tx, seq, change, prepared.text);
      await upsertSource(tx, { id: newId, sha256, seq, nearDuplicateOf: repeats ?? null }, row !== undefined);
      await notify(tx, this.db, seq);
      return newId;
    });
    await this.copyCommitted();
    return { id, file: join(this.dir, 'sources', `${id}.md`) };
  }

  async remove(id: string, author: ChangeAuthor): Promise<string> {
    const at = await this.db.write(WRITE_TURN, async (tx) => {
      const row = await first<SourceRow>(tx, 'SELECT id, sha256, version, removed FROM corpus_sources WHERE id = ?', [id]);
      if (!row || row.removed) throw new CorpusChangeError(`There is no source "${id.slice(0, 100)}" in the corpus.`);
      // checked here as well as against the served corpus: another process may have just added a copy of it
      const copies = await tx.all<{ id: string }>('SELECT id FROM corpus_sources WHERE near_duplicate_of = ? AND removed = 0 ORDER BY id', [
        id,
      ]);
      if (copies.length > 0)
        throw new CorpusChangeError(
          `${copies.map((c) => `"${c.id}"`).join(', ')} ${copies.length === 1 ? 'repeats' : 'repeat'} "${id}" with small edits (near_duplicate_of): remove ${copies.length === 1 ? 'it' : 'them'} first.`,
        );
      const file = (await first<{ file: string | null }>(tx, 'SELECT file FROM corpus_changes WHERE seq = ?', [row.version]))?.file ?? null;
      const seq = await nextSeq(tx);
      const change: CorpusChange = { at: new Date().toISOString(), action: 'remove', id, sha256: row.sha256, author };
      await insertChange(tx, seq, change, file);
      await tx.all('UPDATE corpus_sources SET removed = 1, version = ? WHERE id = ?', [seq, id]);
      await notify(tx, this.db, seq);
      return change.at;
    });
    await this.copyCommitted();
    return removedPathOf(this.dir, id, new Date(at));
  }

  async reject(change: { id: string; sha256: string; author: ChangeAuthor; feedItem: FeedItemRef }): Promise<void> {
    await this.db.write(WRITE_TURN, async (tx) =>
      insertChange(tx, await nextSeq(tx), { at: new Date().toISOString(), action: 'reject', ...change }, null),
    );
  }

  /** Makes the folder a copy of the record: the record's sources written, those it removed moved out. */
  private async copyRecord(): Promise<{ written: string[]; removed: string[] }> {
    const { rows, last } = await this.db.read(async (tx) => ({
      rows: await tx.all<SourceRow>('SELECT id, sha256, version, removed FROM corpus_sources'),
      last: (await first<{ seq: number | null }>(tx, 'SELECT MAX(seq) AS seq FROM corpus_changes'))?.seq ?? 0,
    }));
    const differing = rows.filter((row) => {
      const path = join(this.dir, 'sources', `${row.id}.md`);
      const present = existsSync(path);
      if (row.removed) return present;
      return !present || sha256Of(readFileSync(path)) !== row.sha256;
    });
    const written: string[] = [];
    const removed: string[] = [];
    for (let i = 0; i < differing.length; i += BATCH) {
      const batch = differing.slice(i, i + BATCH);
      const changes = await this.db.read((tx) =>
        tx.all<ChangeRow>(
          `SELECT ${CHANGE_COLUMNS} FROM corpus_changes WHERE seq IN (${batch.map(() => '?').join(', ')})`,
          batch.map((r) => r.version),
        ),
      );
      await withCorpusLockAsync(this.dir, () => {
        for (const row of changes) {
          try {
            if (applyRecordedChange(this.dir, changeOf(row), row.file)) (row.action === 'remove' ? removed : written).push(row.source_id);
          } catch (error) {
            if (!(error instanceof CorpusChangeError)) throw error;
            this.trouble(`change ${row.seq} of the shared corpus was skipped: ${error.message}`);
          }
        }
      });
    }
    this.applied = Math.max(this.applied, Number(last));
    return { written, removed };
  }

  /**
   * Copies what was committed into this folder, after a commit and before a write. The changes are made for everyone
   * already, so a folder that cannot take them now (not writable, its lock held too long) is told to `trouble`, not to
   * the moderator; the next catch-up applies them.
   */
  private async copyCommitted(): Promise<void> {
    try {
      await this.catchUp();
    } catch (error) {
      this.trouble(`changes committed to the shared corpus are not yet copied into ${this.dir}: ${(error as Error).message}`);
    }
  }

  private queued<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work);
    this.turn = run.catch(() => undefined);
    return run;
  }
}

/** The next BATCH changes after change `seq`, oldest first: how the log is read, a batch at a time. */
function changesAfter(tx: SqlSession, seq: number): Promise<ChangeRow[]> {
  return tx.all<ChangeRow>(`SELECT ${CHANGE_COLUMNS} FROM corpus_changes WHERE seq > ? ORDER BY seq LIMIT ${BATCH}`, [seq]);
}

/** The next change's number: taken during the write turn, so numbers are given in commit order. */
async function nextSeq(tx: SqlSession): Promise<number> {
  return Number((await first<{ seq: number }>(tx, 'SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM corpus_changes'))?.seq ?? 1);
}

async function insertChange(tx: SqlSession, seq: number, change: CorpusChange, file: string | null): Promise<void> {
  await tx.all(`INSERT INTO corpus_changes (${CHANGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
    seq,
    change.at,
    change.action,
    change.id,
    change.sha256,
    JSON.stringify(change.author),
    change.feedItem ? JSON.stringify(change.feedItem) : null,
    file,
  ]);
}

async function upsertSource(
  tx: SqlSession,
  source: { id: string; sha256: string; seq: number; nearDuplicateOf: string | null },
  exists: boolean,
): Promise<void> {
  const { id, sha256, seq, nearDuplicateOf } = source;
  if (exists)
    await tx.all('UPDATE corpus_sources SET sha256 = ?, version = ?, removed = 0, near_duplicate_of = ? WHERE id = ?', [
      sha256,
      seq,
      nearDuplicateOf,
      id,
    ]);
  else
    await tx.all('INSERT INTO corpus_sources (id, sha256, version, removed, near_duplicate_of) VALUES (?, ?, ?, 0, ?)', [
      id,
      sha256,
      seq,
      nearDuplicateOf,
    ]);
}

/** On PostgreSQL, announces the change to every listening process when the transaction commits (and only then). */
async function notify(tx: SqlSession, db: SqlDatabase, seq: number): Promise<void> {
  if (db.dialect === 'postgres') await tx.all('SELECT pg_notify(?, ?)', [CORPUS_CHANNEL, String(seq)]);
}
