/**
 * A followed feed's item as the moderators see it in their review channel: what the bot read (the same embed as a
 * `/source-admin add` preview), which feed it came from, the article's address, and why it was judged relevant —
 * with Add, Edit details and Reject, and a link to the article. Once decided, the message says who decided what and
 * loses its buttons. Everything from the feed and the page is markdown-escaped, and nothing can ping.
 *
 * @example
 * const body = reviewMessage(item, preview); // POST /channels/{review channel}/messages
 */
import { escapeMarkdown } from '@discordjs/formatters';
import { type APIButtonComponent, ButtonStyle, ComponentType } from 'discord-api-types/v10';
import type { FeedItemRecord } from '../../feeds/feed-store.ts';
import type { SourcePreview } from '../../serving/corpus-editor.ts';
import { embedCharacters, truncate } from '../messages/discord-limits.ts';
import { quiet } from '../messages/private-reply.ts';
import { linkText } from '../messages/escape-markdown.ts';
import { feedItemButtonId } from './source-ids.ts';
import { previewEmbed, withDecisionButtons } from './source-preview-message.ts';

/** Discord's cap on a link button's address. */
const LINK_BUTTON_URL_MAX = 512;
/** What a review message's embed may use of Discord's 6,000 characters, with room to spare. */
const EMBED_BUDGET = 5_900;

const itemFields = (item: FeedItemRecord) => [
  { name: 'From the feed', value: linkText(item.feedUrl) },
  { name: 'Article', value: linkText(item.link) },
  { name: 'Why it was queued', value: escapeMarkdown(truncate(item.reason, 900)) },
];

/** The review message of a queued item, as API JSON. */
export function reviewMessage(item: FeedItemRecord, preview: SourcePreview) {
  const embed = previewEmbed(
    preview,
    `Item ${item.id} from a followed feed, waiting for review: Add puts it in the corpus, Reject leaves it out. Either is logged.`,
    itemFields(item),
  );
  embed.title = truncate(`For review: ${escapeMarkdown(preview.prepared.meta.title ?? '(no headline found)', { maskedLink: true })}`, 256);
  // within Discord's 6,000 characters for a message's embeds: the first paragraphs give way first
  const over = embedCharacters(embed) - EMBED_BUDGET;
  if (over > 0 && embed.description) embed.description = truncate(embed.description, Math.max(0, embed.description.length - over));
  const link: APIButtonComponent[] =
    item.link.length <= LINK_BUTTON_URL_MAX
      ? [{ type: ComponentType.Button, style: ButtonStyle.Link, label: 'Open the article', url: item.link }]
      : [];
  return withDecisionButtons(
    embed,
    {
      add: feedItemButtonId.encode({ action: 'add', id: item.id }),
      edit: feedItemButtonId.encode({ action: 'edit', id: item.id }),
      drop: { label: 'Reject', id: feedItemButtonId.encode({ action: 'reject', id: item.id }) },
    },
    link,
  );
}

/**
 * The review message after a decision: who added or rejected it (a mention that pings no one) and what it became,
 * with the article's embed kept for the record and no buttons.
 */
export function decidedMessage(
  item: FeedItemRecord,
  preview: SourcePreview | null,
  decision:
    | { state: 'added'; by: string; sourceId: string; reloadLine: string }
    | { state: 'rejected'; by: string }
    | { state: 'gone'; why: string },
) {
  const content =
    decision.state === 'added'
      ? `Added as \`${decision.sourceId}\` by <@${decision.by}>. ${decision.reloadLine}`
      : decision.state === 'rejected'
        ? `Rejected by <@${decision.by}>: not added to the corpus.`
        : decision.why;
  const embeds = preview ? [previewEmbed(preview, `Item ${item.id} from a followed feed: decided.`, itemFields(item))] : [];
  return { content: truncate(content, 2000), embeds, components: [], ...quiet };
}
