/**
 * Starts the discord.js gateway client: Guilds intent only, REST base URL from settings (a REST proxy, or the tests'
 * loopback fake), every interaction handed to the interaction layer (src/interactions/) as raw JSON. While Discord
 * cannot be reached, logging in is tried again with backoff (DISCORD_RETRY_INITIAL_MS, DISCORD_RETRY_MAX_MS), one
 * readable log line per failed attempt; a refused token or disallowed intents rejects with a DiscordConfigError.
 * `stop()` disconnects cleanly.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { DiscordEnv } from '../../config/env.ts';
import { corpusDirFromEnv } from '../../corpus/load-corpus.ts';
import { type BotOptions, botContext, createWebhookClient } from '../../interactions/bot-context.ts';
import { createInteractionHandler } from '../../interactions/dispatch.ts';
import { faqSeedIn } from '../bot-state.ts';
import { type FeedPolling, startFeedPolling } from '../feed-polling.ts';
import { startFailure } from './discord-failures.ts';
import { listenForInteractions } from './gateway-interactions.ts';
import { inviteUrl } from './invite-url.ts';
import { logGatewayEvents } from './log-gateway-events.ts';
import { logRestTrouble } from './log-rest-trouble.ts';
import { untilReached } from './until-reached.ts';

export interface RunningBot {
  client: Client;
  /** The poller of followed feeds, when corpus editing and the feed store are on. */
  feeds: FeedPolling | null;
  stop(): Promise<void>;
}

export interface StartBotOptions extends BotOptions {
  env: DiscordEnv;
  /** Aborted on shutdown: stops waiting for Discord. */
  signal?: AbortSignal;
}

/** How long a stop waits for answer edits already queued before it gives up on them. */
const STOP_DRAIN_MS = 10_000;

/**
 * @example
 * const bot = await startBot({ env, logger, knowledge, commands: COMMANDS }); // resolves once logged in
 * process.once('SIGTERM', () => void bot.stop());
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { env, logger } = options;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: env.DISCORD_API_URL } });
  // answers go out through a client of their own, not held to the global 50 a second, and drained on stop
  const webhooks = createWebhookClient({ api: env.DISCORD_API_URL });
  // the starter FAQ, unless given: the corpus's own (CORPUS_DIR)
  const ctx = botContext({ faqSeed: faqSeedIn(corpusDirFromEnv()), ...options });
  listenForInteractions(client, createInteractionHandler(ctx, webhooks), webhooks);
  logRestTrouble(webhooks.rest, logger);
  client.once(Events.ClientReady, (c) =>
    logger.info({ user: c.user.tag, guilds: c.guilds.cache.size, invite: inviteUrl(env.DISCORD_APPLICATION_ID) }, 'connected to Discord'),
  );
  logGatewayEvents(client, logger);
  logRestTrouble(client.rest, logger);
  // the close code Discord gave during a login attempt tells a refused token (4004) from a network failure
  let closeCode: number | null = null;
  client.on(Events.ShardDisconnect, (event) => (closeCode = event.code));
  try {
    await untilReached(
      'log in',
      () => {
        closeCode = null;
        return client.login(env.DISCORD_TOKEN);
      },
      {
        logger,
        schedule: { initialMs: env.DISCORD_RETRY_INITIAL_MS, maxMs: env.DISCORD_RETRY_MAX_MS },
        judge: (error) => startFailure(error, closeCode),
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
  } catch (error) {
    await client.destroy();
    throw error;
  }
  // review messages of followed feeds' items go out through the bot's own REST client (the bot token)
  const feeds = startFeedPolling(ctx.catalog.services, client.rest, logger);
  return {
    client,
    feeds,
    async stop() {
      await feeds?.stop();
      // no new interactions arrive once the gateway is closed; the answers already on their way are sent first
      await client.destroy();
      const unsent = await webhooks.drain(STOP_DRAIN_MS);
      if (unsent > 0) logger.warn({ unsent }, `stopped with ${unsent} answer edits unsent after ${STOP_DRAIN_MS / 1000} s`);
      logger.info('disconnected from Discord');
    },
  };
}
