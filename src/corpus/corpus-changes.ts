/**
 * Who changed the corpus, and when. Every source added or removed through the bot or `npm run ingest` is one JSON line
 * in `<corpus>/changes.jsonl` (append-only, flushed to disk before the change is acknowledged). A removed source is
 * moved to `<corpus>/removed/`, never deleted, so nothing a moderator does loses text.
 *
 * Writers of the corpus — `/source-admin` in the bot and any number of `npm run ingest` runs — take the corpus lock
 * (`withCorpusLock`: a file `<corpus>/.write.lock` created with O_EXCL) around "check for duplicates → write the source
 * → record the change", so two processes adding the same article under two titles cannot both pass the duplicate
 * check: the second sees the first's file. A lock whose owner is gone (pid no longer running) or that is older than
 * STALE_LOCK_MS is taken over.
 *
 * A process killed mid-change leaves traces the next writer clears when it takes the lock (`openForWriting`):
 * - a torn last line in changes.jsonl: the next record starts on a line of its own, and readers skip the torn one
 *   with a warning;
 * - temporary files of unfinished writes (`removeLeftoverTemporaries`);
 * - a source file written but never recorded: recorded as `found` (author `unknown`, the sha256 of the file as found).
 *   The same goes for a source put in `sources/` by hand or by git, so every source in the corpus has a record: a
 *   source counts as recorded when the latest record for its id is an `add` or a `found`.
 *
 * @example
 * removeSource('corpus', 'some-article', { by: 'discord', user: '1234…', guild: '5678…' });
 * // sources/some-article.md → removed/some-article.2026-11-23T22-40-00Z.md, and a line in changes.jsonl
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { isRunning, moveDurably, PROCESS_STARTED_MS, removeLeftoverTemporaries, syncDirectory, writeFileDurably } from './durable-files.ts';
import { UserError } from '../errors/user-error.ts';
import { sourceFileNames } from './load-corpus.ts';
import { SOURCE_ID } from './source-schema.ts';

/**
 * Who made a change: a member on Discord, someone at the command line, or a trusted feed a server follows (its
 * relevant items are added without review).
 */
export type ChangeAuthor = { by: 'discord'; user: string; guild: string } | { by: 'command line' } | { by: 'feed'; feed: string; guild: string };

export interface CorpusChange {
  at: string;
  /**
   * `found`: a source in `sources/` that no record added (see the module comment). `reject`: a moderator turned down
   * a followed feed's item; `id` is the id it would have had, and nothing was written.
   */
  action: 'add' | 'remove' | 'found' | 'reject';
  id: string;
  /** SHA-256 of the source file as added, removed or found. */
  sha256: string;
  /** Who made it; `unknown` for a source found without a record. */
  author: ChangeAuthor | { by: 'unknown' };
  /** The followed feed's item the change came from: the feed, and the article's address. */
  feedItem?: { feed: string; link: string };
}

/** A change the corpus refuses; the message is for the moderator (a UserError: a member reads it as it is). */
export class CorpusChangeError extends UserError {
  override name = 'CorpusChangeError';
}

export const CHANGES_FILE = 'changes.jsonl';
/** The corpus lock, a dot-file (which corpus readers and the watcher ignore) in the corpus directory. */
export const LOCK_FILE = '.write.lock';
/** A lock held this long is stale whoever holds it: a change takes well under a second. */
export const STALE_LOCK_MS = 60_000;
/** How long a writer waits for the lock before giving up with a CorpusChangeError. */
export const LOCK_WAIT_MS = 30_000;

/**
 * Appends one change and flushes it to disk. It starts a line of its own: when the file does not end with a newline
 * (a torn last line after a crash), one is written first, so the torn line stays alone and the new record whole.
 */
