/**
 * The real discord.js client, logged in to a loopback fake of Discord, answering as a member would see it. Every
 * body the bot sends is checked against Discord's OpenAPI spec (and the 6,000-character embed total).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Writable } from 'node:stream';
import { ApplicationCommandType, Events } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { DiscordEnvSchema } from '../../../src/config/env.ts';
import { commandPayloads } from '../../../src/interactions/catalog.ts';
import { type RunningBot, startBot } from '../../../src/delivery/discord/start-bot.ts';
import type { Knowledge } from '../../../src/knowledge/knowledge.ts';
import { fixedKnowledge } from '../../../src/serving/live-knowledge.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import { checkRequest } from './discord-schema.ts';
import { PageQueries } from '../../../src/interactions/quote-replies/page-queries.ts';
import { botCatalog } from '../../../src/interactions/catalog.ts';
import { Cooldowns } from '../../../src/interactions/cooldowns.ts';
import { ApiTransport } from '../../interactions/api-transport.ts';
import {
  APP_ID,
  autocomplete,
  buttonClick,
  FakeDiscord,
  fakeMessage,
  messageMenu,
  type RecordedRequest,
  slashCommand,
} from './fake-discord.ts';

const TOKEN = `fake.${'x'.repeat(64)}`;
type Callback = {
  type: number;
  data?: {
    flags?: number;
    content?: string;
    embeds?: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string } }>;
    components?: Array<{ components: Array<{ label?: string; custom_id?: string; disabled?: boolean }> }>;
    allowed_mentions?: { parse: string[] };
    choices?: Array<{ name: string; value: string }>;
  };
};

const logLines: string[] = [];
const logStream = new Writable({ write: (chunk: Buffer, _enc, done) => (logLines.push(chunk.toString()), done()) });

async function launch(fake: FakeDiscord, knowledge: Promise<Knowledge>, cooldownMs = 0, deferFromPassages?: number): Promise<RunningBot> {
  const env = DiscordEnvSchema.parse({
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    LOG_LEVEL: 'info',
  });
  const bot = await startBot({
    env,
    logger: createLogger('info', logStream),
    knowledge: fixedKnowledge(knowledge),
    commands: COMMANDS,
    cooldownMs,
    ...(deferFromPassages === undefined ? {} : { deferFromPassages }),
  });
  if (!bot.client.isReady()) await new Promise((resolve) => bot.client.once(Events.ClientReady, resolve));
  return bot;
}

const body = (r: RecordedRequest) => r.body as Callback;
const buttonsOf = (c: Callback) => c.data?.components?.flatMap((row) => row.components) ?? [];
const button = (c: Callback, label: string) => buttonsOf(c).find((b) => b.label === label);
/** The message a member sees for a callback, as the button interaction carries it back. */
const asMessage = (c: Callback) =>
  fakeMessage({
    author: { id: APP_ID, username: 'talks-bot', discriminator: '0', bot: true },
    embeds: c.data?.embeds ?? [],
    components: c.data?.components ?? [],
    flags: c.data?.flags ?? 0,
  });

