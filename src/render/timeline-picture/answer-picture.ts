/**
 * Which answers come with the timeline picture, and which picture, for every face of the bot: `/timeline` (and
 * `/when` with no event) gets the whole timeline; `/when <event>` gets the dates its first page gives when they are
 * more than one, with the sides of a disagreement bracketed. Only the first page has it: the picture shows the whole
 * answer. The answer itself knows nothing of pictures; the faces ask here.
 */
import type { Answer } from '../../answers/answer.ts';
import type { Knowledge } from '../../knowledge/knowledge.ts';
import { answerPictureData } from './timeline-points.ts';
import { renderPicturePng, renderTimelinePng } from './index.ts';

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
 * Whether an answer's page comes with a picture: the timeline's first page always, `/when`'s first page when its
 * dated quotes give more than one date.
 *
 * @example
 * hasPicture(answerTimeline(knowledge), 0) // → true; hasPicture(answerTimeline(knowledge), 5) // → false (page 2)
 */
export function hasPicture(answer: Answer, offset: number): boolean {
  if (offset !== 0 || !answer.found) return false;
  if (answer.command === 'timeline') return true;
  return answer.command === 'when' && new Set(answer.results.flatMap((r) => (r.date ? [r.date] : []))).size > 1;
}

/**
 * The PNG for an answer that `hasPicture`.
 *
 * @example
 * answerPng(knowledge, answerWhen(knowledge, 'Raanan release')) // → the 20 and 23 October 2023 bracketed
 */
export function answerPng(knowledge: Knowledge, answer: Answer): Buffer {
  if (answer.command === 'timeline') return renderTimelinePng(knowledge);
  return renderPicturePng(knowledge, answerPictureData(knowledge, answer.title, answer.results, disagreeingDates(answer)));
}
