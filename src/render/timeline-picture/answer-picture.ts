/**
 * Which answers come with the timeline picture, and which picture, for every face of the bot: `/timeline` (and
 * `/when` with no event) gets the whole timeline; `/when <event>` gets the dates its first page gives when they are
 * more than one, with the sides of a disagreement bracketed. Only the first page has it: the picture shows the whole
 * answer. The answer itself knows nothing of pictures; the faces ask here.
 */
import type { Answer } from '../../answers/answer.ts';
import type { Knowledge } from '../../knowledge/knowledge.ts';
import { knowledgeView } from '../../knowledge/knowledge-view.ts';
import { answerPictureData, type PictureData, timelinePictureData } from '../../answers/picture/picture-data.ts';
import { renderPicturePng, renderPicturePngAsync, renderTimelinePng } from './index.ts';

/** The groups of dates the answer says sources disagree on: the sides the picture brackets. */
function disagreeingDates(answer: Answer): string[][] {
  return (answer.disagreements ?? []).map((d) => d.sides.map((side) => side.date));
}

/**
 * Whether an answer's page comes with a picture. The answer decides (`Answer.picture`, set by `/timeline` and
 * `/when`); a page asked at another offset than the answer's first never shows one.
 *
 * @example
 * hasPicture(answerTimeline(knowledge)) // → true; hasPicture(answerTimeline(knowledge, 10, 10)) // → false (page 2)
 */
export function hasPicture(answer: Answer, offset = 0): boolean {
  return offset === 0 && answer.found && answer.picture !== undefined;
}

/**
 * The PNG for an answer that `hasPicture`.
 *
 * @example
 * answerPng(knowledge, answerWhen(knowledge, 'Raanan release')) // → the 20 and 23 October 2023 bracketed
 */
export function answerPng(knowledge: Knowledge, answer: Answer): Buffer {
  if (answer.picture === 'timeline') return renderTimelinePng(knowledge);
  return renderPicturePng(answerPictureData(knowledge, answer.title, answer.results, disagreeingDates(answer)));
}

/** Pictures kept per knowledge base: enough for the answers a busy server asks again, about 100 KB each. */
export const PICTURES_KEPT = 100;
/** The pictures drawn from a knowledge base; a corpus change brings new dates, so they are drawn again. */
const DRAWN = knowledgeView({ name: 'answer pictures drawn', compute: () => new Map<string, Promise<Buffer>>(), carry: null });

/**
 * The PNG for an answer that `hasPicture`, drawn off the event loop and kept: the same answer (the same dates,
 * quotes and disagreements) on the same knowledge base gets the same picture without drawing it again. The last
 * PICTURES_KEPT are kept; a corpus change starts afresh. A drawing that fails is not kept.
 *
 * @example
 * await answerPngAsync(knowledge, answerTimeline(knowledge)) // → the timeline picture, drawn once per knowledge base
 */
export function answerPngAsync(knowledge: Knowledge, answer: Answer): Promise<Buffer> {
  // the timeline's picture depends on the knowledge base alone: its data is worked out only when it is drawn
  const data: PictureData | null =
    answer.picture === 'timeline' ? null : answerPictureData(knowledge, answer.title, answer.results, disagreeingDates(answer));
  const key = data ? JSON.stringify(data) : 'timeline';
  const kept = DRAWN.of(knowledge);
  const hit = kept.get(key);
  if (hit) {
    // most recently used last, so the oldest is the first one dropped
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const png = renderPicturePngAsync(data ?? timelinePictureData(knowledge));
  kept.set(key, png);
  png.catch(() => kept.delete(key));
  if (kept.size > PICTURES_KEPT) kept.delete(kept.keys().next().value as string);
  return png;
}
