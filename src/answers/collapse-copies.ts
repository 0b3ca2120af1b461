/**
 * One passage, shown once. When several sources carry the same passage — a wire story republished, a statement
 * quoted in full by two outlets — an answer would otherwise fill its top three with copies. The best-ranked result
 * stays; the copies leave the list and are named on it as `also_in`.
 *
 * Two results are copies when they come from different sources, give the same event date (or none), and either
 * their passages are the same text (grouped once, at knowledge build: `Knowledge.copyGroupOf`), or their quotes
 * are the same words, or near-identical: quotes of similar length whose word sets overlap by NEAR_IDENTICAL or more
 * (a word changed, a clause trimmed). The near check runs only among the results of one answer.
 */
import { sharedCount, wordHashes } from '../corpus/duplicates.ts';
import { type Knowledge, type KnownPassage, textKeyOf } from '../knowledge/knowledge.ts';
import { knowledgeView } from '../knowledge/knowledge-view.ts';
import { type AlsoIn, type QuoteResult, sourceName } from './answer.ts';

/** Word-set Jaccard (and word-count ratio) from which two quotes are one passage lightly edited. */
export const NEAR_IDENTICAL = 0.85;
/** Quotes with fewer distinct words are matched only word for word: a few words reordered say something else. */
const NEAR_MIN_WORDS = 8;
/** Quotes whose words are remembered per knowledge base; past this the memory starts again. */
const WORDS_CACHE_SIZE = 200_000;

interface QuoteWords {
  /** The words in order, hashed into one key: equal keys are the same words. */
  key: string;
  count: number;
  /** The distinct words, hashed, sorted. */
  set: Uint32Array;
  /**
   * The words any near-identical quote must share at least one of (prefix filtering): the distinct words rarest in
   * the corpus first. Two sets with Jaccard ≥ t always share a word among the first n − ⌈t·n⌉ + 1 of each, in any
   * one fixed order; with the rarest first, few other quotes share one, so few are compared.
   */
  prefix: number[];
}

/** A quote's words, hashed, per quote text: the same quotes come back query after query. */
const QUOTE_WORDS = knowledgeView({ name: 'quote words for copies', compute: () => new Map<string, QuoteWords>(), carry: null });

/**
 * In how many passages each word stands, counted once per knowledge base, to put the rarest words first. After an
 * update, counted in place for the passages that went and came only (a copy would cost more than the counting).
 */
const WORD_FREQUENCY = knowledgeView({
  name: 'word frequencies',
  compute(knowledge) {
    const frequency = new Map<number, number>();
    countHashes(frequency, knowledge.passages, 1);
    return frequency;
  },
  carry(frequency, { change }) {
    countHashes(frequency, change.dropped, -1);
    countHashes(frequency, change.added, 1);
    return frequency;
  },
});

/** @example frequencyOf(knowledge).get(hash) // → in how many passages the word stands */
export const frequencyOf = (knowledge: Knowledge): Map<number, number> => WORD_FREQUENCY.of(knowledge);

/** The word frequencies as two columns, for the knowledge save: counted now if no answer has counted them yet. */
export function frequencyColumns(knowledge: Knowledge): { hashes: Float64Array; counts: Float64Array } {
  const frequency = frequencyOf(knowledge);
  return { hashes: Float64Array.from(frequency.keys()), counts: Float64Array.from(frequency.values()) };
}

/**
 * Gives a knowledge base read from a save the word frequencies saved with it, instead of counting them again on its
 * first answer (seconds at 100,000 passages). Columns of different lengths are ignored: they are counted again.
 *
 * @example
 * restoreFrequency(loaded, frequencyColumns(built)); frequencyOf(loaded) // → the same counts, not counted again
 */
export function restoreFrequency(knowledge: Knowledge, saved: { hashes: Float64Array; counts: Float64Array }): void {
  if (saved.hashes.length !== saved.counts.length) return;
  const frequency = new Map<number, number>();
  saved.hashes.forEach((hash, i) => frequency.set(hash, saved.counts[i] ?? 0));
  WORD_FREQUENCY.restore(knowledge, frequency);
}

function countHashes(frequency: Map<number, number>, passages: readonly KnownPassage[], sign: 1 | -1): void {
  for (const p of passages) {
    for (const h of new Set(wordHashes(p.text))) {
      const n = (frequency.get(h) ?? 0) + sign;
      if (n > 0) frequency.set(h, n);
      else frequency.delete(h);
    }
  }
}

/** A quote's words, hashed; remembered per knowledge base, since the same quotes come back query after query. */
function quoteWordsOf(knowledge: Knowledge, quote: string): QuoteWords {
  const cache = QUOTE_WORDS.of(knowledge);
  const known = cache.get(quote);
  if (known) return known;
  const hashes = wordHashes(quote);
  let sequence = 0x811c9dc5;
  for (const h of hashes) sequence = Math.imul(sequence ^ h, 0x01000193) >>> 0;
  const sorted = Uint32Array.from(hashes).sort();
  const set = sorted.filter((h, i) => i === 0 || h !== sorted[i - 1]);
  const frequency = frequencyOf(knowledge);
  // one number per word, corpus frequency then hash, so a numeric sort gives the fixed order
  const order = Float64Array.from(set, (h) => (frequency.get(h) ?? 0) * 2 ** 32 + h).sort();
  const prefix = Array.from(order.subarray(0, set.length - Math.ceil(NEAR_IDENTICAL * set.length) + 1), (key) => key % 2 ** 32);
  const words = { key: `${sequence}:${hashes.length}`, count: hashes.length, set, prefix };
  if (cache.size >= WORDS_CACHE_SIZE) cache.clear();
  cache.set(quote, words);
  return words;
}

