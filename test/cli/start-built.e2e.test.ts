/**
 * `npm start` as the README runs it: the code built to JavaScript answers, with no TypeScript compiled at start. The
 * build is `npm run build` (`tsc -b tsconfig.build.json`, run by `npm ci` through `prepare`), and `prestart` brings it
 * up to date first, so an edited source is never answered from stale code.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
    const { DISCORD_TOKEN: _none, ...inherited } = process.env;
    const child = spawn('npm', ['start', '--silent'], {
      env: { ...inherited, CORPUS_DIR: scratchCorpus() },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 2400 && !/talks-bot console/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
    child.stdin.write('/who McGurk\n');
    for (let i = 0; i < 200 && !/Who is Brett McGurk\?/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
    child.stdin.write('/quit\n');
    const code = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 15_000))]);
    if (code === 'still running') child.kill('SIGKILL');
    // stderr says what the bot is doing (building its knowledge), never a failure
    expect(err).not.toMatch(/error|Error|ERR_| {4}at /);
    expect(out).toContain('Who is Brett McGurk?');
    expect(code).toBe(0);
    // what ran is the build, and the build is no older than the sources it was made from (tsc -b writes its record last)
    const main = join('dist', 'src', 'main.js');
    expect(existsSync(main)).toBe(true);
    expect(statSync(join('dist', '.tsbuildinfo')).mtimeMs).toBeGreaterThanOrEqual(Math.max(newest('src'), newest('commands')) - 1);
  }, 180_000);
});
