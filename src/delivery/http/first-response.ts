/**
 * The one initial response an HTTP interaction gets. Discord reads it from the HTTP answer itself and waits at most
 * 3 seconds, so this gives the handler a `sendFirst` that can be used exactly once, before a deadline. When the
 * handler throws, finishes or runs out of time without answering, the member still hears from the bot: a short
 * private apology with an error id (the detail is logged under that id), or an empty list for autocomplete — never
 * Discord's bare "This interaction failed". A second `sendFirst`, or one after the deadline, rejects and is logged:
 * later edits and follow-ups go through the webhook routes, not through the HTTP answer.
 */
import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { apology, newErrorId, SOMETHING_WENT_WRONG, TOOK_TOO_LONG } from '../../errors/apology.ts';
import type { InteractionHandler } from '../../interactions/dispatch.ts';
import type { Logger } from '../../logging/logger.ts';

export type { InteractionHandler };

/** Discord's window is 3 s from its side; this leaves room for the network and for writing the answer. */
export const FIRST_RESPONSE_DEADLINE_MS = 2_800;

export interface FirstResponseOptions {
  /** Writes the response as the HTTP answer; resolves once it is written, rejects when the connection is gone. */
  deliver: (body: string) => Promise<void>;
  logger: Logger;
  deadlineMs?: number;
  /** When the request arrived (`performance.now()`); the deadline counts from then, body reading included. */
  receivedAt?: number;
}

/** Why the fallback was sent instead of the handler's answer. */
type Failure = 'threw' | 'deadline' | 'no-answer';

/** How the apology (`apology`, as the interaction layer's) opens for each failure. */
const OPENING: Record<Failure, string> = { threw: SOMETHING_WENT_WRONG, deadline: TOOK_TOO_LONG, 'no-answer': SOMETHING_WENT_WRONG };

/**
 * What the member gets when the handler could not answer: an empty choice list for autocomplete (a message is not a
 * valid answer there), otherwise a private message naming the error id.
 *
 * @example
 * fallbackResponse(interaction, 'deadline', '1a2b3c4d') // { type: 4, data: { content: 'Sorry — that took too long … `1a2b3c4d` …', flags: 64, … } }
 */
export function fallbackResponse(interaction: APIInteraction, failure: Failure, errorId: string): APIInteractionResponse {
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete)
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { content: apology(errorId, OPENING[failure]), flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
  };
}

function serialize(response: APIInteractionResponse): string {
  if (typeof response !== 'object' || response === null || !Number.isInteger((response as { type?: unknown }).type)) {
    throw new TypeError('sendFirst needs an interaction response object with an integer type');
  }
  return JSON.stringify(response);
}

/**
 * Runs the handler for one interaction and makes sure exactly one initial response is delivered. Resolves when the
 * handler has settled and the response has been written (or could not be), never rejects: a server can await it to
 * drain before closing.
 *
 * @example
 * await answerInteraction(interaction, handler, { deliver: (body) => writeJson(res, 200, body), logger });
 */
export async function answerInteraction(
  interaction: APIInteraction,
  handler: InteractionHandler,
  options: FirstResponseOptions,
): Promise<void> {
  const { deliver, logger, deadlineMs = FIRST_RESPONSE_DEADLINE_MS, receivedAt = performance.now() } = options;
  const about = { interactionId: interaction.id, type: interaction.type };
  let answeredBy: 'handler' | Failure | null = null;
  // settles (never rejects) once the first response is written or could not be; the server drains on it
  let delivered: Promise<void> = Promise.resolve();

  const fallBack = (failure: Failure, err?: unknown) => {
    answeredBy = failure;
    clearTimeout(timer);
    const errorId = newErrorId();
    const message = {
      threw: 'interaction failed before its first response',
      deadline: `no first response within ${deadlineMs} ms`,
      'no-answer': 'the handler finished without a first response',
    }[failure];
    logger.error({ ...about, errorId, ...(err === undefined ? {} : { err }) }, message);
    delivered = deliver(serialize(fallbackResponse(interaction, failure, errorId))).catch((deliverError: unknown) =>
      logger.warn({ ...about, errorId, err: deliverError }, 'could not deliver the apology'),
    );
  };
  const timer = setTimeout(() => fallBack('deadline'), Math.max(0, deadlineMs - (performance.now() - receivedAt)));

  const sendFirst = (response: APIInteractionResponse): Promise<void> => {
    if (answeredBy !== null) {
      const why =
        answeredBy === 'handler'
          ? 'the first response was already sent; edit or follow up through the webhook routes'
          : `the interaction was already answered with an apology (${answeredBy})`;
      const error = new Error(`sendFirst refused for interaction ${interaction.id}: ${why}`);
      logger.error({ ...about, err: error }, 'a second first response refused');
      return Promise.reject(error);
    }
    let body: string;
    try {
      body = serialize(response);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    answeredBy = 'handler';
    clearTimeout(timer);
    const sent = deliver(body);
    delivered = sent.catch((error: unknown) => logger.warn({ ...about, err: error }, 'the first response could not be delivered'));
    return sent;
  };

  try {
    await handler(interaction, sendFirst);
    if (answeredBy === null) fallBack('no-answer');
  } catch (error) {
    if (answeredBy === null) fallBack('threw', error);
    else logger.error({ ...about, err: error }, 'interaction failed after its first response');
  }
  await delivered;
}
