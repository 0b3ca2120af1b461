/**
 * Work every answer would otherwise do on its first question, done once when a knowledge base is built: the deals
 * `/terms` orders, the deal order itself, the terms grouped by topic, the timeline's order, the word frequencies
 * copies are matched by, and the `/when` autocomplete labels (the word statistics `/when` weighs by are counted by
 * the build). On a large corpus each is a pass over every passage: paid at start-up or on a reload (before the new
 * knowledge serves), never by the member who happens to ask first.
 *
 * After a one-article update (`updateKnowledge`), pass the knowledge it replaced: the word frequencies, the
 * timeline, the deals, the terms in date order and by topic, and the `/when` labels are carried over, counting and
 * placing only the passages that went and came; what is read per passage (the terms a passage states, how fully)
 * is remembered per passage, so only the new ones are read.
 *
 * @example
 * const knowledge = buildKnowledge(loadCorpus('corpus'));
 * prepareAnswers(knowledge); // the first /when, /terms and /timeline answer as fast as the second
 * prepareAnswers(updateKnowledge(knowledge, change), knowledge); // the same, in milliseconds
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { changeOf } from '../knowledge/update-knowledge.ts';
import { carryDeals, dealsOf } from '../deals/deals.ts';
import { carryFrequency, frequencyOf } from './collapse-copies.ts';
import { carryEventLabels, eventChoices } from './event-choices.ts';
import { carryTermsIndex, carryTermsOrder, dealOrder, termsIndexOf } from './terms.ts';
import { carryTimeline, timelineOrder } from './timeline.ts';

export function prepareAnswers(knowledge: Knowledge, previous?: Knowledge): Knowledge {
  const change = previous ? changeOf(knowledge) : undefined;
  if (previous && change) {
    carryFrequency(knowledge, previous, change);
    carryTimeline(knowledge, previous, change);
    carryEventLabels(knowledge, previous, change);
    carryTermsOrder(knowledge, previous, change);
    carryDeals(knowledge, previous, change);
    carryTermsIndex(knowledge, previous, change);
  }
  for (const step of STEPS) step(knowledge);
  return knowledge;
}

/** What is worked out once per knowledge base, in an order where each step finds what it needs done before it. */
const STEPS: ReadonlyArray<(knowledge: Knowledge) => unknown> = [
  frequencyOf,
  dealsOf,
  dealOrder,
  termsIndexOf,
  timelineOrder,
  (k) => eventChoices(k, ''),
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
    await new Promise((resolve) => setImmediate(resolve));
    if (!stillCurrent()) return;
    step(knowledge);
  }
}
