/**
 * The timeline picture under an answer on Discord, for the answers that have one (render/timeline-picture/
 * answer-picture.ts). The picture is attached once, with the first page: it shows the whole answer, so the page
 * buttons keep the attachment the message already has instead of uploading it again (see `keepPicture`).
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
 * What a page update needs to keep the picture the message already carries: the attachment kept by id and the embed
 * still showing it. Nothing when the message has no picture.
 *
 * @example
 * keepPicture([{ id: '9', filename: 'timeline.png', … }]) // → { attachments: [{ id: '9' }] }
 */
export function keepPicture(attachments: readonly Pick<APIAttachment, 'id' | 'filename'>[] | undefined): { attachments: Array<{ id: string }> } | null {
  const picture = attachments?.find((a) => a.filename === TIMELINE_PNG);
  return picture ? { attachments: [{ id: picture.id }] } : null;
}
