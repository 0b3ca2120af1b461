/**
 * How an error reads in a log line. A failed request to Discord (an API error such as "Unknown interaction", an HTTP
 * 5xx, a rate limit) is an event, not a bug: it is logged as one readable object — what was asked, what Discord said
 * — without a stack and without the request body (which may hold a member's text). Any other error keeps pino's
 * standard form, stack included, for whoever has to fix it.
 */
import { pino } from 'pino';

/** The fields a Discord REST failure is logged with. */
export interface DiscordRequestFailure {
  type: string;
  message: string;
  status: number;
  code?: number | string;
  method: string;
  url: string;
}

/**
 * True for the errors @discordjs/rest throws for a response it could not use (DiscordAPIError, HTTPError,
 * RateLimitError carry the request's method and URL and the response's status).
 *
 * @example
 * isDiscordRequestError(new DiscordAPIError(...)) // → true
 */
export function isDiscordRequestError(
  error: unknown,
): error is Error & { status: number; method: string; url: string; code?: number | string } {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { status?: unknown; method?: unknown; url?: unknown };
  return typeof e.status === 'number' && typeof e.method === 'string' && typeof e.url === 'string';
}

/**
 * The pino serializer for `err`.
 *
 * @example
 * serializeError(discordApiError) // → { type: 'DiscordAPIError[10062]', message: 'Unknown interaction', status: 404, code: 10062, method: 'POST', url: '…' }
 */
export function serializeError(error: unknown): unknown {
  if (isDiscordRequestError(error)) {
    return {
      type: error.name,
      message: error.message,
      status: error.status,
      ...(error.code === undefined ? {} : { code: error.code }),
      method: error.method.toUpperCase(),
      url: error.url,
    } satisfies DiscordRequestFailure;
  }
  if (error instanceof Error) {
    const { requestBody: _body, ...serialized } = pino.stdSerializers.err(error) as ReturnType<typeof pino.stdSerializers.err> & {
      requestBody?: unknown;
    };
    return serialized;
  }
  return error;
}
