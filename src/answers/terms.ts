/**
 * `/terms [topic]`: passages that state terms of a deal or a proposal. The talks went through several deals (the
 * November 2023 truce, the January 2025 cease-fire, the October 2025 first phase), recognised in `deals/deals.ts`.
 * With no topic, or one asking for "the final deal" or "the latest deal": the latest agreed deal first, then the
 * earlier deals and proposals in date order. With a topic: the best passages for it, where "length" or "how long"
 * finds durations ("four-day cease-fire", "42 days") and "how many" finds the passages with numbers. A prisoner swap
 * outside the talks (US–Russia, US–Iran) is shown only when the topic asks for it.
 */
import { type Deal, DURATION, dealsOf, type StatedTerms, statementsIn } from '../deals/deals.ts';
import { insertOrdered, removeOrdered, removeRuns } from '../knowledge/ordered-merge.ts';
import { knowledgeView } from '../knowledge/knowledge-view.ts';
import type { PassageChange } from '../knowledge/update-knowledge.ts';
import { corpusPosition, type Knowledge, type KnownPassage } from '../knowledge/knowledge.ts';
import { comparePassageIds } from '../passages/passage.ts';
import type { FindOptions, PassageHit } from '../search/passage-index.ts';
import { numericTermCount, TERM_TOPICS, type TermTopic } from '../passages/terms-tags.ts';
import { tokenize } from '../search/tokenize.ts';
import { type Answer, type QuoteResult, notFound, quoteOf, dateOfMention } from './answer.ts';
import { COLLAPSE_MARGIN, pageOfHits, pageOfTop } from './answer-pages.ts';
import { topRanked } from '../search/top-ranked.ts';
import { floorOf, foundBy, fuseRankings, plainFloor } from './recall-floor.ts';
import { type AskedPeriod, askedPeriod, coverageIn, eventGroups, inPeriod } from './event-match.ts';

/** The topics users can ask `/terms` about, for help and autocomplete. */
export const TERM_TOPIC_NAMES: ReadonlyArray<{ topic: TermTopic; label: string }> = (Object.keys(TERM_TOPICS) as TermTopic[]).map(
  (topic) => ({
    topic,
    label: TERM_TOPICS[topic].label,
  }),
);

/** Each topic with the words of its label, tokenized once. */
const TERM_TOPIC_WORDS: ReadonlyArray<{ topic: TermTopic; words: string[] }> = TERM_TOPIC_NAMES.map(({ topic, label }) => ({
  topic,
  words: tokenize(label),
}));

