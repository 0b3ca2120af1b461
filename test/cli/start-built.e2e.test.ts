/**
 * `npm start` as the README runs it: the code built to JavaScript answers, with no TypeScript compiled at start. The
 * build is `npm run build` (`tsc -b tsconfig.build.json`, run by `npm ci` through `prepare`), and `prestart` brings it
 * up to date first, so an edited source is never answered from stale code.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startConsole } from '../helpers/console-process.ts';
import { scratchCorpus } from '../helpers/corpus.ts';

/** The newest modification time among the TypeScript files of a folder. */
function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => statSync(join(dir, f)).mtimeMs),
  );
}

describe('npm start', () => {
  it('runs the built JavaScript, brought up to date first, and answers in the console', async () => {
    const c = startConsole({ CORPUS_DIR: scratchCorpus() }, ['npm', ['start', '--silent']]);
    // a first start may build first (about 20 s)
    await c.waitFor(/talks-bot console/, c.out, 120_000);
    c.child.stdin.write('/who McGurk\n');
    await c.waitFor(/Who is Brett McGurk\?/, c.out);
    expect(await c.quit()).toBe(0);
    // stderr says what the bot is doing (building its knowledge), never a failure
    expect(c.err()).not.toMatch(/error|Error|ERR_| {4}at /);
    // what ran is the build, and the build is no older than the sources it was made from (tsc -b writes its record last)
    const main = join('dist', 'src', 'main.js');
    expect(existsSync(main)).toBe(true);
    expect(statSync(join('dist', '.tsbuildinfo')).mtimeMs).toBeGreaterThanOrEqual(Math.max(newest('src'), newest('commands')) - 1);
  }, 180_000);
});
