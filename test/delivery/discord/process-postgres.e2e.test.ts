/**
 * `npm start` with DATABASE_URL: the bot keeps its FAQ in PostgreSQL, shared with any other process on that database,
 * and its logs and error messages never show the URL or its password.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresFaqStore } from '../../../src/faq/postgres-faq-store.ts';
import { PG_PASSWORD, type PostgresServer, postgresForTests, startPostgres } from '../../helpers/postgres-server.ts';
import { APP_ID, FakeDiscord, faqCommand, GUILD_ID } from './fake-discord.ts';

const binDir = postgresForTests('the bot-with-PostgreSQL process tests');

function startBotProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DISCORD_TOKEN: `fake.${'x'.repeat(64)}`, DISCORD_APPLICATION_ID: APP_ID, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe.skipIf(!binDir)('the bot process with DATABASE_URL', () => {
  const fake = new FakeDiscord();
  let server: PostgresServer;
  beforeAll(async () => {
    [server] = await Promise.all([startPostgres(binDir ?? ''), fake.start()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([server?.stop(), fake.stop()]);
  });

  it('answers /faq from the PostgreSQL FAQ another process wrote, and logs the database by name only', async () => {
    const url = await server.createDatabase();
    const other = await PostgresFaqStore.open(url);
    await other.add(GUILD_ID, { question: 'Who keeps the FAQ?', answer: 'PostgreSQL, shared.' }, '600000000000000006');
    const bot = startBotProcess({ DISCORD_API_URL: fake.apiUrl, DATABASE_URL: url, DATA_DIR: '/nonexistent/never-used' });
    const deadline = Date.now() + 30_000;
    while (!bot.output().includes('connected to Discord') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const reply = await fake.interact(faqCommand('faq', 'list', {}, { userId: '700000000000000007', permissions: '0' }));
    expect(reply.problems).toEqual([]);
    expect((reply.body as { data?: { embeds?: Array<{ description?: string }> } }).data?.embeds?.[0]?.description).toContain(
      'Who keeps the FAQ?',
    );
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    await other.close();
    expect(bot.output()).toMatch(/"faq":"PostgreSQL database \\"faq_\d+\\" on 127\.0\.0\.1:\d+".*FAQ database ready/);
    expect(bot.output()).not.toContain(PG_PASSWORD);
  });

  it('refuses to start on a wrong password, saying why without showing the URL', async () => {
    const url = (await server.createDatabase()).replace(PG_PASSWORD, 'Wr0ng-Secret-91');
    const bot = startBotProcess({ DISCORD_API_URL: fake.apiUrl, DATABASE_URL: url });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(
      /talks-bot: The FAQ database \(PostgreSQL database "faq_\d+" on 127\.0\.0\.1:\d+\) failed: password authentication failed for user "\[redacted\]" \[28P01\]/,
    );
    expect(bot.output()).not.toContain('Wr0ng-Secret-91');
    expect(bot.output()).not.toContain(url);
  });
});
