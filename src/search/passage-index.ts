/**
 * The MiniSearch index over passages. Three fields: `text` (stemmed, no stop words), `exact` (the words as written,
 * boosted so that exact names beat stems: Porter2 turns "Hamas" into "hama"), and `entities` (the names and aliases
 * of the curated entities each passage mentions, so "the emir" is found by "Tamim"). Only ids are stored; passage
 * text lives in the knowledge base.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { foldCompounds, isStopWord, stemTerm, tokenize } from './tokenize.ts';
import { expandAbbreviations, synonymsOf } from './synonyms.ts';
import { type QueryIntent, normaliseQuery } from './query.ts';
import { restorePostings, type SavedPostings, savePostings } from './saved-postings.ts';
import { internalsOf } from './minisearch-internals.ts';
import { type LeanClause, type LeanColumns, asMiniSearchQuery, byScore, searchLeanColumns } from './lean-search.ts';
import { featuresOf, INTENT_BITS, type PassageFeatures, PLAN_BIT } from './passage-features.ts';
import { CLAIM_WINDOW, claimsOf, slide } from './message-claims.ts';

export interface IndexedPassage {
  id: string;
  text: string;
  entities: string;
}

export interface PassageHit {
  id: string;
  /** The passage's number in the index (`PassageIndex.numberOf`): per-passage data in an array is read by it. */
  doc: number;
  score: number;
  /** Share of the query's content words the passage matched (0–1): the relevance threshold works on this. */
  coverage: number;
  /** The query words it matched, as typed (lower-case). */
  matched: string[];
}

const FIELD_BOOST = { text: 1, exact: 1.6, entities: 1.2 } as const;
/** Passages matching every word exactly, from which the typo-tolerant lookup is skipped: enough to fill pages. */
export const FAST_PATH_HITS = 20;
const fuzzyFor = (term: string): number | false => (term.length >= 5 ? 0.2 : false);

function processForField(term: string, field?: string): string | null {
  if (isStopWord(term)) return null;
  return field === 'text' ? stemTerm(term) : term;
}

export interface FindOptions {
  /**
   * Which passages may be found, and how much each weighs. Both are called for every passage the words match (tens
   * of thousands on a large corpus), with its id and its number in the index (`numberOf`): per-passage data kept in
   * an array by that number is read without a lookup by id.
   */
  filter?: (id: string, doc: number) => boolean;
  boost?: (id: string, doc: number) => number;
  /**
   * 'minisearch': the words looked up by MiniSearch's own search rather than `searchLean` (the same results, slower):
   * for the tests and the benchmark that hold the two to the same answers.
   */
  engine?: 'lean' | 'minisearch';
  /**
   * false: the words given and no synonyms — for searching with a text's own words (how alike two sources are), where
   * a dictionary's other words would only blur the likeness. Default true: a member's words also find their synonyms.
   */
  synonyms?: boolean;
}

/** More distinct content words than this and the text is read as a message, by its key claims. */
export const LONG_QUERY_WORDS = 12;
/** How many of a long text's rarest terms fetch the candidates. */
const KEY_TERMS = 16;
const CLAIM_CANDIDATES = 60;
/** A claim is at least this many content words, and a passage must state at least this many of them… */
const MIN_CLAIM_WORDS = 4;
/** …weighing together at least this much (about three fairly rare words: squared IDF). */
const MIN_CLAIM_WEIGHT = 20;
/** How much a passage with what the question asks for (a number, a date…) is preferred… */
const INTENT_BOOST = 1.25;
/** …and one where the number or duration qualifies a word of the query ("50 hostages"); one without, less. */
const INTENT_BOOST_NEAR = 2;
const INTENT_MISSING = 0.75;

/** A question about what happened counts a passage worded as a plan this much, and one about a plan any other. */
const OTHER_TENSE = 0.85;

/** What a word the corpus never uses weighs, as a share of the rarest word's weight. */
const ABSENT_WORD_WEIGHT = 0.5;

/**
 * A passage index as data: see `PassageIndex.toSnapshot`. The passages' text is not in it: the knowledge base has
 * it, and hands it back to `PassageIndex.restore`.
 */
export interface PassageIndexSnapshot {
  passageCount: number;
  documentFrequency: Map<string, number>;
  /** Each passage's features, in the order of `miniSearch.ids`: a bit mask, and the stems a number or a duration qualifies. */
  features: { has: Uint8Array; number: string[]; duration: string[] };
  vocabulary: Map<string, number>;
  /** MiniSearch's postings as flat arrays (`saved-postings.ts`): a term's Maps are made when it is first searched. */
  miniSearch: SavedPostings;
}

