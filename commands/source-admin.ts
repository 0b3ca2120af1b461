/**
 * `/source-admin` on Discord: a moderator attaches a saved page or gives a link and sees a private preview (title,
 * outlet, authors, date and its evidence, what was kept and dropped, the first paragraphs) with Add, Edit details
 * and Cancel (source-admin-components.ts); `remove` takes a source out. It is separate from the public `/source`
 * because Discord's `default_member_permissions` applies to a whole command.
 *
 * Followed feeds (src/feeds/): `follow` a feed (or a site's page that names one), `unfollow` it, list the `feeds`
 * with how each last went, list the `queue` of items waiting for review, and choose the review channel and the
 * relevance an item needs with `feed-settings`. New relevant items reach the review channel with Add, Edit details
 * and Reject (feed-review-components.ts).
 */
import { choicesMatching } from '../src/answers/choices.ts';
import { defineCommand, leaf, type Services, textChoices } from '../src/commands/declare.ts';
import { type Attachment, attachmentOption, booleanOption, channelOption, integerOption, stringOption } from '../src/commands/options.ts';
import { DEFAULT_INTERVAL_MINUTES, type FollowedFeed, MAX_QUEUED_PER_GUILD, MIN_INTERVAL_MINUTES } from '../src/feeds/feed-store.ts';
import { discoverFeed, MAX_BACKOFF_MINUTES } from '../src/feeds/feed-poller.ts';
import { DEFAULT_MIN_RELEVANCE, MIN_EACH } from '../src/feeds/relevance.ts';
import { FeedError } from '../src/ingest/feeds/read-feed.ts';
import { escapeMarkdown, TimestampStyles, time } from '@discordjs/formatters';
import { CorpusChangeError } from '../src/corpus/corpus-changes.ts';
import { asSentence } from '../src/errors/user-error.ts';
import { FetchPageError, fetchPage } from '../src/ingest/fetch/fetch-page.ts';
import { IngestError } from '../src/ingest/ingest-error.ts';
import { authorOf, editorOf, feedsOf, plain, reloadLine, SOURCE_ADMIN_GATES } from '../src/interactions/sources/source-admin-gates.ts';
import { truncate } from '../src/interactions/messages/discord-limits.ts';
import { privately } from '../src/interactions/messages/private-reply.ts';
import { linkText } from '../src/interactions/messages/escape-markdown.ts';
import { previewMessage } from '../src/interactions/sources/source-preview-message.ts';
import type { SourcePreview } from '../src/serving/corpus-editor.ts';
const MAX_FILE_BYTES = 2_000_000;

/** The page behind a file or a link, as text. Throws FetchPageError or IngestError with a message for the moderator. */
async function downloadPage(
  { fetch }: Pick<Services, 'fetch'>,
  file: Attachment | undefined,
  link: string | undefined,
): Promise<{ raw: string; name: string; url?: string }> {
  if (file && link) throw new IngestError('give either a file or a link, not both');
  if (file) {
    if (file.size > MAX_FILE_BYTES) throw new IngestError(`the file is over ${MAX_FILE_BYTES / 1_000_000} MB`);
    if (!/\.(?:txt|text|html?|xhtml)$/i.test(file.filename) && !/^(?:text\/|application\/xhtml)/.test(file.content_type ?? '')) {
      throw new IngestError('attach the page as text (.txt) or HTML (.html), as a browser saves it');
    }
    const page = await fetchPage(file.url, { ...fetch, maxBytes: MAX_FILE_BYTES });
    return { raw: page.body, name: file.filename };
  }
  if (link) {
    const page = await fetchPage(link, fetch);
    return { raw: page.body, name: new URL(page.url).hostname, url: page.url };
  }
  throw new IngestError('attach the saved page (file) or give its link');
}

/** A time as Discord shows it to each member in their own time zone, relative ("5 minutes ago"). */
const ago = (iso: string | null) => (iso ? time(new Date(iso), TimestampStyles.RelativeTime) : 'never');

/** One followed feed in `/source-admin feeds`. */
function feedLine(feed: FollowedFeed): string {
  const name = feed.title ? `**${escapeMarkdown(truncate(feed.title, 80))}** — ` : '';
  const state = feed.lastError
    ? `⚠️ last error: ${escapeMarkdown(truncate(feed.lastError, 200))} (${feed.failures} in a row; next try ${ago(feed.nextPollAt)})`
    : `next check ${ago(feed.nextPollAt)}`;
  return [
    `• ${name}${linkText(feed.url)}`,
    `  every ${feed.intervalMinutes} min${feed.trusted ? ' · trusted (added without review)' : ''} · last fetched ${ago(feed.lastFetchedAt)} · ${feed.itemsTaken} item${feed.itemsTaken === 1 ? '' : 's'} taken · ${state}`,
  ].join('\n');
}

