/**
 * Discord's bad minutes, through the loopback fake, against the real discord.js client: a reconnect request (op 7),
 * an invalidated session (op 9, resumable and not), a socket cut without a close frame, rate limits on a route and
 * global, a 5xx on the interaction callback (once, and past every retry), an interaction that expired (10062), and a
 * shared post already deleted when its Delete button is clicked (10008). For each, the bot logs one readable line,
 * answers the next command, and leaves no unhandled rejection; no log line carries the bot token, the database URL
 * or an interaction token.
 */
import { Writable } from 'node:stream';
import { Events } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { DiscordEnvSchema } from '../../../src/config/env.ts';
import { type RunningBot, startBot } from '../../../src/delivery/discord/start-bot.ts';
import { fixedKnowledge } from '../../../src/serving/live-knowledge.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { secretsOf } from '../../../src/logging/redact-secrets.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import { APP_ID, buttonClick, FakeDiscord, FAULTS, fakeMessage, type RecordedRequest, slashCommand } from './fake-discord.ts';

const TOKEN = `MTExMTExMTExMTExMTExMTEx.fake.${'t0k3n'.repeat(12)}`;
const DATABASE_URL = 'postgres://talks:Sup3r-s3cret@db.internal:5432/talks';
const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;

type Line = { level: number; msg: string; [field: string]: unknown };
const raw: string[] = [];
const logStream = new Writable({ write: (chunk: Buffer, _enc, done) => (raw.push(chunk.toString()), done()) });
const lines = (): Line[] => raw.map((l) => JSON.parse(l) as Line);
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const interactionTokens: string[] = [];
/** Per fault: injected, survived (the bot still answers), and the line it logged. */
const figures: Array<{ fault: string; injected: number; survived: boolean; nextAnswered: boolean; logged: string }> = [];

const fake = new FakeDiscord();
let bot: RunningBot;

/** An interaction as a member sends it, its token remembered to check that no log line quotes it. */
function sent(interaction: Record<string, unknown>): Record<string, unknown> {
  interactionTokens.push(String(interaction.token));
  return interaction;
}

/** The callback Discord accepted for this interaction (after any faults the fake gave first). */
function accepted(interaction: Record<string, unknown>): Promise<RecordedRequest> {
  return fake.waitFor((r) => r.path.startsWith(`/interactions/${String(interaction.id)}/`) && r.status === 204);
}

/** Sends /who McGurk and resolves with the accepted answer's title. */
async function nextCommandAnswered(): Promise<boolean> {
  const interaction = sent(slashCommand('who', { name: 'McGurk' }));
  fake.dispatch('INTERACTION_CREATE', interaction);
  const reply = await accepted(interaction);
  return (reply.body as { data?: { embeds?: Array<{ title?: string }> } }).data?.embeds?.[0]?.title === 'Who is Brett McGurk?';
}

