/**
 * MiniSearch's index saved as flat arrays, read back lazily. MiniSearch's own `loadJSON` turns every term's postings
 * into Maps at once: at 100,000 passages that is five million entries, seconds of start-up and a few hundred
 * megabytes, most of it for words nobody searches. Here the postings stay in a few typed arrays; a term's Maps are
 * made the first time anything reads them (a query, an added or removed passage), and from then on it is an ordinary
 * MiniSearch term.
 *
 * This reaches into MiniSearch's private fields (`_index`, `_documentIds` …), the same ones its `loadJS` fills; the
 * version is pinned in package.json and `test/search/saved-postings.test.ts` holds a restored index to a fresh one.
 *
 * @example
 * const saved = savePostings(miniSearch);               // typed arrays and strings: v8.serialize writes them fast
 * const again = restorePostings(saved, options);         // answers every search as `miniSearch` does
 */
import MiniSearch, { type Options } from 'minisearch';
import { internalsOf } from './minisearch-internals.ts';

export interface SavedPostings {
  format: 'talks-postings/1';
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
  /** The documents: short ids, their ids, and each one's field lengths (fieldCount per document; NO_LENGTH for none). */
  shortIds: Uint32Array;
  ids: string[];
  fieldLengths: Uint32Array;
  storedFields: Array<[number, unknown]>;
  terms: string[];
  /** How many fields each term has postings in; then per (term, field): the field id and where its postings end. */
  fieldsPerTerm: Uint8Array;
  entryField: Uint8Array;
  entryEnd: Uint32Array;
  docs: Uint32Array;
  /** Term frequencies, in the smallest array that holds the largest. */
  freqs: Uint8Array | Uint16Array | Uint32Array;
}

const NO_LENGTH = 0xffffffff;

/**
 * A term's postings as saved, made into MiniSearch's Maps on first use. Every Map method opens it first, so to
 * MiniSearch (which only ever calls Map methods on it) it is the Map `loadJSON` would have made.
 */
class SavedTermData extends Map<number, Map<number, number>> {
  #saved: SavedPostings | null;
  readonly #firstEntry: number;
  readonly #entryCount: number;

  constructor(saved: SavedPostings, firstEntry: number, entryCount: number) {
    super();
    this.#saved = saved;
    this.#firstEntry = firstEntry;
    this.#entryCount = entryCount;
  }

  /** True until something has read the postings. */
  get unopened(): boolean {
    return this.#saved !== null;
  }

  /** The saved entries of this term, [field id, first posting, end] each, while unopened. */
  savedEntries(): { saved: SavedPostings; entries: Array<[number, number, number]> } | null {
    const saved = this.#saved;
    if (!saved) return null;
    const entries: Array<[number, number, number]> = [];
    for (let e = this.#firstEntry; e < this.#firstEntry + this.#entryCount; e++) {
      entries.push([saved.entryField[e] ?? 0, e === 0 ? 0 : (saved.entryEnd[e - 1] ?? 0), saved.entryEnd[e] ?? 0]);
    }
    return { saved, entries };
  }

  #open(): void {
    const found = this.savedEntries();
    if (!found) return;
    this.#saved = null;
    const { saved, entries } = found;
    for (const [field, from, to] of entries) {
      const postings = new Map<number, number>();
      for (let i = from; i < to; i++) postings.set(saved.docs[i] ?? 0, saved.freqs[i] ?? 0);
      super.set(field, postings);
    }
  }

  override get(key: number) {
    this.#open();
    return super.get(key);
  }
  override has(key: number) {
    this.#open();
    return super.has(key);
  }
  override set(key: number, value: Map<number, number>) {
    this.#open();
    return super.set(key, value);
  }
  override delete(key: number) {
    this.#open();
    return super.delete(key);
  }
  override clear() {
    this.#open();
    super.clear();
  }
  override get size() {
    this.#open();
    return super.size;
  }
  override keys() {
    this.#open();
    return super.keys();
  }
  override values() {
    this.#open();
    return super.values();
  }
  override entries() {
    this.#open();
    return super.entries();
  }
  override forEach(callback: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown) {
    this.#open();
    super.forEach(callback, thisArg);
  }
  override [Symbol.iterator]() {
    this.#open();
    return super[Symbol.iterator]();
  }
}

/**
 * Everything MiniSearch knows, as flat arrays. Terms never read since a restore are copied from the save they came
 * from without being opened.
 */