/** A passage's content words as written, and their stems: what the index counts (tokenized once for both). */
function indexedWordsOf(p: IndexedPassage): { written: Set<string>; stems: Set<string> } {
  const written = new Set(tokenize(`${p.text} ${p.entities}`).filter((t) => !isStopWord(t)));
  return { written, stems: new Set([...written].map(stemTerm)) };
}

/** What a hit matched: the share of the question and its words, shared by the hits that matched the same terms. */
interface Reading {
  coverage: number;
  matched: string[];
}

/**
 * Hits as columns before they are ranked, in the order the search first matched them: a hit becomes an object only
 * when a caller reaches it (`rankedHits`), so a page of five from tens of thousands of matches makes five.
 */
interface FoundColumns {
  ids: string[];
  /** Each hit's number in the index (see `LeanColumns.docs`). */
  docs: Uint32Array;
  /** MiniSearch's score: hits that rank equal keep its order. */
  raw: Float64Array;
  /** The score hits are ranked by: MiniSearch's, weighed by coverage, boost and what the question asks for. */
  scores: Float64Array;
  readingOf: Uint32Array;
  readings: Reading[];
}

/** MiniSearch's own results as columns, in its order (for `engine: 'minisearch'` and what the lean search declines). */
function columnsOf(miniSearch: MiniSearch<IndexedPassage>, results: readonly SearchResult[]): LeanColumns {
  const { _idToShortId } = internalsOf(miniSearch);
  return {
    ids: results.map((r) => String(r.id)),
    docs: Uint32Array.from(results, (r) => _idToShortId.get(String(r.id)) ?? 0),
    scores: Float64Array.from(results, (r) => r.score),
    termSetOf: Uint32Array.from(results.keys()),
    termSets: results.map((r) => r.queryTerms),
  };
}

/** Negative when hit `i` ranks before hit `j`: the higher score, then MiniSearch's higher score, then the first matched. */
function compareHits(found: FoundColumns, i: number, j: number): number {
  return (found.scores[j] as number) - (found.scores[i] as number) || (found.raw[j] as number) - (found.raw[i] as number) || i - j;
}

/** Hit `i` as the object callers read. */
function hitAt(found: FoundColumns, i: number): PassageHit {
  const { coverage, matched } = found.readings[found.readingOf[i] as number] as Reading;
  return { id: found.ids[i] as string, doc: found.docs[i] as number, score: found.scores[i] as number, coverage, matched };
}

/** Every hit, best first: one sort of the positions, then an object per hit. */
function allRanked(found: FoundColumns): PassageHit[] {
  const order = positions(found.ids.length).sort((i, j) => compareHits(found, i, j));
  const hits = new Array<PassageHit>(order.length);
  for (let k = 0; k < order.length; k++) hits[k] = hitAt(found, order[k] as number);
  return hits;
}

/**
 * A search's hits in `find`'s order, each made when a caller reaches it, and counted without being made: a page of
 * five quotes from tens of thousands of matches makes five hits and the few the caller's own test turns down.
 *
 * @example
 * const ranked = index.findInOrder('hostages');
 * ranked.countCovering(0.5) // → how many hold half the words, no hit made
 * for (const hit of ranked) …                        // best first
 */
export class RankedHits implements Iterable<PassageHit> {
  constructor(private readonly found: FoundColumns) {}

  /** How many hits there are. */
  get length(): number {
    return this.found.ids.length;
  }

  /**
   * How many hits hold at least `min` of the question's words (their coverage): judged once for each set of words
   * matched, then counted from the columns, so a common word's tens of thousands of hits cost a pass over an array.
   *
   * @example
   * index.findInOrder('hostages released').countCovering(0.5) // → how many /search would say it found
   */
  countCovering(min: number): number {
    const { readingOf, readings } = this.found;
    const covers = Uint8Array.from(readings, (r) => (r.coverage >= min ? 1 : 0));
    let n = 0;
    for (let i = 0; i < readingOf.length; i++) n += covers[readingOf[i] as number] as number;
    return n;
  }

  /**
   * The first `n` hits, best first, that pass `test`: only these and the ones it turns down on the way are made.
   *
   * @example
   * index.findInOrder('hostages').first(80, (h) => h.coverage >= 0.5) // → /when's candidates
   */
  first(n: number, test: (hit: PassageHit) => boolean): PassageHit[] {
    const out: PassageHit[] = [];
    if (n <= 0) return out;
    for (const hit of this) if (test(hit) && out.push(hit) >= n) break;
    return out;
  }

