/** `npm start` with a token: connects to (fake) Discord, answers, and shuts down cleanly on SIGTERM. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, FakeDiscord, slashCommand } from './fake-discord.ts';

/** The FAQ database of a test's bot: a temporary folder, never the repository's data/. */
const dataDir = () => mkdtempSync(join(tmpdir(), 'talks-process-data-'));

describe('the bot process', () => {
  const fake = new FakeDiscord();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it('starts with DISCORD_TOKEN set, answers a command, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DISCORD_TOKEN: `fake.${'x'.repeat(64)}`, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info', DATA_DIR: dataDir(), DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (!log.includes('connected to Discord') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(log).toContain('discord.com/oauth2/authorize?client_id=111111111111111111');
    expect((await fake.interact(slashCommand('who', { name: 'McGurk' }))).problems).toEqual([]);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log).toContain('shutting down');
  });

  it('refuses to start with a malformed setting, naming it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DISCORD_TOKEN: 'too-short', DISCORD_APPLICATION_ID: 'abc', DATA_DIR: dataDir(), DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/DISCORD_TOKEN must be a bot token.*DISCORD_APPLICATION_ID must be a Discord id/);
  });
});
