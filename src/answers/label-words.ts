/**
 * An index of the words in a long ordered list of lower-case labels, so that "every typed word occurs in the label"
 * is answered without reading every label: autocomplete runs on every keystroke, and on a large corpus the `/when`
 * labels are tens of thousands of sentences. A typed word made of letters and digits can only occur inside one word
 * of a label, so the labels holding a word that contains it are a superset of those that match; they are read in list
 * order and each is still checked whole, so the choices are exactly those a scan of the list would give.
 */

/**
 * What a label must carry: its lower-case text, searched for the typed words, and its place in the list, which
 * `LabelWords` keeps (a field read per candidate, where a map from label to place costs a lookup each).
 */
export interface Labelled {
  lower: string;
  at: number;
}

/** Maximal runs of letters and digits: a label's words, and the parts of a typed word that must lie in one of them. */
const runsOf = (lower: string): string[] => lower.match(/[\p{L}\p{N}]+/gu) ?? [];

/** How many labels are read in order before the index is asked: a common word finds its choices among them. */
const HEAD = 500;

/** A typed word's candidates when more than this share of the labels may match: then reading the list is cheaper. */
const SCAN_SHARE = 0.25;

export class LabelWords<T extends Labelled> {
  /**
   * The labels holding each word, in the order they were added: a list, not a set, so that 100,000 labels of a large
   * corpus are indexed in a fraction of the time and memory. A removed label stays in its lists (its place is -1, so a
   * search passes it over) until a quarter of the labels indexed are removed ones; then the lists are cleaned.
   */
  private byWord = new Map<string, T[]>();
  /** The labels removed since the lists were last cleaned. */
  private readonly removed = new Set<T>();
  private stale = true;
  /** Every word once, between line breaks, for a native `indexOf` to find the words containing a typed part. */
  private vocabulary = '';
  /** Where each word of `vocabulary` starts, and the words in that order. */
  private starts = new Int32Array(0);
  private words: string[] = [];
  private vocabularyStale = true;
  /** Each place's stamp of the last search that marked it a candidate (see `each`). */
  private marks = new Uint32Array(0);
  private stamp = 0;

  /** `labels` is the list itself, kept in order by its owner: `add` and `remove` follow its changes. */
  constructor(private readonly labels: readonly T[]) {
    this.add(labels);
    this.place();
  }

  /**
   * Indexes labels that came into the list (their place is read from the list on the next search).
   *
   * @example
   * words.add([{ lower: '2023-11-22 — the war cabinet approved', at: -1 }]);
   */
  add(labels: readonly T[]): void {
    for (const label of labels) {
      this.removed.delete(label);
      for (const word of new Set(runsOf(label.lower))) {
        const holders = this.byWord.get(word);
        if (holders) holders.push(label);
        else {
          this.byWord.set(word, [label]);
          this.vocabularyStale = true;
        }
      }
    }
    this.stale = true;
  }

  /**
   * Forgets labels that left the list (the very objects that were in it).
   *
   * @example
   * words.remove([goneLabel]);
   */
  remove(labels: readonly T[]): void {
    for (const label of labels) {
      label.at = -1;
      this.removed.add(label);
    }
    this.stale = true;
    if (this.removed.size * 4 > this.labels.length) this.clean();
  }

  /** Takes the removed labels out of the word lists, and the words no label holds any more out of the vocabulary. */
  private clean(): void {
    const byWord = new Map<string, T[]>();
    for (const [word, holders] of this.byWord) {
      const kept = holders.filter((label) => !this.removed.has(label));
      if (kept.length > 0) byWord.set(word, kept);
    }
    this.byWord = byWord;
    this.removed.clear();
    this.vocabularyStale = true;
  }

  /**
   * The labels, in list order, that contain every one of `words` (lower-case), as many as `accept` takes: it is
   * called on each in turn and returns false to stop.
   *
   * @example
   * words.each(['war', 'cabin'], (label) => choices.push(label) < 25) // the first 25 labels with "war" and "cabin"
   */
  each(words: readonly string[], accept: (label: T) => boolean): void {
    const matches = (label: T) => {
      for (const w of words) if (!label.lower.includes(w)) return false;
      return true;
    };
    // the head of the list first: common words fill the choices there, before looking up which words hold them would pay off
    const head = Math.min(HEAD, this.labels.length);
    for (let at = 0; at < head; at++) {
      const label = this.labels[at] as T;
      if (matches(label) && !accept(label)) return;
    }
    if (head === this.labels.length) return;
    const candidates = this.fewest(words);
    if (candidates === null) {
      for (let at = head; at < this.labels.length; at++) {
        const label = this.labels[at] as T;
        if (matches(label) && !accept(label)) return;
      }
      return;
    }
    if (this.stale) this.place();
    // the candidates marked at their places with this search's stamp, then read in list order: no sort, no array
    // made per keystroke, and the reading stops when `accept` does
    const [marks, stamp] = this.nextStamp();
    for (const holders of candidates) {
      for (const label of holders) {
        if (label.at >= head) marks[label.at] = stamp;
      }
    }
    for (let at = marks.indexOf(stamp, head); at !== -1; at = marks.indexOf(stamp, at + 1)) {
      const label = this.labels[at] as T;
      if (matches(label) && !accept(label)) return;
    }
  }

  /** The marks of the labels' places, and a stamp no earlier search left in them. */
  private nextStamp(): [Uint32Array, number] {
    if (this.marks.length < this.labels.length) this.marks = new Uint32Array(Math.ceil(this.labels.length * 1.25));
    if (this.stamp === 0xffffffff) [this.stamp, this.marks] = [0, new Uint32Array(this.marks.length)];
    return [this.marks, ++this.stamp];
  }

  /** Where each label stands in the list, read again after the list changed. */
  private place(): void {
    this.labels.forEach((label, i) => {
      label.at = i;
    });
    this.stale = false;
  }

  /**
   * The labels holding a word that contains the most selective part of a typed word, or null when every part is
   * common (or no typed word has letters or digits) and reading the list in order finds matches soonest.
   */
  private fewest(words: readonly string[]): T[][] | null {
    if (this.vocabularyStale) this.spell();
    let best: T[][] | null = null;
    let bestCount = this.labels.length * SCAN_SHARE;
    // the longest parts first: they are the likeliest to be rare, and a common part then stops early
    for (const run of [...new Set(words.flatMap(runsOf))].sort((a, b) => b.length - a.length)) {
      const holders: T[][] = [];
      let count = 0;
      for (let at = this.vocabulary.indexOf(run); at !== -1 && count <= bestCount;) {
        const i = this.wordAt(at);
        const list = this.byWord.get(this.words[i] as string);
        if (list) {
          holders.push(list);
          count += list.length;
        }
        at = i + 1 < this.words.length ? this.vocabulary.indexOf(run, this.starts[i + 1]) : -1;
      }
      if (count <= bestCount) [best, bestCount] = [holders, count];
    }
    return best;
  }

  /** The words as one text, after words came or went. */
  private spell(): void {
    this.words = [...this.byWord.keys()];
    this.starts = new Int32Array(this.words.length);
    let at = 0;
    this.words.forEach((word, i) => {
      this.starts[i] = at;
      at += word.length + 1;
    });
    this.vocabulary = this.words.join('\n');
    this.vocabularyStale = false;
  }

  /** The word of `vocabulary` a position falls in: the last that starts at or before it. */
  private wordAt(at: number): number {
    let [lo, hi] = [0, this.starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
