/**
 * The quote commands (`/who`, `/when`, `/terms`, `/search`, `/timeline`, `/source`, `/help`, declared in
 * commands/*.ts) and "Find sources" on a message, as interaction-layer commands. Each answer is private unless
 * `public: true`; every use counts against the per-user cooldown except a command declared `cooldown: false`.
 */
import type { AnyCommand } from '../../commands/define-command.ts';
import { QUERY_MAX_LENGTH } from '../../commands/define-command.ts';
import { errorAnswer } from '../../commands/run-command.ts';
import { stripMarkdown } from '../../search/query.ts';
import { leaf, type MessageCommand, type SlashCommand } from '../declare.ts';
import { truncate } from '../messages/discord-limits.ts';
import { privately } from '../messages/private-reply.ts';
import { type AnswerDeps, answerFor, replyWithAnswer } from './answer-replies.ts';

export const FIND_SOURCES = 'Find sources';

/**
 * A quote command on Discord: its options as declared, plus `public`.
 *
 * @example
 * answerCommand(who, deps) // → /who name:<text> [public]
 */
export function answerCommand(command: AnyCommand, deps: AnswerDeps): SlashCommand {
  const shared = (call: { private: boolean; user: { id: string } }) => ({
    private: call.private,
    offset: 0,
    ...(call.private ? {} : { sharedBy: call.user.id }),
  });
  return {
    type: 'slash',
    name: command.name,
    description: command.description,
    gates: { cooldown: command.cooldown !== false, allowed: [] },
    run: leaf({
      description: command.description,
      options: command.options,
      shareable: true,
      handle: (input, call) => replyWithAnswer(call, deps, (k) => answerFor(deps, k, command.name, input, 0), shared(call)),
      // input that breaks an option's rules is answered like any answer, in the bot's words
      invalid: (message, call) =>
        replyWithAnswer(call, deps, () => errorAnswer(command.name, null, message), { private: call.private, offset: 0 }),
      autocomplete(option, typed) {
        const knowledge = deps.knowledge.ready();
        const choices = command.autocomplete && knowledge ? command.autocomplete(option, typed, { knowledge }) : [];
        return choices.map((c) => ({ name: c, value: c }));
      },
    }),
  };
}

/**
 * "Find sources" on a message: the whole message (and its embeds' text) is searched, up to what a string option
 * takes (6,000 characters); the index reduces a long message to its key claims.
 *
 * @example
 * findSourcesCommand(deps) // → the message context menu entry "Find sources"
 */
export function findSourcesCommand(deps: AnswerDeps): MessageCommand {
  return {
    type: 'message',
    name: FIND_SOURCES,
    gates: { cooldown: true, allowed: [] },
    async handle(target, call) {
      const text = [target.content, ...target.embeds.map((e) => e.description ?? '')].join(' ').replace(/\s+/g, ' ').trim();
      if (stripMarkdown(text).trim() === '') {
        await call.reply.send(privately('That message has no text to look up.'));
        return;
      }
      const query = truncate(text, QUERY_MAX_LENGTH).replace(/…$/, '').trim();
      await replyWithAnswer(call, deps, (k) => answerFor(deps, k, 'search', { text: query }, 0), { private: true, offset: 0 });
    },
  };
}
