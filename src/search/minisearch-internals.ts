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

/**
 * Postings that can be read without an entry array per passage: the saved postings (`saved-postings.ts`) read from
 * their typed arrays. A plain Map is read with `for … of`.
 */
export interface EachPosting {
  eachPosting(visit: (doc: number, freq: number) => void): void;
}

/**
 * Calls `visit` for each posting, in the Map's order, through `eachPosting` when the postings have it.
 *
 * @example
 * forEachPosting(termData.get(fieldId), (doc, freq) => scores[doc] += freq)
 */
export function forEachPosting(postings: Map<number, number>, visit: (doc: number, freq: number) => void): void {
  if ('eachPosting' in postings) (postings as Map<number, number> & EachPosting).eachPosting(visit);
  else for (const [doc, freq] of postings) visit(doc, freq);
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
