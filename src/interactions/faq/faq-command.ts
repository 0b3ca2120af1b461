/**
 * `/faq` for every member: `show` (the moderators' answer and the quotes that back it, privately unless
 * `public`), `list` (paged), `search` and `history`. Counts against the cooldown like any answer.
 */
import { escapeMarkdown } from '@discordjs/formatters';
import { MessageFlags } from 'discord-api-types/v10';
import { integerOption, stringOption } from '../../commands/define-command.ts';
import { faqEntryAnswer } from '../../faq/faq-answer.ts';
import { findEntries } from '../../faq/find-entries.ts';
import { linksOf } from '../quote-replies/answer-replies.ts';
import { renderAnswerMessage } from '../quote-replies/render-answer-message.ts';
import { type Call, type Choice, leaf, type SlashCommand } from '../declare.ts';
import { LIMITS, truncate } from '../messages/discord-limits.ts';
import { privately } from '../messages/private-reply.ts';
import { type FaqDeps, faqAvailable, faqScope, inServer } from './faq-gates.ts';
import { historyMessage, listMessage } from './faq-messages.ts';

export const FAQ_COMMAND = 'faq';

/** The `entry` option: an entry picked by typing its question. */
export const entryOption = integerOption({ description: 'The FAQ entry (type to search)', required: true, autocomplete: true, min: 1 });

/**
 * Entries matching what the user typed, for an `entry` (its number) or `question` (its text) option.
 *
 * @example
 * faqChoices(deps, call, 'entry', 'mediat') // → [{ name: '#1 Who mediated the talks?', value: 1 }]
 */
export async function faqChoices(deps: FaqDeps, call: Call, option: string, typed: string): Promise<Choice[]> {
  if (!deps.faq || !call.guildId) return [];
  const entries = findEntries(await deps.faq.list(call.guildId), typed, 25);
  return entries.map((e) =>
    option === 'entry'
      ? { name: truncate(`#${e.id} ${e.question}`, 100), value: e.id }
      : { name: truncate(e.question, 100), value: truncate(e.question, 100) },
  );
}

export function faqCommand(deps: FaqDeps): SlashCommand {
  const choices = (option: string, typed: string, call: Call) => faqChoices(deps, call, option, typed);
  return {
    type: 'slash',
    name: FAQ_COMMAND,
    description: 'Answers the moderators curated to the questions members keep asking, with sources.',
    gates: { cooldown: true, allowed: [faqAvailable(deps), inServer] },
    run: {
      subcommands: {
        show: leaf({
          description: 'Show an FAQ entry with the quotes that back it',
          options: {
            question: stringOption({ description: 'The question (type to search)', required: true, autocomplete: true, maxLength: 200 }),
          },
          shareable: true,
          autocomplete: choices,
          async handle({ question }, call) {
            const { store, guildId } = faqScope(deps, call);
            const entry = findEntries(await store.list(guildId), question, 1)[0];
            if (!entry) {
              await call.reply.send(privately(`No FAQ entry matches "${truncate(question, 100)}". Try /faq search or /faq list.`));
              return;
            }
            const message = renderAnswerMessage(faqEntryAnswer(await deps.knowledge.get(), entry), {
              private: call.private,
              offset: 0,
              ...linksOf(deps),
              ...(call.private ? {} : { sharedBy: call.user.id }),
            });
            await call.reply.send({ ...message, ...(call.private ? { flags: MessageFlags.Ephemeral } : {}) });
          },
        }),
        list: leaf({
          description: 'Page through every FAQ entry of this server',
          options: {},
          async handle(_input, call) {
            const { store, guildId } = faqScope(deps, call);
            await call.reply.send({ ...listMessage(await store.list(guildId), 0, 'FAQ'), flags: MessageFlags.Ephemeral });
          },
        }),
        search: leaf({
          description: 'Find FAQ entries by words',
          options: { text: stringOption({ description: 'Words to look for', required: true, maxLength: 200 }) },
          async handle({ text }, call) {
            const { store, guildId } = faqScope(deps, call);
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
          autocomplete: choices,
          async handle({ entry }, call) {
            const { store, guildId } = faqScope(deps, call);
            await call.reply.send({ ...historyMessage(entry, await store.history(guildId, entry)), flags: MessageFlags.Ephemeral });
          },
        }),
      },
    },
  };
}
