/**
 * Starts the discord.js gateway client: Guilds intent only, REST base URL from settings (a REST proxy, or the tests'
 * loopback fake), every interaction handed to `handleInteraction`. `stop()` disconnects cleanly.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { AnyCommand } from '../../commands/define-command.ts';
import type { DiscordEnv } from '../../config/env.ts';
import type { Knowledge } from '../../knowledge/knowledge.ts';
import type { FaqStore } from '../../faq/faq-store.ts';
import type { Logger } from '../../logging/logger.ts';
import { Cooldowns } from './cooldowns.ts';
import { handleInteraction } from './handle-interaction.ts';
import { inviteUrl } from './invite-url.ts';

export interface RunningBot {
  client: Client;
  stop(): Promise<void>;
}

export const COOLDOWN_MS = 3000;

export async function startBot(options: {
  env: DiscordEnv;
  logger: Logger;
  knowledge: Promise<Knowledge>;
  commands: readonly AnyCommand[];
  cooldownMs?: number;
  faq?: FaqStore;
}): Promise<RunningBot> {
  const { env, logger } = options;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: env.DISCORD_API_URL } });
  const ctx = { knowledge: options.knowledge, commands: options.commands, cooldowns: new Cooldowns(options.cooldownMs ?? COOLDOWN_MS), logger, ...(options.faq ? { faq: options.faq } : {}) };
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, ctx));
  client.once(Events.ClientReady, (c) => logger.info({ user: c.user.tag, guilds: c.guilds.cache.size, invite: inviteUrl(env.DISCORD_APPLICATION_ID) }, 'connected to Discord'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord.js client error'));
  client.on(Events.ShardReconnecting, (id) => logger.warn({ shard: id }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (id, replayed) => logger.info({ shard: id, replayed }, 'gateway session resumed'));
  options.knowledge.catch((error: unknown) => logger.fatal({ err: error }, 'the corpus could not be loaded'));
  await client.login(env.DISCORD_TOKEN);
  return {
    client,
    async stop() {
      await client.destroy();
      logger.info('disconnected from Discord');
    },
  };
}