  [Symbol.iterator](): Iterator<PassageHit> {
    return rankedHits(this.found);
  }
}

/**
 * The hits best first, each made when reached: a binary heap over the positions, built in one pass, gives the next
 * best in a few comparisons, so a caller that stops after a handful (the recall floor) never sorts the rest.
 */
function* rankedHits(found: FoundColumns): Generator<PassageHit> {
  const heap = positions(found.ids.length);
  let size = heap.length;
  const down = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) return;
      const right = left + 1;
      const best = right < size && compareHits(found, heap[right] as number, heap[left] as number) < 0 ? right : left;
      if (compareHits(found, heap[best] as number, heap[at] as number) >= 0) return;
      [heap[at], heap[best]] = [heap[best] as number, heap[at] as number];
      at = best;
    }
  };
  for (let at = (size >> 1) - 1; at >= 0; at--) down(at);
  while (size > 0) {
    const top = heap[0] as number;
    heap[0] = heap[--size] as number;
    down(0);
    yield hitAt(found, top);
  }
}

/** A question's words as the index searches them (`PassageIndex.readQuestion`). */
interface AskedWords {
  text: string;
  groups: string[][];
  words: string[];
  stems: string[];
  intents: QueryIntent[];
  /** More distinct stems than LONG_QUERY_WORDS: a message, searched by its claims. */
  long: boolean;
}

/**
 * The matches ranked by MiniSearch's score weighed by the square of their coverage and the caller's boost (hits that
 * matched the same terms share a reading).
 */
function scoredColumns(results: LeanColumns, readings: Reading[], boost?: FindOptions['boost']): FoundColumns {
  const { ids, docs, termSetOf } = results;
  const scores = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const { coverage } = readings[termSetOf[i] as number] as Reading;
    scores[i] = (results.scores[i] as number) * coverage * coverage * (boost?.(ids[i] as string, docs[i] as number) ?? 1);
  }
  return { ids, docs, raw: results.scores, scores, readingOf: termSetOf, readings };
}

/** The matches at positions `kept` (ascending), as a filtered search would have found them: in the same order. */
function keptColumns(results: LeanColumns, kept: readonly number[]): LeanColumns {
  const n = kept.length;
  const ids = new Array<string>(n);
  const [docs, scores, termSetOf] = [new Uint32Array(n), new Float64Array(n), new Uint32Array(n)];
  for (let k = 0; k < n; k++) {
    const i = kept[k] as number;
    ids[k] = results.ids[i] as string;
    docs[k] = results.docs[i] as number;
    scores[k] = results.scores[i] as number;
    termSetOf[k] = results.termSetOf[i] as number;
  }
  return { ids, docs, scores, termSetOf, termSets: results.termSets };
}