/** How much more a passage that states terms of these talks weighs than one the words alone find. */
const STATED_BOOST = 1.5;
/** Words asking for the latest agreed deal rather than a topic. */
const LATEST = /\b(?:final|latest|last|current|newest|recent|most recent)\b/i;
/** Words asking how long: durations answer them. */
const LENGTH = /\b(?:length|long|duration|lasts?|days?|weeks?)\b/i;
/** Words asking how many: numbers answer them. */
const HOW_MANY = /\b(?:how many|number of|count of)\s+(?:\w+\s+)?(\w+)/i;
/** A topic made only of these asks for the latest deal itself. */
const ONLY_DEAL_WORDS = new Set([
  'the',
  'a',
  'final',
  'latest',
  'last',
  'current',
  'newest',
  'recent',
  'most',
  'deal',
  'agreement',
  'agreed',
  'terms',
  'of',
  'what',
  'is',
  'was',
  'ceasefire',
  'cease',
  'fire',
  'truce',
]);
const NUMBER = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozens?)`;
/** A duration next to what lasts: "four-day cease-fire", "the truce would last 42 days". */
const LASTING = /\b(?:cease-?fire|truce|pause|phase|halt)\b/i;

/**
 * What finds a number of the thing asked about in a passage ("how many hostages" → "50 hostages", "33 hostages"):
 * made once a question, tested on every passage that may answer it.
 */
function numberOf(noun: string): RegExp {
  const stem = noun.toLowerCase().replace(/(?:es|s)$/, '');
  return new RegExp(`\\b${NUMBER}(?:[\\s-]+[\\w-]+){0,2}?[\\s-]+${stem}\\w*`, 'i');
}

/**
 * Keeps `value` under `key` and returns it; once `map` holds `most` entries, the oldest goes first.
 *
 * @example
 * keepNewest(kept, 16, 'hostages|false|false', candidates) // → candidates
 */
function keepNewest<K, V>(map: Map<K, V>, most: number, key: K, value: V): V {
  if (map.size >= most) map.delete(map.keys().next().value as K);
  map.set(key, value);
  return value;
}

/** How many sets of "how many" readings are kept (one per thing counted); the oldest goes first. */
const KEPT_COUNTS = 16;

/**
 * Whether each numbered passage gives a number of a thing counted ("how many hostages": "50 hostages"), by the
 * pattern that finds it (`numberOf`), 1 or 0, -1 not read yet: such a question weighs every stated passage its words
 * find, and the same thing is asked about again. An update numbers new passages, so they are read again.
 */
const NUMBERS_GIVEN = knowledgeView({ name: 'numbers given per thing counted', compute: () => new Map<string, Int8Array>(), carry: null });

/** True when passage `p` (numbered `doc`) gives a number of the thing `counted` finds; read once per passage. */
function givesNumber(knowledge: Knowledge, counted: RegExp, p: KnownPassage, doc: number): boolean {
  const kept = NUMBERS_GIVEN.of(knowledge);
  const given =
    kept.get(counted.source) ?? keepNewest(kept, KEPT_COUNTS, counted.source, new Int8Array(knowledge.index.numberLimit).fill(-1));
  if (doc >= given.length) return counted.test(p.text);
  if (given[doc] === -1) given[doc] = counted.test(p.text) ? 1 : 0;
  return given[doc] === 1;
}

/** A duration that qualifies what lasts: "a four-day cease-fire", "the truce would last 42 days". */
const PAUSE_LENGTH = new RegExp(
  `${DURATION.source}(?:[\\s-]+[\\w-]+){0,2}?[\\s-]+${LASTING.source}|${LASTING.source}(?:[\\s,]+[\\w'’-]+){0,5}?[\\s]+(?:lasts?|lasting|for|of|by)[\\s]+(?:\\w+\\s+)?${DURATION.source}`,
  'i',
);

/**
 * How directly a passage gives a length: 3 when the duration qualifies the cease-fire, 2 when both stand in one
 * sentence, 1 for a duration elsewhere, 0 for none.
 */
function lengthStatedIn(p: KnownPassage): number {
  if (PAUSE_LENGTH.test(p.text)) return 3;
  if (p.sentences.some((x) => DURATION.test(x.text) && LASTING.test(x.text))) return 2;
  return DURATION.test(p.text) ? 1 : 0;
}

function resultOf(s: StatedTerms, score: number): QuoteResult {
  return { ...resultOfPassage(s.passage, score), topics: s.passage.terms };
}

/** Words saying the terms are those of the deal agreed. */
const FULL_DEAL =
  /\b(?:final (?:deal|agreement)|deal that emerged|under the (?:deal|agreement)|the (?:deal|agreement) (?:calls|provides))\b/i;

/** How fully a passage states a deal: its numbers, and words saying it was agreed. */
const statesDeal = (p: KnownPassage): number => measuresOf(p)[2];

/** The latest deal that was agreed (it may since have taken effect or collapsed). */
export function latestDeal(knowledge: Knowledge): Deal | undefined {
  return dealsOf(knowledge).deals.at(-1);
}

function describe(deal: Deal): string {
  return deal.agreed === deal.last ? `${deal.agreed}, ${deal.status}` : `${deal.agreed} to ${deal.last}, ${deal.status}`;
}

/**
 * The fullest statement of the latest deal first; then every deal and proposal in date order, which ends with the
 * rest of what was said about the latest deal.
 */
/** The terms in deal order: the fullest statement of the deal first (scored 2), then the rest; quotes made per page. */
interface DealOrder {
  order: StatedTerms[];
  lead: StatedTerms | undefined;
  notes: string[];
}

/**
 * The deal orders already worked out, per deal asked for (none: the latest first); an update changes which deal is
 * the latest and what each holds, so they are worked out again.
 */
const DEAL_ORDERS = knowledgeView({ name: 'deal orders', compute: () => new Map<Deal | undefined, DealOrder>(), carry: null });

/** The terms in deal order, the same for every question that asks for it: worked out once per knowledge base. */
export function dealOrder(knowledge: Knowledge, asked?: Deal): DealOrder {
  const orders = DEAL_ORDERS.of(knowledge);
  let order = orders.get(asked);
  if (!order) {
    order = orderDeals(knowledge, asked);
    orders.set(asked, order);
  }
  return order;
}

/** Earliest first; then by place in the article, then by passage id, so that the order never depends on load order. */
const byDateThenPlace = (a: StatedTerms, b: StatedTerms) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.passage.n - b.passage.n || comparePassageIds(a.passage.id, b.passage.id);

/**
 * The terms of these talks (no unrelated swap) in date order; after an update, the statements gone taken out and the
 * new put in, in place.
 */
const TERMS_BY_DATE = knowledgeView({
  name: 'terms in date order',
  compute: (knowledge) =>
    dealsOf(knowledge)
      .stated.filter((s) => !s.offTopic)
      .sort(byDateThenPlace),
  carry(order, { change }) {
    const statedIn = (passages: readonly KnownPassage[]) => statementsIn(passages).filter((s) => !s.offTopic);
    removeOrdered(order, statedIn(change.dropped), byDateThenPlace, (s, gone) => s === gone);
    insertOrdered(order, statedIn(change.added), byDateThenPlace);
    return order;
  },
});

const statedByDate = (knowledge: Knowledge): StatedTerms[] => TERMS_BY_DATE.of(knowledge);

function orderDeals(knowledge: Knowledge, asked?: Deal): DealOrder {
  const deal = asked ?? latestDeal(knowledge);
  // the fullest statement of the deal, the earliest of equals
  let lead: StatedTerms | undefined;
  for (const s of deal?.passages ?? []) {
    if (s.offTopic) continue;
    if (
      !lead ||
      statesDeal(s.passage) > statesDeal(lead.passage) ||
      (statesDeal(s.passage) === statesDeal(lead.passage) && s.date < lead.date)
    )
      lead = s;
  }
  const order: StatedTerms[] = lead ? [lead] : [];
  const byDate = statedByDate(knowledge);
  if (asked) {
    // the deal asked for by its month: its own statements right after its fullest one, then the rest
    const own = new Set(asked.passages);
    for (const s of byDate) if (s !== lead && own.has(s)) order.push(s);
    for (const s of byDate) if (s !== lead && !own.has(s)) order.push(s);
  } else for (const s of byDate) if (s !== lead) order.push(s);
  const which = asked ? 'the deal agreed in the period asked about' : 'the latest agreed deal';
  const notes =
    deal && lead ? [`The first quote states ${which} (${describe(deal)}); the rest follow the deals and proposals in date order.`] : [];
  return { order, lead, notes };
}

/** A page of a deal order; copies of a statement are looked for among the page and the statements after it. */
function dealOrderPage(knowledge: Knowledge, order: DealOrder, query: string | null, title: string, limit: number, offset: number): Answer {
  return pageOfHits(
    knowledge,
    { command: 'terms', query, title, notes: order.notes },
    order.order,
    (s) => resultOf(s, s === order.lead ? 2 : 1),
    limit,
    offset,
  );
}

export function answerTerms(knowledge: Knowledge, topic: string | null, limit = 5, offset = 0): Answer {
  const label = topic && tokenize(topic).length > 0 ? topic : null;
  if (!label) {
    return dealOrderPage(knowledge, dealOrder(knowledge), null, 'Terms of the deal', limit, offset);
  }
  // "the final deal", "latest agreement": the deals in order, the latest first, as with no topic
  if (LATEST.test(label) && tokenize(label).every((w) => ONLY_DEAL_WORDS.has(w))) {
    return dealOrderPage(knowledge, dealOrder(knowledge), label, `Terms: ${label}`, limit, offset);
  }
  // "the November 2023 truce": that deal, as "the final deal" is the latest one
  const dated = askedPeriod(label);
  const dealInPeriod =
    dated.period && tokenize(dated.rest).every((w) => ONLY_DEAL_WORDS.has(w))
      ? dealsOf(knowledge).deals.find((d) => inPeriod(d.agreed, dated.period as AskedPeriod))
      : undefined;
  if (dealInPeriod) {
    return dealOrderPage(knowledge, dealOrder(knowledge, dealInPeriod), label, `Terms: ${label}`, limit, offset);
  }
  const groups = eventGroups(knowledge, label);
  // a swap outside the talks shows only when the topic names something of it ("Russia", "Ankara", "swap")
  const askedFor = (s: StatedTerms) => !s.offTopic || /\bswap\b/i.test(label) || coverageIn(s.passage, groups).covered.some((g) => g.name);
  const prepared = termsIndexOf(knowledge);
  const byId = new Map<string, StatedTerms>();
  for (const s of prepared.offTopic) if (askedFor(s)) byId.set(s.passage.id, s);
  const { onTopicByDoc, offTopicByDoc } = prepared;
  // the terms a passage states, by its number in the index (what every hit carries), or by its id
  const statedAt = (id: string, doc: number) => onTopicByDoc[doc] ?? (offTopicByDoc[doc] !== undefined ? byId.get(id) : undefined);
  const statedOf = (id: string) => {
    const doc = knowledge.index.numberOf(id);
    return doc === undefined ? undefined : statedAt(id, doc);
  };
  // a prisoner swap outside these talks that the topic does not ask for
  const leftOut = (h: PassageHit) => offTopicByDoc[h.doc] !== undefined && !byId.has(h.id);
  // "the November 2023 truce": the month names which deal, it is not a word the quote must say
  const { period, rest } = dated;
  const searched = period && tokenize(rest).length > 0 ? rest : label;
  const wanted = new Set(tokenize(label));
  // the topics the words name, by their key or a word of their label: worked out once, not for every passage
  const wantedTopics = new Set(
    TERM_TOPIC_WORDS.filter(({ topic, words }) => wanted.has(topic) || words.some((w) => wanted.has(w))).map((t) => t.topic),
  );
  const wantsLatest = LATEST.test(label);
  const latestIds = new Set(wantsLatest ? latestDeal(knowledge)?.passages.map((s) => s.passage.id) : []);
  const wantsLength = LENGTH.test(label);
  const counted = HOW_MANY.exec(label)?.[1];
  const countedNumber = counted ? numberOf(counted) : undefined;
  const wantedMask = topicMask([...wantedTopics]);
  const topicBoost = (s: StatedTerms, doc: number) => {
    const p = s.passage;
    const topics = bitCount((prepared.topicsByDoc[doc] ?? topicMask(p.terms)) & wantedMask);
    let boost = 1 + topics * 0.5;
    if (wantsLatest && latestIds.has(p.id)) boost *= 4 + statesDeal(p) * 0.25;
    if (wantsLength) boost *= 1 + (prepared.lengthByDoc[doc] as number);
    if (countedNumber) boost *= givesNumber(knowledge, countedNumber, p, doc) ? 3 : 1;
    if (period && inPeriod(s.date, period)) boost *= 2;
    return boost;
  };
  // every passage the words find competes, as plain search ranks it; one that states terms of these talks is preferred
  // by what it states. A prisoner swap outside the talks stays out unless asked for (see `askedFor`).
  // the same words searched plainly give the recall floor below: one search serves both when no period was taken out
  const searchOptions: FindOptions = {
    filter: (id, doc) => offTopicByDoc[doc] === undefined || byId.has(id),
    boost: (id, doc) => {
      const stated = statedAt(id, doc);
      return stated ? STATED_BOOST * topicBoost(stated, doc) : 1;
    },
  };
  const searchedWithPlain = searched === label ? knowledge.index.findWithPlain(label, searchOptions) : undefined;
  const hits: PassageHit[] = (searchedWithPlain?.hits ?? knowledge.index.find(searched, searchOptions)).filter(
    foundBy(knowledge, searched),
  );
  // a topic the user names ("ratio", "aid", "length") finds the passages tagged with it even when they never use the word
  const named = TERM_TOPIC_WORDS.filter(({ topic, words }) => wanted.has(topic) || words.every((w) => wanted.has(w))).map((t) => t.topic);
  let best = 1;
  for (const h of hits) if (h.score > best) best = h.score;
  // each hit's place among the hits by its passage's number (-1: none), and the passages listed beside them
  const { index } = knowledge;
  const placeOf = new Int32Array(index.numberLimit).fill(-1);
  for (let i = 0; i < hits.length; i++) placeOf[(hits[i] as PassageHit).doc] = i;
  const hitOf = (id: string) => {
    const doc = index.numberOf(id);
    return doc === undefined ? undefined : hits[placeOf[doc] as number];
  };
  // the passages a named topic, a length or the latest deal brings in beside what the words found: ranked after the
  // hits (candidate found + k is the k-th brought in), made into hits only if they reach the page (a common topic
  // brings in tens of thousands)
  const listed = new Uint8Array(placeOf.length);
  const brought = topicCandidates(knowledge, named, wantsLength, wantsLatest);
  const found = hits.length;
  const added = { ids: [] as string[], docs: [] as number[], scores: [] as number[] };
  for (let i = 0; i < brought.statements.length; i++) {
    const s = brought.statements[i] as StatedTerms;
    if (s.offTopic && !byId.has(s.passage.id)) continue;
    const doc = brought.docs[i] as number;
    const answers = brought.answers[i] === 1;
    const score = (best * (topicBoost(s, doc) + (prepared.numbersByDoc[doc] as number) * 0.25)) / 4;
    const hit = hits[placeOf[doc] as number];
    if (hit && answers) hit.score = Math.max(hit.score, score);
    else if (!hit) {
      added.ids.push(s.passage.id);
      added.docs.push(doc);
      added.scores.push(score);
      listed[doc] = 1;
    }
  }
  const candidates = found + added.ids.length;
  const idAt = (i: number) => (i < found ? (hits[i] as PassageHit).id : (added.ids[i - found] as string));
  const docAt = (i: number) => (i < found ? (hits[i] as PassageHit).doc : (added.docs[i - found] as number));
  const scoreAt = (i: number) => (i < found ? (hits[i] as PassageHit).score : (added.scores[i - found] as number));
  const hitAt = (i: number): PassageHit =>
    i < found ? (hits[i] as PassageHit) : { id: idAt(i), doc: docAt(i), score: scoreAt(i), coverage: 1, matched: [] };
  /** A value per candidate, 0 or 1, filled by a loop. */
  const flags = (flag: (i: number) => boolean) => {
    const out = new Uint8Array(candidates);
    for (let i = 0; i < candidates; i++) out[i] = flag(i) ? 1 : 0;
    return out;
  };
  // "how long is the ceasefire": each deal's length as stated, the latest deal first
  const byLatestLength = wantsLength && !period;
  // the best score first; a period named ("the January 2025 deal") puts the terms stated then first; a length asked
  // for puts the quotes that give one first, the latest first. What the order compares is read once a candidate.
  const outside = period ? flags((i) => !inPeriod(statedAt(idAt(i), docAt(i))?.date ?? '', period)) : undefined;
  const givesLength = byLatestLength ? flags((i) => lengthAt(prepared, knowledge, { id: idAt(i), doc: docAt(i) }) < 2) : undefined;
  const dateOf = givesLength ? Array.from({ length: candidates }, (_, i) => statedAt(idAt(i), docAt(i))?.date ?? '') : [];
  const byLength = (i: number, j: number) => {
    if (!givesLength) return 0;
    const [a, b] = [givesLength[i] as number, givesLength[j] as number];
    const [x, y] = [dateOf[i] as string, dateOf[j] as string];
    return a - b || (a === 0 && x !== y ? y.localeCompare(x) : 0);
  };
  const order = (i: number, j: number) =>
    byLength(i, j) || (outside ? (outside[i] as number) - (outside[j] as number) : 0) || scoreAt(j) - scoreAt(i);
  const top = topRanked(candidates, order, offset + limit + COLLAPSE_MARGIN).map(hitAt);
  // the recall floor: plain search's best passages for the words typed, terms stated in them or not; a prisoner
  // swap outside these talks stays out unless the topic asks for it, and the note says so
  const floorHits = searchedWithPlain ? floorOf(knowledge, searchedWithPlain.plain, label) : plainFloor(knowledge, label);
  const swapsLeftOut = floorHits.filter(leftOut).length;
  const floor = floorHits.flatMap((h) => {
    if (leftOut(h)) return [];
    // a passage the command ranked too is quoted with the command's score, wherever the floor puts it
    const score = (hitOf(h.id) ?? h).score;
    const stated = statedOf(h.id);
    const p = knowledge.passageById.get(h.id);
    return stated ? [resultOf(stated, score)] : p ? [resultOfPassage(p, score)] : [];
  });
  if (candidates === 0 && floor.length === 0) {
    return notFound(
      'terms',
      label,
      `Terms: ${label}`,
      TERM_TOPIC_NAMES.map((t) => t.label),
      `No stated terms found about "${label}".`,
      knowledge,
    );
  }
  const notes: string[] = [];
  const latest = latestDeal(knowledge);
  if (wantsLatest && latest) notes.push(`The latest agreed deal: ${describe(latest)}.`);
  if (byLatestLength) notes.push('Quotes that give a length come first, the latest first: each deal and proposal had its own.');
  if (swapsLeftOut > 0) notes.push('A prisoner swap outside these talks matches these words too; name it ("swap", a place) to see it.');
  const own = top.map((h) => {
    const stated = statedOf(h.id);
    return stated ? resultOf(stated, h.score) : resultOfPassage(knowledge.passageById.get(h.id) as KnownPassage, h.score);
  });
  const ranked = (id: string) => {
    const doc = index.numberOf(id);
    return doc !== undefined && (placeOf[doc] !== -1 || listed[doc] === 1);
  };
  const count = candidates + floor.filter((r) => !ranked(r.passage_id)).length;
  return pageOfTop(
    knowledge,
    { command: 'terms', query: label, title: `Terms: ${label}`, notes },
    fuseRankings(own, floor, (r) => r.passage_id),
    count,
    (r) => r,
    limit,
    offset,
  );
}

/** A passage plain search found that states no terms itself, as a quote: its own date, when it gives one. */
function resultOfPassage(p: KnownPassage, score: number): QuoteResult {
  const first = p.dates.find((d) => d.granularity !== 'year');
  return quoteOf(p, {
    score: Number(score.toFixed(3)),
    ...(p.terms.length > 0 ? { topics: p.terms } : {}),
    ...(first ? dateOfMention(first, 'quote') : {}),
  });
}

/** What `/terms` looks up for every topic, worked out once per knowledge base. */
interface TermsIndex {
  /** The prisoner swaps outside these talks, shown only when asked for. */
  offTopic: StatedTerms[];
  /**
   * The statements of terms of these talks, and the swaps outside them, by their passage's number in the index
   * (`PassageIndex.numberOf`, the number every search hit carries): a topic's search weighs every hit, tens of
   * thousands for a common word, and reading an array costs a fraction of a lookup by id. Numbers are never reused; a
   * passage's slot is emptied when it goes.
   */
  onTopicByDoc: Array<StatedTerms | undefined>;
  offTopicByDoc: Array<StatedTerms | undefined>;
  /** The topics each numbered passage states, one bit each (`topicMask`): a question's topics are counted with one AND. */
  topicsByDoc: number[];
  /**
   * How directly each numbered passage gives a length (`lengthStatedIn`; -1: not read yet): read when a statement is
   * filed, and for any other passage the first time a question asking how long finds it, then kept by number — such a
   * question orders tens of thousands of hits by it.
   */
  lengthByDoc: number[];
  /** How many numbers of terms each numbered statement's passage states (`measuresOf`). */
  numbersByDoc: number[];
  /** Each statement's passage number, to empty its slot once the passage has left the index. */
  docOf: Map<string, number>;
  byTopic: Map<TermTopic, StatedTerms[]>;
  withLength: StatedTerms[];
}

const measures = new WeakMap<KnownPassage, [length: number, numbers: number, fullness: number]>();

/**
 * How directly a passage gives a length (`lengthStatedIn`), how many numbers of terms it states, and how fully it
 * states a deal: read once per passage, so a knowledge base after an update reads only its new passages.
 */
function measuresOf(p: KnownPassage): [length: number, numbers: number, fullness: number] {
  let m = measures.get(p);
  if (!m) {
    const numbers = numericTermCount(p.text);
    measures.set(p, (m = [lengthStatedIn(p), numbers, numbers + (FULL_DEAL.test(p.text) ? 2 : 0)]));
  }
  return m;
}

/**
 * How directly a hit's passage gives a length (`lengthStatedIn`), read once per passage number; 0 for a passage the
 * knowledge base does not hold.
 *
 * @example
 * lengthAt(termsIndexOf(knowledge), knowledge, hitOnFourDayTruce) // → 3
 */
function lengthAt(index: TermsIndex, knowledge: Knowledge, hit: Pick<PassageHit, 'id' | 'doc'>): number {
  const { lengthByDoc } = index;
  while (lengthByDoc.length <= hit.doc) lengthByDoc.push(-1);
  let length = lengthByDoc[hit.doc] as number;
  if (length === -1) {
    const p = knowledge.passageById.get(hit.id);
    if (!p) return 0;
    lengthByDoc[hit.doc] = length = lengthStatedIn(p);
  }
  return length;
}

/**
 * The stated terms grouped for `/terms`: a question reads the groups it needs, not every passage. After an update,
 * the statements gone are taken out and the new put in corpus order, in place.
 */
export const TERMS_INDEX = knowledgeView<TermsIndex>({
  name: 'terms by topic',
  compute(knowledge) {
    const index: TermsIndex = {
      offTopic: [],
      onTopicByDoc: [],
      offTopicByDoc: [],
      topicsByDoc: [],
      lengthByDoc: [],
      numbersByDoc: [],
      docOf: new Map(),
      byTopic: new Map(),
      withLength: [],
    };
    for (const [list, s] of listsFor(index, dealsOf(knowledge).stated)) list.push(s);
    numberStatements(index, knowledge, dealsOf(knowledge).stated);
    return index;
  },
  carry: (index, { knowledge, change }) => carryTermsIndex(index, knowledge, change),
});

/** @example termsIndexOf(knowledge).byTopic.get('hostages')?.length // → statements about hostages */
export const termsIndexOf = (knowledge: Knowledge): TermsIndex => TERMS_INDEX.of(knowledge);

/** Each statement with every list of the index it belongs in. */
function listsFor(index: TermsIndex, stated: readonly StatedTerms[]): Array<[StatedTerms[], StatedTerms]> {
  const out: Array<[StatedTerms[], StatedTerms]> = [];
  for (const s of stated) {
    if (s.offTopic) out.push([index.offTopic, s]);
    for (const t of s.passage.terms) {
      let list = index.byTopic.get(t);
      if (!list) index.byTopic.set(t, (list = []));
      out.push([list, s]);
    }
    if (measuresOf(s.passage)[0] > 0) out.push([index.withLength, s]);
  }
  return out;
}

/** The terms index after an update, changed in place: the statements gone out, the new in corpus order. */
function carryTermsIndex(index: TermsIndex, next: Knowledge, change: PassageChange): TermsIndex {
  const [going, coming] = [statementsIn(change.dropped), statementsIn(change.added)];
  for (const [list, s] of listsFor(index, going)) removeRuns(list, [s]);
  for (const s of going) {
    const doc = index.docOf.get(s.passage.id);
    if (doc === undefined) continue;
    index.onTopicByDoc[doc] = undefined;
    index.offTopicByDoc[doc] = undefined;
    index.topicsByDoc[doc] = 0;
    index.lengthByDoc[doc] = -1;
    index.numbersByDoc[doc] = 0;
    index.docOf.delete(s.passage.id);
  }
  numberStatements(index, next, coming);
  const position = corpusPosition(next.corpus);
  for (const [list, s] of listsFor(index, coming)) insertOrdered(list, [s], (a, b) => position(a.passage) - position(b.passage));
  return index;
}

/** Each topic's bit (there are fewer than 32), for counting the topics two lists share with one AND. */
const TOPIC_BIT = new Map((Object.keys(TERM_TOPICS) as TermTopic[]).map((topic, i) => [topic, 2 ** i]));

/**
 * The topics as a bit mask: a passage tags each topic once, so the bits the masks of a passage and a question share
 * count the topics they share.
 *
 * @example
 * bitCount(topicMask(['hostages', 'prisoners']) & topicMask(['prisoners'])) // → 1
 */
function topicMask(topics: Iterable<TermTopic>): number {
  let mask = 0;
  for (const t of topics) mask |= TOPIC_BIT.get(t) ?? 0;
  return mask;
}

/** How many bits of a 32-bit mask are set. */
function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask >>> 0; m !== 0; m &= m - 1) n++;
  return n;
}

