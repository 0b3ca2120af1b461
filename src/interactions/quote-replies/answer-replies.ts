/**
 * Answers a quote command through the interaction layer: at once when the corpus is loaded and small enough to
 * answer in milliseconds, else deferred first ("talks-bot is thinking…") and the reply edited when the answer is
 * ready, so a slow answer still meets Discord's 3-second window. A paged answer's query is kept for its buttons.
 */
import { MessageFlags } from 'discord-api-types/v10';
import type { Answer } from '../../answers/answer.ts';
import type { Call, Services } from '../../commands/declare.ts';
import { runCommand } from '../../commands/run-command.ts';
import type { Knowledge } from '../../knowledge/knowledge.ts';
import { answerPicture, showPicture, type ShownPicture, wantsPicture } from './picture-attachment.ts';
import { DISCORD_PAGE_SIZE, renderAnswerMessage, type RenderOptions } from './render-answer-message.ts';

/**
 * A corpus this large may take longer to answer from than Discord waits for a first response (3 s), on a busy
 * machine: the answer is deferred first and the reply edited when it is ready. Below it an answer takes
 * milliseconds and is sent at once, saving a round trip.
 */
export const LONG_ANSWER_PASSAGES = 20_000;

/**
 * The render option that links quotes to their context, when the bot serves pages.
 *
 * @example
 * renderAnswerMessage(answer, { private: true, offset: 0, ...linksOf(services) })
 */
export const linksOf = (services: { publicUrl?: string | undefined }): { publicUrl?: string } =>
  services.publicUrl ? { publicUrl: services.publicUrl } : {};

/**
 * Whether answering from this corpus might take longer than Discord waits for a first response.
 *
 * @example
 * mightTakeLong({ deferFromPassages: 0 }, knowledge) // → true: every answer is deferred
 */
export const mightTakeLong = (services: Pick<Services, 'deferFromPassages'>, knowledge: Knowledge) =>
  knowledge.passages.length >= (services.deferFromPassages ?? LONG_ANSWER_PASSAGES);

/**
 * One page of a command's answer, five quotes long, from the input as it was sent (a page button's query, a message
 * "Find sources" was used on): checked against the command's options here.
 *
 * @example
 * answerFor(services, knowledge, 'who', { name: 'McGurk' }, 5).results[0] // → the sixth quote
 */
export function answerFor(
  services: Pick<Services, 'commands'>,
  knowledge: Knowledge,
  command: string,
  input: Record<string, unknown>,
  offset: number,
): Answer {
  return runCommand(services.commands, command, input, { knowledge, page: { limit: DISCORD_PAGE_SIZE, offset } });
}

/**
 * The message for an answer — the one builder for every message an answer is shown in: the reply, the edit that
 * attaches the timeline picture, a page button's update. Each carries the same embed, buttons and context links
 * (PUBLIC_URL), and `picture` only adds the picture to them, so an edit shows what the member saw before plus the
 * picture. A paged answer's query is remembered for its page buttons.
 *
 * @example
 * answerMessage(services, answer, { private: true, offset: 0 }).components[0]?.components[1]?.custom_id // → 'v1|pg|search|5|…'
 * answerMessage(services, answer, { private: true, offset: 0 }, 'uploaded').embeds[0]?.image // → { url: 'attachment://timeline.png' }
 */
export function answerMessage(services: Services, answer: Answer, options: RenderOptions, picture: ShownPicture | null = null) {
  if (answer.total > answer.results.length) services.pageQueries.remember(answer.query);
  return showPicture(renderAnswerMessage(answer, { ...linksOf(services), ...options }), picture);
}

/**
 * Replies with an answer, privately unless `options.private` is false. A timeline answer (and `/when` across
 * several dates) is sent at once as text, then edited to carry the timeline picture (picture-attachment.ts), so the
 * quotes never wait for the picture.
 *
 * @example
 * await replyWithAnswer(call, (k) => answerFor(call.services, k, 'who', { name: 'McGurk' }, 0), { private: true, offset: 0 });
 */
export async function replyWithAnswer(call: Call, compute: (knowledge: Knowledge) => Answer, options: RenderOptions): Promise<void> {
  const { services } = call;
  const flags = options.private ? { flags: MessageFlags.Ephemeral } : {};
  const ready = services.knowledge.ready();
  let knowledge: Knowledge;
  let answer: Answer;
  if (ready && !mightTakeLong(services, ready)) {
    [knowledge, answer] = [ready, compute(ready)];
    await call.reply.send({ ...answerMessage(services, answer, options), ...flags });
  } else {
    await call.reply.defer({ private: options.private });
    knowledge = await services.knowledge.get();
    answer = compute(knowledge);
    await call.reply.send(answerMessage(services, answer, options));
  }
  // the same message as the reply above, plus the picture: built apart, the edit once dropped the context links
  if (wantsPicture(answer, options.offset))
    await call.reply.editOriginal(answerMessage(services, answer, options, 'uploaded'), [await answerPicture(knowledge, answer)]);
}
