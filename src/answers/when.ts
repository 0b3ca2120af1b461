/**
 * `/when <event>`: the passages about an event with the date they give, resolved against each source's publication
 * date. Ranked by the event first — how much of the question's event words the sentence that carries the date says,
 * rare words (names, event nouns) weighing most — and only then by how clearly the quote dates it (a calendar date
 * before a weekday, a weekday before "last month", a date in the quote before one in the paragraph before it). A
 * question whose event no dated sentence states gets "no quote found" with suggestions. When two sources give
 * different days for the same event (both sentences say the event, name the same people, and lie within a month of
 * each other), both are shown and a note says so.
 */
import { daysApart, daysBetween } from '../dates/day-count.ts';
import type { DateMention } from '../dates/resolve-dates.ts';
import type { Knowledge, KnownPassage } from '../knowledge/knowledge.ts';
import type { PassageHit } from '../search/passage-index.ts';
import { stemTerm, tokenize } from '../search/tokenize.ts';
import {
  type Answer,
  type DateDisagreement,
  type QuoteResult,
  notFound,
  quoteOf,
  dateOfMention,
  sourceName,
  sourceRef,
  speakerOf,
} from './answer.ts';
import { pageOf } from './answer-pages.ts';
import { areCopies, collapseCopies } from './collapse-copies.ts';
import {
  type AskedPeriod,
  type Coverage,
  type EventGroup,
  askedPeriod,
  coverageAcross,
  coverageIn,
  eventGroups,
  inPeriod,
  speakerMentions,
} from './event-match.ts';
import { excerpt, sentenceAt } from './excerpt.ts';
import { floorOf, fuseRankings, plainFloor } from './recall-floor.ts';
import { MIN_COVERAGE, suggestionsFor } from './search.ts';
import { answerTimeline } from './timeline.ts';

export const WHEN_CANDIDATES = 80;
/** The weighted share of the event words a dated sentence must say for its date to answer the question. */
export const EVENT_COVERAGE = 0.6;
/** Two sentences both saying (nearly) all of the event can disagree about its day. */
const SAME_EVENT_COVERAGE = 0.8;
/** Different days further apart than this are different events told in the same words, not a disagreement. */
export const DISAGREEMENT_DAYS = 31;

/** A passage that carries on from the one before ("He called …", "Shortly after that call, …"). */
const CONTINUES = /^(?:He|She|They|It|That|This|Then|Shortly after|Soon after|Days later)\b/;

interface EventDate {
  mention: DateMention;
  basis: NonNullable<QuoteResult['date_basis']>;
  sentence: number;
}

interface Candidate extends QuoteResult {
  /** How much of the event the sentence that carries the date says. */
  event: Coverage;
  strong: boolean;
  clarity: number;
  /** The text dates nothing: the date shown is the source's publication date. */
  undated: boolean;
}

const GRANULARITY_RANK = { day: 0, week: 1, month: 2, year: 3 } as const;
const KIND_RANK = { explicit: 0, weekday: 1, 'year-inferred': 1.5, relative: 2, year: 3 } as const;
const BASIS_PENALTY = { quote: 0, 'preceding-paragraph': 5, 'opening-paragraph': 8, publication: 40 } as const;

/**
 * How clearly a date is given, lower is clearer: a calendar day, then a weekday (read against the publication
 * date, less sure when that date is itself inferred), then a relative date; then the same in the paragraph before.
 *
 * @example
 * clarityOf({ granularity: 'day', kind: 'explicit' } as DateMention, 'quote', 'stated') // → 0
 */
export function clarityOf(d: DateMention, basis: EventDate['basis'], published: 'stated' | 'inferred' | 'unknown'): number {
  const guessed = d.kind === 'weekday' || d.kind === 'relative' ? (published === 'stated' ? 0 : 0.5) : 0;
  return GRANULARITY_RANK[d.granularity] * 10 + KIND_RANK[d.kind] + guessed + BASIS_PENALTY[basis];
}

/**
 * Words that make a date the far bound of a span, not the day of the event: "until Sunday", "after the 2023 truce".
 * "since Sunday" is not one: it is the day a state began ("headed since Sunday by Zini").
 */
