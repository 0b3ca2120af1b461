/**
 * What a writer killed mid-change leaves in the corpus, and what the next writer makes of it. Each case was found by
 * an outside attack: a record appended after a torn last line of `changes.jsonl` was glued onto it and both were lost;
 * `kill -9` left temporary files and sources with no record of their adding; two processes writing at once raced past
 * each other's duplicate check. Here each trace is made as a crash makes it, and the next writer must clear it: a
 * record starts a line of its own, an unreadable line is skipped with a warning (the rest read), leftover temporary
 * files go, an unrecorded source is recorded as `found`, and a lock left by a dead or stuck writer is taken over.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyRecordedChange, CHANGES_FILE, CorpusChangeError, LOCK_FILE, openCorpusForWriting, readChanges, recordChange, removeSource, sha256Of, STALE_LOCK_MS, withCorpusLock, withCorpusLockAsync,
} from '../../src/corpus/corpus-changes.ts';
import { CorpusEditor } from '../../src/serving/corpus-editor.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { emptyCorpus, scratchCorpus, testArticle } from '../helpers/corpus.ts';

const author = { by: 'command line' } as const;
const BUNDLED = ['ap-how-the-hostage-deal-came-about', 'cnn-retold-blinken-warns-qatar', 'deal-account-2023-11-22', 'nyt-retold-qatar-role-in-raanan-release', 'raanans-freed-2023-10-20'];

/** A pid no process has: that of a process that has just ended. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  return Number(pid);
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A running process of another pid, stopped after each test. */
function otherProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

/**
 * Runs `code` (an ES module importing this repository's sources) in a child process under tsx, resolves once it prints
 * `ready`, and leaves it running for the test to kill.
 */
function childReady(code: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'pipe'], cwd: resolve('.') });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((done, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready')) done(child);
    });
    child.on('exit', (code) => fail(new Error(`the child ended (${code}) before it was ready: ${err}`)));
  });
}

const killed = (child: ChildProcess) => new Promise<void>((done) => {
  child.on('exit', () => done());
  child.kill('SIGKILL');
});

const lockOf = (pid: number, at = Date.now()) => JSON.stringify({ pid, host: hostname(), at, nonce: 'feedface' });

