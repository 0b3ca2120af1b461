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
import { Routes } from 'discord-api-types/v10';
import type { Services } from '../commands/declare.ts';
import { FeedPoller } from '../feeds/feed-poller.ts';
import { reviewMessage } from '../interactions/sources/feed-review-message.ts';
import type { Logger } from '../logging/logger.ts';

export interface FeedPolling {
  poller: FeedPoller;
  stop(): Promise<void>;
}

/** Starts the poller when corpus editing and the feed store are on; null otherwise. `rest` null: no review messages. */
export function startFeedPolling(
  services: Pick<Services, 'editor' | 'feeds' | 'fetch'>,
  rest: REST | null,
  logger: Logger,
  tickMs?: number,
): FeedPolling | null {
  const { editor, feeds } = services;
  if (!editor || !feeds) return null;
  if (!rest) logger.warn('followed feeds are polled, but review messages need DISCORD_TOKEN: queued items wait in /source-admin queue');
  const poller = new FeedPoller({
    store: feeds,
    editor,
    fetch: services.fetch,
    logger,
    announce: rest
      ? async (item, preview, channelId) => {
          const posted = (await rest.post(Routes.channelMessages(channelId), { body: reviewMessage(item, preview) })) as { id: string };
          return posted.id;
        }
      : null,
  });
  poller.start(tickMs);
  return { poller, stop: () => poller.stop() };
}
