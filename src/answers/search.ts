/**
 * `/search <text>`: the best quotes for free text, or "no quote found" with suggestions when nothing passes the
 * relevance threshold.
 */
import type { Knowledge, KnownPassage } from '../knowledge/knowledge.ts';
import { knowledgeView } from '../knowledge/knowledge-view.ts';
import type { PassageHit, RankedHits } from '../search/passage-index.ts';
import { type QueryIntent, normaliseQuery } from '../search/query.ts';
import { synonymsOf } from '../search/synonyms.ts';
import { contentStems, isStopWord, stemTerm, tokenize } from '../search/tokenize.ts';
import { clipAtWord } from '../text/clip.ts';
import { type Answer, type QuoteResult, notFound, quoteOf, speakerOf } from './answer.ts';
import { COLLAPSE_MARGIN, pageOfTop } from './answer-pages.ts';
import { type AskedPeriod, askedPeriod } from './event-match.ts';

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

/**
 * What `passageInPeriod` reads, by passage number (`PassageIndex.numberOf`): each passage's dates that name a month
 * or a day, then its source's publication date, each as year, month and day numbers (NaN where the date has none),
 * `daysFrom[doc]` to `daysFrom[doc + 1]` in `days`, for the passages numbered below `limit`. A question naming a
 * period weighs every hit of its words (tens of thousands for a common word) by it; parsing each hit's dates per
 * question was most of such a search. The arrays keep room to grow, so an update adds its passages without copying
 * the others' (at 100,000 passages a copy is about 6 ms of an update).
 */
interface DatedDays {
  daysFrom: Uint32Array;
  days: Float64Array;
  limit: number;
}

/** Room for `needed` values, keeping the first `kept`: `array` itself while it is long enough, else a quarter more. */
function withRoom<T extends Uint32Array | Float64Array>(array: T, needed: number, kept: number, make: (length: number) => T): T {
  if (array.length >= needed) return array;
  const grown = make(Math.max(needed, Math.ceil(array.length * 1.25)));
  grown.set(array.subarray(0, kept));
  return grown;
}

/**
 * The dated days of the passages numbered from `days.limit` on (all of them when `days` is empty), after those of
 * `days`, in its arrays where they have room: a passage keeps its number and its dates, and a one-article update
 * numbers its new passages after every number given before (a passage taken out is never a hit again, so its days
 * may stay). The view before an update is retired, so its arrays may be written.
 */
function withDaysOf(days: DatedDays, knowledge: Knowledge, passages: readonly KnownPassage[]): DatedDays {
  const { index } = knowledge;
  const first = days.limit;
  const limit = index.numberLimit;
  const byDoc = new Array<KnownPassage | undefined>(Math.max(0, limit - first));
  const used = days.daysFrom[first] as number;
  let count = used;
  for (const p of passages) {
    const doc = index.numberOf(p.id);
    if (doc === undefined || doc < first) continue;
    byDoc[doc - first] = p;
    for (const d of p.dates) if (d.granularity !== 'year') count += 3;
    if (p.source.published !== null) count += 3;
  }
  const daysFrom = withRoom(days.daysFrom, limit + 1, first + 1, (n) => new Uint32Array(n));
  const all = withRoom(days.days, count, used, (n) => new Float64Array(n));
  // year, month and day as `inPeriod` reads them (NaN for a part the date lacks), parsed once per distinct date
  const parsed = new Map<string, [number, number, number]>();
  let at = used;
  const put = (iso: string) => {
    let parts = parsed.get(iso);
    if (!parts) {
      const [y, m, d] = iso.split('-').map(Number);
      parsed.set(iso, (parts = [y ?? NaN, m ?? NaN, d ?? NaN]));
    }
    all[at++] = parts[0];
    all[at++] = parts[1];
    all[at++] = parts[2];
  };
  for (let doc = first; doc < limit; doc++) {
    daysFrom[doc] = at;
    const p = byDoc[doc - first];
    if (!p) continue;
    for (const d of p.dates) if (d.granularity !== 'year') put(d.iso);
    if (p.source.published !== null) put(p.source.published);
  }
  daysFrom[limit] = at;
  return { daysFrom, days: all, limit };
}

/** The dated days of every passage, carried through an update by adding the new passages' (`withDaysOf`). */
export const DATED_DAYS = knowledgeView<DatedDays>({
  name: 'days each passage dates or was published in',
  compute: (knowledge) => withDaysOf({ daysFrom: new Uint32Array(1), days: new Float64Array(0), limit: 0 }, knowledge, knowledge.passages),
  carry: (days, { knowledge, change }) => withDaysOf(days, knowledge, change.added),
});

/**
 * True when a passage dates something in the period (a date naming its month or day), or its source was published
 * in it; `doc` is its number in the index. The same test as `inPeriod` on each of those dates.
 *
 * @example
 * passageInPeriod(knowledge, knowledge.index.numberOf('ap-…#3') ?? -1, { year: 2023, month: 11 }) // → true
 */
export function passageInPeriod(knowledge: Knowledge, doc: number, period: AskedPeriod): boolean {
  return datesInPeriod(DATED_DAYS.of(knowledge), doc, period);
}

/** `passageInPeriod` with the dated days at hand: a search asks it for every hit. */
function datesInPeriod({ daysFrom, days, limit }: DatedDays, doc: number, period: AskedPeriod): boolean {
  if (!(doc >= 0 && doc < limit)) return false;
  for (let at = daysFrom[doc] as number; at < (daysFrom[doc + 1] as number); at += 3) {
    if (
      (period.year === undefined || days[at] === period.year) &&
      (period.month === undefined || days[at + 1] === period.month) &&
      (period.day === undefined || days[at + 2] === period.day)
    )
      return true;
  }
  return false;
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
  const dated = DATED_DAYS.of(knowledge);
  return knowledge.index.findInOrder(rest, { boost: (_id, doc) => (datesInPeriod(dated, doc, period) ? PERIOD_BOOST : 1) });
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
