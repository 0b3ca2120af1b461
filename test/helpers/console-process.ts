/**
 * The console as a person starts it, in a child process: with no Discord token (nor a database, public address or
 * pages port unless the test gives one), what it prints, a way to wait for a line, and `/quit` typed as a terminal
 * types it (the input left open). One helper for every test that starts the console, however it is started.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { expect } from 'vitest';

/** How the console is started: tsx on the sources, as the tests run everything, unless a test says otherwise. */
const TSX: readonly [string, readonly string[]] = [process.execPath, ['--import', 'tsx', 'src/main.ts']];

export interface ConsoleProcess {
  child: ChildProcessWithoutNullStreams;
  exited: Promise<number | null>;
  out: () => string;
  err: () => string;
  /** Waits until `which` (out or err) shows `pattern`, up to `ms`, and expects it to. */
  waitFor: (pattern: RegExp, which: () => string, ms?: number) => Promise<void>;
  /** Types /quit and gives the exit status, or 'still running' (the process then killed) after `ms`. */
  quit: (ms?: number) => Promise<number | null | 'still running'>;
}

/**
 * @example
 * const c = startConsole({ CORPUS_DIR: scratchCorpus() });
 * await c.waitFor(/talks-bot console/, c.out); expect(await c.quit()).toBe(0);
 */
export function startConsole(env: Record<string, string>, [command, args] = TSX): ConsoleProcess {
  const { DISCORD_TOKEN: _none, DATABASE_URL: _db, PUBLIC_URL: _url, WEB_PORT: _port, ...inherited } = process.env;
  const child = spawn(command, args, { env: { ...inherited, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    out: () => out,
    err: () => err,
    waitFor: async (pattern, which, ms = 30_000) => {
      for (let waited = 0; waited < ms && !pattern.test(which()); waited += 50) await new Promise((r) => setTimeout(r, 50));
      expect(which()).toMatch(pattern);
    },
    quit: async (ms = 15_000) => {
      child.stdin.write('/quit\n');
      const code = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), ms))]);
      if (code === 'still running') child.kill('SIGKILL');
      return code;
    },
  };
}
