/**
 * `npm run start:sharded`: the Discord bot on several gateway shards (see src/delivery/discord/start-sharded.ts).
 * Use it when one process no longer keeps up with the servers the bot is in (Discord requires shards from 2,500
 * servers); SIGTERM or Ctrl-C stops every shard.
 */
import 'dotenv/config';
import { ConfigError, readDiscordEnv } from '../config/env.ts';
import { startShards } from '../delivery/discord/start-sharded.ts';
import { createLogger } from '../logging/logger.ts';

try {
  const env = readDiscordEnv(process.env);
  const logger = createLogger(env.LOG_LEVEL);
  const shards = await startShards(env, logger);
  const shutdown = (signal: string) => {
    logger.info({ signal, shards: shards.count }, 'stopping every shard');
    void shards.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  console.error(`talks-bot: ${error instanceof ConfigError ? error.message : (error as Error).message}`);
  process.exit(1);
}
