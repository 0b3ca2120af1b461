/**
 * The timeline picture under an answer on Discord, for the answers that have one (render/timeline-picture/
 * answer-picture.ts). The picture is attached once, with the first page: it shows the whole answer, so the page
 * buttons keep the attachment the message already has instead of uploading it again (see `keepPicture`).
 * Showing the picture only adds to a message (`showPicture`): the message itself is built by `answerMessage`
 * (answer-replies.ts) for the reply, the picture edit and every page alike, so an edit cannot lose what the member
 * saw before it — the "Quote N in context" links and the title's link (issue "Hardening II", item 15).
 */
import type { APIAttachment, APIEmbed } from 'discord-api-types/v10';
import type { Answer } from '../../answers/answer.ts';
import type { Knowledge } from '../../knowledge/knowledge.ts';
import { answerPngAsync } from '../../render/timeline-picture/answer-picture.ts';
import { TIMELINE_PNG } from '../../render/timeline-picture/index.ts';
import type { MessageFile } from '../interaction-reply.ts';

export { hasPicture as wantsPicture } from '../../render/timeline-picture/answer-picture.ts';

/** The embed image that shows the attached picture. */
export const PICTURE_IMAGE = { url: `attachment://${TIMELINE_PNG}` } as const;

/**
 * The picture file for an answer (call only when `wantsPicture`), drawn off the event loop and kept for the same
 * answer (`answerPngAsync`).
 *
 * @example
 * await answerPicture(knowledge, answerTimeline(knowledge)) // → { name: 'timeline.png', data: <PNG> }
 */
export async function answerPicture(knowledge: Knowledge, answer: Answer): Promise<MessageFile> {
  return { name: TIMELINE_PNG, data: await answerPngAsync(knowledge, answer) };
}

/**
 * The embeds with the picture shown in the first.
 *
 * @example
 * withPictureImage(message.embeds)[0]?.image // → { url: 'attachment://timeline.png' }
 */
export function withPictureImage(embeds: readonly APIEmbed[]): APIEmbed[] {
  return embeds.map((e, i) => (i === 0 ? { ...e, image: { ...PICTURE_IMAGE } } : e));
}

/**
 * The picture a message shows: the file uploaded with this very message (`'uploaded'`), or the attachment the
 * message already carries, kept by its id.
 */
export type ShownPicture = 'uploaded' | { keep: string };

/**
 * The picture a page update keeps: the one the message already carries, by id. Nothing when the message has no picture.
 *
 * @example
 * keepPicture([{ id: '9', filename: 'timeline.png', … }]) // → { keep: '9' }
 */
export function keepPicture(attachments: readonly Pick<APIAttachment, 'id' | 'filename'>[] | undefined): ShownPicture | null {
  const picture = attachments?.find((a) => a.filename === TIMELINE_PNG);
  return picture ? { keep: picture.id } : null;
}

/**
 * A message with the picture added, and nothing else changed: the first embed shows it, and a kept picture stays
 * attached by id (an uploaded one is listed by the edit that uploads it). Without a picture, the message as it is.
 *
 * @example
 * showPicture(message, { keep: '9' }) // → { ...message, embeds: [{ ...embed, image: { url: 'attachment://timeline.png' } }], attachments: [{ id: '9' }] }
 */
export function showPicture<M extends { embeds: APIEmbed[] }>(
  message: M,
  picture: ShownPicture | null,
): M & { attachments?: Array<{ id: string }> } {
  if (picture === null) return message;
  return {
    ...message,
    embeds: withPictureImage(message.embeds),
    ...(picture === 'uploaded' ? {} : { attachments: [{ id: picture.keep }] }),
  };
}
