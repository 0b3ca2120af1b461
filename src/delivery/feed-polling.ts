/**
 * Starts polling the feeds servers follow, for a bot that edits its corpus from Discord, and posts each queued item's
 * review message in the server's review channel through the bot's REST client (`POST /channels/{id}/messages`, which
 * needs the bot token). The gateway bot and the HTTP endpoint both start it; without a bot token (an HTTP endpoint
 * may run without one) items still wait in `/source-admin queue`, and the log says why no review message is posted.
 *
 * @example
 * const polling = startFeedPolling(ctx.catalog.services, client.rest, logger);
 * await polling?.stop(); // on shutdown
 */
import type { REST } from '@discordjs/rest';
import { UserError } from '../errors/user-error.ts';
import { isDiscordRequestError } from '../logging/serialize-error.ts';
import { Routes } from 'discord-api-types/v10';
import type { Services } from '../commands/declare.ts';
import { FeedPoller } from '../feeds/feed-poller.ts';
import { reviewMessage } from '../interactions/sources/feed-review-message.ts';
import type { Logger } from '../logging/logger.ts';

/** Discord's refusals of a post that the moderators can fix, by error code, in the bot's words. */
const CHANNEL_REFUSALS = new Map<number, string>([
  [50001, 'it has no access to that channel (Missing Access)'],
  [50013, 'it lacks a permission there (Missing Permissions)'],
  [10003, 'the channel no longer exists (Unknown Channel)'],
  [50008, 'it is not a channel messages can be sent in'],
]);

/**
 * A refusal of a review message the moderators can fix (the bot may not post in the review channel), as a UserError
 * they read in `/source-admin feed-settings`; null for any other failure (Discord down, a rate limit), which is
 * only logged and tried again. Told by the error's shape, not its class: discord.js may hold its own copy of
 * @discordjs/rest.
 */
function channelRefusal(error: unknown, channelId: string): UserError | null {
  const why = isDiscordRequestError(error) && typeof error.code === 'number' ? CHANNEL_REFUSALS.get(error.code) : undefined;
  if (!why) return null;
  return new UserError(
    `The bot cannot post review messages in <#${channelId}>: ${why}. Give it View Channel, Send Messages and Embed Links there, or choose another channel with /source-admin feed-settings.`,
    { cause: error },
  );
}

export interface FeedPolling {
  poller: FeedPoller;
  stop(): Promise<void>;
}

/** Starts the poller when corpus editing and the feed store are on; null otherwise. `rest` null: no review messages. */
export function startFeedPolling(
  services: Pick<Services, 'editor' | 'feeds' | 'fetch' | 'editorGuilds'>,
  rest: REST | null,
  logger: Logger,
  tickMs?: number,
): FeedPolling | null {
  const { editor, feeds } = services;
  if (!editor || !feeds) return null;
  if (!rest) logger.warn('followed feeds are polled, but review messages need DISCORD_TOKEN: queued items wait in /source-admin queue');
  const poller = new FeedPoller({
    store: feeds,
    guilds: services.editorGuilds,
    editor,
    fetch: services.fetch,
    logger,
    announce: rest
      ? async (item, preview, channelId) => {
          try {
            // the nonce makes a second post of the same item (two processes, or a retry after a lost answer) return the first
            const body = { ...reviewMessage(item, preview), nonce: `feeditem-${item.id}`, enforce_nonce: true };
            const posted = (await rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
            return posted.id;
          } catch (error) {
            throw channelRefusal(error, channelId) ?? error;
          }
        }
      : null,
  });
  poller.start(tickMs);
  return { poller, stop: () => poller.stop() };
}
