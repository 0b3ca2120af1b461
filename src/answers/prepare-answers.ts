/**
 * Work every answer would otherwise do on its first question, done once when a knowledge base is built: the deals
 * `/terms` orders, the deal order itself, the terms grouped by topic, the timeline, the word frequencies copies are
 * matched by, and the `/when` autocomplete labels (the word statistics `/when` weighs by are counted by the build).
 * On a large corpus each is a pass over every passage: paid at start-up or on a reload (before the new knowledge
 * serves), never by the member who happens to ask first.
 *
 * @example
 * const knowledge = buildKnowledge(loadCorpus('corpus'));
 * prepareAnswers(knowledge); // the first /when, /terms and /timeline answer as fast as the second
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { dealsOf } from '../deals/deals.ts';
import { frequencyOf } from './collapse-copies.ts';
import { eventChoices } from './event-choices.ts';
import { dealOrder, termsIndexOf } from './terms.ts';
import { timelineEntries } from './timeline.ts';

export function prepareAnswers(knowledge: Knowledge): Knowledge {
  frequencyOf(knowledge);
  dealsOf(knowledge);
  dealOrder(knowledge);
  termsIndexOf(knowledge);
  timelineEntries(knowledge);
  eventChoices(knowledge, '');
  return knowledge;
}
