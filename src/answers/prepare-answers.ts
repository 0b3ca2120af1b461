/**
 * Work every answer would otherwise do on its first question, done once when a knowledge base is built: the deals
 * `/terms` orders, the deal order itself, the terms grouped by topic, the timeline's order, the word frequencies
 * copies are matched by, each passage's stems the recall floor judges hits by, the `/when` autocomplete labels and
 * the days each passage dates, which `/search` weighs by when a question names a period, and the passages each
 * entity is named in, which the recall floor credits a name by (the word statistics `/when` weighs by are counted by
 * the build). On a large corpus each is a pass over every passage: paid at start-up or on a reload (before the new
 * knowledge serves), never by the member who happens to ask first.
 *
 * After a one-article update (`updateKnowledge`), `prepareUpdatedAnswers` first carries every view the knowledge
 * before had over to the new one (`followUpdate`: each view declares how, in knowledge-view.ts), so the same work
 * counts and places only the passages that went and came; what is read per passage (the terms a passage states,
 * how fully) is remembered per passage, so only the new ones are read.
 *
 * @example
 * const knowledge = buildKnowledge(loadCorpus('corpus'));
 * prepareAnswers(knowledge); // the first /when, /terms and /timeline answer as fast as the second
 * prepareUpdatedAnswers(updateKnowledge(knowledge, change)); // the same, in milliseconds
 */
import { DEALS } from '../deals/deals.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { followUpdate } from '../knowledge/knowledge-view.ts';
import { readAllPassageStems } from '../knowledge/passage-stems.ts';
import type { KnowledgeUpdate } from '../knowledge/update-knowledge.ts';
import { frequencyOf } from './collapse-copies.ts';
import { EVENT_LABELS } from './event-choices.ts';
import { ENTITY_PASSAGE_NUMBERS } from './event-match.ts';
import { DATED_DAYS } from './search.ts';
import { dealOrder, TERMS_INDEX } from './terms.ts';
import { TIMELINE_ORDER } from './timeline.ts';

export function prepareAnswers(knowledge: Knowledge): Knowledge {
  for (const step of STEPS) step(knowledge, Infinity);
  return knowledge;
}

/** How long a step that can stop midway runs before an answer waiting may go first. */
const SLICE_MS = 25;

/**
 * `prepareAnswers` after an update: the views carried over from the knowledge before it, then what is left worked out.
 *
 * @example
 * live = prepareUpdatedAnswers(updateKnowledge(live, { added: [source], removed: [] }));
 */
export function prepareUpdatedAnswers(update: KnowledgeUpdate): Knowledge {
  followUpdate(update);
  return prepareAnswers(update.knowledge);
}

/**
 * What is worked out once per knowledge base, in an order where each step finds what it needs done before it. A step
 * given a time to stop by (`until`, as `performance.now()`) may stop there and return false: it is called again,
 * and goes on where it stopped.
 */
const STEPS: ReadonlyArray<(knowledge: Knowledge, until: number) => unknown> = [
  frequencyOf,
  readAllPassageStems,
  DEALS.of,
  (k) => dealOrder(k),
  TERMS_INDEX.of,
  TIMELINE_ORDER.of,
  EVENT_LABELS.of,
  DATED_DAYS.of,
  ENTITY_PASSAGE_NUMBERS.of,
];

/**
 * `prepareAnswers` for a knowledge base read from a save, one step per turn of the event loop, so that a restarted
 * bot answers at once (at 100,000 passages preparing takes seconds). Each step is one a question would otherwise do
 * on first use, so an answer asked meanwhile is the same, only slower. Stops early when `stillCurrent` turns false
 * (the knowledge was replaced).
 *
 * @example
 * await prepareAnswersInSteps(knowledge, () => live.current() === knowledge);
 */
export async function prepareAnswersInSteps(knowledge: Knowledge, stillCurrent: () => boolean = () => true): Promise<void> {
  for (const step of STEPS) {
    do {
      await new Promise((resolve) => setImmediate(resolve));
      if (!stillCurrent()) return;
    } while (step(knowledge, performance.now() + SLICE_MS) === false);
  }
}
