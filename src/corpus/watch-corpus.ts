/**
 * Notices changes to a corpus directory — a source added, edited, renamed or removed, `entities.yaml` edited — and
 * calls back once per burst of changes. File-system events (inotify on Linux) give speed; a slow poll of the files'
 * names, sizes and modification times is the safety net where events are not delivered (network mounts, some
 * containers). Temporary files (dot-files, `*.partial`) are ignored: writers rename a finished file into place.
 *
 * @example
 * const watcher = watchCorpus('corpus', () => reload(), { debounceMs: 250 });
 * watcher.close();
 */
import { type FSWatcher, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { sourceFileNames } from './load-corpus.ts';

export interface CorpusWatcher {
  close(): void;
}

/** Names, sizes and modification times of what a corpus load reads: equal signatures mean nothing to reload. */
export function corpusSignature(dir: string): string {
  const entries: string[] = [];
  const add = (file: string, label: string) => {
    try {
      const s = statSync(file);
      entries.push(`${label}:${s.size}:${s.mtimeMs}`);
    } catch {
      // gone between listing and stat: the next signature will tell
    }
  };
  add(join(dir, 'entities.yaml'), 'entities.yaml');
  let names: string[] = [];
  try {
    names = sourceFileNames(join(dir, 'sources'));
  } catch {
    entries.push('no sources directory');
  }
  for (const name of names) add(join(dir, 'sources', name), name);
  return entries.join('\n');
}

const relevant = (name: string | null) => name === null || (!name.startsWith('.') && (name.endsWith('.md') || name === 'entities.yaml' || name === 'sources'));

export function watchCorpus(dir: string, onChange: () => void, options: { debounceMs?: number; pollMs?: number } = {}): CorpusWatcher {
  const debounceMs = options.debounceMs ?? 250;
  let signature = corpusSignature(dir);
  let timer: NodeJS.Timeout | null = null;
  const check = () => {
    timer = null;
    const next = corpusSignature(dir);
    if (next === signature) return;
    signature = next;
    onChange();
  };
  const soon = (name: string | null) => {
    if (!relevant(name)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(check, debounceMs);
    timer.unref();
  };
  const watchers: FSWatcher[] = [];
  for (const target of [dir, join(dir, 'sources')]) {
    try {
      const w = watch(target, { persistent: false }, (_event, name) => soon(name === null ? null : String(name)));
      w.on('error', () => w.close()); // a removed directory: the poll carries on
      watchers.push(w);
    } catch {
      // no events here (missing directory, unsupported file system): the poll covers it
    }
  }
  const poll = setInterval(check, options.pollMs ?? 5000);
  poll.unref();
  return {
    close() {
      for (const w of watchers) w.close();
      clearInterval(poll);
      if (timer) clearTimeout(timer);
    },
  };
}
