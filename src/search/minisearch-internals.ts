/**
 * The private state of a MiniSearch 7 instance, which the knowledge save (`saved-postings.ts`) and the lean search
 * (`lean-search.ts`) read and write: the fields its own `loadJS`, `toJSON` and `search` use. One description for
 * both, beside the pinned version in package.json; their tests hold each to MiniSearch's own behaviour, so an
 * upgrade that moves these fields fails there.
 *
 * @example
 * internalsOf(miniSearch)._documentCount // → the number of passages indexed
 */
import type MiniSearch from 'minisearch';

/** A term's postings: field id → (document short id → term frequency). */
export type TermData = Map<number, Map<number, number>>;

/** A term's postings in one field as arrays: the passages' short ids and their term frequencies, `from` to `to`. */
export interface PostingArrays {
  docs: Uint32Array;
  freqs: Uint8Array | Uint16Array | Uint32Array;
  from: number;
  to: number;
}

/**
 * Postings that are arrays already: the saved postings (`saved-postings.ts`) while nothing has changed them. A
 * search reads them in a plain loop over typed arrays, with no entry array per passage.
 */
export interface HasPostingArrays {
  postingArrays(): PostingArrays | null;
}

/**
 * A term's postings in one field as arrays, in the Map's order: the saved arrays themselves when the postings have
 * them, else copied out of the Map. A search of a common word reads tens of thousands of postings; a loop over typed
 * arrays reads each in a few nanoseconds, an iterator over a Map's entries in tens.
 *
 * @example
 * const { docs, freqs, from, to } = postingArraysOf(termData.get(fieldId));
 * for (let i = from; i < to; i++) scores[docs[i]] += freqs[i];
 */
export function postingArraysOf(postings: Map<number, number>): PostingArrays {
  const own = 'postingArrays' in postings ? (postings as Map<number, number> & HasPostingArrays).postingArrays() : null;
  if (own) return own;
  const docs = new Uint32Array(postings.size);
  const freqs = new Uint32Array(postings.size);
  let to = 0;
  for (const [doc, freq] of postings) {
    docs[to] = doc;
    freqs[to++] = freq;
  }
  return { docs, freqs, from: 0, to };
}

export interface MiniSearchInternals {
  _index: Iterable<[string, TermData]> & {
    get(term: string): TermData | undefined;
    set(term: string, data: TermData): unknown;
    fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
  };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, unknown>;
  _documentCount: number;
  _nextId: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  /** Documents discarded but still in the postings (MiniSearch skips and cleans them while searching). */
  _dirtCount: number;
  _options: { tokenize: (text: string) => string[]; searchOptions?: Record<string, unknown> };
}

export const internalsOf = <T>(miniSearch: MiniSearch<T>): MiniSearchInternals => miniSearch as unknown as MiniSearchInternals;
