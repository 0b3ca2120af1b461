/**
 * MiniSearch's own OR search, worked out over its own index without the objects it builds per passage. For each
 * passage a word matches, MiniSearch makes a result object with a list of terms and a map of matches, merges them
 * query by query and copies them into the results: on a large corpus a common word matches tens of thousands of
 * passages, and that bookkeeping, not the arithmetic, is most of a search's time. Here the same BM25 terms are added
 * in the same order into flat arrays, so every score is bit for bit MiniSearch's, and the results come in its order.
 * It reads MiniSearch 7's index (its radix tree, field lengths and document ids); `searchLean` declines (null) for
 * what it does not reproduce, and the caller then asks MiniSearch.
 */
import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import { internalsOf, type MiniSearchInternals, type PostingArrays, postingArraysOf, type TermData } from './minisearch-internals.ts';
import { topRanked } from './top-ranked.ts';

/** One OR'ed query of the tree: its words, the one field it searches, with what boost, how terms are made, which fuzzily. */
export interface LeanClause {
  text: string;
  field: string;
  boost: number;
  processTerm: (term: string) => string | null;
  fuzzy: false | ((term: string) => number | false);
}

/** A result as MiniSearch gives it, with what the index reads of it. */
export interface LeanResult {
  id: string;
  score: number;
  /** The query terms (after `processTerm`) the passage matched. */
  queryTerms: string[];
}

/** MiniSearch's defaults: the weight of a fuzzy match, the largest edit distance, BM25+ parameters. */
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** Query terms are told apart by one bit each, 32 to a word of a passage's term set. */
const WORD_BITS = 32;
/** A question with its synonyms in three fields can reach past 32 terms ("six-day pause ended"); this many fit. */
const MAX_TERMS = 256;

/** True when the index was made without search options of its own: MiniSearch's defaults, which `searchLean` uses. */
function defaultSearch(options: Record<string, unknown>): boolean {
  const {
    combineWith = 'or',
    prefix = false,
    fuzzy = false,
    maxFuzzy = MAX_FUZZY,
    boost = {},
    weights = {},
    bm25 = BM25,
    ...others
  } = options;
  const w = weights as { fuzzy?: number; prefix?: number };
  const b = bm25 as typeof BM25;
  return (
    Object.keys(others).length === 0 &&
    String(combineWith).toLowerCase() === 'or' &&
    prefix === false &&
    fuzzy === false &&
    maxFuzzy === MAX_FUZZY &&
    Object.keys(boost as object).length === 0 &&
    (w.fuzzy ?? FUZZY_WEIGHT) === FUZZY_WEIGHT &&
    b.k === BM25.k &&
    b.b === BM25.b &&
    b.d === BM25.d
  );
}

/** BM25+'s inverse document frequency, as MiniSearch works it out (once per term and field here, not per passage). */
function idfOf(matchingCount: number, totalCount: number): number {
  return Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
}

/**
 * BM25+ of one posting given the term's `idfOf` and the passage's `lengthNorms`: MiniSearch's `calcBM25Score`,
 * operation for operation.
 */
function bm25(invDocFreq: number, termFreq: number, lengthNorm: number): number {
  const { k, d } = BM25;
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + lengthNorm));
}

/** A score per passage short id, and which passages have one (`touched` the first `count`), cleared after use. */
class Sums {
  readonly score: Float64Array;
  readonly has: Uint8Array;
  readonly touched: Uint32Array;
  count = 0;
  constructor(size: number) {
    this.score = new Float64Array(size);
    this.has = new Uint8Array(size);
    this.touched = new Uint32Array(size);
  }

  add(id: number, value: number): void {
    if (this.has[id] === 1) this.score[id] = (this.score[id] as number) + value;
    else {
      this.has[id] = 1;
      this.score[id] = value;
      this.touched[this.count++] = id;
    }
  }

  /** Adds every sum into `into` in the order they were started, and clears. */
  drainInto(into: Sums): void {
    for (let i = 0; i < this.count; i++) {
      const id = this.touched[i] as number;
      into.add(id, this.score[id] as number);
      this.has[id] = 0;
    }
    this.count = 0;
  }

  /** Forgets every sum. */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.has[this.touched[i] as number] = 0;
    this.count = 0;
  }
}