/**
 * Files each statement under its passage's number in the index, with the passage's topics as a mask; of two
 * statements in one passage, the later is kept. The arrays grow by pushes, so they stay packed.
 */
function numberStatements(index: TermsIndex, knowledge: Knowledge, stated: readonly StatedTerms[]): void {
  const { onTopicByDoc, offTopicByDoc, topicsByDoc, lengthByDoc, numbersByDoc } = index;
  for (const s of stated) {
    const doc = knowledge.index.numberOf(s.passage.id);
    if (doc === undefined) continue;
    while (onTopicByDoc.length <= doc) onTopicByDoc.push(undefined);
    while (offTopicByDoc.length <= doc) offTopicByDoc.push(undefined);
    for (const numbers of [topicsByDoc, numbersByDoc]) while (numbers.length <= doc) numbers.push(0);
    while (lengthByDoc.length <= doc) lengthByDoc.push(-1);
    topicsByDoc[doc] = topicMask(s.passage.terms);
    [lengthByDoc[doc], numbersByDoc[doc]] = measuresOf(s.passage);
    if (s.offTopic) offTopicByDoc[doc] = s;
    else onTopicByDoc[doc] = s;
    index.docOf.set(s.passage.id, doc);
  }
}

/**
 * The statements a question's named topics, a length asked for or the latest deal bring in beside what its words
 * find, in corpus order, each with its passage's number and whether it answers by its length or deal rather than by
 * a topic: the same for every question that names the same topics, and tens of thousands on a large corpus.
 */