/** 0, 1, … n - 1: the positions of n hits, filled by a loop (a typed array made from an iterator is several times slower). */
function positions(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** One less of `key`; a count that reaches zero goes. */
function countDown(counts: Map<string, number>, key: string): void {
  const n = (counts.get(key) ?? 1) - 1;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

/** What a question with no word to search for finds. */
const NOTHING_FOUND: FoundColumns = {
  ids: [],
  docs: new Uint32Array(0),
  raw: new Float64Array(0),
  scores: new Float64Array(0),
  readingOf: new Uint32Array(0),
  readings: [],
};

export class PassageIndex {
  /** Each passage as it was indexed, by id: a long text is matched claim by claim against its words. */
  private readonly held: Map<string, IndexedPassage> = new Map();
  /**
   * Each passage's features (`passage-features.ts`) by its number in the index (MiniSearch's short id): a question
   * that asks for a number or a date weighs every hit by them, so they are read by number, not looked up by id.
   */
  private featureHas = new Uint8Array(0);
  private readonly featureNumber: string[] = [];
  private readonly featureDuration: string[] = [];
  /**
   * Every word the passages use as written, with in how many passages: a query word among them is no typo and needs
   * no fuzzy lookup. Counted so that removing an article forgets the words only it used.
   */
  private readonly vocabulary: Map<string, number> = new Map();
  private readonly documentFrequency: Map<string, number> = new Map();
  private passageCount = 0;
  private readonly search: MiniSearch<IndexedPassage>;

  constructor(passages: readonly IndexedPassage[], saved?: PassageIndexSnapshot) {
    if (saved) {
      // a saved index (`toSnapshot`): the same fields, read back instead of worked out
      this.passageCount = saved.passageCount;
      this.documentFrequency = saved.documentFrequency;
      this.vocabulary = saved.vocabulary;
      this.search = restorePostings<IndexedPassage>(saved.miniSearch, this.searchOptions());
      const place = new Map(saved.miniSearch.ids.map((id, i) => [id, i]));
      const { has, number, duration } = saved.features;
      const { shortIds } = saved.miniSearch;
      for (const p of passages) {
        const i = place.get(p.id);
        if (i === undefined || i >= has.length) throw new Error(`the saved index lacks the passage ${p.id}`);
        this.held.set(p.id, p);
        this.setFeatures(shortIds[i] as number, { has: has[i] ?? 0, number: number[i] ?? '', duration: duration[i] ?? '' });
      }
      if (this.held.size !== this.passageCount) throw new Error(`the saved index has ${this.passageCount} passages, not ${this.held.size}`);
      return;
    }
    this.search = new MiniSearch<IndexedPassage>(this.searchOptions());
    this.add(passages);
  }

  /**
   * An index read back from `toSnapshot` without tokenizing a passage again; `passages` are the same passages it
   * was built from (their text is not in the snapshot). Throws when they do not match it.
   *
   * @example
   * PassageIndex.restore(index.toSnapshot(), passages).find('Qatar') // → the same hits as index.find('Qatar')
   */
  static restore(saved: PassageIndexSnapshot, passages: readonly IndexedPassage[]): PassageIndex {
    return new PassageIndex(passages, saved);
  }

  /**
   * Indexes more passages in place: what a one-article update costs, not a rebuild. The index is shared with the
   * knowledge base it was built for, so the caller switches to the new knowledge in the same step (see
   * `updateKnowledge`).
   *
   * @example
   * index.add([{ id: 'new-article#1', text: 'Qatar said on Monday …', entities: '' }]);
   */
  add(passages: readonly IndexedPassage[]): void {
    for (const p of passages) {
      const { written, stems } = indexedWordsOf(p);
      for (const t of written) this.vocabulary.set(t, (this.vocabulary.get(t) ?? 0) + 1);
      for (const s of stems) this.documentFrequency.set(s, (this.documentFrequency.get(s) ?? 0) + 1);
      this.held.set(p.id, p);
    }
    this.passageCount += passages.length;
    this.search.addAll(passages);
    const { _idToShortId } = internalsOf(this.search);
    for (const p of passages) this.setFeatures(_idToShortId.get(p.id) as number, featuresOf(p.text));
  }

  /** Keeps a passage's features under its number in the index, making room as numbers grow (each add takes a new one). */
  private setFeatures(doc: number, features: PassageFeatures): void {
    if (doc >= this.featureHas.length) {
      const grown = new Uint8Array(Math.max(16, doc + 1, this.featureHas.length * 2));
      grown.set(this.featureHas);
      this.featureHas = grown;
    }
    while (this.featureNumber.length <= doc) this.featureNumber.push('');
    while (this.featureDuration.length <= doc) this.featureDuration.push('');
    this.featureHas[doc] = features.has;
    this.featureNumber[doc] = features.number;
    this.featureDuration[doc] = features.duration;
  }

  /**
   * Drops passages from the index, given as they were indexed: MiniSearch's `remove` takes their words out of its
   * postings at once (a `discard`ed passage would still count in word weights until a vacuum), and they are counted
   * out of the vocabulary and the word statistics, so the index scores as a fresh build of the rest would.
   *
   * @example
   * index.remove([{ id: 'old-article#1', text: 'Qatar said on Monday …', entities: '' }]);
   */
  remove(passages: readonly IndexedPassage[]): void {
    for (const p of passages) {
      if (!this.held.has(p.id)) continue;
      const { written, stems } = indexedWordsOf(p);
      for (const s of stems) countDown(this.documentFrequency, s);
      for (const t of written) countDown(this.vocabulary, t);
      this.held.delete(p.id);
      const doc = internalsOf(this.search)._idToShortId.get(p.id);
      if (doc !== undefined) this.setFeatures(doc, { has: 0, number: '', duration: '' });
      this.search.remove(p);
      this.passageCount -= 1;
    }
  }

  private searchOptions(): Options<IndexedPassage> {
    return {
      fields: ['text', 'exact', 'entities'],
      storeFields: [],
      extractField: (doc, field) => (field === 'exact' ? doc.text : ((doc as unknown as Record<string, string>)[field] ?? '')),
      tokenize,
      processTerm: processForField,
    };
  }

  /**
   * Everything the index worked out, as plain data (Maps and MiniSearch's own serialised form) that
   * `PassageIndex.restore` reads back without tokenizing a passage again.
   *
   * @example
   * PassageIndex.restore(index.toSnapshot(), passages).find('Qatar') // → the same hits as index.find('Qatar')
   */
  toSnapshot(): PassageIndexSnapshot {
    const miniSearch = savePostings(this.search);
    const docs = miniSearch.shortIds;
    return {
      passageCount: this.passageCount,
      documentFrequency: this.documentFrequency,
      features: {
        has: Uint8Array.from(docs, (doc) => this.featureHas[doc] ?? 0),
        number: Array.from(docs, (doc) => this.featureNumber[doc] ?? ''),
        duration: Array.from(docs, (doc) => this.featureDuration[doc] ?? ''),
      },
      vocabulary: this.vocabulary,
      miniSearch,
    };
  }

  /**
   * Finds passages for free text, best first. The text goes through `normaliseQuery` first (markdown, question words
   * and filler out; "how many" / "how long" / "who" / "when" steer the ranking towards numbers, durations, people and
   * dates). A long text (a pasted message) is reduced to its key claims: see `findClaims`.
   *
   * @example
   * index.find('Blinkin Doha').map((h) => h.id) // → ['cnn-retold-blinken-warns-qatar#1', …] (fuzzy: Blinkin → Blinken)
   */
  find(query: string, options: FindOptions = {}): PassageHit[] {
    return allRanked(this.plan(query, options, true));
  }

  /**
   * `find`'s hits in `find`'s order, each made when the caller reaches it: for a caller that needs only the first
   * few that pass a test of its own (the recall floor), where a common word matches tens of thousands of passages.
   *
   * @example
   * for (const hit of index.findInOrder('hostages')) if (found(hit) && (floor.push(hit), floor.length === 5)) break;
   */
  findInOrder(query: string, options: FindOptions = {}): RankedHits {
    return new RankedHits(this.plan(query, options, true));
  }

  /**
   * A passage's number in the index (MiniSearch's short id), or undefined for one it does not hold. Numbers are never
   * reused, so a view of the knowledge may keep per-passage data in an array by number, for the `filter` and `boost`
   * of a search to read for every hit without a lookup by id.
   *
   * @example
   * const doc = index.numberOf('ap-…#3'); index.find('hostages', { boost: (_id, d) => (d === doc ? 2 : 1) })
   */
  numberOf(id: string): number | undefined {
    return internalsOf(this.search)._idToShortId.get(id);
  }

  /** One more than the highest number a passage has had in the index: the length of an array by number. */
  get numberLimit(): number {
    return internalsOf(this.search)._nextId;
  }

  /**
   * True for a word some passage uses as written (lower-case): `find` looks it up exactly, never as a typo, so a hit
   * that matched it says it.
   *
   * @example
   * index.knowsWord('hostages') // → true; index.knowsWord('hostgaes') // → false
   */
  knowsWord(word: string): boolean {
    return this.vocabulary.has(word);
  }

  /**
   * The same search without the fast path: every term also looked up fuzzily. For measuring how often the fast path
   * changes the top results (`npm run bench`), and for tests that hold the two to the same answers.
   */
  findFull(query: string, options: FindOptions = {}): PassageHit[] {
    return allRanked(this.plan(query, options, false));
  }

  private plan(query: string, options: FindOptions, fast: boolean): FoundColumns {
    const asked = this.readQuestion(query);
    if (!asked) return NOTHING_FOUND;
    const found = asked.long ? this.findClaims(asked.text, options) : this.findWords(asked.words, asked.groups, options, fast);
    return this.steered(found, asked);
  }

  /**
   * `find(query, options)`'s hits and `findInOrder(query)`'s ranking (plain search: no filter, no boost) from one
   * search of the words, where the two would search alike: a command that weighs every hit of a common word and keeps
   * plain search's best beside them (`/terms` and its recall floor) pays for the words' postings once. The same hits,
   * scores and order as the two calls; a long text, or a typo whose lookup one of them would make and the other not,
   * is searched twice.
   *
   * @example
   * const { hits, plain } = index.findWithPlain('prisoners', { boost });
   * // hits: index.find('prisoners', { boost }); [...plain]: [...index.findInOrder('prisoners')]
   */
  findWithPlain(query: string, options: FindOptions = {}): { hits: PassageHit[]; plain: RankedHits } {
    const asked = this.readQuestion(query);
    const { filter, boost, ...search } = options;
    const shared = asked && !asked.long ? this.lookUpShared(asked.words, asked.groups, search, filter) : null;
    if (!asked || !shared) return { hits: this.find(query, options), plain: this.findInOrder(query, search) };
    const { columns, readings } = shared;
    const plain = this.steered(scoredColumns(columns, readings), asked);
    const kept: number[] = [];
    for (let i = 0; i < columns.ids.length; i++) if (!filter || filter(columns.ids[i] as string, columns.docs[i] as number)) kept.push(i);
    const found = this.steered(scoredColumns(keptColumns(columns, kept), readings, boost), asked);
    return { hits: allRanked(found), plain: new RankedHits(plain) };
  }

  /** A question's words as the index searches them, or null when it has none; `long`: a text read by its claims. */
  private readQuestion(query: string): AskedWords | null {
    const normalised = normaliseQuery(query);
    const text = foldCompounds(expandAbbreviations(normalised.text));
    // a hyphenated word counts once, matched by any of its forms ("Al-Thani": al, thani, althani)
    const groups = text
      .split(/\s+/)
      .map((chunk) => tokenize(chunk).filter((t) => !isStopWord(t)))
      .filter((g) => g.length > 0);
    const words = [...new Set(groups.flat())];
    if (words.length === 0) return null;
    const stems = words.map(stemTerm);
    return { text, groups, words, stems, intents: normalised.intents, long: new Set(stems).size > LONG_QUERY_WORDS };
  }

  /** The hits weighed by what the question asks for (a number, a date, a person: `steering`), in place. */
  private steered(found: FoundColumns, asked: AskedWords): FoundColumns {
    if (asked.intents.length > 0) {
      const { docs, scores } = found;
      for (let i = 0; i < docs.length; i++)
        scores[i] = (scores[i] as number) * this.steering(docs[i] as number, asked.intents, asked.stems);
    }
    return found;
  }

  /**
   * A short query: every content word counts, and the share matched is the coverage. The fast path looks the words
   * up exactly (stems, exact words, entity names, synonyms); when fewer than FAST_PATH_HITS passages match every word
   * and a word is one the corpus never uses (a typo), it looks again with that word fuzzy. The full search
   * (`findFull`) is fuzzy on every long word; a fuzzy lookup walks the index and on a large corpus costs ten times an
   * exact one.
   */
  private findWords(words: string[], groups: string[][], options: FindOptions, fast: boolean): FoundColumns {
    const read = this.readerOf(words, groups, options.synonyms !== false);
    const synonyms = this.synonymTerms(words, options);
    const score = (results: LeanColumns): FoundColumns => scoredColumns(results, results.termSets.map(read), options.boost);
    if (fast) {
      const exact = score(this.query(words, synonyms, options, false));
      let whole = 0;
      for (const set of exact.readingOf) if ((exact.readings[set] as Reading).coverage === 1) whole++;
      return this.looksUpTypos(whole, words) ? score(this.query(words, synonyms, options, true)) : exact;
    }
    return score(this.query(words, synonyms, options, 'all'));
  }

  /**
   * `findWords`'s fast path for `findWithPlain`: the words' matches with no filter, and their readings, when a search
   * with `filter` would look them up the same way (the exact lookup's whole matches decide whether typos are looked up
   * fuzzily, and a filter may take some away); null when the two would differ.
   */
  private lookUpShared(
    words: string[],
    groups: string[][],
    options: FindOptions,
    filter: FindOptions['filter'],
  ): { columns: LeanColumns; readings: Reading[] } | null {
    const read = this.readerOf(words, groups, options.synonyms !== false);
    const synonyms = this.synonymTerms(words, options);
    const exact = this.query(words, synonyms, options, false);
    const readings = exact.termSets.map(read);
    let [whole, wholeKept] = [0, 0];
    for (let i = 0; i < exact.ids.length; i++) {
      if ((readings[exact.termSetOf[i] as number] as Reading).coverage !== 1) continue;
      whole++;
      if (!filter || filter(exact.ids[i] as string, exact.docs[i] as number)) wholeKept++;
    }
    const fuzzy = this.looksUpTypos(whole, words);
    if (fuzzy !== this.looksUpTypos(wholeKept, words)) return null;
    if (!fuzzy) return { columns: exact, readings };
    const again = this.query(words, synonyms, options, true);
    return { columns: again, readings: again.termSets.map(read) };
  }

  /**
   * Whether the fast path looks the words up again with typos fuzzy, after an exact lookup found `whole` passages
   * matching every word: when they are too few to fill pages and a word is one the corpus never uses (a typo).
   */
  private looksUpTypos(whole: number, words: readonly string[]): boolean {
    return whole < FAST_PATH_HITS && words.some((w) => !this.vocabulary.has(w));
  }

  /** The question's synonyms as the index searches them (none when the caller asks for its own words only). */
  private synonymTerms(words: readonly string[], options: FindOptions): string[] {
    return options.synonyms !== false ? synonymsOf(words).flatMap((s) => tokenize(s)) : [];
  }

  /**
   * How a set of matched terms reads against the question: the share of its words matched (a word found only through
   * a synonym counts half) and which. Worked out once per distinct set, shared by the hits that matched it.
   */
  private readerOf(words: string[], groups: string[][], withSynonyms: boolean): (queryTerms: readonly string[]) => Reading {
    // which words and groups each term the index may report stands for, worked out once for all the hits
    const wordsOfTerm = new Map<string, number[]>();
    const groupsOfSynonym = new Map<string, number[]>();
    const note = (map: Map<string, number[]>, term: string, i: number) => {
      const list = map.get(term);
      if (!list) map.set(term, [i]);
      else if (!list.includes(i)) list.push(i);
    };
    for (const [i, w] of words.entries()) for (const f of [w, stemTerm(w)]) note(wordsOfTerm, f, i);
    const groupsOfWord = words.map((w) => groups.flatMap((g, i) => (g.includes(w) ? [i] : [])));
    for (const [i, g] of groups.entries()) {
      for (const t of withSynonyms ? g.flatMap((w) => synonymsOf([w]).flatMap((x) => tokenize(x))) : [])
        for (const f of [t, stemTerm(t)]) note(groupsOfSynonym, f, i);
    }
    const wordFound = new Uint8Array(words.length);
    const credit = new Float64Array(groups.length);
    return (queryTerms) => {
      wordFound.fill(0);
      credit.fill(0);
      for (const term of queryTerms) {
        for (const i of wordsOfTerm.get(term) ?? []) wordFound[i] = 1;
        // a word found only through a synonym counts half
        for (const g of groupsOfSynonym.get(term) ?? []) credit[g] = Math.max(credit[g] ?? 0, 0.5);
      }
      const matched: string[] = [];
      for (const [i, w] of words.entries()) {
        if (wordFound[i] !== 1) continue;
        matched.push(w);
        for (const g of groupsOfWord[i] ?? []) credit[g] = 1;
      }
      let sum = 0;
      for (const c of credit) sum += c;
      return { coverage: sum / groups.length, matched };
    };
  }

  /**
   * A long text, such as a pasted message: searched by its key claims, not by every word. The candidates come from
   * its rarest corpus terms (names weigh more); a passage's coverage is the best share, weighted by rarity, of one
   * claim (a sentence, or two running sentences) that the passage states. Words the corpus never uses count against
   * the claim, so unrelated chatter stays below the threshold, while a near-verbatim quote covers its claim almost
   * whole.
   */
  private findClaims(text: string, options: FindOptions): FoundColumns {
    const claims = claimsOf(text).map((c) => c.map((w) => ({ ...w, weight: this.weightOf(w.stem) })));
    const key = new Map<string, { word: string; weight: number }>();
    for (const claim of claims) {
      for (const w of claim) {
        if (!this.documentFrequency.has(w.stem)) continue;
        const weight = w.weight * (w.name ? 1.5 : 1);
        if ((key.get(w.stem)?.weight ?? 0) < weight) key.set(w.stem, { word: w.word, weight });
      }
    }
    const terms = [...key.values()]
      .sort((a, b) => b.weight - a.weight)
      .slice(0, KEY_TERMS)
      .map((k) => k.word);
    if (terms.length === 0) return NOTHING_FOUND;
    const windows = claims
      .flatMap((c, i) => [c, ...(i + 1 < claims.length ? [[...c, ...(claims[i + 1] ?? [])]] : [])])
      .flatMap((c) => (c.length > CLAIM_WINDOW * 1.5 ? slide(c) : [c]))
      .map((c) => [...new Map(c.map((w) => [w.stem, w])).values()])
      .filter((c) => c.length >= MIN_CLAIM_WORDS);
    if (windows.length === 0) return NOTHING_FOUND;
    const found = this.query(terms, [], options);
    const candidates = byScore(found, CLAIM_CANDIDATES);
    const hits = candidates.map((i) => {
      const id = found.ids[i] as string;
      const r = { score: found.scores[i] as number };
      const held = this.held.get(id);
      const stems = held ? indexedWordsOf(held).stems : new Set<string>();
      let coverage = 0;
      let matched: string[] = [];
      for (const window of windows) {
        const total = window.reduce((sum, w) => sum + w.weight, 0);
        const found = window.filter((w) => stems.has(w.stem));
        const weight = found.reduce((sum, w) => sum + w.weight, 0);
        const share = found.length >= MIN_CLAIM_WORDS && weight >= MIN_CLAIM_WEIGHT ? weight / total : 0; // the coverage
        if (share > coverage) {
          coverage = share;
          matched = found.map((w) => w.word);
        }
      }
      // the same rule as a short query's: a passage must state at least half (by weight) of one claim
      return {
        id,
        score: r.score * coverage * coverage * (options.boost?.(id, found.docs[i] as number) ?? 1),
        coverage: Number(coverage.toFixed(3)),
        matched: [...new Set(matched)],
      };
    });
    return {
      ids: hits.map((h) => h.id),
      docs: Uint32Array.from(candidates, (i) => found.docs[i] as number),
      raw: Float64Array.from(candidates, (i) => found.scores[i] as number),
      scores: Float64Array.from(hits, (h) => h.score),
      readingOf: Uint32Array.from(hits.keys()),
      readings: hits,
    };
  }

  private query(words: string[], synonyms: string[], options: FindOptions, typos: boolean | 'all' = true): LeanColumns {
    // a typo is a word the corpus does not use: only those are looked up fuzzily (each costs a walk of the index)
    const fuzzy = typos === 'all' ? fuzzyFor : typos ? (term: string) => (this.vocabulary.has(term) ? false : fuzzyFor(term)) : false;
    const asWritten = (t: string) => (isStopWord(t) ? null : t);
    const stemmed = (t: string) => (isStopWord(t) ? null : stemTerm(t));
    const clauses: LeanClause[] = [
      { text: words.join(' '), field: 'text', boost: FIELD_BOOST.text, processTerm: stemmed, fuzzy: false },
      { text: words.join(' '), field: 'exact', boost: FIELD_BOOST.exact, processTerm: asWritten, fuzzy },
      { text: words.join(' '), field: 'entities', boost: FIELD_BOOST.entities, processTerm: asWritten, fuzzy },
      ...(synonyms.length > 0
        ? [{ text: synonyms.join(' '), field: 'text', boost: 0.4, processTerm: stemmed, fuzzy: false as const }]
        : []),
    ];
    const lean = options.engine === 'minisearch' ? null : searchLeanColumns(this.search, clauses, options.filter);
    if (lean) return lean;
    return columnsOf(
      this.search,
      this.search.search(asMiniSearchQuery(clauses), {
        ...(options.filter
          ? { filter: (r: SearchResult) => options.filter?.(String(r.id), this.numberOf(String(r.id)) ?? 0) ?? true }
          : {}),
      }),
    );
  }

  /** Inverse document frequency of a stem; a stem the corpus never uses weighs the most. */
  private weightOf(stem: string): number {
    const df = this.documentFrequency.get(stem);
    const rarest = Math.log((this.passageCount + 1) / 1.5);
    // a word the corpus never uses is mostly chatter ("my uncle", "WhatsApp"): it counts against a claim, but no more
    // than a word of middling rarity, so one aside does not sink the claim around it
    const idf = df === undefined ? rarest * ABSENT_WORD_WEIGHT : Math.log((this.passageCount + 1) / (df + 0.5));
    // squared, so that the rare words of a claim decide whether a passage states it, not "said" or "last"
    return idf * idf;
  }

  /**
   * How much a passage answers what the question asks for: a number, a duration, a person, a date; most of all when
   * the number or duration stands next to a word of the query ("how many hostages" → "50 hostages").
   */
  private steering(doc: number, intents: readonly QueryIntent[], stems: readonly string[]): number {
    const { featureHas, featureNumber, featureDuration } = this;
    if (doc >= featureHas.length) return 1;
    const has = featureHas[doc] as number;
    return intents.reduce((factor, intent) => {
      if (intent === 'happened' || intent === 'planned')
        return factor * (((has & PLAN_BIT) !== 0) === (intent === 'planned') ? 1 : OTHER_TENSE);
      const near = intent === 'number' ? featureNumber[doc] : intent === 'duration' ? featureDuration[doc] : '';
      const boost =
        near !== undefined && near !== '' && stems.some((s) => near.includes(` ${s} `))
          ? INTENT_BOOST_NEAR
          : (has & INTENT_BITS[intent]) !== 0
            ? INTENT_BOOST
            : INTENT_MISSING;
      return factor * boost;
    }, 1);
  }

  /** Words of the corpus close to what the user typed, for "did you mean". */
  suggest(query: string, limit = 5): string[] {
    return this.search
      .autoSuggest(query, { fields: ['exact'], fuzzy: 0.3, processTerm: (t) => (isStopWord(t) ? null : t) })
      .slice(0, limit)
      .map((s) => s.suggestion);
  }
}
