/**
 * "Find sources" on a message's Apps menu: the whole message (and its embeds' text) is searched as `/search` would,
 * up to what a text option takes (6,000 characters); the index reduces a long message to its key claims. The
 * answer is private to the member who asked.
 */
import { ANSWERING, defineCommand } from '../src/commands/declare.ts';
import { QUERY_MAX_LENGTH } from '../src/commands/options.ts';
import { answerFor, replyWithAnswer } from '../src/interactions/quote-replies/answer-replies.ts';
import { truncate } from '../src/interactions/messages/discord-limits.ts';
import { privately } from '../src/interactions/messages/private-reply.ts';
import { stripMarkdown } from '../src/search/query.ts';

export default defineCommand({
  type: 'message',
  name: 'Find sources',
  gates: ANSWERING,
  async handle(target, call) {
    const text = [target.content, ...target.embeds.map((e) => e.description ?? '')].join(' ').replace(/\s+/g, ' ').trim();
    if (stripMarkdown(text).trim() === '') {
      await call.reply.send(privately('That message has no text to look up.'));
      return;
    }
    const query = truncate(text, QUERY_MAX_LENGTH).replace(/…$/, '').trim();
    await replyWithAnswer(call, (k) => answerFor(call.services, k, 'search', { text: query }, 0), { private: true, offset: 0 });
  },
});