interface Scratch {
  /** A term's sums (the exact word and its fuzzy variants), a clause's (its terms), and the totals (the clauses'). */
  term: Sums;
  clause: Sums;
  total: Sums;
  /** Which query terms each passage matched: `words` 32-bit words per passage short id. */
  terms: Uint32Array;
  words: number;
  /** The passages matched so far, each once, and in the order first matched (`order`, the first `matched`). */
  seen: Uint8Array;
  order: Uint32Array;
  matched: number;
}

const scratchOf = new WeakMap<object, Scratch>();
const normsOf = new WeakMap<object, { key: string; byField: Map<number, Float64Array> }>();

/**
 * BM25+'s length norm of each passage in a field, by short id: `k * (1 - b + (b * length) / averageLength)`, the part
 * of a posting's score that does not depend on the term, worked out once instead of per posting (with MiniSearch's
 * operations in its order, so the scores stay its own to the bit), and again after passages came or went (every add
 * takes a new short id, every removal lowers the count, and either moves the average).
 */
function lengthNorms(index: MiniSearchInternals, fieldId: number): Float64Array {
  const key = `${index._nextId}/${index._documentCount}`;
  let cached = normsOf.get(index);
  if (!cached || cached.key !== key) normsOf.set(index, (cached = { key, byField: new Map() }));
  let norms = cached.byField.get(fieldId);
  if (!norms) {
    const { k, b } = BM25;
    const avgFieldLength = index._avgFieldLength[fieldId] ?? 0;
    norms = new Float64Array(index._nextId).fill(k * (1 - b + (b * 0) / avgFieldLength));
    for (const [doc, byField] of index._fieldLength) norms[doc] = k * (1 - b + (b * (byField[fieldId] ?? 0)) / avgFieldLength);
    cached.byField.set(fieldId, norms);
  }
  return norms;
}

const idsOf = new WeakMap<object, { next: number; ids: string[] }>();

/**
 * Each passage's id by short id, in an array rather than MiniSearch's map of them: a search reads one for every
 * passage it matches, tens of thousands for a common word, and on a large index each map lookup misses the cache.
 * Short ids are never reused and a removed passage leaves the postings, so an id once read stays right; the array is
 * extended as new passages take new numbers.
 */
function idsByDoc(index: MiniSearchInternals): string[] {
  let known = idsOf.get(index);
  if (!known) idsOf.set(index, (known = { next: 0, ids: [] }));
  for (let doc = known.next; doc < index._nextId; doc++) known.ids.push(String(index._documentIds.get(doc) ?? ''));
  known.next = Math.max(known.next, index._nextId);
  return known.ids;
}

/** How one term's postings in one field score: MiniSearch's BM25+ of each, times `factor` (fuzzy weight and boost). */
interface TermWeights {
  factor: number;
  idf: number;
  norms: Float64Array;
}

/**
 * Adds a term's postings into `into`, notes each passage first matched (`s.order`), and marks term number `at` in
 * each passage's term set: the loop every search runs once per posting, over typed arrays with everything in locals
 * (a common word has tens of thousands of postings).
 */
function addPostings(postings: PostingArrays, w: TermWeights, into: Sums, s: Scratch, at: number): void {
  const { docs, freqs, from, to } = postings;
  const { factor, idf, norms } = w;
  const { score, has, touched } = into;
  const { seen, terms, order } = s;
  const stride = s.words;
  const word = at >>> 5;
  const bit = 1 << (at & 31);
  let [count, matched] = [into.count, s.matched];
  for (let i = from; i < to; i++) {
    const doc = docs[i] as number;
    const value = factor * bm25(idf, freqs[i] as number, norms[doc] as number);
    if (has[doc] === 1) score[doc] = (score[doc] as number) + value;
    else {
      has[doc] = 1;
      score[doc] = value;
      touched[count++] = doc;
    }
    if (seen[doc] === 0) {
      seen[doc] = 1;
      order[matched++] = doc;
    }
    const slot = doc * stride + word;
    terms[slot] = (terms[slot] as number) | bit;
  }
  into.count = count;
  s.matched = matched;
}

