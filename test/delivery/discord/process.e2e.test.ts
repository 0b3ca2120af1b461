/** `npm start` with a token: connects to (fake) Discord, answers, and shuts down cleanly on SIGTERM. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess } from './bot-process.ts';
import { FakeDiscord, slashCommand } from './fake-discord.ts';

describe('the bot process', () => {
  const fake = new FakeDiscord();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it('starts with DISCORD_TOKEN set, answers a command, and exits 0 on SIGTERM', async () => {
    const bot = startBotProcess(fake.apiUrl);
    await bot.waitForLog((log) => log.includes('connected to Discord'));
    expect(bot.log()).toContain('discord.com/oauth2/authorize?client_id=111111111111111111');
    expect((await fake.interact(slashCommand('who', { name: 'McGurk' }))).problems).toEqual([]);
    expect(await bot.stop()).toBe(0);
    expect(bot.log()).toContain('shutting down');
  });

  it('refuses to start with a malformed setting, naming it', async () => {
    const bot = startBotProcess(fake.apiUrl, { DISCORD_TOKEN: 'too-short', DISCORD_APPLICATION_ID: 'abc' });
    expect(await bot.exited).toBe(1);
    expect(bot.log()).toMatch(/DISCORD_TOKEN must be a bot token.*DISCORD_APPLICATION_ID must be a Discord id/);
    await bot.stop();
  });
});
