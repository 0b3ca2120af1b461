/**
 * `/search <text>`: the best quotes for free text, or "no quote found" with suggestions when nothing passes the
 * relevance threshold.
 */
import type { Knowledge, KnownPassage } from '../knowledge/knowledge.ts';
import type { PassageHit, RankedHits } from '../search/passage-index.ts';
import { type QueryIntent, normaliseQuery } from '../search/query.ts';
import { synonymsOf } from '../search/synonyms.ts';
import { contentStems, isStopWord, stemTerm, tokenize } from '../search/tokenize.ts';
import { clipAtWord } from '../text/clip.ts';
import { type Answer, type QuoteResult, notFound, quoteOf, speakerOf } from './answer.ts';
import { COLLAPSE_MARGIN, pageOfTop } from './answer-pages.ts';
import { type AskedPeriod, askedPeriod, inPeriod } from './event-match.ts';

/** A passage must match at least this share of the query's content words to be shown. */
export const MIN_COVERAGE = 0.5;

/** A search hit as a quote result: the whole passage, who speaks in it, the topics of terms it states. */
function resultOfHit(knowledge: Knowledge, hit: PassageHit, p: KnownPassage): QuoteResult {
  const speech = p.speakers.find((s) => s.direct);
  const speaker = speech ? speakerOf(knowledge, speech) : undefined;
  return quoteOf(p, {
    score: Number(hit.score.toFixed(3)),
    ...(speaker ? { speaker } : {}),
    ...(p.terms.length > 0 ? { topics: p.terms } : {}),
  });
}

/**
 * What to suggest when nothing was found, near the question: the question asked with only the words the sources use
 * (what kept it from being found was the others), the people and roles whose names are a typo away from a word of
 * it, and the corpus's own phrases that complete it. Never a name that merely shares a few letters with it: "did the
 * truce collapse" is not a question about Colleen Long.
 *
 * @example
 * suggestionsFor(knowledge, 'did the truce collapse') // → ['truce'] (the corpus never says "collapse")
 * suggestionsFor(knowledge, 'Blinkin visit') // → ['Antony Blinken', …]
 */
export function suggestionsFor(knowledge: Knowledge, query: string): string[] {
  const words = tokenize(normaliseQuery(query).text).filter((w) => !isStopWord(w) && w.length >= 3);
  // a word the sources use, or say in other words ("truce" where they write "cease-fire")
  const inSources = (w: string) => (knowledge.wordStats.df.get(stemTerm(w)) ?? 0) > 0;
  const used = words.filter((w) => inSources(w) || synonymsOf([w]).some((s) => tokenize(s).every(inSources)));
  // only a question mostly about what the sources tell: "Olympic swimming records" is not asked again as "records"
  const shorter = used.length > 0 && used.length < words.length && used.length * 2 >= words.length ? [used.join(' ')] : [];
  const names = words.length > 0 ? knowledge.entities.closestAsTyped(words.join(' '), 3).map((e) => e.name) : [];
  return [...new Set([...shorter, ...names, ...knowledge.index.suggest(query, 5)])].slice(0, 6);
}

/** A query as a title: a pasted message is shown by its opening words. */
export function queryLabel(query: string, max = 80): string {
  return clipAtWord(query, max, { minKeep: max / 2 });
}

/**
 * The free text a user typed, read as the index reads it: the words searched for and what the question asks for
 * (a number, a duration, a person, a date). Other answers can steer by `intents` the way the index does.
 *
 * @example
 * readQuery('how many hostages?') // → { words: 'hostages', intents: ['number'] }
 */
export function readQuery(query: string): { words: string; intents: QueryIntent[] } {
  const { text, intents } = normaliseQuery(query);
  return { words: text, intents };
}

/** A quote from the period a question names counts this much more. */
const PERIOD_BOOST = 2;

/** True when a passage dates something in the period, or its source was published in it. */
export function passageInPeriod(knowledge: Knowledge, id: string, period: AskedPeriod): boolean {
  const p = knowledge.passageById.get(id);
  if (!p) return false;
  return (
    p.dates.some((d) => d.granularity !== 'year' && inPeriod(d.iso, period)) ||
    (p.source.published !== null && inPeriod(p.source.published, period))
  );
}

/**
 * A short question naming a month or a year ("why did Qatar step back in November 2024") searches for the rest of
 * its words — a quote rarely repeats the month — and prefers quotes from that period. A long pasted message is
 * searched as it is, by its claims.
 *
 * @example
 * findInPeriod(knowledge, 'Qatar mediation November 2024') // → hits for "Qatar mediation", November 2024 first
 */
export function findInPeriod(knowledge: Knowledge, query: string): RankedHits {
  const { period, rest } = askedPeriod(query);
  if (!period || rest.length > 200 || contentStems(readQuery(rest).words).length === 0) return knowledge.index.findInOrder(query);
  return knowledge.index.findInOrder(rest, { boost: (id) => (passageInPeriod(knowledge, id, period) ? PERIOD_BOOST : 1) });
}

/**
 * @example
 * answerSearch(knowledge, 'communications cell').results[0]?.passage_id // → 'ap-how-the-hostage-deal-came-about#3'
 */
export function answerSearch(knowledge: Knowledge, query: string, limit = 5, offset = 0): Answer {
  const label = queryLabel(query);
  const title = `Search: ${label}`;
  if (contentStems(readQuery(query).words).length === 0) {
    return notFound(
      'search',
      query,
      title,
      [],
      `"${label}" has no words to search for: try a name, a place or an event ("kicked out of Doha").`,
    );
  }
  const ranked = findInPeriod(knowledge, query);
  const passes = (id: string, coverage: number) => coverage >= MIN_COVERAGE && knowledge.passageById.has(id);
  // every hit is a passage of the knowledge base (its index is built and updated with them): counted by coverage alone
  const count = ranked.countCovering(MIN_COVERAGE);
  if (count === 0) {
    const long = label !== query;
    return notFound(
      'search',
      query,
      title,
      long ? [] : suggestionsFor(knowledge, query),
      long ? 'No quote found for that text.' : `No quote found for "${query}".`,
      knowledge,
    );
  }
  // quotes are built for the page and the margin copies are looked for in; the other hits are only counted
  return pageOfTop(
    knowledge,
    { command: 'search', query, title },
    ranked.first(offset + limit + COLLAPSE_MARGIN, (h) => passes(h.id, h.coverage)),
    count,
    (h) => resultOfHit(knowledge, h, knowledge.passageById.get(h.id) as KnownPassage),
    limit,
    offset,
  );
}
