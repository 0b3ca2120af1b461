/**
 * `npm run start:sharded` against the loopback fake Discord: the shard count comes from Discord's recommendation,
 * each shard is a bot process that identifies as its shard and answers the interactions its connection carries,
 * and SIGTERM stops them all.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, FakeDiscord, slashCommand } from './fake-discord.ts';

describe('the sharded bot', () => {
  const fake = new FakeDiscord();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it('runs the two shards Discord recommends, each answering on its own connection, and stops them on SIGTERM', async () => {
    fake.recommendedShards = 2;
    fake.maxConcurrency = 16; // both shards may identify at once
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start-sharded.ts'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: `fake.${'x'.repeat(64)}`,
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: fake.apiUrl,
        LOG_LEVEL: 'info',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'talks-shards-')),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (!log.includes('every shard is connected') && Date.now() < deadline && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 50));
    expect(log).toContain('every shard is connected');
    expect(fake.identifiedShards.map(([id, count]) => `${id}/${count}`).sort()).toEqual(['0/2', '1/2']);
    for (const shard of [0, 1]) {
      const reply = await fake.interact(slashCommand('who', { name: 'McGurk' }), shard);
      expect((reply.body as { data?: { embeds?: Array<{ title?: string }> } }).data?.embeds?.[0]?.title).toBe('Who is Brett McGurk?');
      expect(reply.problems).toEqual([]);
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log.match(/"msg":"shutting down"/g)).toHaveLength(2); // each shard's bot stopped cleanly
  }, 90_000);
});
