/**
 * Writing files so that a crash (a `kill -9`, a power cut) never leaves half of one: the text goes to a temporary
 * dot-file in the same directory (which no corpus reader lists), is flushed to disk, and is renamed into place; then
 * the directory itself is flushed, so the new name survives too. Every writer of the corpus and of the knowledge
 * cache comes through here.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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
export function writeFlushedTemporary(file: string, data: string | Uint8Array): string {
  const temp = temporaryBeside(file);
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  return temp;
}

/**
 * Replaces (or creates) `file` with `data`, whole or not at all: after a crash the file holds either its old
 * content or the new one, never a mixture or a truncated text.
 *
 * @example
 * writeFileDurably('corpus/.cache/knowledge-3f9c….v8', serialize(saved));
 */
export function writeFileDurably(file: string, data: string | Uint8Array): void {
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
