/**
 * `npm run start:http`: starts, answers a signed command over HTTP, and exits 0 on SIGTERM; a bad key is named. Every
 * process a test starts is killed after it, passed or failed, so none is left listening after the run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../discord/bot-process.ts';
import { APP_ID, slashCommand } from '../discord/fake-discord.ts';
import { callbackProblems } from './endpoint.ts';
import { makeKeyPair, postSigned } from './signed-requests.ts';

const started: ChildProcess[] = [];
const start = (env: Record<string, string>) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start-http.ts'], {
    env: { ...process.env, DISCORD_TOKEN: '', DATA_DIR: mkdtempSync(join(tmpdir(), 'talks-http-data-')), DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  return child;
};

afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
});

describe('the HTTP-mode process', () => {
  it('listens where PORT says, answers a signed /who, and exits 0 on SIGTERM', async () => {
    const keys = makeKeyPair();
    const port = String(await freePort());
    const child = start({
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      PORT: port,
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
    let log = '';
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (!log.includes('HTTP interactions endpoint listening') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(log).toContain(`http://127.0.0.1:${port}/interactions`);
    const reply = await postSigned(`http://127.0.0.1:${port}/interactions`, keys.privateKey, slashCommand('who', { name: 'McGurk' }));
    expect(reply.status).toBe(200);
    expect(callbackProblems(JSON.parse(reply.text))).toEqual([]);
    expect(reply.text).toContain('McGurk');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log).toContain('shutting down');
  });

  it('refuses to start without a well-formed public key, naming it', async () => {
    const child = start({ DISCORD_APPLICATION_ID: APP_ID, DISCORD_PUBLIC_KEY: 'not-a-key' });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/DISCORD_PUBLIC_KEY/);
  });
});
