/**
 * HTTP interactions mode when Discord's webhook routes fail: a deferred answer's edit that gets a 5xx once is retried
 * and arrives; one that fails past every retry is logged and the member gets the apology as a follow-up (and when the
 * follow-up fails too, that is logged); an edit whose interaction expired (10062) is one warning line and nothing more
 * is sent. After each, the next interaction is answered, with no unhandled rejection and no secret in the log.
 */
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { readHttpEnv } from '../../../src/config/env.ts';
import type { RunningHttp } from '../../../src/delivery/http/start-http.ts';
import { startHttpBot } from '../../../src/delivery/http/start-http-bot.ts';
import { fixedKnowledge } from '../../../src/serving/live-knowledge.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { secretsOf } from '../../../src/logging/redact-secrets.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import { APP_ID, FakeDiscord, FAULTS, slashCommand } from '../discord/fake-discord.ts';
import { makeKeyPair, postSigned } from './signed-requests.ts';

const DATABASE_URL = 'postgres://talks:Sup3r-s3cret@db.internal:5432/talks';
const EDIT = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/;
const FOLLOW_UP = /^\/webhooks\/\d+\/[^/]+$/;

const keys = makeKeyPair();
const discord = new FakeDiscord();
const raw: string[] = [];
const lines = () => raw.map((l) => JSON.parse(l) as { level: number; msg: string; err?: unknown });
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const tokens: string[] = [];
let http: RunningHttp;

/** Posts a signed /search that is deferred (every answer is, here) and resolves with the token its edits use. */
async function ask(text: string): Promise<Record<string, unknown>> {
  const interaction = slashCommand('search', { text });
  tokens.push(String(interaction.token));
  const reply = await postSigned(http.url, keys.privateKey, interaction);
  expect(JSON.parse(reply.text)).toMatchObject({ type: 5 });
  return interaction;
}

const webhookRequests = (interaction: Record<string, unknown>) =>
  discord.requests.filter((r) => r.path.startsWith(`/webhooks/${APP_ID}/${String(interaction.token)}`));

/** The next interaction's deferred answer is edited in. */
async function nextAnswered(): Promise<void> {
  const interaction = await ask('communications cell');
  const edit = await discord.waitFor(
    (r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${String(interaction.token)}/messages/@original` && r.status === 200,
  );
  expect(JSON.stringify(edit.body)).toContain('communications cell');
}

async function until(test: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; log:\n${raw.join('')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  await discord.start();
  const env = readHttpEnv({
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_API_URL: discord.apiUrl,
    HTTP_HOST: '127.0.0.1',
    DATABASE_URL,
  });
  const logger = createLogger('debug', new Writable({ write: (chunk: Buffer, _enc, done) => (raw.push(chunk.toString()), done()) }), {
    secrets: secretsOf({ DATABASE_URL }),
  });
  http = await startHttpBot({
    env,
    logger,
    knowledge: fixedKnowledge(bundledKnowledge()),
    commands: COMMANDS,
    cooldownMs: 0,
    port: 0,
    deferFromPassages: 0,
  });
});

afterAll(async () => {
  await http.stop(1_000);
  await discord.stop();
  process.off('unhandledRejection', onUnhandled);
});

afterEach(() => {
  expect(unhandled).toEqual([]);
  expect(discord.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`))).toEqual([]);
});

describe('a deferred answer over HTTP when Discord’s webhook routes fail', () => {
  it('retries an edit that got a 5xx once, and it arrives', async () => {
    const from = raw.length;
    discord.injectFault({ ...FAULTS.serverError(EDIT, 502, 1), method: 'PATCH' });
    const interaction = await ask('communications cell');
    await until(() => webhookRequests(interaction).some((r) => r.status === 200), 'the edit');
    expect(webhookRequests(interaction).map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 502', 'PATCH 200']);
    expect(
      lines()
        .slice(from)
        .map((l) => l.msg),
    ).toContain('Discord answered 502 Bad Gateway to PATCH /webhooks/:id/:token/messages/@original (try 1)');
    await nextAnswered();
  });

  it('logs an edit that fails past every retry, and sends the apology as a follow-up', async () => {
    const from = raw.length;
    discord.injectFault({ ...FAULTS.serverError(EDIT, 503, 4), method: 'PATCH' });
    const interaction = await ask('Qatar mediation');
    await until(() => webhookRequests(interaction).some((r) => r.method === 'POST'), 'the apology');
    const apology = webhookRequests(interaction).find((r) => r.method === 'POST');
    expect((apology?.body as { content?: string }).content).toMatch(
      /^Sorry — something went wrong on our side \(error id `[0-9a-f]{8}`\)\. Please try again\.$/,
    );
    expect(
      lines()
        .slice(from)
        .filter((l) => l.msg === 'interaction failed'),
    ).toHaveLength(1);
    expect(
      lines()
        .slice(from)
        .find((l) => l.msg === 'interaction failed')?.err,
    ).toMatchObject({ type: 'HTTPError', status: 503, method: 'PATCH' });
    await nextAnswered();
  });

  it('logs a follow-up that fails too, and goes on', async () => {
    const from = raw.length;
    discord.injectFault({ ...FAULTS.serverError(EDIT, 500, 4), method: 'PATCH' });
    discord.injectFault({ ...FAULTS.serverError(FOLLOW_UP, 500, 4), method: 'POST' });
    const interaction = await ask('hostages released');
    await until(
      () =>
        lines()
          .slice(from)
          .some((l) => l.msg === 'could not tell the user about the failure'),
      'the failed follow-up to be logged',
    );
    expect(webhookRequests(interaction).map((r) => `${r.method} ${r.status}`)).toEqual([
      ...Array<string>(4).fill('PATCH 500'),
      ...Array<string>(4).fill('POST 500'),
    ]);
    await nextAnswered();
  });

  it.each([
    [
      '10062 Unknown interaction',
      FAULTS.unknownInteraction(EDIT),
      /^the interaction expired before the bot could answer it \(Unknown interaction\); nothing more can be sent for it$/,
    ],
    [
      '10015 Unknown Webhook (an expired token)',
      { pattern: EDIT, status: 404, body: { message: 'Unknown Webhook', code: 10015 } },
      /^the interaction expired before the bot could answer it \(Unknown Webhook\); nothing more can be sent for it$/,
    ],
  ])('logs an edit refused with %s in one line and sends nothing more', async (_name, fault, message) => {
    const from = raw.length;
    discord.injectFault({ ...fault, method: 'PATCH' });
    const interaction = await ask('ceasefire extension');
    await until(
      () =>
        lines()
          .slice(from)
          .some((l) => message.test(l.msg)),
      'the expiry to be logged',
    );
    expect(
      lines()
        .slice(from)
        .filter((l) => l.level >= 40)
        .map((l) => l.msg),
    ).toEqual([expect.stringMatching(message) as unknown]);
    expect(webhookRequests(interaction).map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 404']);
    await nextAnswered();
  });

  it('logs no database URL, password or interaction token', () => {
    const text = raw.join('');
    expect(text).not.toContain(DATABASE_URL);
    expect(text).not.toContain('Sup3r-s3cret');
    expect(tokens.filter((t) => text.includes(t))).toEqual([]);
  });
});
