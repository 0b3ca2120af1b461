/**
 * Work every answer would otherwise do on its first question, done once when a knowledge base is built: the deals
 * `/terms` orders, the deal order itself, the terms grouped by topic, the timeline's order, the word frequencies
 * copies are matched by, and the `/when` autocomplete labels (the word statistics `/when` weighs by are counted by
 * the build). On a large corpus each is a pass over every passage: paid at start-up or on a reload (before the new
 * knowledge serves), never by the member who happens to ask first.
 *
 * After a one-article update (`updateKnowledge`), pass the knowledge it replaced: the word frequencies, the timeline
 * and the labels are carried over, counting and merging only the passages that went and came, and what is read per
 * passage (the terms a passage states) is remembered per passage, so only the new ones are read.
 *
 * @example
 * const knowledge = buildKnowledge(loadCorpus('corpus'));
 * prepareAnswers(knowledge); // the first /when, /terms and /timeline answer as fast as the second
 * prepareAnswers(updateKnowledge(knowledge, change), knowledge); // the same, in milliseconds
 */
import type { Knowledge, KnownPassage } from '../knowledge/knowledge.ts';
import { dealsOf } from '../deals/deals.ts';
import { carryFrequency, frequencyOf } from './collapse-copies.ts';
import { carryEventLabels, eventChoices } from './event-choices.ts';
import { dealOrder, termsIndexOf } from './terms.ts';
import { carryTimeline, timelineOrder } from './timeline.ts';

export function prepareAnswers(knowledge: Knowledge, previous?: Knowledge): Knowledge {
  if (previous && previous !== knowledge) {
    // a passage object is never edited: one that is not the same object in both went (or came) with the change
    const added = knowledge.passages.filter((p) => previous.passageById.get(p.id) !== p);
    const gone = (p: KnownPassage) => knowledge.passageById.get(p.id) !== p;
    carryFrequency(knowledge, previous, previous.passages.filter(gone), added);
    carryTimeline(knowledge, previous, gone, added);
    carryEventLabels(knowledge, previous, gone, added);
  }
  frequencyOf(knowledge);
  dealsOf(knowledge);
  dealOrder(knowledge);
  termsIndexOf(knowledge);
  timelineOrder(knowledge);
  eventChoices(knowledge, '');
  return knowledge;
}