describe('the bot on Discord (loopback fake)', () => {
  const fake = new FakeDiscord();
  let bot: RunningBot;

  beforeAll(async () => {
    await fake.start();
    bot = await launch(fake, Promise.resolve(bundledKnowledge()));
  });

  afterAll(async () => {
    await bot.stop();
    await fake.stop();
  });

  afterEach(() => {
    // whatever a test made the bot send, it had to be valid for Discord
    expect(fake.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`))).toEqual([]);
  });

  it('logs in with the real discord.js client through DISCORD_API_URL', () => {
    expect(fake.identifies).toBe(1);
    expect(fake.requests.some((r) => r.path === '/gateway/bot')).toBe(true);
  });

  it('/who answers privately with quote embeds, the role line, a share button, and pings no one', async () => {
    const reply = body(await fake.interact(slashCommand('who', { name: 'McGurk' })));
    expect(reply.type).toBe(4);
    expect(reply.data?.flags).toBe(64);
    const embed = reply.data?.embeds?.[0];
    expect(embed?.title).toBe('Who is Brett McGurk?');
    expect(embed?.description).toContain('White House Middle East coordinator');
    expect(embed?.fields?.[0]?.value).toMatch(/^> The cell to communicate with Hamas was established by Brett McGurk/);
    expect(embed?.fields?.[0]?.value).toContain('— The Associated Press · Colleen Long');
    // the foot says how many sources the quotes come from; passage ids are for scripts (JSON) and context links
    expect(embed?.footer?.text).toMatch(/^Quotes from \d+ sources?/);
    expect(embed?.footer?.text).not.toContain('#');
    expect(reply.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(button(reply, 'Post in channel')?.custom_id).toBe('v1|share');
  });

  it.each([
    ['when', { event: 'war cabinet approval' }, /event date 2023-11-22/],
    ['terms', {}, /50 hostages in exchange for 150/],
    ['search', { text: 'communications cell' }, /communications cell/],
    ['timeline', {}, /2012/],
    ['source', { id: 'ap-how-the-hostage-deal-came-about' }, /Colleen Long/],
  ])('/%s answers with valid embeds', async (name, options, expected) => {
    const reply = body(await fake.interact(slashCommand(name, options)));
    expect(reply.type).toBe(4);
    const text = JSON.stringify(reply.data?.embeds);
    expect(text).toMatch(expected);
  });

  it('/help answers', async () => {
    const reply = body(await fake.interact(slashCommand('help', {})));
    expect(reply.data?.embeds?.[0]?.description).toContain('/who');
  });

  it('says "no quote found" with suggestions, and offers nothing to share', async () => {
    const reply = body(await fake.interact(slashCommand('search', { text: 'Olympic swimming records' })));
    expect(reply.data?.embeds?.[0]?.description).toMatch(/No quote found/);
    expect(button(reply, 'Post in channel')).toBeUndefined();
  });

  it('escapes markdown and mentions from the query', async () => {
    const reply = body(await fake.interact(slashCommand('search', { text: '**@everyone** <@123> Blinken' })));
    expect(reply.data?.embeds?.[0]?.title).toContain('\\*\\*@everyone\\*\\*');
    expect(reply.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('`public: true` posts directly in the channel, with a delete button for the poster', async () => {
    const reply = body(await fake.interact(slashCommand('who', { name: 'Barnea', public: true }, '777777777777777777')));
    expect(reply.data?.flags ?? 0).toBe(0);
    expect(reply.data?.embeds?.[0]?.description).toContain('Shared by <@777777777777777777>');
    expect(button(reply, 'Delete')?.custom_id).toBe('v1|delete|777777777777777777');
  });

  it('autocomplete suggests entity names, at most 25, and does not count against the cooldown', async () => {
    const reply = body(await fake.interact(autocomplete('who', 'name', 'McG')));
    expect(reply.type).toBe(8);
    expect(reply.data?.choices?.map((c) => c.name)).toContain('Brett McGurk');
    const terms = body(await fake.interact(autocomplete('terms', 'topic', '')));
    expect(terms.data?.choices?.length).toBeLessThanOrEqual(25);
    const when = body(await fake.interact(autocomplete('when', 'event', 'war cabinet')));
    expect(when.data?.choices?.[0]?.value).toMatch(/^2023-11-22 — /);
  });

  it('"Post in channel" shares the same answer publicly, saying who shared it; only they may delete it', async () => {
    const first = body(await fake.interact(slashCommand('who', { name: 'Sunak' }, '888888888888888888')));
    const share = button(first, 'Post in channel')?.custom_id ?? '';
    const shared = body(await fake.interact(buttonClick(share, asMessage(first), '888888888888888888')));
    expect(shared.type).toBe(4);
    expect(shared.data?.flags ?? 0).toBe(0);
    expect(shared.data?.embeds?.[0]?.fields).toEqual(first.data?.embeds?.[0]?.fields);
    expect(shared.data?.embeds?.[0]?.description).toContain('Shared by <@888888888888888888>');

    const del = button(shared, 'Delete')?.custom_id ?? '';
    const refused = body(await fake.interact(buttonClick(del, asMessage(shared), '999999999999999999')));
    expect(refused.data?.content).toMatch(/Only the person who shared this post can delete it/);
    expect(refused.data?.flags).toBe(64);

    const click = buttonClick(del, asMessage(shared), '888888888888888888');
    expect(body(await fake.interact(click)).type).toBe(6);
    await fake.waitFor((r) => r.method === 'DELETE' && r.path === `/webhooks/${APP_ID}/${String(click.token)}/messages/@original`);
  });

  it('Next/Previous rebuild a page from the button alone', async () => {
    const first = body(await fake.interact(slashCommand('timeline', {})));
    expect(button(first, '◀ Previous')?.disabled).toBe(true);
    const next = body(await fake.interact(buttonClick(button(first, 'Next ▶')?.custom_id ?? '', asMessage(first))));
    expect(next.type).toBe(7);
    expect(next.data?.embeds?.[0]?.fields?.[0]?.name).toMatch(/^6\. /);
    expect(next.data?.embeds?.[0]?.footer?.text).toMatch(/6–10 of \d+/);
    expect(button(next, 'Post in channel')?.custom_id).toBe('v1|share');
  });

  it('a "Find sources" answer to a 305-character message pages to page 2 and back (the query is not in the button)', async () => {
    const target = fakeMessage({ content: 'hostages '.repeat(34).trim() });
    const first = body(await fake.interact(messageMenu('Find sources', target)));
    expect(first.data?.embeds?.[0]?.footer?.text).toMatch(/1–5 of \d+$/);
    const next = button(first, 'Next ▶');
    expect(next?.disabled).toBe(false);
    const second = body(await fake.interact(buttonClick(next?.custom_id ?? '', asMessage(first))));
    expect(second.type).toBe(7);
    expect(second.data?.embeds?.[0]?.footer?.text).toMatch(/6–10 of \d+$/);
    const back = body(await fake.interact(buttonClick(button(second, '◀ Previous')?.custom_id ?? '', asMessage(second))));
    expect(back.data?.embeds).toEqual(first.data?.embeds);
  });

  it('the gateway adapter adds nothing: the same interaction JSON gives the same response as the layer called directly', async () => {
    const direct = new ApiTransport({
      catalog: botCatalog({ knowledge: fixedKnowledge(bundledKnowledge()), commands: COMMANDS, pageQueries: new PageQueries() }),
      cooldowns: new Cooldowns(0),
      logger: createLogger('silent'),
    });
    for (const interaction of [
      slashCommand('who', { name: 'McGurk' }),
      slashCommand('search', { text: 'hostages', public: true }),
      autocomplete('when', 'event', 'war cabinet'),
      buttonClick('v1|pg|who|5|McGurk', fakeMessage()),
    ]) {
      expect(body(await fake.interact(interaction))).toEqual(await direct.first(interaction));
    }
    expect(direct.problems).toEqual([]);
  });

  it('a button from an older version says to run the command again', async () => {
    const reply = body(await fake.interact(buttonClick('page:who:5:McGurk', fakeMessage())));
    expect(reply.data?.content).toMatch(/no longer works: please run the command again/);
  });

  it('"Find sources" on a message gives the best supporting quotes privately, with the share button', async () => {
    const target = fakeMessage({
      content: 'Hamas agreed to free 50 hostages in exchange for 150 Palestinian prisoners during a four-day cease-fire',
    });
    const reply = body(await fake.interact(messageMenu('Find sources', target)));
    expect(reply.data?.flags).toBe(64);
    expect(reply.data?.embeds?.[0]?.fields?.[0]?.value).toMatch(/50 hostages in exchange for 150 Palestinian prisoners/);
    expect(button(reply, 'Post in channel')).toBeDefined();
  });

  it('a gateway reconnect (op 7) resumes the session, and the next command works', async () => {
    fake.requestReconnect();
    await new Promise<void>((resolve) => bot.client.once(Events.ShardResume, () => resolve()));
    expect(fake.resumes).toBe(1);
    const reply = body(await fake.interact(slashCommand('who', { name: 'Haniyeh' })));
    expect(reply.data?.embeds?.[0]?.title).toBe('Who is Ismail Haniyeh?');
  });

  it('an error inside a handler gives a private apology with an error id, logs it, and the bot keeps running', async () => {
    fake.failNext = { pattern: /\/callback$/, status: 400 };
    const interaction = slashCommand('search', { text: 'Doha' });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const apology = await fake.waitFor(
      (r) => r.path.startsWith(`/interactions/${String(interaction.id)}/`) && JSON.stringify(r.body).includes('error id'),
    );
    const id = /error id `([0-9a-f]{8})`/.exec(body(apology).data?.content ?? '')?.[1];
    expect(id).toBeDefined();
    expect(logLines.some((l) => l.includes(`"errorId":"${id}"`))).toBe(true);
    expect(body(await fake.interact(slashCommand('who', { name: 'Burns' }))).type).toBe(4);
  });
});

describe('timing and limits', () => {
  const fake = new FakeDiscord();

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it('defers while the corpus is still loading, then edits the reply', async () => {
    let release: (k: Knowledge) => void = () => undefined;
    const bot = await launch(fake, new Promise<Knowledge>((resolve) => (release = resolve)));
    const interaction = slashCommand('who', { name: 'McGurk' });
    expect(body(await fake.interact(interaction)).type).toBe(5);
    release(bundledKnowledge());
    const edit = await fake.waitFor(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${String(interaction.token)}/messages/@original`,
    );
    expect(JSON.stringify(edit.body)).toContain('Who is Brett McGurk?');
    expect(edit.problems).toEqual([]);
    await bot.stop();
  });

  it('on a corpus large enough to answer slowly, defers first and edits the reply; a page turn defers its update', async () => {
    // the bundled corpus stands in for a large one: every corpus counts as large from 0 passages
    const bot = await launch(fake, Promise.resolve(bundledKnowledge()), 0, 0);
    const interaction = slashCommand('timeline', {});
    expect(body(await fake.interact(interaction)).type).toBe(5);
    const edit = await fake.waitFor(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${String(interaction.token)}/messages/@original`,
    );
    const first = { type: 4, data: edit.body } as Callback;
    expect(first.data?.embeds?.[0]?.footer?.text).toMatch(/1–5 of \d+/);
    const click = buttonClick(button(first, 'Next ▶')?.custom_id ?? '', asMessage(first));
    expect(body(await fake.interact(click)).type).toBe(6);
    const turned = await fake.waitFor(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${String(click.token)}/messages/@original`,
    );
    expect(JSON.stringify(turned.body)).toMatch(/6–10 of \d+/);
    expect([edit.problems, turned.problems]).toEqual([[], []]);
    await bot.stop();
  });

  it('a per-user cooldown answers "try again in N s"', async () => {
    const bot = await launch(fake, Promise.resolve(bundledKnowledge()), 60_000);
    expect(body(await fake.interact(slashCommand('search', { text: 'Doha' }, '123456789012345678'))).data?.embeds).toBeDefined();
    const second = body(await fake.interact(slashCommand('search', { text: 'Cairo' }, '123456789012345678')));
    expect(second.data?.content).toMatch(/try again in \d+ s/);
    expect(body(await fake.interact(slashCommand('search', { text: 'Cairo' }, '223456789012345678'))).data?.embeds).toBeDefined();
    await bot.stop();
  });
});

