/**
 * Each passage's distinct word stems as small numbers, read once per passage and kept. Judging whether a passage says
 * the words of a question (`coverageShare`, the recall floor's test) used to tokenize and stem its text again for
 * every question: `/terms` on a common word judges tens of thousands of hits at 100,000 passages, and that reading
 * was half of its answer's time. Read from these numbers, a passage costs one pass over a short run of an array.
 *
 * The numbers of all passages sit one passage after another in one typed array, found by the passage's number in the
 * index (the number a search hit carries): one array instead of an object per passage, and saved with the knowledge
 * (`passageStemColumns`), so a bot started from its save does not read 100,000 passages' text again.
 *
 * The stems are exactly those `visitWordStems` gives (the same words, the same stemming); only their order and
 * repetitions are gone, which a share of the question's words does not depend on.
 */
import type { Knowledge, KnownPassage } from './knowledge.ts';
import type { PassageIndex } from '../search/passage-index.ts';
import { visitWordStems } from './knowledge.ts';
import { knowledgeView } from './knowledge-view.ts';

/** A `count` for a passage whose stems have not been read. */
const UNREAD = 0xffffffff;

/** The stems the passages of one knowledge base use, numbered, and each passage's numbers once read. */
export interface PassageStems {
  /** A stem's number: shared with the knowledge bases an update carries this to, it only grows. */
  readonly numberOf: Map<string, number>;
  /** The stem of each number. */
  readonly stems: string[];
  /** The index whose passage numbers `start` and `count` go by (an update changes it in place, numbers never reused). */
  readonly index: PassageIndex;
  /** By a passage's number in the index: where its stem numbers start in `pool`… */
  start: Uint32Array;
  /** …and how many there are (UNREAD until read). A passage an update dropped keeps its run, never read again. */
  count: Uint32Array;
  /** Every read passage's distinct stem numbers, a passage's together; the first `used` are taken. */
  pool: Uint32Array;
  used: number;
  /** How far `readAllPassageStems` got through a list of passages, so that a reading in slices goes on where it stopped. */
  readingAll: { passages: readonly KnownPassage[]; next: number } | null;
}

const PASSAGE_STEMS = knowledgeView<PassageStems>({
  name: 'passage stems',
  compute: (knowledge) => ({
    numberOf: new Map(),
    stems: [],
    index: knowledge.index,
    start: new Uint32Array(0),
    count: new Uint32Array(0),
    pool: new Uint32Array(1024),
    used: 0,
    readingAll: null,
  }),
  // the numbers stay valid across an update: a new passage is read when first asked for, a dropped one is not asked for
  carry: (stems) => stems,
});

/** @example passageStemsOf(knowledge).stems.length // → how many distinct stems the passages read so far use */
export const passageStemsOf = (knowledge: Knowledge): PassageStems => PASSAGE_STEMS.of(knowledge);

/** The stem numbers of a text, each once, numbering the stems not seen before. */
function numbersOfText(stems: PassageStems, text: string): Set<number> {
  const seen = new Set<number>();
  visitWordStems(text, (words) => {
    for (const stem of words) {
      let n = stems.numberOf.get(stem);
      if (n === undefined) {
        n = stems.stems.length;
        stems.numberOf.set(stem, n);
        stems.stems.push(stem);
      }
      seen.add(n);
    }
  });
  return seen;
}

/** Room for the passage numbered `doc` in `start` and `count` (new places unread), by doubling. */
function makeRoom(stems: PassageStems, doc: number): void {
  if (doc < stems.count.length) return;
  const size = Math.max(doc + 1, stems.count.length * 2, 16);
  const [start, count] = [new Uint32Array(size), new Uint32Array(size).fill(UNREAD)];
  start.set(stems.start);
  count.set(stems.count);
  stems.start = start;
  stems.count = count;
}

/**
 * Where the stem numbers of the passage numbered `doc` start in `stems.pool` when they have been read (from its text
 * or a save), else undefined: a caller that judges tens of thousands of hits reads their stems without looking each
 * passage up, and looks one up only when its stems are still to be read (`stemsAt`).
 *
 * @example
 * readStemsAt(stems, hit.doc) ?? stemsAt(stems, knowledge.passageById.get(hit.id), hit.doc)
 */
export function readStemsAt(stems: PassageStems, doc: number): number | undefined {
  return doc < stems.count.length && stems.count[doc] !== UNREAD ? stems.start[doc] : undefined;
}

/**
 * Where the stem numbers of passage `p`, numbered `doc` in the index, start in `stems.pool` (there are
 * `stems.count[doc]`): read from its text on first use and kept. Read the pool after this call, which may grow it.
 *
 * @example
 * const from = stemsAt(stems, p, hit.doc);
 * for (let k = from; k < from + (stems.count[hit.doc] as number); k++) stems.stems[stems.pool[k]] // → 'qatar', …
 */
export function stemsAt(stems: PassageStems, p: KnownPassage, doc: number): number {
  const read = readStemsAt(stems, doc);
  if (read !== undefined) return read;
  makeRoom(stems, doc);
  const numbers = numbersOfText(stems, p.text);
  if (stems.used + numbers.size > stems.pool.length) {
    // a quarter more: a pool read from a save is full, and one article's stems must not double millions of numbers
    const pool = new Uint32Array(Math.max(Math.ceil(stems.pool.length * 1.25), stems.used + numbers.size, 1024));
    pool.set(stems.pool.subarray(0, stems.used));
    stems.pool = pool;
  }
  const from = stems.used;
  for (const n of numbers) stems.pool[stems.used++] = n;
  stems.start[doc] = from;
  stems.count[doc] = numbers.size;
  return from;
}

