/**
 * One readable log line for what happens to the gateway connection once the bot is up: Discord asking it to
 * reconnect (op 7), invalidating the session (op 9, resumable or not), a dropped socket, the session resumed or
 * started again, and a close Discord will not take back (a reset token: 4004). discord.js reconnects by itself;
 * these lines say that it did. Failures before the first login are reported by the start-up attempts instead.
 */
import { type Client, Events } from 'discord.js';
import type { Logger } from '../../logging/logger.ts';
import { startFailure } from './discord-failures.ts';

/**
 * @example
 * logGatewayEvents(client, logger);
 * // {"level":40,"shard":0,"resumable":true,"msg":"Discord invalidated the gateway session (op 9); resuming it"}
 */
export function logGatewayEvents(client: Client, logger: Logger): void {
  client.on(Events.Debug, (message) => {
    const shard = Number(/^\[WS => Shard (\d+)\]/.exec(message)?.[1] ?? 0);
    const invalid = /Invalid session; will attempt to resume: (true|false)/.exec(message);
    if (invalid) {
      const resumable = invalid[1] === 'true';
      logger.warn(
        { shard, resumable },
        `Discord invalidated the gateway session (op 9); ${resumable ? 'resuming it' : 'identifying again'}`,
      );
      return;
    }
    const lost = /The gateway closed with an unexpected code (\d+)/.exec(message);
    if (lost && client.isReady()) {
      logger.warn({ shard, code: Number(lost[1]) }, `gateway connection lost (close code ${lost[1]}); reconnecting`);
      return;
    }
    const reason = /Destroying shard\s+Reason: ([^\n]+)/.exec(message)?.[1]?.trim();
    if (reason && client.isReady() && !['none', 'Manager was destroyed'].includes(reason))
      logger.warn({ shard, reason }, `gateway connection closed (${reason}); reconnecting`);
  });
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway session resumed'));
  client.on(Events.ShardReady, (shard) => client.isReady() && logger.info({ shard }, 'gateway session started again'));
  client.on(Events.ShardError, (error, shard) => client.isReady() && logger.warn({ shard }, `gateway error: ${error.message}`));
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (client.isReady())
      logger.error({ shard, code: event.code }, `the gateway closed for good: ${startFailure(null, event.code).reason}`);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord.js client error'));
}