const BOUND_BEFORE = /\b(?:until|till|before|after|following)\s+(?:the\s+|early\s+|late\s+|mid-?)?$/i;
/** Nouns a date stands before as an adjective: "the Oct. 7, 2023 attack" dates the attack, not what the sentence says. */
const DATED_NOUN =
  /^(?:[’']s)?\s+(attacks?|raids?|massacres?|assaults?|incursions?|invasion|offensive|war|strikes?|deals?|agreements?|truce|cease-?fire|summit|meeting|talks|plan|proposal|elections?|deadline|announcement|killings?|assassination|release|swap|exchange|hostage-taking)\b/i;

/**
 * True when a date mention can be the day of the event the question names: not the far bound of a span ("until …",
 * "after …") and not an adjective of another noun ("33 hostages seized in the Oct 7, 2023 attack will be released"
 * dates the attack; it dates the event only when the question asks about the attack).
 *
 * @example
 * datesTheEvent(p, mentionOf('Oct 7, 2023'), eventGroups(knowledge, 'hostages released')) // → false ("… 2023 attack")
 */
export function datesTheEvent(p: KnownPassage, d: DateMention, groups: readonly EventGroup[]): boolean {
  if (BOUND_BEFORE.test(p.text.slice(Math.max(0, d.index - 24), d.index))) return false;
  const noun = DATED_NOUN.exec(p.text.slice(d.index + d.text.length, d.index + d.text.length + 24))?.[1];
  if (!noun) return true;
  const stem = stemTerm(noun.toLowerCase());
  return groups.some((g) => g.forms.includes(stem) || g.synonyms.includes(stem));
}

/** "after" or "following" opening the clause of an earlier event: "fighting resumed on Saturday after the truce collapsed". */
const EARLIER_CLAUSE = /\b(?:after|following)\b/gi;
/** Words before "after" that keep it within the day: "hours after", "shortly after", "just after". */
const SAME_DAY_BEFORE = /\b(?:hours?|minutes?|moments?|shortly|soon|just|right|immediately|hour)\s+$/i;

/**
 * True when the event's words all stand in an "after …" clause that the date does not: the date is the day of what
 * followed, not of the event ("Renewed fighting stretched into a second day on Saturday after talks … collapsed"
 * does not date the collapse to Saturday).
 *
 * @example
 * // 'Fighting resumed on Saturday after the truce collapsed.', event words at "truce" and "collapsed" → true
 * // 'On October 7, a few hours after Hamas began its attack, …', event word at "attack" → false (the same day)
 */
export function datesWhatFollowed(p: KnownPassage, d: DateMention, positions: readonly number[]): boolean {
  if (positions.length === 0) return false;
  const first = Math.min(...positions);
  const end = d.index + d.text.length;
  if (end > first) return false;
  const between = p.text.slice(end, first);
  for (const m of between.matchAll(EARLIER_CLAUSE)) {
    // "on October 7, a few hours after Hamas began its attack": the same day
    if (m.index !== undefined && !SAME_DAY_BEFORE.test(between.slice(0, m.index))) return true;
  }
  return false;
}

/** The date of a sentence nearest the event words, a day before a coarser date. */
function nearestDate(
  p: KnownPassage,
  sentence: number,
  positions: readonly number[],
  groups: readonly EventGroup[],
): DateMention | undefined {
  const dates = p.dates.filter(
    (d) => sentenceAt(p, d.index) === sentence && datesTheEvent(p, d, groups) && !datesWhatFollowed(p, d, positions),
  );
  const distance = (d: DateMention) => (positions.length === 0 ? 0 : Math.min(...positions.map((pos) => Math.abs(pos - d.index))));
  const rank = (d: DateMention) => distance(d) + (d.granularity === 'day' ? 0 : 200);
  return [...dates].sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * The paragraph before an undated passage, when the passage carries on from it: it opens with "He", "Then", … or
 * it names a person that the dated sentence before names ("On Thursday, Blinken said …" / "… Blinken stated in Cairo").
 * An undated paragraph in between is followed back once more ("On Thursday, Biden said …" / "Biden spoke at …" /
 * "That exchange …").
 */
function precedingDate(knowledge: Knowledge, p: KnownPassage, depth = 2): { mention: DateMention; through: KnownPassage[] } | null {
  if (p.dates.length > 0 || depth === 0) return null;
  const before = knowledge.passageById.get(`${p.sourceId}#${p.n - 1}`);
  if (!before) return null;
  const last = before.dates[before.dates.length - 1];
  if (!last) {
    const further = CONTINUES.test(p.text) ? precedingDate(knowledge, before, depth - 1) : null;
    return further ? { mention: further.mention, through: [before, ...further.through] } : null;
  }
  if (CONTINUES.test(p.text)) return { mention: last, through: [before] };
  const sentence = before.sentences[sentenceAt(before, last.index)];
  const isPerson = (id: string) => knowledge.entityById.get(id)?.kind === 'person';
  const people = new Set(
    before.mentions
      .filter((m) => sentence && m.start >= sentence.start && m.start < sentence.end && isPerson(m.entityId))
      .map((m) => m.entityId),
  );
  const first = p.sentences[0];
  const named = p.mentions.some((m) => people.has(m.entityId) && first !== undefined && m.start < first.end);
  return named && last.granularity === 'day' ? { mention: last, through: [before] } : null;
}

/**
 * The day a news article's opening paragraph reports ("… were back in Israel on Monday night"), for an undated
 * paragraph among its first few, which tells the same day's news ("Trump flew on to Sharm El-Sheikh, where …").
 * Only a day within three days before publication counts: an opening that looks back further is a retrospective.
 */
const NEWS_DAY_PARAGRAPHS = 5;
const NEWS_DAY_MAX_AGE_DAYS = 3;
function newsDayOf(knowledge: Knowledge, p: KnownPassage): DateMention | null {
  if (p.dates.length > 0 || p.paragraph > NEWS_DAY_PARAGRAPHS || p.source.published === null) return null;
  for (let n = 1; n < p.n; n++) {
    const q = knowledge.passageById.get(`${p.sourceId}#${n}`);
    if (!q) continue;
    if (q.paragraph > 1) return null;
    const day = q.dates.find((d) => d.granularity === 'day');
    if (!day) continue;
    const age = daysBetween(day.iso, p.source.published);
    return age >= 0 && age <= NEWS_DAY_MAX_AGE_DAYS ? day : null;
  }
  return null;
}

/**
 * A sentence that names the event's people but none of its action ("Lifshitz and Cooper were taken on Oct. 7" for
 * "Lifshitz and Cooper freed") dates something else. When the paragraph before says the action in a dated sentence
 * ("Two women … were handed to the Red Cross on Monday evening, the second release …"), that is the event's day.
 */
function actionDateBefore(knowledge: Knowledge, p: KnownPassage, groups: readonly EventGroup[], covered: Coverage): DateMention | null {
  const actions = groups.filter((g) => !g.name);
  if (actions.length === 0 || covered.covered.some((g) => actions.includes(g))) return null;
  const before = knowledge.passageById.get(`${p.sourceId}#${p.n - 1}`);
  if (!before) return null;
  for (const [i, s] of before.sentences.entries()) {
    const day = before.dates.find((d) => d.granularity === 'day' && sentenceAt(before, d.index) === i);
    if (day && coverageIn(before, actions, s).coverage >= 0.5) return day;
  }
  return null;
}

/** The event date a passage gives: the dated sentence that says most of the event, or the paragraph it carries on. */
export function eventDateOf(
  knowledge: Knowledge,
  p: KnownPassage,
  groups: readonly EventGroup[],
): { date: EventDate; event: Coverage } | null {
  let best: { date: EventDate; event: Coverage; clarity: number } | null = null;
  // a passage that carries on from the one before ("It ended on March 1") says its event together with it
  const carried = CONTINUES.test(p.text) ? knowledge.passageById.get(`${p.sourceId}#${p.n - 1}`) : undefined;
  for (const [i, s] of p.sentences.entries()) {
    if (!p.dates.some((d) => sentenceAt(p, d.index) === i)) continue;
    const event =
      i === 0 && carried
        ? { ...coverageAcross([p, carried], groups), positions: coverageIn(p, groups, s).positions }
        : coverageIn(p, groups, s);
    const mention = nearestDate(p, i, event.positions, groups);
    if (!mention) continue;
    const clarity = clarityOf(mention, 'quote', p.source.published_basis.kind);
    const better = best ? Number(event.key) - Number(best.event.key) || event.coverage - best.event.coverage || best.clarity - clarity : 1;
    if (better > 0) best = { date: { mention, basis: 'quote', sentence: i }, event, clarity };
  }
  if (best) {
    const action = actionDateBefore(knowledge, p, groups, best.event);
    return action ? { date: { mention: action, basis: 'preceding-paragraph', sentence: 0 }, event: best.event } : best;
  }
  // the paragraphs a passage carries on from tell the rest of its event ("That exchange" → "the prisoner swap")
  const before = precedingDate(knowledge, p);
  if (before)
    return {
      date: { mention: before.mention, basis: 'preceding-paragraph', sentence: 0 },
      event: coverageAcross([p, ...before.through], groups),
    };
  const newsDay = newsDayOf(knowledge, p);
  return newsDay ? { date: { mention: newsDay, basis: 'opening-paragraph', sentence: 0 }, event: coverageIn(p, groups) } : null;
}

/**
 * The passages that carry on from a hit ("That first phase saw …" / "It ended on March 1"): they say the event with
 * it, though their own words alone would not be found. Each is searched as the hit before it, a little lower.
 */
function carryingOn(knowledge: Knowledge, hits: readonly PassageHit[]): PassageHit[] {
  const out: PassageHit[] = [];
  for (const h of hits) {
    const p = knowledge.passageById.get(h.id);
    const next = p ? knowledge.passageById.get(`${p.sourceId}#${p.n + 1}`) : undefined;
    if (next && CONTINUES.test(next.text)) out.push({ ...h, id: next.id, score: h.score * 0.9 });
  }
  return out;
}

function candidateOf(knowledge: Knowledge, hit: PassageHit, groups: readonly EventGroup[], period: AskedPeriod | null): Candidate | null {
  const p = knowledge.passageById.get(hit.id);
  if (!p) return null;
  // what the passage says of the event, with the passage it carries on from ("It ended …" / "That first phase …")
  const carried = CONTINUES.test(p.text) ? knowledge.passageById.get(`${p.sourceId}#${p.n - 1}`) : undefined;
  const whole = carried ? coverageAcross([p, carried], groups) : coverageIn(p, groups);
  const dated = eventDateOf(knowledge, p, groups);
  // the dated sentence must say the event's key name; the rest of the passage can support what it leaves out
  const event = dated ? { ...dated.event, coverage: (2 * dated.event.coverage + whole.coverage) / 3 } : whole;
  const mention = dated?.date.mention;
  const outside = period !== null && (!mention || !inPeriod(mention.iso, period));
  const keep = [...new Set(whole.positions.map((pos) => sentenceAt(p, pos)))];
  if (dated?.date.basis === 'quote') keep.push(dated.date.sentence);
  // a quote that dates nothing itself is shown with the day its source was published, and says so
  const reported = !mention && p.source.published !== null ? p.source.published : null;
  // "…,” he said": who "he" is, when the passage does not name them
  const unnamed = new Set(speakerMentions(p).map((m) => m.entityId));
  const speech = p.speakers.find((s) => s.direct && s.entityId !== null && unnamed.has(s.entityId));
  const speaker = speech ? speakerOf(knowledge, speech) : undefined;
  return quoteOf(p, {
    quote: excerpt(p, keep.length > 0 ? keep : p.sentences.map((_s, i) => i)),
    score: Number(hit.score.toFixed(3)),
    ...(speaker ? { speaker } : {}),
    ...(dated && mention
      ? dateOfMention(mention, dated.date.basis)
      : reported
        ? { date: reported, granularity: 'day' as const, date_basis: 'publication' as const }
        : {}),
    event,
    strong: event.key && event.coverage >= EVENT_COVERAGE && !outside,
    clarity: dated && mention ? clarityOf(mention, dated.date.basis, p.source.published_basis.kind) : 99,
    undated: !mention,
  });
}

/**
 * Tiers: quotes that state the event and date it, then weaker dated quotes, then those that state it without a date.
 * A year alone ("in 2023") does not say when: it ranks with the undated. (Ranking the event before the date, dated or
 * not, found fewer right dates on the development and unseen sets: 15/19 and 22/23 against 16/19 and 23/23.)
 */
function tierOf(c: Candidate): number {
  if (!c.undated && c.granularity !== 'year') return c.strong ? 0 : 1;
  return c.strong ? 2 : 3;
}

/**
 * When the top quotes give different days for one event, the day most sources give comes first: the quotes that
 * disagree keep the places they had among the results, re-dealt so that the majority's best quote takes the first
 * of them. Copies of one passage count as one source each (`also_in`).
 */
function majorityFirst(results: Candidate[], conflicts: ReadonlyArray<readonly [Candidate, Candidate]>): Candidate[] {
  const involved = new Set(conflicts.flat());
  const sources = new Map<string, Set<string>>();
  for (const r of results.slice(0, 8)) {
    if (!r.strong || r.undated || r.date === undefined) continue;
    const ids = sources.get(r.date) ?? new Set<string>();
    ids.add(r.source.id);
    for (const c of r.also_in ?? []) ids.add(c.source_id);
    sources.set(r.date, ids);
  }
  const support = (r: Candidate) => sources.get(r.date ?? '')?.size ?? 0;
  const places = results.flatMap((r, i) => (involved.has(r) ? [i] : []));
  const dealt = places.map((i) => results[i] as Candidate).sort((a, b) => support(b) - support(a));
  const out = [...results];
  places.forEach((at, k) => (out[at] = dealt[k] as Candidate));
  return out;
}

/** The people a result's dated sentence names. */
function peopleOf(knowledge: Knowledge, c: Candidate): string[] {
  return [...c.event.entityIds].filter((id) => knowledge.entityById.get(id)?.kind === 'person');
}

/**
 * The weighted share of the event words a result's sentence says in the question's own words — as typed, inflected
 * or as a name — leaving out those it says only through a synonym. "Talks in Paris on Sunday" on a draft "agreement"
 * is a candidate for "Paris understanding", but not a witness that the understanding came on another day.
 */
function ownWordsShare(c: Candidate, groups: readonly EventGroup[]): number {
  const total = groups.reduce((sum, g) => sum + g.weight, 0);
  return total > 0 ? c.event.covered.reduce((sum, g) => sum + g.weight, 0) / total : 0;
}

/**
 * Pairs of results from different sources that give different days for the same event: both dated sentences say
 * (nearly) all of the event words in the question's own words, they do not name different people, and the days lie
 * within a month. Two copies of one passage read against different publication dates are one source repeated, not
 * two sources disagreeing.
 */
function disagreements(knowledge: Knowledge, results: readonly Candidate[], groups: readonly EventGroup[]): Array<[Candidate, Candidate]> {
  const pairs: Array<[Candidate, Candidate]> = [];
  const dated = results
    .slice(0, 8)
    .filter(
      (r) =>
        r.strong &&
        r.event.coverage >= SAME_EVENT_COVERAGE &&
        ownWordsShare(r, groups) >= SAME_EVENT_COVERAGE &&
        r.granularity === 'day' &&
        r.date_basis === 'quote',
    );
  for (const [i, a] of dated.entries()) {
    for (const b of dated.slice(i + 1)) {
      if (a.source.id === b.source.id || a.date === b.date || areCopies(knowledge, a, b)) continue;
      if (daysApart(a.date ?? '', b.date ?? '') > DISAGREEMENT_DAYS) continue;
      const [pa, pb] = [peopleOf(knowledge, a), peopleOf(knowledge, b)];
      if (pa.length > 0 && pb.length > 0 && !pa.some((id) => pb.includes(id))) continue;
      pairs.push([a, b]);
    }
  }
  return pairs;
}

export function answerWhen(knowledge: Knowledge, query: string, limit = 5, offset = 0): Answer {
  // an autocomplete pick arrives as "2023-11-22 — the sentence": the words are the event
  query = query.replace(/^\d{4}-\d{2}-\d{2} — /, '');
  if (tokenize(query).length === 0) return answerTimeline(knowledge, limit, offset);
  // a month or year in the question narrows the date; the event is the rest ("the November 2023 truce")
  const { period, rest } = askedPeriod(query);
  const named = eventGroups(knowledge, rest);
  const groups = named.length > 0 ? named : eventGroups(knowledge, query);
  // dating a hit reads its words again: only the best WHEN_CANDIDATES hits are worth it
  const hits =
    groups.length === 0
      ? []
      : knowledge.index.findInOrder(named.length > 0 ? rest : query).first(WHEN_CANDIDATES, (h) => h.coverage >= MIN_COVERAGE);
  const candidates = new Map<string, Candidate>();
  for (const h of [...hits, ...carryingOn(knowledge, hits)]) {
    const c = candidates.has(h.id) ? null : candidateOf(knowledge, h, groups, named.length > 0 ? period : null);
    if (c) candidates.set(c.passage_id, c);
  }
  const found = [...candidates.values()].filter((c) => c.strong || (!c.undated && c.event.coverage >= EVENT_COVERAGE / 2));
  // the event first, then how clearly the quote dates it, then the search score
  const step = (x: number) => Math.round(x * 20);
  found.sort(
    (a, b) => tierOf(a) - tierOf(b) || step(b.event.coverage) - step(a.event.coverage) || a.clarity - b.clarity || b.score - a.score,
  );
  // the recall floor: plain search's best passages for the question as typed stay in view, dated as the others are
  const searchedAll = named.length === 0 || rest === query;
  const floorHits = searchedAll ? floorOf(knowledge, hits, named.length > 0 ? rest : query) : plainFloor(knowledge, query);
  const floor = floorHits.flatMap((h) => candidates.get(h.id) ?? candidateOf(knowledge, h, groups, named.length > 0 ? period : null) ?? []);
  const fused = fuseRankings(found, floor, (c) => c.passage_id);
  // copies giving the same date are one result, before the top results are compared for disagreements
  let scored = [...collapseCopies(knowledge, fused)];
  if (scored.length === 0) {
    return notFound('when', query, `When: ${query}`, suggestionsFor(knowledge, query), `No quote found for "${query}".`, knowledge);
  }
  const notes: string[] = [];
  const sidesOfDisagreements: DateDisagreement[] = [];
  if (!scored.some((c) => c.strong && !c.undated))
    notes.push(`No quote dates "${query}" as such: these are the passages that match its words best.`);
  const conflicts = disagreements(knowledge, scored, groups);
  if (conflicts.length > 0) {
    scored = majorityFirst(scored, conflicts);
    const byDate = new Map<string, string[]>();
    for (const r of conflicts.flat()) byDate.set(r.date ?? '', [...new Set([...(byDate.get(r.date ?? '') ?? []), r.source.id])]);
    const sides = [...byDate].sort(([, a], [, b]) => b.length - a.length);
    // the sides are named as every attribution names a source (the ids stay in `disagreements`, for scripts)
    const nameOf = (id: string) => {
      const source = knowledge.sourceById.get(id);
      return source ? sourceName(sourceRef(source)) : id;
    };
    notes.push(`Sources disagree on the date: ${sides.map(([d, ids]) => `${d} (${ids.map(nameOf).join(', ')})`).join(' vs ')}.`);
    sidesOfDisagreements.push({ sides: sides.map(([date, source_ids]) => ({ date, source_ids })) });
    // keep every side of the disagreement in view: the best result for each date moves into the top three
    for (const date of byDate.keys()) {
      const at = scored.findIndex((r) => r.date === date);
      if (at >= 3) scored.splice(2, 0, ...scored.splice(at, 1));
    }
  }
  const shown = scored.slice(offset, offset + limit);
  if (shown.some((r) => r.date_basis === 'preceding-paragraph')) {
    notes.push('Some dates come from the paragraph just before the quote, which the quote carries on from.');
  }
  if (shown.some((r) => r.date_basis === 'opening-paragraph')) {
    notes.push('Some quotes give no date themselves: their date is the day the article’s opening paragraph reports.');
  }
  if (shown.some((r) => r.date_basis === 'publication')) {
    notes.push('Some quotes date nothing themselves: the date shown is the day their article was published ("reported on").');
  }
  const results = scored.map(({ event: _e, strong: _s, clarity: _c, undated: _u, ...r }) => r);
  const page = pageOf(knowledge, { command: 'when', query, title: `When: ${query}`, notes }, results, limit, offset);
  // the picture of the dates: on the first page, when its quotes give more than one
  const picture = offset === 0 && new Set(page.results.flatMap((r) => (r.date ? [r.date] : []))).size > 1 ? ('dates' as const) : undefined;
  return { ...page, ...(sidesOfDisagreements.length > 0 ? { disagreements: sidesOfDisagreements } : {}), ...(picture ? { picture } : {}) };
}