function scratch(index: MiniSearchInternals, words: number): Scratch {
  let s = scratchOf.get(index);
  if (!s || s.seen.length < index._nextId || s.words < words) {
    const size = Math.max(16, Math.ceil(index._nextId * 1.25));
    const w = Math.max(words, s?.words ?? 1);
    s = {
      term: new Sums(size),
      clause: new Sums(size),
      total: new Sums(size),
      terms: new Uint32Array(size * w),
      words: w,
      seen: new Uint8Array(size),
      order: new Uint32Array(size),
      matched: 0,
    };
    scratchOf.set(index, s);
  }
  return s;
}

/**
 * The clauses as the MiniSearch query tree they stand for: what `searchLean` reproduces.
 *
 * @example
 * miniSearch.search(asMiniSearchQuery(clauses)) // the same results as searchLean(miniSearch, clauses)
 */
export function asMiniSearchQuery(clauses: readonly LeanClause[]): Query {
  return {
    combineWith: 'OR',
    queries: clauses.map((c) => ({
      queries: [c.text],
      fields: [c.field],
      processTerm: c.processTerm,
      fuzzy: c.fuzzy,
      boost: { [c.field]: c.boost },
    })),
  };
}

/**
 * The passages a search matched as columns, in the order they were first matched: no object per passage, so a
 * caller that shows a page of five does not pay for the tens of thousands a common word matches.
 */
export interface LeanColumns {
  /** Each passage's id. */
  ids: string[];
  /** Its number in the index (MiniSearch's short id): what per-passage columns are read by, with no lookup by id. */
  docs: Uint32Array;
  /** Its score, MiniSearch's to the bit. */
  scores: Float64Array;
  /** The query terms (after `processTerm`) it matched: an index into `termSets`. */
  termSetOf: Uint32Array;
  /** The distinct sets of query terms matched: passages that matched the same terms share one list (never changed). */
  termSets: string[][];
}

/**
 * What `miniSearch.search({ combineWith: 'OR', queries: clauses… }, { filter })` returns — the same passages, the
 * same scores — as columns in the order the passages were first matched (`byScore` puts them in MiniSearch's order),
 * or null when the index holds discarded passages or a global search option, or the query has more than 256
 * distinct terms (then ask MiniSearch).
 *
 * @example
 * const found = searchLeanColumns(miniSearch, clauses);
 * found && byScore(found).map((i) => found.ids[i]) // → the ids of miniSearch.search(asMiniSearchQuery(clauses)), in its order
 */