/**
 * A passage's distinct stems as numbers of `stems` (`stems.stems[n]` is the stem), read on first use and remembered;
 * a passage the index does not hold is read each time.
 *
 * @example
 * const stems = passageStemsOf(knowledge);
 * [...stemNumbersOf(stems, passage)].map((n) => stems.stems[n]) // → ['qatar', 'said', 'hostag', …] for "Qatar said hostages …"
 */
export function stemNumbersOf(stems: PassageStems, p: KnownPassage, doc = stems.index.numberOf(p.id)): Uint32Array {
  if (doc === undefined) return Uint32Array.from(numbersOfText(stems, p.text));
  const from = stemsAt(stems, p, doc);
  return stems.pool.subarray(from, from + (stems.count[doc] as number));
}

/**
 * Reads every passage's stems not read yet: done once when answers are prepared, so that no member's question pays
 * for it (a pass over every passage's text, seconds at 100,000 passages); after an update only the new passages, and
 * nothing after a start from a save that has them. With `until` (a `performance.now()` time) it stops there and
 * returns false, to go on where it stopped when called again: a started bot reads them in slices between answers
 * (`prepareAnswersInSteps`).
 *
 * @example
 * readAllPassageStems(knowledge); // → true: later questions find every passage's stems read
 * while (!readAllPassageStems(knowledge, performance.now() + 20)) await nextTurn();
 */
export function readAllPassageStems(knowledge: Knowledge, until = Infinity): boolean {
  const stems = passageStemsOf(knowledge);
  const { passages } = knowledge;
  let next = stems.readingAll?.passages === passages ? stems.readingAll.next : 0;
  while (next < passages.length) {
    const p = passages[next] as KnownPassage;
    const doc = stems.index.numberOf(p.id);
    if (doc !== undefined) stemsAt(stems, p, doc);
    next++;
    // the clock is read every 256 passages: reading it costs more than a short passage
    if ((next & 255) === 0 && performance.now() >= until) break;
  }
  stems.readingAll = { passages, next };
  return next >= passages.length;
}

/** Every passage's stem numbers as saved: the stems, then each passage's numbers in the knowledge's passage order. */
export interface SavedPassageStems {
  stems: string[];
  /** How many numbers each passage of `knowledge.passages` has, in that order. */
  counts: Uint32Array;
  numbers: Uint32Array;
}

/**
 * Every passage's stems as columns for the save, read first where they were not: a bot started from the save
 * (`restorePassageStems`) has them without reading its passages' text.
 *
 * @example
 * restorePassageStems(loaded, passageStemColumns(built)); passageStemsOf(loaded) // → the same numbers, not read again
 */
export function passageStemColumns(knowledge: Knowledge): SavedPassageStems {
  readAllPassageStems(knowledge);
  const s = passageStemsOf(knowledge);
  const docs = knowledge.passages.map((p) => s.index.numberOf(p.id));
  const counts = Uint32Array.from(docs, (doc) => (doc === undefined ? 0 : (s.count[doc] as number)));
  const numbers = new Uint32Array(counts.reduce((sum, n) => sum + n, 0));
  let at = 0;
  docs.forEach((doc, i) => {
    if (doc === undefined) return;
    const from = s.start[doc] as number;
    numbers.set(s.pool.subarray(from, from + (counts[i] as number)), at);
    at += counts[i] as number;
  });
  return { stems: [...s.stems], counts, numbers };
}

/**
 * Gives a knowledge base read from a save the passage stems saved with it, taking the columns over (they are not
 * copied, and the knowledge numbers new stems into them). Columns that do not fit its passages (a
 * count per passage, numbers of stems there are) are ignored: the stems are then read again, as before a save had them.
 *
 * @example
 * restorePassageStems(loaded, saved.stems) // → true, and readAllPassageStems(loaded) has nothing left to read
 */
export function restorePassageStems(knowledge: Knowledge, saved: SavedPassageStems): boolean {
  const { stems, counts, numbers } = saved;
  const { passages, index } = knowledge;
  if (counts.length !== passages.length) return false;
  let total = 0;
  for (const n of counts) total += n;
  if (total !== numbers.length) return false;
  for (const n of numbers) if (n >= stems.length) return false;
  const view: PassageStems = {
    numberOf: new Map(stems.map((stem, n) => [stem, n])),
    // the columns are taken over, not copied (the pool is too): a save's are read once and dropped
    stems,
    index,
    start: new Uint32Array(index.numberLimit),
    count: new Uint32Array(index.numberLimit).fill(UNREAD),
    pool: numbers,
    used: numbers.length,
    readingAll: { passages, next: passages.length },
  };
  let at = 0;
  for (const [i, p] of passages.entries()) {
    const doc = index.numberOf(p.id);
    if (doc !== undefined) {
      view.start[doc] = at;
      view.count[doc] = counts[i] as number;
    }
    at += counts[i] as number;
  }
  PASSAGE_STEMS.restore(knowledge, view);
  return true;
}
