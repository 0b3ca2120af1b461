/**
 * Duplicate detection for ingest: is a new text one the corpus already has?
 *
 * - **exact**: the same body once Unicode forms, whitespace, quote and apostrophe styles, dashes and case are folded
 *   (`bodyFingerprint`): ingest refuses it, naming the source it copies.
 * - **near**: the same wire story republished with small edits — a changed headline, a sentence reworded, a
 *   paragraph added or dropped. Measured on word 5-grams ("shingles") of the folded body as *containment*: the share
 *   of the smaller text's shingles that the larger one also has. Dropping or adding paragraphs leaves it high, a
 *   reworded sentence costs only the few shingles that cross it, while two different articles about the same event
 *   share names and phrases but few runs of five words in a row.
 *
 * The threshold, NEAR_CONTAINMENT = 0.5, sits in a wide gap between the two populations, measured on the bundled
 * corpus and its seed texts. Different articles on the same events share at most 2% of their shingles (the two
 * accounts of the Raanans' release: 0.020; the others 0.000–0.011). A bundled source republished with edits — one
 * sentence in five, three or two reworded, one paragraph dropped and one added — keeps 0.75–0.97. Containment rather
 * than Jaccard, because a copy padded with a site's boilerplate is still a copy: the AP page dump against the cleaned
 * article scores 0.997 containment but only 0.66 Jaccard.
 */
import { createHash } from 'node:crypto';
import type { Source } from './source-schema.ts';

/** Words per shingle: long enough that shared names and stock phrases ("the Qatari prime minister") rarely match. */
export const SHINGLE_WORDS = 5;
/** The containment from which a text counts as a republication of another (see the module comment for why). */
export const NEAR_CONTAINMENT = 0.5;
/** Fewer shared shingles than this (about one long sentence) is a quotation, not a republication. */
export const NEAR_MIN_SHARED = 10;

export interface DuplicateMatch {
  kind: 'exact' | 'near';
  source: Source;
  /** 1 for an exact copy; for a near one, the share of the smaller text's shingles the other text has too. */
  similarity: number;
}

/**
 * Folds what differs between two copies of one text but not its words: Unicode compatibility forms (NFKC), curly
 * and straight quotes and apostrophes, dash styles and the spaces around dashes, invisible characters, case and runs
 * of white space. Used for the body fingerprint, for shingles and for passages that are copies of each other.
 *
 * @example
 * normaliseText('Qatar’s  “offer” — accepted') // → 'qatar\'s "offer" - accepted'
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010\u2011\uFE63\uFF0D]/g, '-')
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .replace(/ ?(?:--|[\u2012-\u2015\u2212\uFE58]) ?/g, ' - ')
    .toLowerCase()
    .trim();
}

/**
 * SHA-256 (hex) of a body after `normaliseText`: two bodies that differ only in white space, paragraph breaks,
 * quote style, dashes or case get the same fingerprint, so ingest can refuse a copy and name what it copies.
 *
 * @example
 * bodyFingerprint(['He said “yes.”']) === bodyFingerprint(['he  said "yes."']) // → true
 */
export function bodyFingerprint(paragraphs: readonly string[]): string {
  return createHash('sha256').update(normaliseText(paragraphs.join(' ')), 'utf8').digest('hex');
}

/** Mixes a word's hash into a running hash (FNV-1a step plus a shift, so word order matters). */
function mix(h: number, value: number): number {
  const m = Math.imul(h ^ value, 0x01000193);
  return (m ^ (m >>> 15)) >>> 0;
}

/**
 * Appends the 32-bit hash of each word of an already normalised text (letters, digits and marks, any script) to
 * `out`. One pass over the characters with no string built per word, so shingling 5,000 sources takes about a
 * second.
 */
function hashWords(normalised: string, out: number[]): void {
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i <= normalised.length; i++) {
    const c = i < normalised.length ? normalised.charCodeAt(i) : 32;
    const letter = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && /[\p{L}\p{N}\p{M}]/u.test(normalised[i] as string));
    if (letter) {
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      out.push(h >>> 0);
      h = 0x811c9dc5;
      inWord = false;
    }
  }
}

/**
 * The words of a text after `normaliseText`, as 32-bit hashes in order: what answers compare, per query, to find
 * near-identical passages without building a string per word.
 *
 * @example
 * wordHashes('The “deal” — done.').length // → 3 (the, deal, done)
 */
