/**
 * The bot in HTTP interactions mode, end to end over loopback: a signed interaction gets the very response the
 * interaction layer gives any transport (the gateway bot included), within Discord's spec; a deferred answer's edit
 * reaches Discord's webhook route (the loopback fake); the health route says what a load balancer needs to know.
 */
import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { DiscordEnvSchema, readHttpEnv } from '../../../src/config/env.ts';
import { type RunningBot, startBot } from '../../../src/delivery/discord/start-bot.ts';
import type { RunningHttp } from '../../../src/delivery/http/start-http.ts';
import { startHttpBot } from '../../../src/delivery/http/start-http-bot.ts';
import { botContext } from '../../../src/interactions/bot-context.ts';
import { fixedKnowledge } from '../../../src/serving/live-knowledge.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import { ApiTransport } from '../../interactions/api-transport.ts';
import { APP_ID, autocomplete, FakeDiscord, slashCommand } from '../discord/fake-discord.ts';
import { callbackProblems } from './endpoint.ts';
import { makeKeyPair, postSigned, send } from './signed-requests.ts';

const keys = makeKeyPair();
const discord = new FakeDiscord();
const knowledge = fixedKnowledge(bundledKnowledge());
const logger = createLogger('silent');
let http: RunningHttp;
let deferring: RunningHttp;
let gateway: RunningBot;

beforeAll(async () => {
  await discord.start();
  const env = readHttpEnv({
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_API_URL: discord.apiUrl,
    HTTP_HOST: '127.0.0.1',
  });
  const common = { env, logger, knowledge, commands: COMMANDS, cooldownMs: 0, port: 0 };
  http = await startHttpBot(common);
  // a corpus "this large" from the first passage: every answer is deferred, then edited through the webhook route
  deferring = await startHttpBot({ ...common, deferFromPassages: 0 });
  // the gateway bot, the real discord.js client logged in to the fake Discord
  const gatewayEnv = DiscordEnvSchema.parse({
    DISCORD_TOKEN: `fake.${'x'.repeat(64)}`,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: discord.apiUrl,
  });
  gateway = await startBot({ env: gatewayEnv, logger, knowledge, commands: COMMANDS, cooldownMs: 0 });
  if (!gateway.client.isReady()) await new Promise((resolve) => gateway.client.once(Events.ClientReady, resolve));
});

afterAll(async () => {
  await http.stop(1_000);
  await deferring.stop(1_000);
  await gateway.stop();
  await discord.stop();
});

describe('HTTP interactions mode', () => {
  it('answers a signed /who with the same response as the interaction layer gives the gateway, within the spec', async () => {
    const interaction = slashCommand('who', { name: 'McGurk' });
    const reply = await postSigned(http.url, keys.privateKey, interaction);
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.text) as { type: number; data: { embeds: Array<{ description?: string }> } };
    expect(callbackProblems(body)).toEqual([]);
    expect(body.type).toBe(4);
    expect(JSON.stringify(body.data.embeds)).toContain('McGurk');
    const direct = new ApiTransport(
      botContext({
        env: { CORPUS_EDITOR_GUILDS: undefined, DISCORD_GUILD_ID: undefined },
        logger,
        knowledge,
        commands: COMMANDS,
        cooldownMs: 0,
      }),
    );
    expect(body).toEqual(await direct.first(interaction));
  });

  it('sends the very response JSON the gateway bot sends for the same interaction', async () => {
    const interactions = [
      slashCommand('search', { text: 'Blinkin Doha' }),
      slashCommand('when', { event: 'Raanans freed' }),
      slashCommand('terms', { topic: 'ratio', public: true }),
      slashCommand('search', { text: '' }),
      autocomplete('who', 'name', 'McG'),
    ];
    for (const interaction of interactions) {
      const overHttp = JSON.parse((await postSigned(http.url, keys.privateKey, interaction)).text) as unknown;
      const overGateway = await discord.interact(interaction);
      expect(overGateway.problems).toEqual([]);
      expect(overHttp).toMatchObject({ type: expect.any(Number) as number });
      expect(overHttp).toEqual(overGateway.body);
    }
  });

  it('defers a slow answer in the HTTP reply, then edits it through the webhook route', async () => {
    const interaction = slashCommand('search', { text: 'communications cell' });
    const edited = discord.waitFor(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${String(interaction.token)}/messages/@original`,
    );
    const reply = await postSigned(deferring.url, keys.privateKey, interaction);
    expect(JSON.parse(reply.text)).toMatchObject({ type: 5, data: { flags: 64 } });
    const edit = await edited;
    expect(edit.problems).toEqual([]);
    expect(JSON.stringify(edit.body)).toContain('communications cell');
  });

  it('refuses an unsigned request before anything reaches the bot', async () => {
    const reply = await send(http.url, {
      body: JSON.stringify(slashCommand('who', { name: 'McGurk' })),
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(401);
  });

  it('tells a load balancer it is up, with the corpus it answers from', async () => {
    const reply = await send(`${http.url.replace(/\/interactions$/, '')}/healthz`, { method: 'GET' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: true, corpus: 'ready', passages: bundledKnowledge().passages.length, faq: 'off' });
  });
});