export function savePostings<T>(ms: MiniSearch<T>): SavedPostings {
  const m = internalsOf(ms);
  const fieldCount = Object.keys(m._fieldIds).length;
  const shortIds = [...m._documentIds.keys()];
  const fieldLengths = new Uint32Array(shortIds.length * fieldCount).fill(NO_LENGTH);
  shortIds.forEach((shortId, i) => {
    const lengths = m._fieldLength.get(shortId) ?? [];
    for (let f = 0; f < fieldCount; f++) if (lengths[f] !== undefined) fieldLengths[i * fieldCount + f] = lengths[f] as number;
  });
  const terms: string[] = [];
  const fieldsPerTerm: number[] = [];
  const entryField: number[] = [];
  const entryEnd: number[] = [];
  const docs: number[] = [];
  const freqs: number[] = [];
  for (const [term, data] of m._index) {
    const saved = data instanceof SavedTermData ? data.savedEntries() : null;
    let fields = 0;
    if (saved) {
      for (const [field, from, to] of saved.entries) {
        for (let i = from; i < to; i++) {
          docs.push(saved.saved.docs[i] ?? 0);
          freqs.push(saved.saved.freqs[i] ?? 0);
        }
        entryField.push(field);
        entryEnd.push(docs.length);
        fields++;
      }
    } else {
      for (const [field, postings] of data) {
        if (postings.size === 0) continue;
        for (const [doc, freq] of postings) {
          docs.push(doc);
          freqs.push(freq);
        }
        entryField.push(field);
        entryEnd.push(docs.length);
        fields++;
      }
    }
    if (fields === 0) continue;
    terms.push(term);
    fieldsPerTerm.push(fields);
  }
  return {
    format: 'talks-postings/1',
    documentCount: m._documentCount,
    nextId: m._nextId,
    fieldIds: m._fieldIds,
    averageFieldLength: m._avgFieldLength,
    dirtCount: m._dirtCount,
    shortIds: Uint32Array.from(shortIds),
    ids: shortIds.map((id) => m._documentIds.get(id) as string),
    fieldLengths,
    storedFields: [...m._storedFields],
    terms,
    fieldsPerTerm: Uint8Array.from(fieldsPerTerm),
    entryField: Uint8Array.from(entryField),
    entryEnd: Uint32Array.from(entryEnd),
    docs: Uint32Array.from(docs),
    freqs: smallestArrayOf(freqs),
  };
}

/** Whether each number is at least the one before (a plain loop: millions of postings). */
function ascending(numbers: Uint32Array): boolean {
  for (let i = 1; i < numbers.length; i++) if ((numbers[i] as number) < (numbers[i - 1] as number)) return false;
  return true;
}

function allBelow(numbers: Uint8Array, limit: number): boolean {
  for (let i = 0; i < numbers.length; i++) if ((numbers[i] as number) >= limit) return false;
  return true;
}

function smallestArrayOf(numbers: readonly number[]): Uint8Array | Uint16Array | Uint32Array {
  const max = numbers.reduce((m, n) => (n > m ? n : m), 0);
  return max <= 0xff ? Uint8Array.from(numbers) : max <= 0xffff ? Uint16Array.from(numbers) : Uint32Array.from(numbers);
}

/**
 * A MiniSearch with `options` holding what `savePostings` saved. The documents and the term list are set up at once;
 * each term's postings when first read. Throws when the save is not one (a damaged or foreign file).
 */
export function restorePostings<T>(saved: SavedPostings, options: Options<T>): MiniSearch<T> {
  if (saved?.format !== 'talks-postings/1') throw new Error('not a saved search index');
  const fieldCount = Object.keys(saved.fieldIds).length;
  const expected = saved.fieldsPerTerm.reduce((sum, n) => sum + n, 0);
  if (saved.terms.length !== saved.fieldsPerTerm.length || saved.entryField.length !== expected || saved.entryEnd.length !== expected) {
    throw new Error('the saved search index is damaged (its term list does not match its postings)');
  }
  if (saved.docs.length !== saved.freqs.length || (expected > 0 && saved.entryEnd[expected - 1] !== saved.docs.length)) {
    throw new Error('the saved search index is damaged (its postings are cut short)');
  }
  // each entry's postings end where the next begin, inside the postings, and belong to a field there is
  if (!ascending(saved.entryEnd) || !allBelow(saved.entryField, fieldCount)) {
    throw new Error('the saved search index is damaged (its postings overlap or name no field)');
  }
  if (saved.ids.length !== saved.shortIds.length || saved.fieldLengths.length !== saved.shortIds.length * fieldCount) {
    throw new Error('the saved search index is damaged (its documents do not match their ids and lengths)');
  }
  const ms = MiniSearch.loadJS<T>(
    {
      documentCount: saved.documentCount,
      nextId: saved.nextId,
      documentIds: {},
      fieldIds: saved.fieldIds,
      fieldLength: {},
      averageFieldLength: saved.averageFieldLength,
      storedFields: {},
      dirtCount: saved.dirtCount,
      index: [],
      serializationVersion: 2,
    },
    options,
  );
  const m = internalsOf(ms);
  saved.shortIds.forEach((shortId, i) => {
    const id = saved.ids[i] as string;
    m._documentIds.set(shortId, id);
    m._idToShortId.set(id, shortId);
    const lengths: number[] = [];
    for (let f = 0; f < fieldCount; f++) {
      const length = saved.fieldLengths[i * fieldCount + f] ?? NO_LENGTH;
      if (length !== NO_LENGTH) lengths[f] = length;
    }
    m._fieldLength.set(shortId, lengths);
  });
  for (const [shortId, fields] of saved.storedFields) m._storedFields.set(shortId, fields);
  let entry = 0;
  saved.terms.forEach((term, t) => {
    const count = saved.fieldsPerTerm[t] ?? 0;
    m._index.set(term, new SavedTermData(saved, entry, count));
    entry += count;
  });
  return ms;
}
