/**
 * One readable log line for each time Discord's REST API pushes back: a 429 (which route, how long to wait, whether
 * the limit is global) and a 5xx (which route, which try). @discordjs/rest waits out the limit and retries a 5xx up
 * to three times by itself, so these are warnings, not errors; what finally fails reaches the interaction layer,
 * which logs it. Routes are logged as their bucket (`/interactions/:id/:token/callback`), never with an interaction
 * token.
 */
import type { REST } from '@discordjs/rest';
import type { Logger } from '../../logging/logger.ts';
import { withoutInteractionTokens } from '../../logging/redact-secrets.ts';

/** The REST client's event methods this needs (discord.js's `client.rest`, or a `new REST()`). */
export type RestEvents = Pick<REST, 'on'>;

/**
 * @example
 * logRestTrouble(client.rest, logger);
 * // {"level":40,"method":"POST","route":"/interactions/:id/:token/callback","retryAfterS":0.2,"global":true,"msg":"Discord rate limit (global): waiting 0.2 s before POST /interactions/:id/:token/callback"}
 */
export function logRestTrouble(rest: RestEvents, logger: Logger): void {
  rest.on('response', (request, response) => {
    const method = request.method.toUpperCase();
    const route = readableRoute(request.route);
    if (response.status === 429) {
      const retryAfterS = Number(response.headers.get('retry-after') ?? 0);
      const global = response.headers.has('x-ratelimit-global');
      const scope = response.headers.get('x-ratelimit-scope') ?? 'user';
      logger.warn(
        { method, route, retryAfterS, global, scope },
        `Discord rate limit${global ? ' (global)' : ''}: waiting ${retryAfterS} s before ${method} ${route}`,
      );
    } else if (response.status >= 500) {
      logger.warn(
        { method, route, status: response.status, try: request.retries + 1 },
        `Discord answered ${response.status} ${response.statusText} to ${method} ${route} (try ${request.retries + 1})`,
      );
    }
  });
  rest.on('rateLimited', (info) => {
    logger.info(
      { method: info.method.toUpperCase(), route: readableRoute(info.route), waitMs: info.timeToReset, global: info.global },
      'holding a request back for a Discord rate limit',
    );
  });
}

/** The route as Discord documents it: no interaction token, `@original` rather than discord.js's `%40original`. */
function readableRoute(route: string): string {
  let decoded = route;
  try {
    decoded = decodeURIComponent(route);
  } catch {
    // not percent-encoded after all
  }
  return withoutInteractionTokens(decoded);
}
