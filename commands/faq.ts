/**
 * `/faq` for every member: `show` (the moderators' answer and the quotes that back it, privately unless
 * `public`), `list` (paged), `search` and `history`. Counts against the cooldown like any answer.
 */
import { escapeMarkdown } from '@discordjs/formatters';
import { MessageFlags } from 'discord-api-types/v10';
import { type Call, type Choice, defineCommand, leaf } from '../src/commands/declare.ts';
import { integerOption, stringOption } from '../src/commands/options.ts';
import { faqEntryAnswer } from '../src/faq/faq-answer.ts';
import { findEntries } from '../src/faq/find-entries.ts';
import { faqAvailable, faqScope, inServer } from '../src/interactions/faq/faq-gates.ts';
import { historyMessage, listMessage } from '../src/interactions/faq/faq-messages.ts';
import { LIMITS, truncate } from '../src/interactions/messages/discord-limits.ts';
import { privately } from '../src/interactions/messages/private-reply.ts';
import { linksOf } from '../src/interactions/quote-replies/answer-replies.ts';
import { renderAnswerMessage } from '../src/interactions/quote-replies/render-answer-message.ts';

/** The `entry` option: an entry picked by typing its question. */
export const entryOption = integerOption({ description: 'The FAQ entry (type to search)', required: true, autocomplete: true, min: 1 });

/**
 * Entries matching what the user typed, for an `entry` (its number) or `question` (its text) option.
 *
 * @example
 * faqChoices(call, 'entry', 'mediat') // → [{ name: '#1 Who mediated the talks?', value: 1 }]
 */
export async function faqChoices(call: Call, option: string, typed: string): Promise<Choice[]> {
  const { faq } = call.services;
  if (!faq || !call.guildId) return [];
  const entries = findEntries(await faq.list(call.guildId), typed, 25);
  return entries.map((e) =>
    option === 'entry'
      ? { name: truncate(`#${e.id} ${e.question}`, 100), value: e.id }
      : { name: truncate(e.question, 100), value: truncate(e.question, 100) },
  );
}

/**
 * The suggestions of an `entry` or `question` option.
 *
 * @example
 * leaf({ …, options: { entry: entryOption }, autocomplete: entryChoices, … })
 */
export const entryChoices = async (option: string, typed: string, { call }: { call?: Call }): Promise<Choice[]> =>
  call ? faqChoices(call, option, typed) : [];

export default defineCommand({
  name: 'faq',
  description: 'Answers the moderators curated to the questions members keep asking, with sources.',
  gates: { cooldown: true, allowed: [faqAvailable, inServer] },
  subcommands: {
    show: leaf({
      description: 'Show an FAQ entry with the quotes that back it',
      options: {
        question: stringOption({ description: 'The question (type to search)', required: true, autocomplete: true, maxLength: 200 }),
      },
      shareable: true,
      autocomplete: entryChoices,
      async handle({ question }, call) {
        const { store, guildId } = faqScope(call);
        const entry = findEntries(await store.list(guildId), question, 1)[0];
        if (!entry) {
          await call.reply.send(privately(`No FAQ entry matches "${truncate(question, 100)}". Try /faq search or /faq list.`));
          return;
        }
        const message = renderAnswerMessage(faqEntryAnswer(await call.services.knowledge.get(), entry), {
          private: call.private,
          offset: 0,
          ...linksOf(call.services),
          ...(call.private ? {} : { sharedBy: call.user.id }),
        });
        await call.reply.send({ ...message, ...(call.private ? { flags: MessageFlags.Ephemeral } : {}) });
      },
    }),
    list: leaf({
      description: 'Page through every FAQ entry of this server',
      options: {},
      async handle(_input, call) {
        const { store, guildId } = faqScope(call);
        await call.reply.send({ ...listMessage(await store.list(guildId), 0, 'FAQ'), flags: MessageFlags.Ephemeral });
      },
    }),
    search: leaf({
      description: 'Find FAQ entries by words',
      options: { text: stringOption({ description: 'Words to look for', required: true, maxLength: 200 }) },
      async handle({ text }, call) {
        const { store, guildId } = faqScope(call);
        const title = truncate(`FAQ entries for “${escapeMarkdown(text)}”`, LIMITS.embedTitle);
        await call.reply.send({
          ...listMessage(findEntries(await store.list(guildId), text, 25), 0, title),
          flags: MessageFlags.Ephemeral,
        });
      },
    }),
    history: leaf({
      description: 'Every change to an entry: who and when',
      options: { entry: entryOption },
      autocomplete: entryChoices,
      async handle({ entry }, call) {
        const { store, guildId } = faqScope(call);
        await call.reply.send({ ...historyMessage(entry, await store.history(guildId, entry)), flags: MessageFlags.Ephemeral });
      },
    }),
  },
});
