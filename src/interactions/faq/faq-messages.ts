/**
 * What the FAQ looks like on Discord, as API JSON: a page of the entry list with Previous/Next, an entry's history,
 * and the add/edit form. Moderators' text is markdown-escaped and nothing can ping.
 */
import { escapeMarkdown } from '@discordjs/formatters';
import { type APIEmbed, type APIModalInteractionResponseCallbackData, ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { FAQ_LIMITS, type FaqEntry, type FaqRevision } from '../../faq/faq-entry.ts';
import { LIMITS, truncate } from '../messages/discord-limits.ts';
import { quiet } from '../messages/private-reply.ts';
import { textInputRow } from '../messages/text-input.ts';
import { faqListId } from './faq-ids.ts';

export const LIST_PAGE = 10;

function entryLine(e: FaqEntry): string {
  return truncate(
    `**#${e.id}** ${escapeMarkdown(e.question)}${e.citations.length > 0 ? ` · ${e.citations.length} source${e.citations.length > 1 ? 's' : ''}` : ''}`,
    200,
  );
}

/**
 * A page of entries, ten at a time.
 *
 * @example
 * listMessage(store.list(guildId), 0, 'FAQ') // → { embeds: [{ title: 'FAQ', description: '**#1** Who mediated…' }], components: […] }
 */
export function listMessage(entries: readonly FaqEntry[], offset: number, title: string) {
  const page = entries.slice(offset, offset + LIST_PAGE);
  const embed: APIEmbed = {
    title,
    description:
      page.length > 0 ? page.map(entryLine).join('\n') : 'No entries yet. Moderators add them with /faq-admin add (or /faq-admin seed).',
    footer: {
      text:
        entries.length > LIST_PAGE
          ? `${offset + 1}–${offset + page.length} of ${entries.length}`
          : `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`,
    },
  };
  const button = (label: string, to: number, disabled: boolean) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label,
    custom_id: faqListId.encode({ offset: to }),
    disabled,
  });
  const buttons =
    entries.length > LIST_PAGE
      ? [
          button('◀ Previous', Math.max(0, offset - LIST_PAGE), offset === 0),
          button('Next ▶', offset + LIST_PAGE, offset + LIST_PAGE >= entries.length),
        ]
      : [];
  return {
    embeds: [embed],
    components: buttons.length > 0 ? [{ type: ComponentType.ActionRow as const, components: buttons }] : [],
    ...quiet,
  };
}

/**
 * Every change to an entry: revision, action, who and when.
 *
 * @example
 * historyMessage(7, store.history(guildId, 7)).embeds[0].description // → 'rev 1 · add · <@600…> · 2026-11-24 04:10 UTC — “Who mediated…”'
 */
export function historyMessage(entryId: number, history: readonly FaqRevision[]) {
  const lines = history.map(
    (h) =>
      `rev ${h.revision} · ${escapeMarkdown(h.action)} · <@${h.actor}> · ${h.at.slice(0, 16).replace('T', ' ')} UTC — “${escapeMarkdown(truncate(h.snapshot.question, 60))}”`,
  );
  return { embeds: [{ title: `History of FAQ #${entryId}`, description: truncate(lines.join('\n'), LIMITS.embedDescription) }], ...quiet };
}

/**
 * The add or edit form; an edit's is filled with the entry as it is.
 *
 * @example
 * await call.reply.showForm(entryForm(faqAddId.encode({}), 'New FAQ entry'));
 */
export function entryForm(customId: string, title: string, entry?: FaqEntry): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId,
    title,
    components: [
      textInputRow({
        id: 'question',
        label: 'Question',
        placeholder: 'As members ask it',
        style: 'short',
        max: FAQ_LIMITS.question,
        required: true,
        value: entry?.question,
      }),
      textInputRow({
        id: 'answer',
        label: 'Short answer',
        placeholder: 'Your summary; add the supporting quotes with /faq-admin cite',
        style: 'paragraph',
        max: FAQ_LIMITS.answer,
        required: true,
        value: entry?.answer,
      }),
      textInputRow({
        id: 'review_by',
        label: 'Review by (optional)',
        placeholder: 'YYYY-MM-DD',
        style: 'short',
        max: 10,
        required: false,
        value: entry?.reviewBy,
      }),
    ],
  };
}
