/**
 * Deferred answers' edits in HTTP mode, against a loopback stand-in for Discord that counts them per second: they
 * are not held to the 50 requests a second Discord's global rate limit sets for other routes (it does not apply it to
 * interaction webhooks, and @discordjs/rest's default would queue them, each with its message in memory); a 429 on
 * one interaction's route is still waited out, on that route alone, and a global 429 still holds the client; and a
 * shutdown with edits still on their way waits for them before it returns (the process then exits).
 */
import { Writable } from 'node:stream';
import { Routes } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { readHttpEnv } from '../../../src/config/env.ts';
import type { RunningHttp } from '../../../src/delivery/http/start-http.ts';
import { startHttpBot } from '../../../src/delivery/http/start-http-bot.ts';
import { createWebhookClient } from '../../../src/interactions/bot-context.ts';
import { fixedKnowledge } from '../../../src/serving/live-knowledge.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import { APP_ID, slashCommand } from '../discord/fake-discord.ts';
import { makeKeyPair, postSigned } from './signed-requests.ts';
import { type SinkRequest, WebhookSink } from './webhook-sink.ts';

/** Discord's global limit, and @discordjs/rest's default `globalRequestsPerSecond`. */
const GLOBAL_LIMIT_PER_SECOND = 50;
const knowledge = fixedKnowledge(bundledKnowledge());
const isEdit = (r: SinkRequest) => r.method === 'PATCH' && r.path.endsWith('/messages/@original');
const edit = (token: string) => Routes.webhookMessage(APP_ID, token, '@original');

let sink: WebhookSink;
beforeEach(async () => {
  sink = new WebhookSink();
  await sink.start();
});
afterEach(() => sink.stop());

/** The HTTP bot with every answer deferred (so every answer is an edit), sending its edits to the sink. */
async function deferringBot(): Promise<{
  http: RunningHttp;
  keys: ReturnType<typeof makeKeyPair>;
  log: Array<{ msg: string; level: number }>;
}> {
  const keys = makeKeyPair();
  const log: Array<{ msg: string; level: number }> = [];
  const logger = createLogger(
    'debug',
    new Writable({
      write: (chunk: Buffer, _enc, done) => (log.push(JSON.parse(chunk.toString()) as { msg: string; level: number }), done()),
    }),
  );
  const env = readHttpEnv({
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_API_URL: sink.apiUrl,
    HTTP_HOST: '127.0.0.1',
  });
  const http = await startHttpBot({ env, logger, knowledge, commands: COMMANDS, cooldownMs: 0, port: 0, deferFromPassages: 0 });
  return { http, keys, log };
}

async function until(test: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the webhook client', () => {
  it('sends 300 edits at once, more than 50 in one second, holding none back for a global limit', async () => {
    const webhooks = createWebhookClient({ api: sink.apiUrl });
    const heldBack: unknown[] = [];
    webhooks.rest.on('rateLimited', (info) => heldBack.push(info));
    await Promise.all(
      Array.from({ length: 300 }, (_, n) => webhooks.patch(edit(`token-${n}`), { body: { content: `answer ${n}` }, auth: false })),
    );
    expect(sink.answered(isEdit)).toBe(300);
    expect(heldBack).toEqual([]);
    expect(sink.peakPerSecond(isEdit)).toBeGreaterThan(GLOBAL_LIMIT_PER_SECOND);
  });

  it('waits out a 429 on one interaction’s route and retries it, without holding back another interaction’s edit', async () => {
    const webhooks = createWebhookClient({ api: sink.apiUrl });
    sink.rateLimitOnce({ pattern: /token-limited\//, retryAfterS: 0.3 });
    const limited = webhooks.patch(edit('token-limited'), { body: { content: 'limited' }, auth: false });
    await until(() => sink.requests.length === 1, 'the 429');
    await webhooks.patch(edit('token-free'), { body: { content: 'free' }, auth: false });
    const statuses = (token: string) => sink.requests.filter((r) => r.path.includes(`/${token}/`)).map((r) => r.status);
    // the other interaction's edit went through while this one waited
    expect(statuses('token-limited')).toEqual([429]);
    expect(statuses('token-free')).toEqual([200]);
    await limited;
    expect(statuses('token-limited')).toEqual([429, 200]);
  });

  it('holds every request back after a global 429, for its retry_after', async () => {
    const webhooks = createWebhookClient({ api: sink.apiUrl });
    const heldBack: Array<{ global: boolean }> = [];
    webhooks.rest.on('rateLimited', (info) => heldBack.push(info));
    sink.rateLimitOnce({ pattern: /token-first\//, retryAfterS: 0.3, global: true });
    const first = webhooks.patch(edit('token-first'), { body: { content: 'first' }, auth: false });
    await until(() => sink.requests.some((r) => r.status === 429), 'the global 429');
    await Promise.all([first, webhooks.patch(edit('token-second'), { body: { content: 'second' }, auth: false })]);
    expect(heldBack.some((info) => info.global)).toBe(true);
    expect(sink.answered(isEdit)).toBe(2);
  });
});

describe('HTTP mode', () => {
  let running: RunningHttp | null = null;
  afterEach(async () => {
    await running?.stop(100, 1_000);
    running = null;
  });

  it('edits 150 deferred answers faster than 50 a second, none held back for a global limit', async () => {
    const { http, keys, log } = await deferringBot();
    running = http;
    const interactions = Array.from({ length: 150 }, (_, n) => slashCommand('who', { name: n % 2 === 0 ? 'McGurk' : 'Barnea' }));
    const replies = await Promise.all(interactions.map((i) => postSigned(http.url, keys.privateKey, i)));
    expect(replies.map((r) => (JSON.parse(r.text) as { type: number }).type)).toEqual(interactions.map(() => 5));
    await until(() => sink.answered(isEdit) === 150, 'every edit');
    expect(log.filter((l) => l.msg === 'holding a request back for a Discord rate limit')).toEqual([]);
    expect(sink.peakPerSecond(isEdit)).toBeGreaterThan(GLOBAL_LIMIT_PER_SECOND);
  });

  it('on shutdown, waits for deferred answers’ edits still on their way to Discord before it returns', async () => {
    const { http, keys, log } = await deferringBot();
    running = http;
    sink.hold(); // Discord is slow to answer: every edit waits on the wire
    const interactions = Array.from({ length: 40 }, () => slashCommand('who', { name: 'McGurk' }));
    await Promise.all(interactions.map((i) => postSigned(http.url, keys.privateKey, i)));
    await until(() => sink.requests.filter(isEdit).length === 40, 'every edit to be sent');
    // SIGTERM: requests in flight get 50 ms, then the edits are waited for
    const editsWhenStopped = http.stop(50).then(() => sink.answered(isEdit));
    running = null;
    await new Promise((r) => setTimeout(r, 300));
    sink.release();
    expect(await editsWhenStopped).toBe(40);
    expect(log.filter((l) => l.level >= 40).map((l) => l.msg)).toEqual(['closing with interactions still in flight']);
  });
});
