/**
 * The bot as `npm start` runs it (`tsx src/main.ts`), in a child process with its own settings: its stderr log lines
 * collected, waits on what it logs, and its exit code. The FAQ database goes to a temporary folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ID } from './fake-discord.ts';

export const PROCESS_TOKEN = `MTExMTExMTExMTExMTExMTEx.fake.${'s3cr3t'.repeat(10)}`;

export interface BotProcess {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  log(): string;
  /** The log lines that are JSON objects (pino). */
  lines(): Array<{ level: number; msg: string; [field: string]: unknown }>;
  exited: Promise<number | null>;
  /** Resolves once `test` holds for the log, or rejects after `timeoutMs`. */
  waitForLog(test: (log: string) => boolean, timeoutMs?: number): Promise<void>;
  /** SIGTERM if still running; removes the temporary folder. */
  stop(): Promise<number | null>;
}

/** Starts the bot against `apiUrl` with short start-up retries; `env` adds or overrides settings. */
export function startBotProcess(apiUrl: string, env: Record<string, string> = {}): BotProcess {
  const dataDir = mkdtempSync(join(tmpdir(), 'talks-bot-process-'));
  const { DATABASE_URL: _none, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...inherited,
      DISCORD_TOKEN: PROCESS_TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: apiUrl,
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      DISCORD_RETRY_INITIAL_MS: '100',
      DISCORD_RETRY_MAX_MS: '400',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  return {
    child,
    log: () => log,
    lines: () =>
      log
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: number; msg: string }),
    exited,
    async waitForLog(test, timeoutMs = 45_000) {
      const deadline = Date.now() + timeoutMs;
      while (!test(log)) {
        if (exitCode !== undefined) throw new Error(`the bot exited (${String(exitCode)}) before the log showed what was awaited:\n${log}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for the bot's log:\n${log}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (exitCode === undefined) child.kill('SIGTERM');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** A loopback port with nothing listening on it (yet). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
