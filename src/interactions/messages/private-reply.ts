/**
 * The bot's own short messages to one member, as API JSON: private (ephemeral), within Discord's 2,000 characters,
 * and unable to ping anyone whatever a source, a query or a moderator's text contains.
 *
 * @example
 * await reply.send(privately('Only moderators can change the FAQ.'));
 */
import { type APIAllowedMentions, MessageFlags } from 'discord-api-types/v10';
import { LIMITS, truncate } from './discord-limits.ts';

/** `allowed_mentions` that allow nothing: a mention in the text shows as a name and pings no one. */
export const NO_MENTIONS: APIAllowedMentions = { parse: [], replied_user: false };

export const quiet = { allowed_mentions: NO_MENTIONS };

export const privately = (content: string) => ({
  content: truncate(content, LIMITS.content),
  flags: MessageFlags.Ephemeral as const,
  ...quiet,
});