export function recordChange(dir: string, change: Omit<CorpusChange, 'at'>, at = new Date()): CorpusChange {
  const full: CorpusChange = { at: at.toISOString(), ...change };
  const file = join(dir, CHANGES_FILE);
  const created = !existsSync(file);
  const fd = openSync(file, 'a+');
  try {
    const size = fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const torn = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
    writeSync(fd, `${torn ? '\n' : ''}${JSON.stringify(full)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (created) syncDirectory(dir); // the new file's name must survive a crash too
  return full;
}

const isChange = (value: unknown): value is CorpusChange => {
  const c = value as CorpusChange;
  return typeof c === 'object' && c !== null && typeof c.id === 'string' && ['add', 'remove', 'found', 'reject'].includes(c.action);
};

/**
 * Every recorded change, oldest first. A line that is not a change (a torn line after a crash) is skipped and
 * `warn` hears which; the lines after it are read as usual.
 *
 * @example
 * readChanges('corpus') // → [{ at: '2026-11-23T22:40:00.000Z', action: 'add', id: 'some-article', … }, …]
 */
export function readChanges(dir: string, warn: (message: string) => void = (m) => console.warn(m)): CorpusChange[] {
  const file = join(dir, CHANGES_FILE);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, n) => {
      if (line.trim() === '') return [];
      try {
        const change: unknown = JSON.parse(line);
        if (isChange(change)) return [change];
      } catch {
        // reported below
      }
      warn(`${file}: line ${n + 1} is not a change (a record torn by a crash?), skipped: ${line.slice(0, 80)}`);
      return [];
    });
}

export function sha256Of(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Takes a source out of the corpus: its file moves to `removed/` (one rename, so the corpus never sees half a
 * change) and the change is recorded, under the corpus lock. Returns where the file went.
 */
export function removeSource(dir: string, id: string, author: ChangeAuthor, at = new Date()): string {
  if (!SOURCE_ID.test(id)) throw new CorpusChangeError(`"${id.slice(0, 100)}" is not a source id.`);
  return withCorpusLock(dir, () => {
    const file = join(dir, 'sources', `${id}.md`);
    if (!existsSync(file)) throw new CorpusChangeError(`There is no source "${id}" in the corpus.`);
    const sha256 = sha256Of(readFileSync(file));
    const target = removedPathOf(dir, id, at);
    mkdirSync(join(dir, 'removed'), { recursive: true });
    moveDurably(file, target);
    recordChange(dir, { action: 'remove', id, sha256, author }, at);
    return target;
  });
}

/**
 * Where a source taken out at `at` is kept: `removed/<id>.<time>.md`.
 *
 * @example
 * removedPathOf('corpus', 'some-article', new Date('2026-11-23T22:40:00Z')) // → 'corpus/removed/some-article.2026-11-23T22-40-00-000Z.md'
 */
export function removedPathOf(dir: string, id: string, at: Date): string {
  return join(dir, 'removed', `${id}.${at.toISOString().replace(/[:.]/g, '-')}.md`);
}

/** `removedPathOf`, or the same name with `.2`, `.3`, … before `.md` when a text is kept there already: none is overwritten. */
function freeRemovedPath(dir: string, id: string, at: Date): string {
  const first = removedPathOf(dir, id, at);
  let path = first;
  for (let n = 2; existsSync(path); n++) path = first.replace(/\.md$/, `.${n}.md`);
  return path;
}

/**
 * Makes the corpus folder show a change recorded elsewhere — in the database of a corpus several processes share
 * (src/serving/shared-corpus.ts) —: the source file written (`add`, `found`) or moved to `removed/` (`remove`), and
 * the change appended to changes.jsonl as it was recorded. A folder that shows the change already is left alone, so
 * applying a change twice (a catch-up after a reconnect) changes nothing. A text the change replaces is kept in
 * `removed/` first (never over another kept text), and the new one renamed over it, so no text is lost and the source
 * is never missing. A `reject` writes nothing to a folder. Call it
 * holding the corpus lock. Returns whether the folder changed.
 *
 * @example
 * applyRecordedChange('corpus', { at, action: 'add', id: 'some-article', sha256, author }, fileText) // → true, then false
 */
export function applyRecordedChange(dir: string, change: CorpusChange, file: string | null): boolean {
  if (!SOURCE_ID.test(change.id)) throw new CorpusChangeError(`"${change.id.slice(0, 100)}" is not a source id.`);
  if (change.action === 'reject') return false;
  const path = join(dir, 'sources', `${change.id}.md`);
  const at = new Date(change.at);
  const { at: _at, ...recorded } = change;
  const current = existsSync(path) ? sha256Of(readFileSync(path)) : null;
  if (change.action === 'remove') {
    if (current === null) return false;
    mkdirSync(join(dir, 'removed'), { recursive: true });
    moveDurably(path, freeRemovedPath(dir, change.id, at));
    recordChange(dir, recorded, at);
    return true;
  }
  if (current === change.sha256) return false;
  if (file === null || sha256Of(file) !== change.sha256)
    throw new CorpusChangeError(`The record of "${change.id}" holds no file with the SHA-256 it names, so it was not applied.`);
  if (current !== null) {
    // the text replaced is kept first; the new one then takes its place in one rename, so the source never goes missing
    mkdirSync(join(dir, 'removed'), { recursive: true });
    writeFileDurably(freeRemovedPath(dir, change.id, at), readFileSync(path));
  }
  mkdirSync(join(dir, 'sources'), { recursive: true });
  writeFileDurably(path, file);
  recordChange(dir, recorded, at);
  return true;
}

/** A torn line stays in changes.jsonl (it is append-only): a process says so once, not at every change. */
const warned = new Set<string>();
const warnOnce = (message: string) => {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
};

/** What `openForWriting` cleared up. */
export interface OpenedForWriting {
  /** Temporary files of writes that never finished, removed (names, in the folder they were in). */
  temporaries: string[];
  /** Sources that had no record, recorded as found (ids). */
  found: string[];
}

/**
 * Clears what a writer killed mid-change left: its temporary files (in `sources/`, `.cache/` and the corpus folder)
 * and sources written without a record (recorded as `found`). Run by `withCorpusLock` whenever it takes the lock,
 * and by the bot's corpus editor at start; call it holding the lock.
 *
 * @example
 * openForWriting('corpus') // → { temporaries: ['.a.md.4242.9f3c01ab.tmp'], found: ['a'] } after a kill -9
 */
export function openForWriting(dir: string, at = new Date()): OpenedForWriting {
  const temporaries = [dir, join(dir, 'sources'), join(dir, '.cache')].flatMap((d) => removeLeftoverTemporaries(d));
  const sourcesDir = join(dir, 'sources');
  const latest = new Map<string, CorpusChange['action']>();
  for (const change of readChanges(dir, warnOnce)) if (change.action !== 'reject') latest.set(change.id, change.action);
  const found: string[] = [];
  for (const name of existsSync(sourcesDir) ? sourceFileNames(sourcesDir) : []) {
    const id = name.slice(0, -'.md'.length);
    const action = latest.get(id);
    if (action === 'add' || action === 'found') continue;
    let sha256: string;
    try {
      sha256 = sha256Of(readFileSync(join(sourcesDir, name)));
    } catch {
      continue; // gone meanwhile (removed by hand): nothing to record
    }
    recordChange(dir, { action: 'found', id, sha256, author: { by: 'unknown' } }, at);
    found.push(id);
  }
  return { temporaries, found };
}

/** What a lock file says: who holds it, since when, and a nonce telling this holding from any other. */
interface LockOwner {
  pid: number;
  host: string;
  at: number;
  nonce: string;
}

/** Locks this process holds, by corpus directory, and how deeply (a holder may call another function that locks). */
const held = new Map<string, { depth: number; nonce: string }>();

/**
 * A stale lock: older than STALE_LOCK_MS, or taken on this machine by a process that is gone — or with this
 * process's pid before this process started (an earlier process with the same pid, as a container's first process
 * always has). A lock file that says nothing is stale after a few seconds (its writer was killed before writing it).
 */
function isStale(owner: LockOwner | null, mtimeMs: number, now: number): boolean {
  if (owner === null) return now - mtimeMs > 5_000;
  if (now - owner.at > STALE_LOCK_MS) return true;
  if (owner.host !== hostname()) return false;
  return owner.pid === process.pid ? owner.at < PROCESS_STARTED_MS - 1000 : !isRunning(owner.pid);
}

function readOwner(lock: string): { owner: LockOwner | null; text: string; mtimeMs: number } | null {
  try {
    const text = readFileSync(lock, 'utf8');
    const mtimeMs = statSync(lock).mtimeMs;
    try {
      const owner = JSON.parse(text) as LockOwner;
      return { owner: typeof owner?.pid === 'number' && typeof owner.at === 'number' ? owner : null, text, mtimeMs };
    } catch {
      return { owner: null, text, mtimeMs };
    }
  } catch {
    return null; // released meanwhile
  }
}

/**
 * One attempt at the lock: true when this process now holds it. A stale lock is moved aside (one rename, so of
 * several writers that find it stale only one moves it) and the move is checked to have taken the stale lock itself;
 * a fresh lock moved by mistake (its holder released it and another took it in between) is put back.
 */
function tryLock(dir: string): LockOwner | null {
  const lock = join(dir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), at: Date.now(), nonce: randomBytes(8).toString('hex') };
  mkdirSync(dir, { recursive: true }); // the first writer of a new corpus creates its folder
  try {
    const fd = openSync(lock, 'wx');
    try {
      writeSync(fd, JSON.stringify(owner));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return owner;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const current = readOwner(lock);
  if (current === null || !isStale(current.owner, current.mtimeMs, Date.now())) return null;
  const aside = join(dir, `${LOCK_FILE}.${process.pid}.${owner.nonce}.stale`);
  try {
    renameSync(lock, aside);
  } catch {
    return null; // another writer moved it first
  }
  if (readFileSync(aside, 'utf8') !== current.text) {
    try {
      linkSync(aside, lock); // not the stale lock: give it back (fails only if yet another writer locked meanwhile)
    } catch {
      // the holder finds its lock gone at release; the changes themselves are each one whole write
    }
  }
  rmSync(aside, { force: true });
  return null; // try again: the lock is free now, or held afresh
}

function release(dir: string, nonce: string): void {
  const lock = join(dir, LOCK_FILE);
  const current = readOwner(lock);
  // a lock taken over as stale (this process held it past STALE_LOCK_MS) is someone else's now: leave it
  if (current?.owner?.nonce === nonce) rmSync(lock, { force: true });
}

/** Sleeps the thread (the lock is waited for synchronously: a change is a few milliseconds of file writes). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function busy(dir: string): CorpusChangeError {
  const owner = readOwner(join(dir, LOCK_FILE))?.owner;
  // no host name: the message reaches moderators on Discord too
  const who = owner ? `process ${owner.pid}, since ${new Date(owner.at).toISOString()}` : 'another process';
  return new CorpusChangeError(`The corpus is being changed by another writer (${who}); nothing was changed: try again in a moment.`);
}

function enter(key: string, dir: string, owner: LockOwner): OpenedForWriting | null {
  held.set(key, { depth: 1, nonce: owner.nonce });
  try {
    return openForWriting(dir);
  } catch {
    return null; // a corpus folder it cannot tidy (read-only parts): the change itself will say what is wrong
  }
}

function leave<T>(key: string, dir: string, run: () => T): T {
  const mine = held.get(key);
  if (!mine) throw new Error('the corpus lock is not held');
  try {
    return run();
  } finally {
    if (--mine.depth === 0) {
      held.delete(key);
      release(dir, mine.nonce);
    }
  }
}

/**
 * Runs `change` holding the corpus lock of `dir`, waiting up to `waitMs` for another writer to finish (then throws
 * CorpusChangeError, for the moderator). Taking the lock tidies up after killed writers (`openForWriting`). Re-entrant
 * within a process; `change` must be synchronous, so that no other change of this process runs inside it.
 *
 * @example
 * withCorpusLock('corpus', () => { refuseDuplicates(); writeSource(prepared, 'corpus'); recordChange('corpus', …); });
 */
export function withCorpusLock<T>(dir: string, change: () => T, waitMs = LOCK_WAIT_MS): T {
  const key = resolve(dir);
  const mine = held.get(key);
  if (mine) {
    mine.depth++;
    return leave(key, dir, change);
  }
  const until = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    const owner = tryLock(dir);
    if (owner) {
      enter(key, dir, owner);
      return leave(key, dir, change);
    }
    if (Date.now() >= until) throw busy(dir);
    pause(Math.min(10 * 2 ** Math.min(attempt, 4), 100) + Math.random() * 10);
  }
}

/**
 * Opens a corpus for writing at a writer's start: takes the lock if no other writer holds it, clears up what killed
 * writers left (`openForWriting`) and lets go. Returns what was cleared, or null when another writer holds the lock
 * (it clears up itself).
 *
 * @example
 * openCorpusForWriting('corpus') // → { temporaries: [], found: [] } on a tidy corpus
 */
export function openCorpusForWriting(dir: string): OpenedForWriting | null {
  const key = resolve(dir);
  if (held.has(key)) return openForWriting(dir);
  const owner = tryLock(dir);
  if (!owner) return null;
  const opened = enter(key, dir, owner);
  return leave(key, dir, () => opened);
}

/**
 * `withCorpusLock` for a server: waits for the lock without blocking the event loop, then runs `change` (synchronous)
 * holding it.
 *
 * @example
 * const file = await withCorpusLockAsync(dir, () => writeSource(prepared, dir));
 */
export async function withCorpusLockAsync<T>(dir: string, change: () => T, waitMs = LOCK_WAIT_MS): Promise<T> {
  const key = resolve(dir);
  const until = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    if (held.has(key)) return withCorpusLock(dir, change, 0);
    const owner = tryLock(dir);
    if (owner) {
      enter(key, dir, owner);
      return leave(key, dir, change);
    }
    if (Date.now() >= until) throw busy(dir);
    await new Promise((done) => setTimeout(done, Math.min(10 * 2 ** Math.min(attempt, 4), 100) + Math.random() * 10));
  }
}
