/**
 * The buttons under an answer: ◀ Previous / Next ▶ rebuild a page from the button's command and offset and the
 * query found under its key (page-queries.ts); "Post in channel" re-posts the private answer it is on publicly,
 * saying who shared it; "Delete" on a shared post, which only the sharer may use.
 */
import { type APIEmbed, type APIMessage, MessageFlags } from 'discord-api-types/v10';
import { answeringCommands, OPEN, type Services } from '../../commands/declare.ts';
import { button, type Button } from '../components.ts';
import { LIMITS, truncate } from '../messages/discord-limits.ts';
import { privately, quiet } from '../messages/private-reply.ts';
import { deleteId, pageId, shareId } from './answer-ids.ts';
import { answerFor, answerMessage, mightTakeLong } from './answer-replies.ts';
import { linkRowsOf } from './context-links.ts';
import { keepPicture } from './picture-attachment.ts';
import { deleteButtonRow, sharedByLine } from './render-answer-message.ts';

const LOST_QUERY = 'This answer’s pages are no longer kept (the bot has restarted since): please run the command again.';

/** The input a page stands for: the query goes back to the command's primary option. */
function inputFor(services: Services, command: string, query: string): Record<string, unknown> {
  const primary = answeringCommands(services.commands).find((c) => c.name === command)?.leaf.primary;
  return primary && query !== '' ? { [primary]: query } : {};
}

/**
 * The private answer a share button is on, re-posted publicly with who shared it, a delete button and its context links. An image
 * still named as an attachment of the private message is not carried over: the copy has no attachment of its own.
 */
function sharedCopy(message: APIMessage, userId: string) {
  const line = sharedByLine(userId);
  const embeds: APIEmbed[] = message.embeds.map(({ image, ...e }) => ({
    ...e,
    ...(image && !image.url.startsWith('attachment://') ? { image } : {}),
    description: e.description ? `${truncate(e.description, LIMITS.embedDescription - line.length - 1)}\n${line}` : line,
  }));
  return { embeds, components: [...deleteButtonRow(userId), ...linkRowsOf(message.components)], ...quiet };
}

const page = button({
  id: pageId,
  gates: OPEN,
  async handle({ command, offset, key }, message, call) {
    const { services } = call;
    const query = services.pageQueries.find(key, message.embeds[0]?.footer?.text);
    if (query === null) {
      await call.reply.send(privately(LOST_QUERY));
      return;
    }
    const isPrivate = ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    if (mightTakeLong(services, await services.knowledge.get())) await call.reply.deferUpdate();
    // read after the round trip: a corpus update switched in meanwhile retires the knowledge read before it
    const knowledge = await services.knowledge.get();
    // the timeline picture shows the whole answer: every page keeps the one the first page attached
    const answer = answerFor(services, knowledge, command, inputFor(services, command, query), offset);
    await call.reply.update(answerMessage(services, answer, { private: isPrivate, offset }, keepPicture(message.attachments)));
  },
});
const share = button({ id: shareId, gates: OPEN, handle: (_value, message, call) => call.reply.send(sharedCopy(message, call.user.id)) });
const remove = button({
  id: deleteId,
  gates: OPEN,
  async handle({ ownerId }, _message, call) {
    if (call.user.id !== ownerId) {
      await call.reply.send(privately('Only the person who shared this post can delete it.'));
      return;
    }
    await call.reply.deferUpdate();
    await call.reply.deleteOriginal();
  },
});

/** The three answer buttons: page, share, delete. */
export const ANSWER_BUTTONS: ReadonlyArray<Button<unknown>> = [page, share, remove];
