/**
 * What went wrong when the bot reached for Discord, in words an operator can act on, and whether trying again can
 * help. Discord unreachable (connection refused, no DNS, a timeout, a 5xx, a rate limit) passes: try again later.
 * A refused token (401, gateway close 4004), intents Discord does not allow (4013, 4014) or a shard setting Discord
 * rejects (4010, 4011, 4012) will fail the same way every time: that is a configuration error, said once.
 */
import { GatewayCloseCodes } from 'discord-api-types/v10';

/** Start-up stopped because of a setting only the operator can change; retrying would fail the same way. */
export class DiscordConfigError extends Error {
  override name = 'DiscordConfigError';
}

/** The exit code for a configuration error (sysexits' EX_CONFIG): a supervisor, or the shard manager, should not restart. */
export const CONFIG_ERROR_EXIT_CODE = 78;

/** What to do about a failed attempt to reach Discord. */
export type StartFailure = { retry: true; reason: string } | { retry: false; reason: string };

const TOKEN_REFUSED = 'Discord refused DISCORD_TOKEN: it is wrong, or was reset (Developer Portal → Bot → Reset Token, then set it again)';

/** The gateway close codes that no retry can fix, and what each asks of the operator. */
const CONFIG_CLOSE_CODES: Partial<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]: `${TOKEN_REFUSED} (gateway close 4004)`,
  [GatewayCloseCodes.DisallowedIntents]:
    'Discord refused the gateway intents the bot asks for (gateway close 4014): turn them on under Developer Portal → Bot → Privileged Gateway Intents, or run a version that does not ask for them',
  [GatewayCloseCodes.InvalidIntents]: 'Discord says the gateway intents are invalid (gateway close 4013)',
  [GatewayCloseCodes.InvalidShard]: 'Discord refused the shard settings (gateway close 4010): check DISCORD_SHARDS',
  [GatewayCloseCodes.ShardingRequired]: 'Discord requires sharding for this many servers (gateway close 4011): run npm run start:sharded',
  [GatewayCloseCodes.InvalidAPIVersion]: 'Discord refused the gateway API version (gateway close 4012): update discord.js',
};

/** The errors @discordjs/ws throws for those close codes, by message, for when the code itself was not seen. */
const CONFIG_MESSAGES: Array<[RegExp, number]> = [
  [/^Authentication failed$/, GatewayCloseCodes.AuthenticationFailed],
  [/^Used disallowed intents$/, GatewayCloseCodes.DisallowedIntents],
  [/^Used invalid intents$/, GatewayCloseCodes.InvalidIntents],
  [/^Invalid shard$/, GatewayCloseCodes.InvalidShard],
  [/^Sharding is required$/, GatewayCloseCodes.ShardingRequired],
  [/^Used an invalid API version$/, GatewayCloseCodes.InvalidAPIVersion],
];

/**
 * Whether an attempt to reach Discord (log in, fetch the gateway, register commands) is worth repeating, and why it
 * failed, in one line. `closeCode` is the gateway close code seen during the attempt, if any.
 *
 * @example
 * startFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }), null)
 * // → { retry: true, reason: 'Discord cannot be reached (connect ECONNREFUSED 127.0.0.1:443)' }
 * startFailure(new Error('Authentication failed'), 4004) // → { retry: false, reason: 'Discord refused DISCORD_TOKEN: … (gateway close 4004)' }
 */
export function startFailure(error: unknown, closeCode: number | null = null): StartFailure {
  const byCode = closeCode === null ? undefined : CONFIG_CLOSE_CODES[closeCode];
  if (byCode) return { retry: false, reason: byCode };
  const message = error instanceof Error ? error.message : String(error);
  const matched = CONFIG_MESSAGES.find(([pattern]) => pattern.test(message));
  if (matched) return { retry: false, reason: CONFIG_CLOSE_CODES[matched[1]] ?? message };
  const status = statusOf(error);
  if ((error as { code?: unknown } | null)?.code === 'TokenInvalid' || status === 401)
    return { retry: false, reason: `${TOKEN_REFUSED} (401 Unauthorized)` };
  if (status === 403)
    return {
      retry: false,
      reason: `Discord forbids the bot this request (403 Forbidden: ${message}): check the application and the bot's access`,
    };
  if (status !== null) return { retry: true, reason: `Discord answered ${status} (${message})` };
  return { retry: true, reason: `Discord cannot be reached (${describeCause(error)})` };
}

/**
 * An error's own words, one line: the message, or for a connection error that has none (Node's AggregateError when
 * every address refused) the first inner error's message or code.
 *
 * @example
 * describeCause(new AggregateError([new Error('connect ECONNREFUSED ::1:443')], '')) // → 'connect ECONNREFUSED ::1:443'
 */
export function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error instanceof AggregateError ? error.errors.find((e) => e instanceof Error) : error.cause;
  const own = error.message.split('\n')[0]?.trim() ?? '';
  if (own !== '' && !(own === 'fetch failed' && inner instanceof Error)) return own;
  if (inner instanceof Error) return describeCause(inner);
  return (error as { code?: string }).code ?? error.name;
}

function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}