describe('registering the commands', () => {
  it('the payload is valid for Discord: lower-case names, descriptions ≤ 100, ≤ 25 options, required first', () => {
    const payload = commandPayloads(COMMANDS);
    expect(checkRequest('PUT', `/applications/${APP_ID}/commands`, payload)).toEqual([]);
    for (const c of payload) {
      if (c.type === ApplicationCommandType.ChatInput) {
        expect(c.name).toMatch(/^[-_a-z]{1,32}$/);
        expect(c.description.length).toBeLessThanOrEqual(100);
        const opts = c.options ?? [];
        expect(opts.length).toBeLessThanOrEqual(25);
        const requiredFlags = opts.map((o) => ('required' in o && o.required) === true);
        expect(requiredFlags).toEqual([...requiredFlags].sort((a, b) => Number(b) - Number(a)));
      }
    }
    expect(payload.map((c) => c.name)).toEqual([
      'who',
      'when',
      'terms',
      'search',
      'timeline',
      'source',
      'help',
      'faq',
      'faq-admin',
      'source-admin',
      'Find sources',
    ]);
    for (const admin of ['faq-admin', 'source-admin'])
      expect(payload.find((c) => c.name === admin)).toMatchObject({ default_member_permissions: 8192 }); // Manage Messages
  });

  it('`npm run deploy` overwrites the guild commands in one request', async () => {
    const fake = new FakeDiscord();
    await fake.start();
    // the CLI runs in a child process; the fake answers it from this one, so the child must not block it
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/deploy.ts'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_GUILD_ID: '222222222222222222',
        DISCORD_API_URL: fake.apiUrl,
      },
      timeout: 30_000,
    });
    expect((await run).stdout).toMatch(/registered 11 commands in server 222222222222222222/);
    const put = await fake.waitFor((r) => r.method === 'PUT', 30_000);
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/222222222222222222/commands`);
    expect(put.problems).toEqual([]);
    await fake.stop();
  });
});