/** Lines joined up to Discord's 2,000 characters, with how many did not fit. */
function fitted(head: string, lines: readonly string[]): string {
  let text = head;
  for (let i = 0; i < lines.length; i++) {
    const more = `\n… and ${lines.length - i} more.`;
    if (text.length + 1 + (lines[i] as string).length + more.length > 2000) return text + more;
    text += `\n${lines[i] as string}`;
  }
  return text;
}

export default defineCommand({
  name: 'source-admin',
  description: 'Add or remove corpus articles (moderators of the corpus editors’ servers).',
  gates: SOURCE_ADMIN_GATES,
  subcommands: {
    add: leaf({
      description: 'Preview an article from a saved page (text or HTML) or a link, then add it',
      options: {
        file: attachmentOption({ description: 'The page saved from a browser (.txt or .html)' }),
        link: stringOption({ description: 'Or: the article’s address (http or https)', maxLength: 2000 }),
      },
      async handle({ file, link }, call) {
        const editor = editorOf(call);
        await call.reply.defer({ private: true });
        let preview: SourcePreview;
        try {
          const page = await downloadPage(call.services, file, link);
          preview = editor.preview(page.raw, page.name, page.url ? { url: page.url } : {});
        } catch (error) {
          // the refusal in this command's words; the dispatcher tells it (as the deferred reply's edit)
          if (error instanceof FetchPageError || error instanceof IngestError)
            throw error.restated(`Nothing was added: ${asSentence(error.message)}`);
          throw error;
        }
        const key = await call.services.drafts.put({ prepared: preview, owner: call.user.id, guild: call.guildId ?? '' });
        await call.reply.send(previewMessage(preview, key));
      },
    }),
    remove: leaf({
      description: 'Take an article out of the corpus (its file is kept in removed/)',
      options: {
        id: stringOption({ description: 'The source id (type to search)', required: true, autocomplete: true, maxLength: 100 }),
      },
      autocomplete: (_option, typed, { call }) => {
        const editor = call?.services.editor;
        return textChoices(choicesMatching(editor ? [...editor.live.current().sourceById.keys()] : [], typed));
      },
      async handle({ id }, call) {
        const editor = editorOf(call);
        await call.reply.defer({ private: true });
        try {
          const { movedTo, reload } = await editor.remove(id, authorOf(call));
          const kept = movedTo.split(/[\\/]/).slice(-2).join('/');
          await call.reply.send(plain(`Removed \`${id}\` from the corpus (its file is kept as \`${kept}\`). ${reloadLine(reload)}`));
        } catch (error) {
          if (!(error instanceof CorpusChangeError)) throw error;
          await call.reply.send(plain(`Nothing was removed: ${error.message}`));
        }
      },
    }),
    follow: leaf({
      description: 'Follow a news feed (RSS, Atom, JSON Feed, or a site’s page that links one); new items go to review',
      options: {
        url: stringOption({
          description: 'The feed’s address, or a page of the site that links its feed',
          required: true,
          maxLength: 2000,
        }),
        trusted: booleanOption({ description: 'Add relevant items without review (default: no, every item is reviewed)' }),
        interval: integerOption({
          description: `Minutes between checks (default ${DEFAULT_INTERVAL_MINUTES}, at least ${MIN_INTERVAL_MINUTES})`,
          min: MIN_INTERVAL_MINUTES,
          max: MAX_BACKOFF_MINUTES,
        }),
      },
      async handle({ url, trusted, interval }, call) {
        const feeds = feedsOf(call);
        const guild = call.guildId ?? '';
        await call.reply.defer({ private: true });
        let found: Awaited<ReturnType<typeof discoverFeed>>;
        try {
          found = await discoverFeed(url, call.services.fetch);
        } catch (error) {
          if (error instanceof FetchPageError || error instanceof FeedError)
            throw error.restated(`Not followed: ${asSentence(error.message)}`);
          throw error;
        }
        const feed = await feeds.follow(
          {
            guildId: guild,
            url: found.url,
            title: found.title,
            trusted: trusted ?? false,
            intervalMinutes: interval ?? DEFAULT_INTERVAL_MINUTES,
            by: call.user.id,
          },
          new Date(),
        );
        const { reviewChannelId } = await feeds.settings(guild);
        const where = feed.trusted
          ? 'Relevant items are added to the corpus without review (a trusted feed).'
          : reviewChannelId
            ? `Relevant items go to <#${reviewChannelId}> for review.`
            : 'Relevant items wait in `/source-admin queue`; choose a review channel with `/source-admin feed-settings` to see each one there.';
        const name = found.title ? `**${escapeMarkdown(truncate(found.title, 100))}** ` : '';
        await call.reply.send(
          plain(
            `Following ${name}${linkText(feed.url)}: it lists ${found.items} item${found.items === 1 ? '' : 's'} now, checked first within a minute, then every ${feed.intervalMinutes} minutes. ${where}`,
          ),
        );
      },
    }),
    unfollow: leaf({
      description: 'Stop following a feed (what it brought stays in the corpus)',
      options: {
        url: stringOption({ description: 'The feed’s address (type to search)', required: true, autocomplete: true, maxLength: 2000 }),
      },
      autocomplete: async (_option, typed, { call }) => {
        if (!call?.services.feeds || !call.guildId) return [];
        const urls = (await call.services.feeds.feeds(call.guildId)).map((f) => f.url).filter((u) => u.length <= 100);
        return textChoices(choicesMatching(urls, typed));
      },
      async handle({ url }, call) {
        const removed = await feedsOf(call).unfollow(call.guildId ?? '', url);
        await call.reply.send(
          privately(
            removed
              ? `Unfollowed ${linkText(url)}. What it brought stays in the corpus; items waiting for review still wait.`
              : `This server does not follow that address: \`/source-admin feeds\` lists the feeds it follows.`,
          ),
        );
      },
    }),
    feeds: leaf({
      description: 'The feeds this server follows: when each was last fetched, its last error, items taken',
      options: {},
      async handle(_options, call) {
        const list = await feedsOf(call).feeds(call.guildId ?? '');
        const text =
          list.length === 0
            ? 'This server follows no feeds. Follow one with `/source-admin follow`.'
            : fitted(`This server follows ${list.length} feed${list.length === 1 ? '' : 's'}:`, list.map(feedLine));
        await call.reply.send(privately(text));
      },
    }),
    queue: leaf({
      description: 'The feed items waiting for a moderator’s review',
      options: {},
      async handle(_options, call) {
        const feeds = feedsOf(call);
        const guild = call.guildId ?? '';
        const [items, settings, count] = await Promise.all([feeds.queued(guild), feeds.settings(guild), feeds.queuedCount(guild)]);
        const line = (item: (typeof items)[number]) => {
          const title = escapeMarkdown(truncate(item.title ?? item.link, 100));
          const message =
            item.reviewMessageId && settings.reviewChannelId
              ? ` — [review message](https://discord.com/channels/${guild}/${settings.reviewChannelId}/${item.reviewMessageId})`
              : '';
          return `• ${item.id}. ${title} (seen ${ago(item.seenAt)})${message}`;
        };
        const warning =
          (settings.reviewError ? `⚠️ ${escapeMarkdown(settings.reviewError)}\n` : '') +
          (count >= MAX_QUEUED_PER_GUILD
            ? `⚠️ The queue is full (${MAX_QUEUED_PER_GUILD} items): feeds take no new items until some are reviewed.\n`
            : '');
        const text =
          warning +
          (items.length === 0
            ? 'Nothing waits for review.'
            : fitted(
                `${count} item${count === 1 ? ' waits' : 's wait'} for review${settings.reviewChannelId ? ` in <#${settings.reviewChannelId}>` : ' (no review channel chosen: `/source-admin feed-settings`)'}:`,
                items.map(line),
              ));
        await call.reply.send(privately(text));
      },
    }),
    'feed-settings': leaf({
      description: 'Where feed items are reviewed, and how relevant an item must be; without options, shows them',
      options: {
        review_channel: channelOption({ description: 'The channel review messages go to' }),
        relevance: integerOption({
          description: `Distinct topic words and names an item needs (default ${DEFAULT_MIN_RELEVANCE})`,
          min: MIN_EACH * 2,
          max: 40,
        }),
      },
      async handle({ review_channel, relevance }, call) {
        const feeds = feedsOf(call);
        const guild = call.guildId ?? '';
        const changed = review_channel !== undefined || relevance !== undefined;
        const settings = changed
          ? await feeds.setSettings(guild, {
              ...(review_channel ? { reviewChannelId: review_channel.id } : {}),
              ...(relevance !== undefined ? { minRelevance: relevance } : {}),
            })
          : await feeds.settings(guild);
        const lines = [
          changed ? 'Saved. Feed review settings of this server:' : 'Feed review settings of this server:',
          ...(settings.reviewError ? [`⚠️ ${escapeMarkdown(settings.reviewError)}`] : []),
          `• Review channel: ${settings.reviewChannelId ? `<#${settings.reviewChannelId}>` : 'none chosen (items wait in `/source-admin queue`)'}`,
          `• Relevance needed: ${settings.minRelevance ?? `${DEFAULT_MIN_RELEVANCE} (the default)`} — distinct topic words and names the corpus knows, at least ${MIN_EACH} of each, in the headline and first paragraphs`,
        ];
        await call.reply.send(privately(lines.join('\n')));
      },
    }),
  },
});