export function searchLeanColumns<T>(
  miniSearch: MiniSearch<T>,
  clauses: readonly LeanClause[],
  filter?: (id: string, doc: number) => boolean,
): LeanColumns | null {
  const index = internalsOf(miniSearch);
  if (index._dirtCount > 0 || !defaultSearch(index._options.searchOptions ?? {})) return null;
  const termBit = new Map<string, number>();
  const queries = clauses.map((clause) => {
    const terms = index._options
      .tokenize(clause.text)
      .flatMap((t) => clause.processTerm(t) ?? [])
      .filter((t) => t !== '');
    for (const t of terms) if (!termBit.has(t)) termBit.set(t, termBit.size);
    return { clause, terms };
  });
  if (termBit.size > MAX_TERMS) return null;
  const words = Math.max(1, Math.ceil(termBit.size / WORD_BITS));
  const s = scratch(index, words);
  const stride = s.words;
  s.matched = 0;
  for (const { clause, terms } of queries) {
    const fieldId = index._fieldIds[clause.field];
    for (const term of terms) {
      const at = termBit.get(term) ?? 0;
      // as MiniSearch's termResults: the exact term, then each fuzzy variant (weighted by its distance)
      const add = (data: TermData | undefined, weight: number, into: Sums) => {
        const freqs = fieldId === undefined ? undefined : data?.get(fieldId);
        if (!freqs || fieldId === undefined) return;
        const idf = idfOf(freqs.size, index._documentCount);
        // MiniSearch's weight * 1 * boost * 1 * score: the products by 1 change nothing, so the factor is worked out once
        const factor = weight * 1 * clause.boost * 1;
        addPostings(postingArraysOf(freqs), { factor, idf, norms: lengthNorms(index, fieldId) }, into, s, at);
      };
      const fuzzy = clause.fuzzy ? clause.fuzzy(term) : false;
      const maxDistance = !fuzzy ? 0 : fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
      const variants = maxDistance ? [...index._index.fuzzyGet(term, maxDistance)].filter(([, [, distance]]) => distance) : [];
      if (variants.length === 0) {
        // one value per passage: added straight into the clause's sums, as draining a sum of one would add it
        add(index._index.get(term), 1, s.clause);
        continue;
      }
      add(index._index.get(term), 1, s.term);
      for (const [variant, [data, distance]] of variants) add(data, (FUZZY_WEIGHT * variant.length) / (variant.length + distance), s.term);
      s.term.drainInto(s.clause);
    }
    // the first clause's sums are the totals as they stand: taken over rather than copied
    if (s.total.count === 0) [s.clause, s.total] = [s.total, s.clause];
    else s.clause.drainInto(s.total);
  }
  const names = [...termBit.keys()];
  const idOf = idsByDoc(index);
  // each distinct set of matched terms numbered by its bit words, one Map level per word: no key string per passage
  const setOf = new Map<number, unknown>();
  const termSets: string[][] = [];
  const setAt = (first: number): number => {
    let level = setOf;
    for (let w = 0; w < words - 1; w++) {
      const bits = s.terms[first + w] as number;
      let next = level.get(bits) as Map<number, unknown> | undefined;
      if (!next) level.set(bits, (next = new Map()));
      level = next;
    }
    const last = s.terms[first + words - 1] as number;
    let set = level.get(last) as number | undefined;
    if (set === undefined) {
      const bits = s.terms.slice(first, first + words);
      set = termSets.length;
      termSets.push(names.filter((_, b) => ((bits[b >>> 5] as number) & (1 << (b & 31))) !== 0));
      level.set(last, set);
    }
    return set;
  };
  const ids: string[] = [];
  const matched = s.matched;
  const scores = new Float64Array(matched);
  const termSetOf = new Uint32Array(matched);
  const docs = new Uint32Array(matched);
  for (let m = 0; m < matched; m++) {
    const doc = s.order[m] as number;
    const first = doc * stride;
    const set = setAt(first);
    for (let w = first; w < first + words; w++) s.terms[w] = 0;
    s.seen[doc] = 0;
    const id = idOf[doc] as string;
    if (filter && !filter(id, doc)) continue;
    scores[ids.length] = (s.total.score[doc] as number) * ((termSets[set] as string[]).length || 1);
    termSetOf[ids.length] = set;
    docs[ids.length] = doc;
    ids.push(id);
  }
  s.total.clear();
  const found = ids.length;
  return { ids, docs: docs.subarray(0, found), scores: scores.subarray(0, found), termSetOf: termSetOf.subarray(0, found), termSets };
}

/**
 * The positions of `columns` in MiniSearch's order: the best score first, ties in the order first matched (the
 * order MiniSearch's stable sort leaves them in); with `limit`, only the first that many, without sorting the rest
 * (a pasted message's search keeps its best 60 of tens of thousands).
 *
 * @example
 * byScore({ ids: ['a', 'b', 'c'], scores: Float64Array.of(1, 3, 1), … }) // → [1, 0, 2]
 * byScore({ ids: ['a', 'b', 'c'], scores: Float64Array.of(1, 3, 1), … }, 2) // → [1, 0]
 */
export function byScore(columns: Pick<LeanColumns, 'scores'>, limit = Infinity): number[] {
  const { scores } = columns;
  return topRanked(scores.length, (i, j) => (scores[j] as number) - (scores[i] as number), Math.min(limit, scores.length));
}

/**
 * `searchLeanColumns` as MiniSearch's result objects, in its order: what `miniSearch.search(…)` returns, for the
 * tests that hold the two equal.
 *
 * @example
 * searchLean(miniSearch, [{ text: 'hostages released', field: 'text', boost: 1, processTerm: stemTerm, fuzzy: false }])
 * // → [{ id: 'ap-…#3', score: 7.21, queryTerms: ['hostag', 'releas'] }, …]
 */
export function searchLean<T>(
  miniSearch: MiniSearch<T>,
  clauses: readonly LeanClause[],
  filter?: (id: string) => boolean,
): LeanResult[] | null {
  const columns = searchLeanColumns(miniSearch, clauses, filter);
  if (!columns) return null;
  return byScore(columns).map((i) => ({
    id: columns.ids[i] as string,
    score: columns.scores[i] as number,
    queryTerms: columns.termSets[columns.termSetOf[i] as number] as string[],
  }));
}
