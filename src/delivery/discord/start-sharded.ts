/**
 * Gateway sharding: discord.js's ShardingManager runs one bot process (src/main.ts) per shard, each a full bot on
 * the interaction layer with its own cooldowns and page-query memory, all sharing the FAQ database file and
 * the corpus directory. The shard count is `DISCORD_SHARDS`, else what Discord recommends (GET /gateway/bot,
 * through `DISCORD_API_URL`); shards start as fast as the session's `max_concurrency` allows. A shard that dies
 * is started again; SIGTERM stops every shard cleanly. While Discord cannot be reached the recommendation is asked
 * for again with backoff (each shard then retries its own login the same way); a refused token stops start-up with a
 * DiscordConfigError, and a shard that exits with a configuration error (exit code 78) is not restarted:
 * `onConfigError` is called so the caller can stop the rest.
 */
import { extname, join } from 'node:path';
import { type APIGatewayBotInfo, Routes } from 'discord-api-types/v10';
import { REST, ShardingManager } from 'discord.js';
import type { DiscordEnv } from '../../config/env.ts';
import type { Logger } from '../../logging/logger.ts';
import { CONFIG_ERROR_EXIT_CODE, DiscordConfigError } from './discord-failures.ts';
import { sleep } from '../retry-schedule.ts';
import { untilReached } from './until-reached.ts';

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
export async function startShards(
  env: DiscordEnv,
  logger: Logger,
  onConfigError: (shard: number) => void = () => undefined,
): Promise<RunningShards> {
  const rest = new REST({ api: env.DISCORD_API_URL }).setToken(env.DISCORD_TOKEN);
  const schedule = { initialMs: env.DISCORD_RETRY_INITIAL_MS, maxMs: env.DISCORD_RETRY_MAX_MS };
  const gateway = await untilReached(
    'ask Discord for the shard count',
    async () => (await rest.get(Routes.gatewayBot())) as APIGatewayBotInfo,
    { logger, schedule },
  );
  const count = env.DISCORD_SHARDS ?? Math.max(1, gateway.shards);
  // each shard runs the entry point of the kind this module is: built JavaScript, or TypeScript through tsx
  const built = extname(import.meta.filename) === '.js';
  const manager = new ShardingManager(join(import.meta.dirname, built ? '../../main.js' : '../../main.ts'), {
    token: env.DISCORD_TOKEN,
    totalShards: count,
    mode: 'process',
    respawn: true,
    execArgv: built ? [] : ['--import', 'tsx'],
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: count }, 'shard started');
    shard.on('death', () => logger.warn({ shard: shard.id }, 'shard process exited'));
    // before the shard's own exit listener, which restarts it: a configuration error would only repeat
    shard.on('spawn', (child: { prependListener(event: 'exit', listener: (code: number | null) => void): void }) =>
      child.prependListener('exit', (code) => {
        if (code !== CONFIG_ERROR_EXIT_CODE) return;
        manager.respawn = false;
        if (started) onConfigError(shard.id);
        else failed.shard = shard.id;
      }),
    );
  });
  let started = false;
  // set from the exit listener, so kept in an object the compiler does not narrow
  const failed: { shard: number | null } = { shard: null };
  const stop = async () => {
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
  };
  const delay = Math.ceil(IDENTIFY_INTERVAL_MS / Math.max(1, gateway.session_start_limit.max_concurrency));
  try {
    // no real time limit (about 24 days, the longest timer): a shard that cannot reach Discord keeps trying, and
    // says so, rather than failing the start; -1 would not wait for the shards to be ready at all
    await manager.spawn({ amount: count, delay, timeout: 2 ** 31 - 1 });
  } catch (error) {
    // a shard that stopped on a configuration error may be told apart only once it has exited: give it the time
    const exits = manager.shards.map(
      (shard) =>
        new Promise<void>((resolve) =>
          shard.process && shard.process.exitCode === null ? shard.process.once('exit', () => resolve()) : resolve(),
        ),
    );
    await Promise.race([Promise.all(exits), sleep(3_000)]);
    if (failed.shard === null) throw error;
    await stop();
    throw new DiscordConfigError(`shard ${failed.shard} stopped on a configuration error (its log line above says which)`);
  }
  started = true;
  logger.info({ shards: count }, 'every shard is connected');
  return { count, stop };
}