async function until(test: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; log:\n${raw.join('')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The log lines written since `from`. */
const since = (from: number) => lines().slice(from);

async function record(fault: string, injected: number, loggedPattern: RegExp, from: number): Promise<void> {
  const logged = since(from).filter((l) => loggedPattern.test(l.msg));
  expect(logged.length, `one line for ${fault} in:\n${raw.slice(from).join('')}`).toBe(1);
  const nextAnswered = await nextCommandAnswered();
  expect(nextAnswered).toBe(true);
  figures.push({ fault, injected, survived: true, nextAnswered, logged: logged[0]?.msg ?? '' });
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  await fake.start();
  const env = DiscordEnvSchema.parse({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, DATABASE_URL });
  const logger = createLogger('info', logStream, { secrets: secretsOf({ DISCORD_TOKEN: TOKEN, DATABASE_URL }) });
  bot = await startBot({ env, logger, knowledge: fixedKnowledge(bundledKnowledge()), commands: COMMANDS, cooldownMs: 0 });
  if (!bot.client.isReady()) await new Promise((resolve) => bot.client.once(Events.ClientReady, resolve));
});

afterAll(async () => {
  await bot.stop();
  await fake.stop();
  process.off('unhandledRejection', onUnhandled);
  console.log(
    `Discord faults: ${figures.length} kinds, ${figures.reduce((n, f) => n + f.injected, 0)} injected, ${figures.filter((f) => f.survived).length} survived, ${figures.filter((f) => f.nextAnswered).length} next commands answered`,
  );
  console.table(figures);
});

afterEach(() => {
  expect(unhandled).toEqual([]);
  expect(fake.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`))).toEqual([]);
});

describe('the gateway connection', () => {
  it('reconnects and resumes when Discord asks it to (op 7)', async () => {
    const from = raw.length;
    const resumes = fake.resumes;
    fake.requestReconnect();
    await until(() => fake.resumes > resumes, 'a RESUME');
    await until(() => since(from).some((l) => l.msg === 'gateway session resumed'), 'the resumed line');
    await record('op 7 reconnect', 1, /^gateway connection closed \(Told to reconnect by Discord\); reconnecting$/, from);
  });

  it('resumes when Discord invalidates the session as resumable (op 9, d: true)', async () => {
    const from = raw.length;
    const resumes = fake.resumes;
    fake.invalidateSession(true);
    await until(() => fake.resumes > resumes, 'a RESUME');
    await record('op 9 invalid session, resumable', 1, /^Discord invalidated the gateway session \(op 9\); resuming it$/, from);
  });

  it('identifies again when Discord invalidates the session for good (op 9, d: false)', async () => {
    const from = raw.length;
    const identifies = fake.identifies;
    fake.invalidateSession(false);
    await until(() => fake.identifies > identifies, 'a new IDENTIFY');
    await until(() => since(from).some((l) => l.msg === 'gateway session started again'), 'the new session');
    await record('op 9 invalid session, not resumable', 1, /^Discord invalidated the gateway session \(op 9\); identifying again$/, from);
  });

  it('reconnects and resumes when the socket is cut without a close frame', async () => {
    const from = raw.length;
    const resumes = fake.resumes;
    fake.dropConnection();
    await until(() => fake.resumes > resumes, 'a RESUME');
    await record('dropped socket', 1, /^gateway connection lost \(close code 1006\); reconnecting$/, from);
  });
});

describe('the REST API', () => {
  it('waits out a rate limit on the callback route (429 with retry_after) and answers', async () => {
    const from = raw.length;
    fake.injectFault(FAULTS.routeRateLimit(CALLBACK, 0.2));
    expect(await nextCommandAnswered()).toBe(true);
    expect(fake.requests.filter((r) => CALLBACK.test(r.path) && r.status === 429)).toHaveLength(1);
    await record('REST 429 on a route', 1, /^Discord rate limit: waiting 0\.2 s before POST \/interactions\/:id\/:token\/callback$/, from);
  });

  it('waits out a global rate limit (X-RateLimit-Global) and answers', async () => {
    const from = raw.length;
    fake.injectFault(FAULTS.globalRateLimit(CALLBACK, 0.2));
    expect(await nextCommandAnswered()).toBe(true);
    await record(
      'REST 429 global',
      1,
      /^Discord rate limit \(global\): waiting 0\.2 s before POST \/interactions\/:id\/:token\/callback$/,
      from,
    );
  });

  it('retries a 5xx on the interaction callback and answers', async () => {
    const from = raw.length;
    fake.injectFault(FAULTS.serverError(CALLBACK, 502, 1));
    expect(await nextCommandAnswered()).toBe(true);
    await record(
      '5xx on the callback, once',
      1,
      /^Discord answered 502 Bad Gateway to POST \/interactions\/:id\/:token\/callback \(try 1\)$/,
      from,
    );
  });

  it('logs a callback that fails past every retry, and answers the next command', async () => {
    const from = raw.length;
    // the answer and the apology after it: four tries each (the first and @discordjs/rest's three retries)
    fake.injectFault(FAULTS.serverError(CALLBACK, 503, 8));
    const interaction = sent(slashCommand('who', { name: 'Barnea' }));
    fake.dispatch('INTERACTION_CREATE', interaction);
    await until(() => since(from).some((l) => l.msg === 'could not tell the user about the failure'), 'the failure to be logged');
    const failed = since(from).find((l) => l.msg === 'interaction failed');
    expect(failed?.err).toMatchObject({ type: 'HTTPError', status: 503, method: 'POST' });
    expect(JSON.stringify(failed)).not.toContain('"stack"');
    await record('5xx on the callback, past every retry', 8, /^interaction failed$/, from);
  });

  it('logs an interaction that expired before its answer (10062) in one line, and tries nothing more for it', async () => {
    const from = raw.length;
    fake.injectFault(FAULTS.unknownInteraction(CALLBACK, 1));
    const interaction = sent(slashCommand('who', { name: 'McGurk' }));
    fake.dispatch('INTERACTION_CREATE', interaction);
    await until(() => since(from).some((l) => /expired/.test(l.msg)), 'the expiry to be logged');
    const line = since(from).find((l) => /expired/.test(l.msg));
    expect(line?.err).toMatchObject({ code: 10062, status: 404 });
    expect(line?.level).toBe(40);
    expect(fake.requests.filter((r) => r.path.startsWith(`/interactions/${String(interaction.id)}/`))).toHaveLength(1); // no apology sent after it
    await record(
      '10062 Unknown interaction',
      1,
      /^the interaction expired before the bot could answer it \(Unknown interaction\); nothing more can be sent for it$/,
      from,
    );
  });

  it('takes a Delete on a shared post that is already gone (10008) quietly, with one line', async () => {
    const sharer = '888888888888888888';
    const shared = sent(slashCommand('who', { name: 'Sunak', public: true }, sharer));
    fake.dispatch('INTERACTION_CREATE', shared);
    const post = (await accepted(shared)).body as {
      data: { embeds: unknown[]; components: Array<{ components: Array<{ custom_id?: string; label?: string }> }> };
    };
    const deleteId = post.data.components.flatMap((row) => row.components).find((b) => b.label === 'Delete')?.custom_id ?? '';
    expect(deleteId).not.toBe('');

    const from = raw.length;
    fake.injectFault({ ...FAULTS.unknownMessage(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/), method: 'DELETE' });
    const click = sent(
      buttonClick(
        deleteId,
        fakeMessage({
          author: { id: APP_ID, username: 'talks-bot', discriminator: '0', bot: true },
          embeds: post.data.embeds,
          components: post.data.components,
        }),
        sharer,
      ),
    );
    fake.dispatch('INTERACTION_CREATE', click);
    await until(() => since(from).some((l) => /already deleted/.test(l.msg)), 'the delete to be logged');
    const webhookPath = `/webhooks/${APP_ID}/${String(click.token)}`;
    expect(fake.requests.filter((r) => r.path.startsWith(webhookPath)).map((r) => `${r.method} ${r.status}`)).toEqual(['DELETE 404']); // no apology follow-up
    await record('10008 Unknown message on delete', 1, /^the message was already deleted \(Unknown Message\); nothing to change$/, from);
  });
});

describe('the log after every fault', () => {
  it('holds no bot token, database URL, password or interaction token', () => {
    const text = raw.join('');
    expect(lines().length).toBeGreaterThan(10);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(DATABASE_URL);
    expect(text).not.toContain('Sup3r-s3cret');
    expect(interactionTokens.length).toBeGreaterThan(10);
    expect(interactionTokens.filter((t) => text.includes(t))).toEqual([]);
  });
});
