/**
 * Each passage's distinct word stems as small numbers, read once per passage and kept. Judging whether a passage says
 * the words of a question (`coverageShare`, the recall floor's test) used to tokenize and stem its text again for
 * every question: `/terms` on a common word judges tens of thousands of hits at 100,000 passages, and that reading
 * was half of its answer's time. Read from these numbers, a passage costs one pass over a short typed array.
 *
 * The stems are exactly those `visitWordStems` gives (the same words, the same stemming); only their order and
 * repetitions are gone, which a share of the question's words does not depend on.
 */
import type { Knowledge, KnownPassage } from './knowledge.ts';
import { visitWordStems } from './knowledge.ts';
import { knowledgeView } from './knowledge-view.ts';

/** The stems the passages of one knowledge base use, numbered, and each passage's numbers once read. */
export interface PassageStems {
  /** A stem's number: shared with the knowledge bases an update carries this to, it only grows. */
  readonly numberOf: Map<string, number>;
  /** The stem of each number. */
  readonly stems: string[];
  /** Each passage's distinct stem numbers, read when first asked for; a passage an update dropped is forgotten with it. */
  readonly byPassage: WeakMap<KnownPassage, Uint32Array>;
  /** How far `readAllPassageStems` got through a list of passages, so that a reading in slices goes on where it stopped. */
  readingAll: { passages: readonly KnownPassage[]; next: number } | null;
}

const PASSAGE_STEMS = knowledgeView<PassageStems>({
  name: 'passage stems',
  compute: () => ({ numberOf: new Map(), stems: [], byPassage: new WeakMap(), readingAll: null }),
  // the numbers stay valid across an update: a new passage is read when first asked for, a dropped one is not asked for
  carry: (stems) => stems,
});

/** @example passageStemsOf(knowledge).stems.length // → how many distinct stems the passages read so far use */
export const passageStemsOf = (knowledge: Knowledge): PassageStems => PASSAGE_STEMS.of(knowledge);

/**
 * A passage's distinct stems as numbers of `stems` (`stems.stems[n]` is the stem), read on first use and remembered.
 *
 * @example
 * const stems = passageStemsOf(knowledge);
 * [...stemNumbersOf(stems, passage)].map((n) => stems.stems[n]) // → ['qatar', 'said', 'hostag', …] for "Qatar said hostages …"
 */
export function stemNumbersOf(stems: PassageStems, p: KnownPassage): Uint32Array {
  let numbers = stems.byPassage.get(p);
  if (numbers === undefined) {
    const seen = new Set<number>();
    visitWordStems(p.text, (words) => {
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
    numbers = Uint32Array.from(seen);
    stems.byPassage.set(p, numbers);
  }
  return numbers;
}

/**
 * Reads every passage's stems not read yet: done once when answers are prepared, so that no member's question pays
 * for it (a pass over every passage's text, a second or two at 100,000 passages); after an update only the new
 * passages. With `until` (a `performance.now()` time) it stops there and returns false, to go on where it stopped
 * when called again: a started bot reads them in slices between answers (`prepareAnswersInSteps`).
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
    stemNumbersOf(stems, passages[next] as KnownPassage);
    next++;
    // the clock is read every 256 passages: reading it costs more than a short passage
    if ((next & 255) === 0 && performance.now() >= until) break;
  }
  stems.readingAll = { passages, next };
  return next >= passages.length;
}
