/**
 * Gateway sharding: discord.js's ShardingManager runs one bot process (src/main.ts) per shard, each a full bot on
 * the interaction layer with its own cooldowns and page-query memory, all sharing the FAQ database file and
 * the corpus directory. The shard count is `DISCORD_SHARDS`, else what Discord recommends (GET /gateway/bot,
 * through `DISCORD_API_URL`); shards start as fast as the session's `max_concurrency` allows. A shard that dies
 * is started again; SIGTERM stops every shard cleanly.
 */
import { join } from 'node:path';
import { type APIGatewayBotInfo, Routes } from 'discord-api-types/v10';
import { REST, ShardingManager } from 'discord.js';
import type { DiscordEnv } from '../../config/env.ts';
import type { Logger } from '../../logging/logger.ts';

/** Discord lets one bucket of shards identify every 5 seconds. */
const IDENTIFY_INTERVAL_MS = 5500;

export interface RunningShards {
  count: number;
  stop(): Promise<void>;
}

/**
 * @example
 * const shards = await startShards(readDiscordEnv(process.env), logger); // → { count: 2, stop }
 */
export async function startShards(env: DiscordEnv, logger: Logger): Promise<RunningShards> {
  const rest = new REST({ api: env.DISCORD_API_URL }).setToken(env.DISCORD_TOKEN);
  const gateway = (await rest.get(Routes.gatewayBot())) as APIGatewayBotInfo;
  const count = env.DISCORD_SHARDS ?? Math.max(1, gateway.shards);
  const manager = new ShardingManager(join(import.meta.dirname, '../../main.ts'), {
    token: env.DISCORD_TOKEN,
    totalShards: count,
    mode: 'process',
    respawn: true,
    execArgv: ['--import', 'tsx'],
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: count }, 'shard started');
    shard.on('death', () => logger.warn({ shard: shard.id }, 'shard process exited'));
  });
  const delay = Math.ceil(IDENTIFY_INTERVAL_MS / Math.max(1, gateway.session_start_limit.max_concurrency));
  await manager.spawn({ amount: count, delay, timeout: 60_000 });
  logger.info({ shards: count }, 'every shard is connected');
  return {
    count,
    async stop() {
      manager.respawn = false;
      await Promise.all(
        manager.shards.map(
          (shard) =>
            new Promise<void>((resolve) => {
              const child = shard.process;
              if (!child || child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
