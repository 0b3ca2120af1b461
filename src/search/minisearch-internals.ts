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
