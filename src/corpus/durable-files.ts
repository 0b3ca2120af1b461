/**
 * Writing files so that a crash (a `kill -9`, a power cut) never leaves half of one: the text goes to a temporary
 * dot-file in the same directory (which no corpus reader lists), is flushed to disk, and is renamed into place; then
 * the directory itself is flushed, so the new name survives too. Every writer of the corpus and of the knowledge
 * cache comes through here.
 *
 * A process killed between writing the temporary file and renaming it leaves the temporary file behind: harmless to
 * readers, but it piles up. Its name carries the writer's pid, so the next writer (`removeLeftoverTemporaries`,
 * called when a corpus is opened for writing and before a knowledge save) removes those of processes that are gone.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What a file is written from: text, bytes, or several byte chunks written one after the other (no copy joins them). */
export type FileData = string | Uint8Array | readonly Uint8Array[];

/**
 * Flushes a directory entry to disk so a file created, renamed or removed in it stays so after a crash; a no-op
 * where directories cannot be opened (some platforms).
 *
 * @example
 * renameSync('corpus/sources/a.md', 'corpus/removed/a.md'); syncDirectory('corpus/sources'); syncDirectory('corpus/removed');
 */
export function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some platforms cannot fsync a directory; the files themselves are already on disk
  }
}

/**
 * The name of a temporary file beside `file`: a dot-file ending in `.tmp`, which no corpus reader picks up.
 *
 * @example
 * temporaryBeside('corpus/sources/a.md') // → 'corpus/sources/.a.md.4242.9f3c01ab.tmp'
 */
export function temporaryBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `data` to a new temporary file beside `file` and flushes it; returns the temporary file's name. The caller
 * puts it in place (rename, or a hard link that refuses to overwrite) and removes it on failure.
 *
 * @example
 * const temp = writeFlushedTemporary('corpus/sources/a.md', text); linkSync(temp, 'corpus/sources/a.md');
 */
export function writeFlushedTemporary(file: string, data: FileData): string {
  const temp = temporaryBeside(file);
  const fd = openSync(temp, 'wx');
  try {
    for (const chunk of typeof data === 'string' ? [Buffer.from(data)] : data instanceof Uint8Array ? [data] : data) writeAll(fd, chunk);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  return temp;
}

/** Writes all of `chunk` (one `writeSync` may write less than asked). */
function writeAll(fd: number, chunk: Uint8Array): void {
  for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at, chunk.length - at);
}

/**
 * Replaces (or creates) `file` with `data`, whole or not at all: after a crash the file holds either its old
 * content or the new one, never a mixture or a truncated text.
 *
 * @example
 * writeFileDurably('corpus/.cache/knowledge-3f9c….v8', serialize(saved));
 */
export function writeFileDurably(file: string, data: FileData): void {
  const temp = writeFlushedTemporary(file, data);
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dirname(file));
}

/**
 * Moves a file to another directory of the same file system in one rename, and flushes both directories, so the
 * file is in exactly one of the two places after a crash.
 *
 * @example
 * moveDurably('corpus/sources/a.md', 'corpus/removed/a.2026-11-24T07-00-00-000Z.md');
 */
export function moveDurably(from: string, to: string): void {
  renameSync(from, to);
  syncDirectory(dirname(from));
  syncDirectory(dirname(to));
}

/** A temporary file of `temporaryBeside`: the pid of the process that wrote it is in its name. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** A temporary file this old is left over whatever its pid says (the pid may since belong to another process). */
export const LEFTOVER_AFTER_MS = 60 * 60 * 1000;

/**
 * Whether the process `pid` is running on this machine (one that exists but belongs to another user counts).
 *
 * @example
 * isRunning(process.pid) // → true
 */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When this process started (ms since the epoch): what it wrote itself is no older. */
export const PROCESS_STARTED_MS = Date.now() - process.uptime() * 1000;

/**
 * Removes the temporary files (`temporaryBeside`) in `dir` that no write in progress can own: those of a process that
 * is gone, those named with this process's pid but older than this process (an earlier process that had the same
 * pid, as a container's first process always has), and any older than LEFTOVER_AFTER_MS. A temporary file of a
 * running process — this one included: a worker thread may be writing a save — is kept. Returns the names removed;
 * a missing or unreadable directory removes nothing.
 *
 * @example
 * removeLeftoverTemporaries('corpus/sources') // → ['.2024-07-31-ferry-crews.md.48213.9f3c01ab.tmp'] after a kill -9
 */
export function removeLeftoverTemporaries(dir: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[1] ?? NaN);
    if (Number.isNaN(pid)) continue;
    const file = join(dir, name);
    try {
      const { mtimeMs } = statSync(file);
      const gone = pid === process.pid ? mtimeMs < PROCESS_STARTED_MS - 1000 : !isRunning(pid);
      const leftover = gone || now - mtimeMs > LEFTOVER_AFTER_MS;
      if (!leftover) continue;
      rmSync(file, { force: true });
      removed.push(name);
    } catch {
      // gone meanwhile, or not ours to remove: the next writer tries again
    }
  }
  if (removed.length > 0) syncDirectory(dir);
  return removed;
}
