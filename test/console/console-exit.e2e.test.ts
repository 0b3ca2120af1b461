/**
 * The console as a person runs it (`npm start` without a token) ends when they type `/quit`: nothing it started —
 * the corpus watcher, the worker that reads the corpus for reloads — keeps the process alive after it.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scratchCorpus } from '../helpers/corpus.ts';

describe('the console process', () => {
  it('exits with status 0 after /quit, its reload worker stopped', async () => {
    const { DISCORD_TOKEN: _none, ...inherited } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...inherited, CORPUS_DIR: scratchCorpus() },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 600 && !/talks-bot console/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
    // the line ends the console; the input stays open, as a terminal's does
    child.stdin.write('/quit\n');
    const code = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 15_000))]);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code).toBe(0);
  }, 60_000);
});