describe('changes.jsonl after a crash', () => {
  it('starts a new record on its own line after a torn last line, and reads on past it with a warning', () => {
    const dir = emptyCorpus();
    recordChange(dir, { action: 'add', id: 'first', sha256: 'a'.repeat(64), author });
    writeFileSync(join(dir, CHANGES_FILE), `${readFileSync(join(dir, CHANGES_FILE), 'utf8')}{"at":"2026-02-23T10:00:00.000Z","action":"add","id":"to`);
    recordChange(dir, { action: 'add', id: 'after-the-crash', sha256: 'b'.repeat(64), author });
    recordChange(dir, { action: 'remove', id: 'first', sha256: 'a'.repeat(64), author });
    const warnings: string[] = [];
    expect(readChanges(dir, (m) => warnings.push(m)).map((c) => `${c.action} ${c.id}`)).toEqual(['add first', 'add after-the-crash', 'remove first']);
    expect(warnings).toEqual([expect.stringMatching(/changes\.jsonl: line 2 is not a change .*skipped: \{"at":"2026-02-23T10:00:00\.000Z","action":"add","id":"to$/)]);
  });

  it('skips a line that is JSON but not a change, and any garbage, without losing what follows', () => {
    const dir = emptyCorpus();
    writeFileSync(join(dir, CHANGES_FILE), '["not", "a change"]\n\u0000\u0000\u0000\n');
    recordChange(dir, { action: 'add', id: 'kept', sha256: 'c'.repeat(64), author });
    const warnings: string[] = [];
    expect(readChanges(dir, (m) => warnings.push(m)).map((c) => c.id)).toEqual(['kept']);
    expect(warnings).toHaveLength(2);
  });
});

describe('opening a corpus for writing', () => {
  it('removes the temporary files of writers that are gone, and keeps those of a writer still running', () => {
    const dir = scratchCorpus();
    mkdirSync(join(dir, '.cache'), { recursive: true });
    const dead = deadPid();
    const running = otherProcess().pid ?? 0;
    // this pid's, from before this process started: an earlier process of the same pid left it
    const earlier = join('sources', `.earlier.md.${process.pid}.a1b2c3d4.tmp`);
    const leftovers = [join('sources', `.2024-08-01-left.md.${dead}.0badcafe.tmp`), join('.cache', `.knowledge-0123456789abcdef.v8.${dead}.12345678.tmp`), earlier];
    // another running process's, and this process's own (a worker thread may be writing a save): kept
    const inProgress = [join('sources', `.2024-08-01-busy.md.${running}.9f3c01ab.tmp`), join('.cache', `.knowledge-0123456789abcdef.v8.${process.pid}.87654321.tmp`)];
    for (const f of [...leftovers, ...inProgress]) writeFileSync(join(dir, f), 'half an article');
    const beforeThisProcess = new Date(Date.now() - process.uptime() * 1000 - 60_000);
    utimesSync(join(dir, earlier), beforeThisProcess, beforeThisProcess);
    const opened = openCorpusForWriting(dir);
    expect(opened?.temporaries.sort()).toEqual(leftovers.map((f) => f.split(/[\\/]/).pop()).sort());
    for (const f of leftovers) expect(existsSync(join(dir, f))).toBe(false);
    for (const f of inProgress) expect(existsSync(join(dir, f))).toBe(true);
  });

  it('clears up after a writer killed with SIGKILL holding the lock, mid-write: its temporary file and its lock', async () => {
    const dir = emptyCorpus();
    const child = await childReady(`
      import { withCorpusLock } from './src/corpus/corpus-changes.ts';
      import { writeFlushedTemporary } from './src/corpus/durable-files.ts';
      withCorpusLock(${JSON.stringify(dir)}, () => {
        writeFlushedTemporary(${JSON.stringify(join(dir, 'sources', 'half-written.md'))}, 'an article, not yet renamed into place');
        console.log('ready');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // holds the lock until killed
      });`);
    expect(readdirSync(join(dir, 'sources')).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    await killed(child);
    const started = Date.now();
    expect(withCorpusLock(dir, () => readdirSync(join(dir, 'sources')), 2_000)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1_000); // taken over at once: its owner is gone
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, 30_000);

  it('records a source that has no record of its adding as found, once, and none that has', () => {
    const dir = scratchCorpus();
    recordChange(dir, { action: 'add', id: BUNDLED[0] ?? '', sha256: 'd'.repeat(64), author });
    // removed, then put back by hand: the latest record says removed, so it is found again
    recordChange(dir, { action: 'remove', id: BUNDLED[1] ?? '', sha256: 'e'.repeat(64), author });
    const opened = openCorpusForWriting(dir);
    expect(opened?.found.sort()).toEqual(BUNDLED.slice(1));
    const found = readChanges(dir).filter((c) => c.action === 'found');
    expect(found.map((c) => c.id).sort()).toEqual(BUNDLED.slice(1));
    const file = join(dir, 'sources', `${BUNDLED[2] ?? ''}.md`);
    expect(found.find((c) => c.id === BUNDLED[2])).toMatchObject({ author: { by: 'unknown' }, sha256: sha256Of(readFileSync(file)) });
    expect(openCorpusForWriting(dir)?.found).toEqual([]);
    expect(readChanges(dir)).toHaveLength(2 + 4);
  });

  it('records a source written by a writer killed before it recorded it, when the bot opens its editor', () => {
    const dir = scratchCorpus();
    openCorpusForWriting(dir);
    // what a kill between writing the file and recording it leaves: a source in sources/, nothing in changes.jsonl
    writeFileSync(join(dir, 'sources', 'lighthouse.md'), testArticle('lighthouse', 'The lighthouse keepers of Zanzibar met the mediators on Tuesday.'));
    new CorpusEditor(LiveKnowledge.open(dir));
    expect(readChanges(dir).filter((c) => c.id === 'lighthouse')).toEqual([expect.objectContaining({ action: 'found', author: { by: 'unknown' } })]);
  });
});

describe('the corpus lock', () => {
  it('is waited for while another running process holds it, and refused with a message after the wait', async () => {
    const dir = emptyCorpus();
    const holder = otherProcess().pid ?? 0;
    writeFileSync(join(dir, LOCK_FILE), lockOf(holder));
    let ran = false;
    expect(() => withCorpusLock(dir, () => (ran = true), 300)).toThrow(CorpusChangeError);
    expect(() => withCorpusLock(dir, () => (ran = true), 300)).toThrow(new RegExp(`being changed by another writer \\(process ${holder}, since `));
    await expect(withCorpusLockAsync(dir, () => (ran = true), 300)).rejects.toThrow(CorpusChangeError);
    expect(ran).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: holder });
  });

  it('is taken over when its owner is gone, older than STALE_LOCK_MS, an earlier process of this pid, or empty for a while', () => {
    const dir = emptyCorpus();
    const lock = join(dir, LOCK_FILE);
    const stale = [lockOf(deadPid()), lockOf(otherProcess().pid ?? 0, Date.now() - STALE_LOCK_MS - 1_000), lockOf(process.pid, Date.now() - process.uptime() * 1000 - 5_000), ''];
    for (const text of stale) {
      writeFileSync(lock, text);
      if (text === '') utimesSync(lock, new Date(Date.now() - 10_000), new Date(Date.now() - 10_000));
      expect(withCorpusLock(dir, () => JSON.parse(readFileSync(lock, 'utf8')) as { pid: number }, 2_000).pid).toBe(process.pid);
      expect(existsSync(lock)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.startsWith(LOCK_FILE))).toEqual([]);
    }
  });

  it('is re-entrant within a process, and released after a change that throws', () => {
    const dir = scratchCorpus();
    const target = withCorpusLock(dir, () => removeSource(dir, BUNDLED[4] ?? '', author));
    expect(existsSync(target)).toBe(true);
    expect(() => withCorpusLock(dir, () => removeSource(dir, 'no-such-source', author))).toThrow(/no source "no-such-source"/);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(readChanges(dir).at(-1)).toMatchObject({ action: 'remove', id: BUNDLED[4] });
  });
});

describe('a change recorded elsewhere, applied to a folder (the shared corpus keeping its copies)', () => {
  const at = '2025-02-20T10:00:00.000Z';
  const text = testArticle('harbour-talks', 'Mediators met in the harbour town on Thursday.');
  const author = { by: 'discord', user: '610000000000000061', guild: '222222222222222222' } as const;

  it('writes the file and the change line once: applying it again changes nothing', () => {
    const dir = emptyCorpus();
    const change = { at, action: 'add', id: 'harbour-talks', sha256: sha256Of(text), author } as const;
    expect(applyRecordedChange(dir, change, text)).toBe(true);
    expect(readFileSync(join(dir, 'sources', 'harbour-talks.md'), 'utf8')).toBe(text);
    expect(applyRecordedChange(dir, change, text)).toBe(false);
    expect(readChanges(dir)).toEqual([change]);
  });

  it('a new text moves the old one to removed/ first; a removal moves the file out; nothing is lost', () => {
    const dir = emptyCorpus();
    writeFileSync(join(dir, 'sources', 'harbour-talks.md'), `${text}\nA line only this folder had.\n`);
    expect(applyRecordedChange(dir, { at, action: 'found', id: 'harbour-talks', sha256: sha256Of(text), author: { by: 'unknown' } }, text)).toBe(true);
    const kept = readdirSync(join(dir, 'removed'));
    expect(kept).toEqual(['harbour-talks.2025-02-20T10-00-00-000Z.md']);
    expect(readFileSync(join(dir, 'removed', kept[0] ?? ''), 'utf8')).toContain('A line only this folder had.');
    const removal = { at: '2025-02-21T09:00:00.000Z', action: 'remove', id: 'harbour-talks', sha256: sha256Of(text), author } as const;
    expect(applyRecordedChange(dir, removal, text)).toBe(true);
    expect(existsSync(join(dir, 'sources', 'harbour-talks.md'))).toBe(false);
    expect(readdirSync(join(dir, 'removed'))).toHaveLength(2);
    expect(applyRecordedChange(dir, removal, text)).toBe(false);
    // a reject writes nothing to a folder
    expect(applyRecordedChange(dir, { ...removal, action: 'reject', feedItem: { feed: 'https://a.example/rss', link: 'https://a.example/1' } }, null)).toBe(false);
    expect(readChanges(dir).map((c) => c.action)).toEqual(['found', 'remove']);
  });

  it('refuses a record whose file does not match its SHA-256, and an id that is not a source id', () => {
    const dir = emptyCorpus();
    expect(() => applyRecordedChange(dir, { at, action: 'add', id: 'harbour-talks', sha256: sha256Of('other'), author }, text)).toThrow(
      CorpusChangeError,
    );
    expect(() => applyRecordedChange(dir, { at, action: 'add', id: '../escape', sha256: sha256Of(text), author }, text)).toThrow(/is not a source id/);
    expect(readdirSync(join(dir, 'sources'))).toEqual([]);
  });
});
