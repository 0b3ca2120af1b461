/**
 * Failures that mean the thing to answer is gone on Discord's side, so there is no one left to apologise to: the
 * interaction expired before its first response (10062 Unknown interaction: Discord allows 3 seconds) or its token
 * did (10015 Unknown Webhook: 15 minutes), or the message to edit or delete was deleted meanwhile (10008 Unknown
 * Message — for the Delete button of a shared post, what the member wanted has already happened).
 */
import { RESTJSONErrorCodes } from 'discord-api-types/v10';

/** What is gone, and the log line that says so. */
export interface Gone {
  what: 'interaction' | 'message';
  message: string;
}

/**
 * Null for any other error.
 *
 * @example
 * goneOnDiscord(new DiscordAPIError({ code: 10062, message: 'Unknown interaction' }, 10062, 404, 'POST', url, {}))
 * // → { what: 'interaction', message: 'the interaction expired before the bot could answer it (Unknown interaction); nothing more can be sent for it' }
 */
export function goneOnDiscord(error: unknown): Gone | null {
  const code = (error as { code?: unknown } | null)?.code;
  const said = error instanceof Error ? error.message : '';
  if (code === RESTJSONErrorCodes.UnknownInteraction || code === RESTJSONErrorCodes.UnknownWebhook) {
    return {
      what: 'interaction',
      message: `the interaction expired before the bot could answer it (${said}); nothing more can be sent for it`,
    };
  }
  if (code === RESTJSONErrorCodes.UnknownMessage)
    return { what: 'message', message: `the message was already deleted (${said}); nothing to change` };
  return null;
}
