/**
 * Starts the discord.js gateway client: Guilds intent only, REST base URL from settings (a REST proxy, or the tests'
 * loopback fake), every interaction handed to the interaction layer (src/interactions/) as raw JSON. `stop()` disconnects cleanly.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { DiscordEnv } from '../../config/env.ts';
import { type BotOptions, botContext } from '../../interactions/bot-context.ts';
import { createInteractionHandler } from '../../interactions/dispatch.ts';
import { listenForInteractions } from './gateway-interactions.ts';
import { inviteUrl } from './invite-url.ts';

export interface RunningBot {
  client: Client;
  stop(): Promise<void>;
}

export async function startBot(options: BotOptions & { env: DiscordEnv }): Promise<RunningBot> {
  const { env, logger } = options;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: env.DISCORD_API_URL } });
  listenForInteractions(client, createInteractionHandler(botContext(options), client.rest));
  client.once(Events.ClientReady, (c) => logger.info({ user: c.user.tag, guilds: c.guilds.cache.size, invite: inviteUrl(env.DISCORD_APPLICATION_ID) }, 'connected to Discord'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord.js client error'));
  client.on(Events.ShardReconnecting, (id) => logger.warn({ shard: id }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (id, replayed) => logger.info({ shard: id, replayed }, 'gateway session resumed'));
  await client.login(env.DISCORD_TOKEN);
  return {
    client,
    async stop() {
      await client.destroy();
      logger.info('disconnected from Discord');
    },
  };
}
