/**
 * `npm start` while Discord cannot be reached: the bot says so in one readable log line per attempt (no stack trace),
 * tries again with growing waits, and logs in and answers as soon as Discord is back. A token Discord refuses, or
 * intents it does not allow, is a configuration error: one clear message, exit code 78, no retry.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BotProcess, PROCESS_TOKEN, freePort, startBotProcess } from './bot-process.ts';
import { APP_ID, FakeDiscord, slashCommand } from './fake-discord.ts';

const UNREACHABLE = /^log in: Discord cannot be reached \(connect ECONNREFUSED 127\.0\.0\.1:\d+\); trying again in \d+\.\d s$/;

describe('starting while Discord is unreachable', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  function track(bot: BotProcess, fake?: FakeDiscord): BotProcess {
    cleanup.push(() => bot.stop());
    if (fake) cleanup.push(() => fake.stop());
    return bot;
  }

  it(
    'logs one readable line per attempt, keeps trying with growing waits, then logs in and answers once Discord is back',
    { timeout: 90_000 },
    async () => {
      const port = await freePort();
      const bot = track(startBotProcess(`http://127.0.0.1:${port}/api`));
      const attempts = () => bot.lines().filter((l) => l.msg.startsWith('log in:'));
      await bot.waitForLog(() => attempts().length >= 4);

      expect(bot.child.exitCode).toBeNull();
      for (const line of attempts()) expect(line.msg).toMatch(UNREACHABLE);
      expect(attempts().map((l) => l.attempt)).toEqual(attempts().map((_l, i) => i + 1));
      // 100 ms doubling to a 400 ms cap, each within ±20 %
      const waits = attempts().map((l) => Number(l.retryInMs));
      [100, 200, 400, 400].forEach((nominal, i) => {
        expect(waits[i]).toBeGreaterThanOrEqual(nominal * 0.8);
        expect(waits[i]).toBeLessThanOrEqual(nominal * 1.2);
      });

      const fake = new FakeDiscord();
      await fake.start(port);
      cleanup.push(() => fake.stop());
      await bot.waitForLog((log) => log.includes('connected to Discord'));
      // the line is logged once the log-in call returns, a moment after the client says it is ready
      const reached = () => bot.lines().some((l) => /^log in: Discord reached after \d+ failed attempts$/.test(l.msg));
      await bot.waitForLog(reached);
      expect(reached()).toBe(true);
      const reply = await fake.interact(slashCommand('who', { name: 'McGurk' }));
      expect(reply.problems).toEqual([]);
      expect(JSON.stringify(reply.body)).toContain('McGurk');

      expect(await bot.stop()).toBe(0);
      // every line of the log is a log line: no stack trace, no raw error dump, no token
      expect(
        bot
          .log()
          .split('\n')
          .filter((l) => l !== '' && !l.startsWith('{')),
      ).toEqual([]);
      expect(bot.log()).not.toMatch(/\n\s+at /);
      expect(bot.log()).not.toContain(PROCESS_TOKEN);
      expect(bot.log()).not.toContain('unhandled rejection');
    },
  );

  it('stops at once with one message when Discord refuses the token (401)', { timeout: 60_000 }, async () => {
    const fake = new FakeDiscord();
    await fake.start();
    fake.rejectToken = true;
    const bot = track(startBotProcess(fake.apiUrl), fake);
    expect(await bot.exited).toBe(78);
    expect(bot.log()).toContain(
      'talks-bot: Discord refused DISCORD_TOKEN: it is wrong, or was reset (Developer Portal → Bot → Reset Token, then set it again) (401 Unauthorized)',
    );
    expect(bot.log()).not.toContain('trying again');
    expect(fake.requests.filter((r) => r.path === '/gateway/bot')).toHaveLength(1);
    expect(bot.log()).not.toContain(PROCESS_TOKEN);
  });

  it.each([
    [4004, /Discord refused DISCORD_TOKEN.*\(gateway close 4004\)/],
    [4014, /Discord refused the gateway intents the bot asks for \(gateway close 4014\)/],
  ])('stops at once with one message when the gateway closes with %i', { timeout: 60_000 }, async (code, message) => {
    const fake = new FakeDiscord();
    await fake.start();
    fake.closeOnIdentify = code;
    const bot = track(startBotProcess(fake.apiUrl), fake);
    expect(await bot.exited).toBe(78);
    expect(bot.log()).toMatch(new RegExp(`talks-bot: ${message.source}`));
    expect(bot.log()).not.toContain('trying again');
    expect(fake.identifies).toBe(1);
  });

  it(
    'the sharded bot asks again for the shard count while Discord is down, and stops every shard, without restarting one, on disallowed intents',
    { timeout: 90_000 },
    async () => {
      const port = await freePort();
      const dataDir = mkdtempSync(join(tmpdir(), 'talks-shards-'));
      const { DATABASE_URL: _none, ...inherited } = process.env;
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start-sharded.ts'], {
        env: {
          ...inherited,
          DISCORD_TOKEN: PROCESS_TOKEN,
          DISCORD_APPLICATION_ID: APP_ID,
          DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
          LOG_LEVEL: 'info',
          DATA_DIR: dataDir,
          DISCORD_RETRY_INITIAL_MS: '100',
          DISCORD_RETRY_MAX_MS: '400',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      child.stderr.on('data', (d: Buffer) => (log += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      cleanup.push(
        async () => (child.exitCode === null && child.kill('SIGTERM'), await exited, rmSync(dataDir, { recursive: true, force: true })),
      );
      const deadline = Date.now() + 30_000;
      while ((log.match(/ask Discord for the shard count: Discord cannot be reached/g) ?? []).length < 2 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(child.exitCode).toBeNull();

      const fake = new FakeDiscord();
      fake.closeOnIdentify = 4014;
      await fake.start(port);
      cleanup.push(() => fake.stop());
      expect(await exited).toBe(78);
      expect(log).toMatch(/Discord refused the gateway intents the bot asks for \(gateway close 4014\)/);
      expect(log).toContain('talks-bot: shard 0 stopped on a configuration error');
      expect(fake.identifies).toBe(1); // not restarted into the same refusal
      expect(log).not.toMatch(/\n\s+at /);
    },
  );
});
