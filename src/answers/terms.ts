/**
 * `/terms [topic]`: passages that state terms of a deal or a proposal. With a topic, the best of them for it; with
 * none, the final agreed deal first, then how the proposals evolved, in date order.
 */
import type { Knowledge, KnownPassage } from '../knowledge/knowledge.ts';
import { numericTermCount, TERM_TOPICS, type TermTopic } from '../passages/terms-tags.ts';
import { tokenize } from '../search/tokenize.ts';
import { type Answer, type QuoteResult, notFound, pageOf, sourceRef } from './answer.ts';
import { collapseCopies } from './collapse-copies.ts';
import { MIN_COVERAGE } from './search.ts';

/** The topics users can ask `/terms` about, for help and autocomplete. */
export const TERM_TOPIC_NAMES: ReadonlyArray<{ topic: TermTopic; label: string }> = (Object.keys(TERM_TOPICS) as TermTopic[]).map((topic) => ({
  topic,
  label: TERM_TOPICS[topic].label,
}));

function resultOf(p: KnownPassage, score: number): QuoteResult {
  const first = p.dates.find((d) => d.granularity !== 'year');
  return {
    quote: p.text,
    passage_id: p.id,
    source: sourceRef(p.source),
    score: Number(score.toFixed(3)),
    topics: p.terms,
    ...(first ? { date: first.iso, granularity: first.granularity, date_text: first.text, date_basis: 'quote' as const } : {}),
  };
}

/** A passage that states the deal as agreed, with its numbers. */
function isFinalDeal(p: KnownPassage): boolean {
  return /\b(?:final (?:deal|agreement)|agreed to|approved|signed off|deal that emerged)\b/i.test(p.text) && numericTermCount(p.text) >= 2;
}

/** When a passage's terms were on the table: its first date, else its source's publication date. */
function whenStated(p: KnownPassage): string {
  return p.dates.find((d) => d.granularity !== 'year')?.iso ?? p.source.published ?? '9999';
}

export function answerTerms(knowledge: Knowledge, topic: string | null, limit = 5, offset = 0): Answer {
  const termPassages = knowledge.passages.filter((p) => p.terms.length > 0);
  const label = topic && tokenize(topic).length > 0 ? topic : null;
  if (!label) {
    const final = termPassages.filter(isFinalDeal).sort((a, b) => numericTermCount(b.text) - numericTermCount(a.text) || (/\bfinal\b/i.test(b.text) ? 1 : 0) - (/\bfinal\b/i.test(a.text) ? 1 : 0));
    const evolution = termPassages
      .filter((p) => !final.includes(p))
      .sort((a, b) => whenStated(a).localeCompare(whenStated(b)) || a.n - b.n);
    const results = collapseCopies(knowledge, [...final.map((p) => resultOf(p, 2)), ...evolution.map((p) => resultOf(p, 1))]);
    const finalIds = new Set(final.map((p) => p.id));
    const stated = results.filter((r) => finalIds.has(r.passage_id)).length;
    const notes = stated > 0 ? [`The first ${stated} quote(s) state the agreed deal; the rest follow the proposals in date order.`] : [];
    return pageOf(knowledge, { command: 'terms', query: null, title: 'Terms of the deal', notes }, results, limit, offset);
  }
  const wanted = new Set(tokenize(label));
  const topicBoost = (p: KnownPassage) =>
    1 + p.terms.filter((t) => wanted.has(t) || tokenize(TERM_TOPICS[t].label).some((w) => wanted.has(w))).length * 0.5 + (isFinalDeal(p) && wanted.has('final') ? 1 : 0);
  const termIds = new Set(termPassages.map((p) => p.id));
  const hits = knowledge.index
    .find(label, { filter: (id) => termIds.has(id), boost: (id) => topicBoost(knowledge.passageById.get(id) as KnownPassage) })
    .filter((h) => h.coverage >= MIN_COVERAGE);
  // a topic the user names ("ratio", "aid") finds the passages tagged with it even when they never use the word
  const named = (Object.keys(TERM_TOPICS) as TermTopic[]).filter((t) => wanted.has(t) || tokenize(TERM_TOPICS[t].label).every((w) => wanted.has(w)));
  const best = Math.max(1, ...hits.map((h) => h.score));
  for (const p of termPassages) {
    if (hits.some((h) => h.id === p.id) || !p.terms.some((t) => named.includes(t))) continue;
    hits.push({ id: p.id, score: (best * (topicBoost(p) + numericTermCount(p.text) * 0.25)) / 4, coverage: 1, matched: [] });
  }
  hits.sort((a, b) => b.score - a.score);
  if (hits.length === 0) {
    return notFound('terms', label, `Terms: ${label}`, TERM_TOPIC_NAMES.map((t) => t.label), `No stated terms found about "${label}".`);
  }
  const results = hits.map((h) => resultOf(knowledge.passageById.get(h.id) as KnownPassage, h.score));
  return pageOf(knowledge, { command: 'terms', query: label, title: `Terms: ${label}` }, results, limit, offset);
}
