/**
 * Renders an Answer as a Discord message in the API's own JSON: one embed whose fields are the quotes (a quote
 * block, then its attribution), the role line for `/who`, the bot's notes, a footer with how many sources the
 * quotes come from and the page; buttons for the previous and next page, "Post in channel" on private answers and "Delete" on shared ones.
 * Quotes and queries are markdown-escaped and `allowed_mentions` is empty, so nothing in a quote can ping anyone.
 * With PUBLIC_URL, a second row links each quote to its context on the bot's pages (context-links.ts).
 */
import { escapeText } from '../messages/escape-markdown.ts';
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIButtonComponentWithURL,
  type APIEmbed,
  type APIAllowedMentions,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { type Answer, type Guide, type QuoteResult, sourceName } from '../../answers/answer.ts';
import { alsoInLine, attributionLine, eventDateLine, headingLabel, speakerLine } from '../../render/attribution.ts';
import { embedCharacters, LIMITS, truncate } from '../messages/discord-limits.ts';
import { NO_MENTIONS } from '../messages/private-reply.ts';
import { deleteId, pageId, shareId } from './answer-ids.ts';
import { contextLinkRow, embedUrlFor } from './context-links.ts';
import { queryFooterLine, queryKey } from './page-queries.ts';

type APIButtonComponent = APIButtonComponentWithCustomId;
type ActionStyle = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger;

export const DISCORD_PAGE_SIZE = 5;
const COLOR = 0x2b6cb0;
const SHARE_ROOM = 64;
/** The "also in" credit is at most this long, so the quote keeps most of its field. */
const ALSO_IN_ROOM = 160;

export interface AnswerMessage {
  content?: string;
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIButtonComponent | APIButtonComponentWithURL>>;
  allowed_mentions: APIAllowedMentions;
}

export interface RenderOptions {
  offset: number;
  /** Private answers get a "Post in channel" button. */
  private: boolean;
  /** On a shared post: who shared it (a user id, shown as a mention that pings no one) and may delete it. */
  sharedBy?: string;
  /** PUBLIC_URL: each quote links to its passage on the bot's pages. */
  publicUrl?: string;
}

/** "Shared by @name": a mention that shows the name but, with `allowed_mentions` empty, pings no one. */
export function sharedByLine(userId: string): string {
  return `Shared by <@${userId}>`;
}

/** The delete button of a shared post, which only `ownerId` may use. */
export function deleteButtonRow(ownerId: string): Array<APIActionRowComponent<APIButtonComponent>> {
  return [
    {
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.Button, style: ButtonStyle.Danger, label: 'Delete', custom_id: deleteId.encode({ ownerId }) }],
    },
  ];
}

function quoteField(r: QuoteResult, n: number): { name: string; value: string } {
  const date = eventDateLine(r);
  const name = truncate(`${n}. ${date ?? sourceName(r.source)}`, LIMITS.fieldName);
  const title = r.source.title ? escapeText(r.source.title) : null;
  const heading = headingLabel(r.source);
  const link = title && r.source.url ? `[${title}](${r.source.url})` : title ? `*${title}*` : heading ? escapeText(heading) : null;
  const speaker = speakerLine(r);
  const alsoIn = alsoInLine(r);
  const attribution = `— ${escapeText(attributionLine(r.source))}${link ? ` · ${link}` : ''}${speaker ? ` · ${escapeText(speaker)}` : ''}${alsoIn ? ` · ${escapeText(truncate(alsoIn, ALSO_IN_ROOM))}` : ''}`;
  const room = LIMITS.fieldValue - attribution.length - 3;
  const quote = truncate(escapeText(r.quote), room)
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
  return { name, value: `${quote}\n${attribution}` };
}

function button(label: string, customId: string, style: ActionStyle, disabled = false): APIButtonComponent {
  return { type: ComponentType.Button, style, label, custom_id: customId, disabled };
}