interface TopicCandidates {
  statements: StatedTerms[];
  docs: Int32Array;
  /** 1 where the statement answers by the length it gives or the latest deal it states. */
  answers: Uint8Array;
}

/** How many sets of topic candidates are kept; the oldest goes first (each may hold most of the statements). */
const KEPT_CANDIDATES = 16;

/** The topic candidates worked out so far, by what was asked; an update changes the statements, so they are made again. */
const TOPIC_CANDIDATES = knowledgeView({
  name: 'terms candidates by topics asked',
  compute: () => new Map<string, TopicCandidates>(),
  carry: null,
});

/**
 * The statements that can answer a question naming these topics (or a length, or the latest deal): tagged with a
 * topic named, giving a length, or stating the latest deal.
 *
 * @example
 * topicCandidates(knowledge, ['hostages'], false, false).statements // → every statement tagged "hostages", in corpus order
 */
function topicCandidates(knowledge: Knowledge, named: readonly TermTopic[], wantsLength: boolean, wantsLatest: boolean): TopicCandidates {
  const kept = TOPIC_CANDIDATES.of(knowledge);
  const key = `${named.join(',')}|${wantsLength}|${wantsLatest}`;
  const known = kept.get(key);
  if (known) return known;
  const prepared = termsIndexOf(knowledge);
  const latest = wantsLatest ? (latestDeal(knowledge)?.passages ?? []) : [];
  const latestIds = new Set(latest.map((s) => s.passage.id));
  const lists = [
    ...named.map((t) => prepared.byTopic.get(t) ?? []),
    ...(wantsLength ? [prepared.withLength] : []),
    ...(wantsLatest ? [latest] : []),
  ];
  const namedMask = topicMask(named);
  const statements: StatedTerms[] = [];
  const docs: number[] = [];
  const answers: number[] = [];
  const position = corpusPosition(knowledge.corpus);
  for (const s of inCorpusOrder(lists, (x) => position(x.passage))) {
    const doc = knowledge.index.numberOf(s.passage.id);
    if (doc === undefined) continue;
    const answering = (wantsLength && (prepared.lengthByDoc[doc] as number) > 0) || latestIds.has(s.passage.id);
    if (!answering && ((prepared.topicsByDoc[doc] as number) & namedMask) === 0) continue;
    statements.push(s);
    docs.push(doc);
    answers.push(answering ? 1 : 0);
  }
  return keepNewest(kept, KEPT_CANDIDATES, key, { statements, docs: Int32Array.from(docs), answers: Uint8Array.from(answers) });
}

/**
 * The statements of several lists, each once, in corpus order: the lists of the terms index are in corpus order
 * already, so one list is read as it is and only several are merged.
 */
function inCorpusOrder(lists: ReadonlyArray<readonly StatedTerms[]>, position: (s: StatedTerms) => number): StatedTerms[] {
  const all = lists.length === 1 ? (lists[0] as StatedTerms[]) : [...new Set(lists.flat())];
  const at = all.map(position);
  if (at.every((x, i) => i === 0 || (at[i - 1] as number) < x)) return all;
  const order = all.map((_s, i) => i).sort((i, j) => (at[i] as number) - (at[j] as number));
  return order.map((i) => all[i] as StatedTerms);
}
