/**
 * MiniSearch's index saved as flat arrays, read back lazily. MiniSearch's own `loadJSON` turns every term's postings
 * into Maps at once: at 100,000 passages that is five million entries, seconds of start-up and a few hundred
 * megabytes, most of it for words nobody searches. Here the postings stay in a few typed arrays: a search reads them
 * there, a passage added is kept beside them, and a field's postings become a Map only when a saved passage's count
 * changes (a passage removed or changed), from then on an ordinary MiniSearch term.
 *
 * This reaches into MiniSearch's private fields (`_index`, `_documentIds` …), the same ones its `loadJS` fills; the
 * version is pinned in package.json and `test/search/saved-postings.test.ts` holds a restored index to a fresh one.
 *
 * @example
 * const saved = savePostings(miniSearch);               // typed arrays and strings: v8.serialize writes them fast
 * const again = restorePostings(saved, options);         // answers every search as `miniSearch` does
 */
import MiniSearch, { type Options } from 'minisearch';
import { internalsOf, type PostingArrays } from './minisearch-internals.ts';

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
 * One field's postings of a term as saved: passage short id → term frequency, read from the save's arrays as long as
 * nothing changed them. A search iterates it and asks its size without a Map being made; a passage added since the
 * restore (a short id at or past the save's `nextId`, never in the save) is kept beside the saved ones without
 * making one either, so adding an article does not copy the postings of every common word it uses. Anything else —
 * changing or removing a saved passage's count, clearing — opens it: the saved entries are copied into the Map,
 * then the added ones after them, the order MiniSearch would have.
 */
class SavedFieldPostings extends Map<number, number> {
  #saved: SavedPostings | null;
  readonly #from: number;
  readonly #to: number;
  /** Whether the saved passages are in ascending order, so one is found by halving: checked when first looked up. */
  #ascending: boolean | undefined;

  constructor(saved: SavedPostings, from: number, to: number) {
    super();
    this.#saved = saved;
    this.#from = from;
    this.#to = to;
  }

  /** The saved entries and the passages added since, while nothing else has changed it. */
  savedRange(): { saved: SavedPostings; from: number; to: number; added: Map<number, number> } | null {
    return this.#saved ? { saved: this.#saved, from: this.#from, to: this.#to, added: new Map(super.entries()) } : null;
  }

  /** True for a short id the save cannot hold: given to a passage added after it was made. */
  #isNew(doc: number): boolean {
    return this.#saved !== null && doc >= this.#saved.nextId;
  }

  #open(): void {
    const saved = this.#saved;
    if (!saved) return;
    this.#saved = null;
    const added = [...super.entries()];
    super.clear();
    for (let i = this.#from; i < this.#to; i++) super.set(saved.docs[i] ?? 0, saved.freqs[i] ?? 0);
    for (const [doc, freq] of added) super.set(doc, freq);
  }

  /** Where a saved passage's posting is, -1 when it has none, or null when the postings must be opened to tell. */
  #find(doc: number): number | null {
    const saved = this.#saved;
    if (!saved) return null;
    if (this.#ascending === undefined) this.#ascending = ascending(saved.docs.subarray(this.#from, this.#to));
    if (!this.#ascending) return null;
    let [low, high] = [this.#from, this.#to - 1];
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = saved.docs[mid] as number;
      if (at === doc) return mid;
      if (at < doc) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  override get(doc: number) {
    if (this.#isNew(doc)) return super.get(doc);
    const at = this.#find(doc);
    if (at !== null) return at < 0 ? undefined : (this.#saved?.freqs[at] as number);
    this.#open();
    return super.get(doc);
  }
  override has(doc: number) {
    if (this.#isNew(doc)) return super.has(doc);
    const at = this.#find(doc);
    if (at !== null) return at >= 0;
    this.#open();
    return super.has(doc);
  }
  override set(doc: number, freq: number) {
    if (!this.#isNew(doc)) this.#open();
    return super.set(doc, freq);
  }
  override delete(doc: number) {
    if (!this.#isNew(doc)) this.#open();
    return super.delete(doc);
  }
  override clear() {
    this.#open();
    super.clear();
  }
  override get size() {
    return this.#saved ? this.#to - this.#from + super.size : super.size;
  }
  override *entries(): MapIterator<[number, number]> {
    const saved = this.#saved;
    if (!saved) {
      yield* super.entries();
      return;
    }
    let i = this.#from;
    for (; i < this.#to && this.#saved === saved; i++) yield [saved.docs[i] ?? 0, saved.freqs[i] ?? 0];
    if (this.#saved === saved) {
      yield* super.entries();
      return;
    }
    // opened while being read (a count changed meanwhile): the rest as the Map now has it, as a Map's own iterator would
    const read = new Set(saved.docs.subarray(this.#from, i));
    for (const entry of super.entries()) if (!read.has(entry[0])) yield entry;
  }
  /** The saved arrays while the postings are as saved and no passage was added to them (else null: read the Map). */
  postingArrays(): PostingArrays | null {
    const saved = this.#saved;
    return saved && super.size === 0 ? { docs: saved.docs, freqs: saved.freqs, from: this.#from, to: this.#to } : null;
  }

  override *keys(): MapIterator<number> {
    for (const [doc] of this.entries()) yield doc;
  }
  override *values(): MapIterator<number> {
    for (const [, freq] of this.entries()) yield freq;
  }
  override forEach(callback: (freq: number, doc: number, map: Map<number, number>) => void, thisArg?: unknown) {
    for (const [doc, freq] of this.entries()) callback.call(thisArg, freq, doc, this);
  }
  override [Symbol.iterator]() {
    return this.entries();
  }
}

/**
 * A term's postings as saved: on first use each field's become a `SavedFieldPostings`, which reads the save's
 * arrays until something changes them. Every Map method sets them up first, so to MiniSearch (which only ever calls
 * Map methods on it) it is the Map `loadJSON` would have made.
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
    for (const [field, from, to] of entries) super.set(field, new SavedFieldPostings(saved, from, to));
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
        const range = postings instanceof SavedFieldPostings ? postings.savedRange() : null;
        if (range) {
          // still as saved, with the passages added since after it: copied without a Map
          for (let i = range.from; i < range.to; i++) {
            docs.push(range.saved.docs[i] ?? 0);
            freqs.push(range.saved.freqs[i] ?? 0);
          }
        }
        for (const [doc, freq] of range ? range.added : postings) {
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