export function renderAnswerMessage(answer: Answer, options: RenderOptions): AnswerMessage {
  const { offset } = options;
  const description: string[] = [];
  if (answer.faq) description.push(escapeText(answer.faq.answer));
  if (answer.entity)
    description.push(`**${escapeText(answer.entity.roles.join('; ') || answer.entity.kind)}** — ${escapeText(answer.entity.description)}`);
  if (answer.guide) description.push(...guideLines(answer.guide));
  for (const note of answer.notes) description.push(`*${escapeText(note)}*`);
  if (!answer.found && answer.suggestions.length > 0)
    description.push(`Try: ${answer.suggestions.map((s) => `\`${s.replace(/`/g, "'")}\``).join(' · ')}`);
  if (options.sharedBy) description.push(sharedByLine(options.sharedBy));
  const paged = answer.total > answer.results.length;
  const page = paged ? ` · ${offset + 1}–${offset + answer.results.length} of ${answer.total}` : '';
  // what a member reads at the foot: how many sources the quotes come from and where the page stands; the passage
  // ids stay in the JSON and in each quote's context link, for the scripts and moderators that need them
  const sources = new Set(answer.results.map((r) => r.source.id)).size;
  const from = sources > 0 ? `Quotes from ${sources} source${sources === 1 ? '' : 's'}` : '';
  // a paged answer's footer ends with a short query, so its buttons work after a restart or on another process
  const asked = paged && answer.query ? queryFooterLine(answer.query) : '';
  const embed: APIEmbed = {
    title: truncate(escapeText(answer.title), LIMITS.embedTitle),
    color: COLOR,
    fields: answer.results.slice(0, LIMITS.fields).map((r, i) => quoteField(r, offset + i + 1)),
    footer: { text: `${truncate(`${from}${page}`.replace(/^ · /, ''), LIMITS.footer - asked.length) || 'talks-bot'}${asked}` },
  };
  const titleUrl = embedUrlFor(answer, options.publicUrl);
  if (titleUrl) embed.url = titleUrl;
  if (description.length > 0) embed.description = truncate(description.join('\n'), LIMITS.embedDescription);
  // leave room for the "Shared by" line that sharing adds
  while (embedCharacters(embed) > LIMITS.embedTotal - SHARE_ROOM && (embed.fields?.length ?? 0) > 1) embed.fields?.pop();

  const buttons: APIButtonComponent[] = [];
  if (paged) {
    const key = queryKey(answer.query);
    buttons.push(
      button(
        '◀ Previous',
        pageId.encode({ command: answer.command, offset: Math.max(0, offset - DISCORD_PAGE_SIZE), key }),
        ButtonStyle.Secondary,
        offset === 0,
      ),
    );
    buttons.push(
      button(
        'Next ▶',
        pageId.encode({ command: answer.command, offset: offset + DISCORD_PAGE_SIZE, key }),
        ButtonStyle.Secondary,
        offset + answer.results.length >= answer.total,
      ),
    );
  }
  if (options.private && answer.found) buttons.push(button('Post in channel', shareId.encode({}), ButtonStyle.Primary));
  // one link per quote field kept (fields may have been dropped to fit the embed total)
  const links = contextLinkRow(answer.results.slice(0, embed.fields?.length ?? 0), offset + 1, options.publicUrl);
  // page buttons on a shared post would page everyone's view: a shared post has only its delete button
  const actions = options.sharedBy
    ? deleteButtonRow(options.sharedBy)
    : buttons.length > 0
      ? [{ type: ComponentType.ActionRow as const, components: buttons }]
      : [];
  return {
    embeds: [embed],
    components: [...actions, ...(links ? [links] : [])],
    allowed_mentions: NO_MENTIONS,
  };
}

/** `/help` on Discord: the introduction, each command in bold with an example in code, then Discord's own tips. */
function guideLines(guide: Guide): string[] {
  return [
    ...guide.intro.map(escapeText),
    '',
    ...guide.commands.map(
      (c) => `**${escapeText(c.usage)}** — ${escapeText(c.description)}${c.example ? ` e.g. \`${c.example.replace(/`/g, "'")}\`` : ''}`,
    ),
    '',
    ...guide.tips.filter((t) => t.face === 'discord').map((t) => escapeText(t.text)),
  ];
}
