/**
 * `npm run start:sharded`: the Discord bot on several gateway shards (see src/delivery/discord/start-sharded.ts).
 * Use it when one process no longer keeps up with the servers the bot is in (Discord requires shards from 2,500
 * servers); SIGTERM or Ctrl-C stops every shard.
 */
import 'dotenv/config';
import { ConfigError, readDiscordEnv } from '../config/env.ts';
import { CONFIG_ERROR_EXIT_CODE, DiscordConfigError } from '../delivery/discord/discord-failures.ts';
import { type RunningShards, startShards } from '../delivery/discord/start-sharded.ts';
import { createLogger } from '../logging/logger.ts';

let shards: RunningShards | null = null;
try {
  const env = readDiscordEnv(process.env);
  const logger = createLogger(env.LOG_LEVEL);
  shards = await startShards(env, logger, (shard) => {
    logger.fatal({ shard }, 'a shard stopped on a configuration error (its log says which); stopping every shard');
    void shards?.stop().then(() => process.exit(CONFIG_ERROR_EXIT_CODE));
  });
  const running = shards;
  const shutdown = (signal: string) => {
    logger.info({ signal, shards: running.count }, 'stopping every shard');
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  console.error(
    `talks-bot: ${error instanceof ConfigError || error instanceof DiscordConfigError ? error.message : (error as Error).message}`,
  );
  process.exit(error instanceof DiscordConfigError ? CONFIG_ERROR_EXIT_CODE : 1);
}
