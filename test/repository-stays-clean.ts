/**
 * Vitest's global setup: the test suite leaves nothing in the repository. Before the run it notes what
 * `git status --porcelain --ignored` shows (untracked and ignored files included; node_modules and the build's dist
 * aside, as `npm ci` writes both) and points
 * DATA_DIR and CORPUS_DIR, for every bot process a test starts without saying otherwise, at temporary folders (a copy
 * of the bundled corpus, with its saved knowledge when there is one, so starts stay fast). After the run the same
 * status must show nothing new: a test that wrote `data/faq.sqlite3`, `corpus/.cache/` or any other file fails the
 * run, naming the paths.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What git sees in the work tree (null outside a git checkout, where there is nothing to compare). */
function status(): Set<string> | null {
  try {
    const out = execFileSync('git', ['status', '--porcelain', '--ignored', '--untracked-files=all'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return new Set(out.split('\n').filter((line) => line !== '' && !/^.. (?:node_modules|dist)\//.test(line)));
  } catch {
    return null;
  }
}

/**
 * @example
 * // vitest.config.ts
 * test: { globalSetup: ['test/repository-stays-clean.ts'] }
 */
export default function setup(): () => void {
  const before = status();
  if (!process.env.DATA_DIR) process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'talks-test-data-'));
  if (!process.env.CORPUS_DIR) {
    const corpus = mkdtempSync(join(tmpdir(), 'talks-test-corpus-'));
    cpSync('corpus', corpus, { recursive: true });
    process.env.CORPUS_DIR = corpus;
  }
  return () => {
    const after = status();
    if (before === null || after === null) return;
    const left = [...after].filter((line) => !before.has(line));
    if (left.length === 0) return;
    // vitest reports an error thrown here but still exits 0: the exit code is set as well
    process.exitCode = 1;
    throw new Error(
      `the tests left files in the repository, or these were edited during the run (git status --porcelain --ignored):\n${left.join('\n')}`,
    );
  };
}
