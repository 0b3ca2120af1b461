/**
 * The timeline picture under an answer on Discord: `/timeline` (and `/when` with no event) gets the whole timeline,
 * `/when <event>` gets the dates its first page gives when they are more than one (sources that disagree bracketed).
 * The picture is attached once, with the first page: it shows the whole answer, so the page buttons keep the
 * attachment the message already has instead of uploading it again (see `keepPicture`). The answer itself knows
 * nothing of pictures; this layer decides.
 */
import type { APIAttachment, APIEmbed } from 'discord-api-types/v10';
import type { Answer } from '../../answers/answer.ts';
import type { Knowledge } from '../../knowledge/knowledge.ts';
import { answerPictureData, renderPicturePng, renderTimelinePng, TIMELINE_PNG } from '../../render/timeline-picture/index.ts';
import type { MessageFile } from '../interaction-reply.ts';

/** The embed image that shows the attached picture. */
export const PICTURE_IMAGE = { url: `attachment://${TIMELINE_PNG}` } as const;

/** `/when`'s note that sources disagree; the dates in it are the sides the picture brackets. */
const DISAGREE_NOTE = /^Sources disagree on the date: (.*)$/;

/** The groups of dates the answer's notes say sources disagree on. */
function disagreeingDates(answer: Answer): string[][] {
  return answer.notes.flatMap((n) => {
    const sides = DISAGREE_NOTE.exec(n)?.[1];
    return sides ? [sides.match(/\d{4}-\d{2}-\d{2}/g) ?? []] : [];
  });
}

/**
 * Whether an answer's first page gets a picture: the timeline always, `/when` when its dated quotes give more than
 * one date.
 *
 * @example
 * wantsPicture(answerTimeline(knowledge), 0) // → true; wantsPicture(answerTimeline(knowledge), 5) // → false (page 2)
 */
export function wantsPicture(answer: Answer, offset: number): boolean {
  if (offset !== 0 || !answer.found) return false;
  if (answer.command === 'timeline') return true;
  return answer.command === 'when' && new Set(answer.results.flatMap((r) => (r.date ? [r.date] : []))).size > 1;
}

/**
 * The picture file for an answer (call only when `wantsPicture`).
 *
 * @example
 * answerPicture(knowledge, answerTimeline(knowledge)) // → { name: 'timeline.png', data: <PNG> }
 */
export function answerPicture(knowledge: Knowledge, answer: Answer): MessageFile {
  const data = answer.command === 'timeline' ? renderTimelinePng(knowledge) : renderPicturePng(knowledge, answerPictureData(knowledge, answer.title, answer.results, disagreeingDates(answer)));
  return { name: TIMELINE_PNG, data };
}

/** The embeds with the picture shown in the first. */
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
