/**
 * `/timeline` (and `/when` with no event): every dated statement in the corpus, in date order, each quoted with the
 * sentence that gives the date.
 */
import type { DateMention } from '../dates/resolve-dates.ts';
import type { Knowledge, KnownPassage } from '../knowledge/knowledge.ts';
import { insertOrdered, removeOrdered } from '../knowledge/ordered-merge.ts';
import { comparePassageIds } from '../passages/passage.ts';
import { knowledgeView } from '../knowledge/knowledge-view.ts';
import { type Answer, type QuoteResult, quoteOf, dateOfMention } from './answer.ts';
import { pageOfHits } from './answer-pages.ts';
import { excerpt, sentenceAt } from './excerpt.ts';

const GRANULARITY_ORDER = { day: 0, week: 1, month: 2, year: 3 } as const;

/** A dated statement: the passage and the date it gives. A quote is made only for the entries a page shows. */
export interface TimelineEntry {
  passage: KnownPassage;
  date: DateMention;
}

/** Earliest first; a day before the week or month that holds it; then by passage id ("#9" before "#10"). */
export function compareTimelineEntries(a: TimelineEntry, b: TimelineEntry): number {
  const [x, y] = [a.date.iso, b.date.iso];
  if (x !== y) return x < y ? -1 : 1;
  return GRANULARITY_ORDER[a.date.granularity] - GRANULARITY_ORDER[b.date.granularity] || comparePassageIds(a.passage.id, b.passage.id);
}

/** Every dated statement of these passages, unordered. */
export const entriesOf = (passages: readonly KnownPassage[]): TimelineEntry[] =>
  passages.flatMap((passage) => passage.dates.map((date) => ({ passage, date })));

/**
 * All dated statements in date order, worked out once per knowledge base; after an update, the entries of passages
 * gone taken out and the new put in, in place. Only references: the quotes are made per page.
 */
export const TIMELINE_ORDER = knowledgeView({
  name: 'timeline order',
  compute: (knowledge) => entriesOf(knowledge.passages).sort(compareTimelineEntries),
  carry(order, { change }) {
    removeOrdered(
      order,
      entriesOf(change.dropped),
      compareTimelineEntries,
      (e, gone) => e.passage === gone.passage && e.date === gone.date,
    );
    insertOrdered(order, entriesOf(change.added), compareTimelineEntries);
    return order;
  },
});

/**
 * @example
 * timelineOrder(knowledge)[0]?.date.iso // → '2012-01-01' on the bundled corpus
 */
export const timelineOrder = (knowledge: Knowledge): TimelineEntry[] => TIMELINE_ORDER.of(knowledge);

/** An entry as a quote: the sentence that gives the date. */
export function timelineResult({ passage, date }: TimelineEntry): QuoteResult {
  return quoteOf(passage, {
    quote: excerpt(passage, [sentenceAt(passage, date.index)]),
    ...dateOfMention(date, 'quote'),
  });
}

/**
 * @example
 * answerTimeline(knowledge, 5).results[0]?.date // → the earliest date the corpus gives
 */
export function answerTimeline(knowledge: Knowledge, limit = 10, offset = 0): Answer {
  const notes = ['Dates written as weekdays or "last month" are resolved against each source\'s publication date.'];
  // a sentence several sources carry is shown once: copies are looked for among the page and the entries after it
  const page = pageOfHits(
    knowledge,
    { command: 'timeline', query: null, title: 'Timeline of the talks', notes },
    timelineOrder(knowledge),
    timelineResult,
    limit,
    offset,
  );
  // the whole timeline's picture goes with the first page
  return offset === 0 && page.found ? { ...page, picture: 'timeline' } : page;
}
