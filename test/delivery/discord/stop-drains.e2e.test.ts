/**
 * A bot told to stop sends the answers already on their way before it goes: the edit of a deferred answer that
 * Discord held back (a 429 on its route) is delivered, not lost with the process. And answers go out through a client
 * of their own, not through discord.js's, whose global limit of 50 requests a second Discord does not apply to them.
 */
import { Writable } from 'node:stream';
import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { DiscordEnvSchema } from '../../../src/config/env.ts';
import { type RunningBot, startBot } from '../../../src/delivery/discord/start-bot.ts';
import { fixedKnowledge } from '../../../src/serving/live-knowledge.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import { APP_ID, FakeDiscord, FAULTS, slashCommand } from './fake-discord.ts';

const TOKEN = `fake.${'x'.repeat(64)}`;
const silent = new Writable({ write: (_chunk, _enc, done) => done() });

describe('stopping the bot', () => {
  const fake = new FakeDiscord();
  let bot: RunningBot | null = null;

  beforeAll(async () => {
    await fake.start();
    const env = DiscordEnvSchema.parse({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'info',
    });
    // every answer deferred, then edited: the edit is what a stop must not lose
    bot = await startBot({
      env,
      logger: createLogger('info', silent),
      knowledge: fixedKnowledge(Promise.resolve(bundledKnowledge())),
      commands: COMMANDS,
      cooldownMs: 0,
      deferFromPassages: 0,
    });
    if (!bot.client.isReady()) await new Promise((resolve) => bot?.client.once(Events.ClientReady, resolve));
  });

  afterAll(async () => {
    await bot?.stop();
    await fake.stop();
  });

  it('delivers an edit Discord held back before it stops', async () => {
    fake.injectFault(FAULTS.routeRateLimit(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/, 1));
    const interaction = slashCommand('search', { text: 'communications cell' });
    const editPath = new RegExp(`^/webhooks/${APP_ID}/${String(interaction.token)}/messages/@original$`);
    await fake.interact(interaction);
    // the first try of the edit gets the 429; the stop starts while its retry waits
    await fake.waitFor((r) => editPath.test(r.path) && r.status === 429);
    const stopping = bot?.stop();
    bot = null;
    await stopping;
    expect(fake.requests.some((r) => editPath.test(r.path) && r.status === 200)).toBe(true);
  });
});
