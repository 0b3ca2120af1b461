/**
 * Who changed the corpus, and when. Every source added or removed through the bot is one JSON line in
 * `<corpus>/changes.jsonl` (append-only, flushed to disk before the change is acknowledged). A removed source is
 * moved to `<corpus>/removed/`, never deleted, so nothing a moderator does loses text.
 *
 * @example
 * removeSource('corpus', 'some-article', { by: 'discord', user: '1234…', guild: '5678…' });
 * // sources/some-article.md → removed/some-article.2026-11-23T22-40-00Z.md, and a line in changes.jsonl
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { moveDurably, syncDirectory } from './durable-files.ts';
import { SOURCE_ID } from './source-schema.ts';

/** Who made a change: a member on Discord, or someone at the command line. */
export type ChangeAuthor = { by: 'discord'; user: string; guild: string } | { by: 'command line' };

export interface CorpusChange {
  at: string;
  action: 'add' | 'remove';
  id: string;
  /** SHA-256 of the source file as added or removed. */
  sha256: string;
  author: ChangeAuthor;
}

/** A change the corpus refuses; the message is for the moderator. */
export class CorpusChangeError extends Error {
  override name = 'CorpusChangeError';
}

export const CHANGES_FILE = 'changes.jsonl';

/** Appends one change and flushes it to disk (a torn last line after a crash is skipped by readChanges). */
export function recordChange(dir: string, change: Omit<CorpusChange, 'at'>, at = new Date()): CorpusChange {
  const full: CorpusChange = { at: at.toISOString(), ...change };
  const file = join(dir, CHANGES_FILE);
  const created = !existsSync(file);
  const fd = openSync(file, 'a');
  try {
    writeSync(fd, `${JSON.stringify(full)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (created) syncDirectory(dir); // the new file's name must survive a crash too
  return full;
}

/** Every recorded change, oldest first; lines that do not parse (a torn last line after a crash) are skipped. */
export function readChanges(dir: string): CorpusChange[] {
  const file = join(dir, CHANGES_FILE);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        return line.trim() === '' ? [] : [JSON.parse(line) as CorpusChange];
      } catch {
        return [];
      }
    });
}

export function sha256Of(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Takes a source out of the corpus: its file moves to `removed/` (one rename, so the corpus never sees half a
 * change) and the change is recorded. Returns where the file went.
 */
export function removeSource(dir: string, id: string, author: ChangeAuthor, at = new Date()): string {
  if (!SOURCE_ID.test(id)) throw new CorpusChangeError(`"${id.slice(0, 100)}" is not a source id.`);
  const file = join(dir, 'sources', `${id}.md`);
  if (!existsSync(file)) throw new CorpusChangeError(`There is no source "${id}" in the corpus.`);
  const sha256 = sha256Of(readFileSync(file));
  const removedDir = join(dir, 'removed');
  mkdirSync(removedDir, { recursive: true });
  const target = join(removedDir, `${id}.${at.toISOString().replace(/[:.]/g, '-')}.md`);
  moveDurably(file, target);
  recordChange(dir, { action: 'remove', id, sha256, author }, at);
  return target;
}
