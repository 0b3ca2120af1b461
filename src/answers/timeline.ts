/**
 * `/timeline` (and `/when` with no event): every dated statement in the corpus, in date order, each quoted with the
 * sentence that gives the date.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { type Answer, type QuoteResult, pageOf, sourceRef } from './answer.ts';
import { collapseCopies } from './collapse-copies.ts';
import { excerpt, sentenceAt } from './excerpt.ts';

const GRANULARITY_ORDER = { day: 0, week: 1, month: 2, year: 3 } as const;

const cache = new WeakMap<Knowledge, QuoteResult[]>();

/** All dated statements, earliest first, a sentence several sources carry once (computed once per knowledge base). */
export function timelineEntries(knowledge: Knowledge): QuoteResult[] {
  const known = cache.get(knowledge);
  if (known) return known;
  const entries: QuoteResult[] = [];
  for (const p of knowledge.passages) {
    for (const d of p.dates) {
      entries.push({
        quote: excerpt(p, [sentenceAt(p, d.index)]),
        passage_id: p.id,
        source: sourceRef(p.source),
        score: 1,
        date: d.iso,
        granularity: d.granularity,
        date_text: d.text,
        date_basis: 'quote',
      });
    }
  }
  entries.sort(
    (a, b) =>
      (a.date ?? '').localeCompare(b.date ?? '') ||
      GRANULARITY_ORDER[a.granularity ?? 'day'] - GRANULARITY_ORDER[b.granularity ?? 'day'] ||
      a.passage_id.localeCompare(b.passage_id, 'en', { numeric: true }),
  );
  const collapsed = collapseCopies(knowledge, entries);
  cache.set(knowledge, collapsed);
  return collapsed;
}

export function answerTimeline(knowledge: Knowledge, limit = 10, offset = 0): Answer {
  const entries = timelineEntries(knowledge);
  const notes = ['Dates written as weekdays or "last month" are resolved against each source\'s publication date.'];
  return pageOf(knowledge, { command: 'timeline', query: null, title: 'Timeline of the talks', notes }, entries, limit, offset);
}