export function wordHashes(text: string): number[] {
  const out: number[] = [];
  hashWords(normaliseText(text), out);
  return out;
}

/**
 * The body's word 5-grams, hashed, sorted and unique: 32-bit numbers, so 5,000 sources fit in a few megabytes.
 * Shingles run across paragraph breaks, so a text re-split into other paragraphs keeps them; a text shorter than
 * five words is one shingle.
 *
 * @example
 * shingleSet(['One two three four five six.']).length // → 2
 */
export function shingleSet(paragraphs: readonly string[]): Uint32Array {
  const words: number[] = [];
  for (const p of paragraphs) hashWords(normaliseText(p), words);
  if (words.length === 0) return new Uint32Array(0);
  const hashes = new Uint32Array(Math.max(1, words.length - SHINGLE_WORDS + 1));
  for (let i = 0; i < hashes.length; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < Math.min(i + SHINGLE_WORDS, words.length); k++) h = mix(h, words[k] as number);
    hashes[i] = h;
  }
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[unique - 1]) hashes[unique++] = hashes[i] as number;
  return hashes.slice(0, unique);
}

/**
 * How many values two sorted, unique arrays share: one merge pass.
 *
 * @example
 * sharedCount(Uint32Array.of(1, 4, 9), Uint32Array.of(4, 9, 12)) // → 2
 */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/**
 * The sources of a corpus, ready to be asked "is this text one of yours?" many times. Fingerprints and shingle
 * sets are computed on the first question and kept, so checking a text against 5,000 sources is one merge pass
 * per source over a few hundred numbers.
 *
 * @example
 * const index = new DuplicateIndex(corpus.sources);
 * index.find(cleaned.paragraphs)?.source.id // → 'ap-how-the-hostage-deal-came-about' for a re-run of that story
 */
export class DuplicateIndex {
  readonly #sources: readonly Source[];
  readonly #fingerprints = new Map<Source, string>();
  readonly #shingles = new Map<Source, Uint32Array>();

  constructor(sources: readonly Source[]) {
    this.#sources = sources;
  }

  /** The source `paragraphs` copies exactly, else the one it most nearly republishes, else null. */
  find(paragraphs: readonly string[]): DuplicateMatch | null {
    const mine = shingleSet(paragraphs);
    if (mine.length === 0) return null;
    const print = bodyFingerprint(paragraphs);
    let best: DuplicateMatch | null = null;
    for (const source of this.#sources) {
      const theirs = this.#shinglesOf(source);
      if (theirs.length === 0) continue;
      const shared = sharedCount(mine, theirs);
      // the same words in the same order give the same shingles: only then is the fingerprint worth computing
      if (shared === mine.length && shared === theirs.length && this.#fingerprintOf(source) === print) {
        return { kind: 'exact', source, similarity: 1 };
      }
      const similarity = shared / Math.min(mine.length, theirs.length);
      if (shared >= NEAR_MIN_SHARED && similarity >= NEAR_CONTAINMENT && similarity > (best?.similarity ?? 0)) {
        best = { kind: 'near', source, similarity };
      }
    }
    return best && { ...best, similarity: Number(best.similarity.toFixed(3)) };
  }

  #fingerprintOf(source: Source): string {
    let print = this.#fingerprints.get(source);
    if (print === undefined) {
      print = bodyFingerprint(source.paragraphs);
      this.#fingerprints.set(source, print);
    }
    return print;
  }

  #shinglesOf(source: Source): Uint32Array {
    let set = this.#shingles.get(source);
    if (!set) {
      set = shingleSet(source.paragraphs);
      this.#shingles.set(source, set);
    }
    return set;
  }
}

/**
 * One-off form of `DuplicateIndex.find`: the source `paragraphs` duplicates, exactly or nearly, or null. Ingest
 * refuses an exact copy and asks for `near_duplicate_of` on a near one.
 *
 * @example
 * findDuplicate(['Same words, “other” quotes.'], [source]) // → { kind: 'exact', source, similarity: 1 }
 */
export function findDuplicate(paragraphs: readonly string[], sources: readonly Source[]): DuplicateMatch | null {
  return new DuplicateIndex(sources).find(paragraphs);
}