function nearIdentical(a: QuoteWords, b: QuoteWords): boolean {
  if (Math.min(a.count, b.count) < NEAR_IDENTICAL * Math.max(a.count, b.count)) return false;
  if (a.key === b.key) return true;
  if (a.set.length < NEAR_MIN_WORDS || b.set.length < NEAR_MIN_WORDS) return false;
  if (Math.min(a.set.length, b.set.length) < NEAR_IDENTICAL * Math.max(a.set.length, b.set.length)) return false;
  const shared = sharedCount(a.set, b.set);
  return shared >= NEAR_IDENTICAL * (a.set.length + b.set.length - shared);
}

function sameCopyGroup(knowledge: Knowledge, a: QuoteResult, b: QuoteResult): boolean {
  const group = knowledge.copyGroupOf.get(a.passage_id);
  return group !== undefined && group === knowledge.copyGroupOf.get(b.passage_id);
}

/**
 * The passage as other sources carry it word for word, by their passage there: the copies every answer folds into
 * one result first (`areCopies`), and the source page names under a passage ("also in"). Near-identical quotes are
 * folded only among the results of one answer, where their words are compared; a page names exact copies alone.
 *
 * @example
 * copiesOf(knowledge, knowledge.passageById.get('reuters-deal#4')!).map((p) => p.id) // → ['ap-deal#4'] when the texts match
 */
export function copiesOf(knowledge: Knowledge, passage: KnownPassage): KnownPassage[] {
  return (knowledge.passagesByText.get(textKeyOf(passage.text)) ?? []).filter((p) => p.sourceId !== passage.sourceId);
}

/**
 * True when two results from different sources are the same passage, whatever dates they give: `/when` uses it so
 * that one sentence resolved against two publication dates is not reported as sources disagreeing.
 *
 * @example
 * areCopies(knowledge, apResult, sameSentenceInReutersResult) // → true
 */
export function areCopies(knowledge: Knowledge, a: QuoteResult, b: QuoteResult): boolean {
  if (a.source.id === b.source.id) return false;
  return sameCopyGroup(knowledge, a, b) || nearIdentical(quoteWordsOf(knowledge, a.quote), quoteWordsOf(knowledge, b.quote));
}

function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

interface Kept<T> {
  result: T;
  group: number | undefined;
  words: QuoteWords;
  alsoIn: AlsoIn[];
}

/** Adds `copy` (and whatever it already stood for) to the `also_in` of `target`, once per source. */
function absorb(target: Kept<QuoteResult>, copy: QuoteResult): void {
  const entry: AlsoIn = {
    passage_id: copy.passage_id,
    source_id: copy.source.id,
    outlet: copy.source.outlet,
    published: copy.source.published,
    name: sourceName(copy.source),
  };
  for (const e of [entry, ...(copy.also_in ?? [])]) {
    if (e.source_id !== target.result.source.id && !target.alsoIn.some((known) => known.source_id === e.source_id)) target.alsoIn.push(e);
  }
}

const collapsedLists = new WeakSet<readonly QuoteResult[]>();

/**
 * The results without copies, in the same order: each copy is dropped and named in the `also_in` of the
 * best-ranked result it copies. Copies that give different dates both stay. A list this returned comes back as it
 * is, so collapsing twice costs nothing (such a list must not be changed afterwards).
 *
 * @example
 * collapseCopies(knowledge, [ap, reutersCopy, other]) // → [{ ...ap, also_in: [{ source_id: 'reuters-…', … }] }, other]
 */
export function collapseCopies<T extends QuoteResult>(knowledge: Knowledge, results: readonly T[]): T[] {
  if (collapsedLists.has(results)) return results as T[];
  const kept: Array<Kept<T>> = [];
  // where kept results are: by passage copy group, by their exact words, by each word of their prefix
  const byGroup = new Map<number, number[]>();
  const byKey = new Map<string, number[]>();
  const byPrefixWord = new Map<number, number[]>();
  for (const result of results) {
    const own = quoteWordsOf(knowledge, result.quote);
    const group = knowledge.copyGroupOf.get(result.passage_id);
    const near = own.set.length >= NEAR_MIN_WORDS;
    const lists = [
      group === undefined ? undefined : byGroup.get(group),
      byKey.get(own.key),
      ...(near ? own.prefix.map((w) => byPrefixWord.get(w)) : []),
    ];
    // the best-ranked kept result (lowest index) that this one copies
    let target: Kept<T> | undefined;
    let at = Infinity;
    for (const list of lists) {
      for (const k of list ?? []) {
        const other = kept[k];
        if (k >= at || !other || other.result.source.id === result.source.id) continue;
        if (other.result.date !== result.date || other.result.granularity !== result.granularity) continue;
        if ((group !== undefined && other.group === group) || nearIdentical(other.words, own)) {
          target = other;
          at = k;
        }
      }
    }
    if (target) {
      absorb(target, result);
      continue;
    }
    if (group !== undefined) push(byGroup, group, kept.length);
    push(byKey, own.key, kept.length);
    if (near) for (const w of own.prefix) push(byPrefixWord, w, kept.length);
    kept.push({ result, group, words: own, alsoIn: [...(result.also_in ?? [])] });
  }
  const out = kept.map(({ result, alsoIn }) => (alsoIn.length > 0 ? { ...result, also_in: alsoIn } : result));
  collapsedLists.add(out);
  return out;
}
