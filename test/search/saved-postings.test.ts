/**
 * A search index saved as flat arrays and read back lazily answers every search as the index it was saved from, also
 * after passages are added and removed, and saves again to the same thing.
 */
import MiniSearch, { type Options } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { internalsOf } from '../../src/search/minisearch-internals.ts';
import { restorePostings, savePostings } from '../../src/search/saved-postings.ts';

interface Doc {
  id: string;
  title: string;
  text: string;
}

const OPTIONS: Options<Doc> = { fields: ['title', 'text'], storeFields: [] };
const WORDS =
  'hostage release truce doha cairo envoy mediator prisoner exchange ceasefire aid convoy border crossing talks pause phase'.split(' ');

/** Documents with overlapping words, some repeated, so that term frequencies and field lengths differ. */
function documents(count: number, offset = 0): Doc[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    const pick = (k: number) => WORDS[(n * 7 + k * 3) % WORDS.length] ?? '';
    return { id: `doc#${n}`, title: `${pick(1)} ${pick(2)}`, text: Array.from({ length: 4 + (n % 9) }, (_, k) => pick(k + n)).join(' ') };
  });
}

const QUERIES: Array<[string, Parameters<MiniSearch<Doc>['search']>[1]]> = [
  ['hostage release', {}],
  ['doha', { fields: ['title'] }],
  ['mediatr', { fuzzy: 0.2 }],
  ['cro', { prefix: true }],
  ['truce aid', { combineWith: 'AND' }],
  ['nothing', {}],
];
/** A save as what it means, not the order its terms came in (a radix tree walks its terms in an order of its own). */
function meaning(saved: ReturnType<typeof savePostings>) {
  const { terms, fieldsPerTerm, entryField, entryEnd, docs, freqs, ...rest } = saved;
  const byTerm = new Map<string, unknown>();
  let entry = 0;
  terms.forEach((term, t) => {
    const fields = [];
    for (let k = 0; k < (fieldsPerTerm[t] ?? 0); k++, entry++) {
      const from = entry === 0 ? 0 : (entryEnd[entry - 1] ?? 0);
      const to = entryEnd[entry] ?? 0;
      fields.push([entryField[entry], new Map([...docs.subarray(from, to)].map((d, i) => [d, freqs[from + i]]))]);
    }
    byTerm.set(term, new Map(fields as Array<[number, Map<number, number>]>));
  });
  return { ...rest, byTerm };
}

const sortedJSON = (ms: MiniSearch<Doc>) => {
  const json = ms.toJSON();
  return { ...json, index: [...json.index].sort(([a], [b]) => (a < b ? -1 : 1)) };
};

const results = (ms: MiniSearch<Doc>) => QUERIES.map(([q, o]) => ms.search(q, o).map((r) => [String(r.id), r.score, r.terms] as const));

function indexOf(docs: Doc[]): MiniSearch<Doc> {
  const ms = new MiniSearch<Doc>(OPTIONS);
  ms.addAll(docs);
  return ms;
}

describe('a saved search index', () => {
  it('answers every search as the index it was saved from', () => {
    const original = indexOf(documents(300));
    const restored = restorePostings(savePostings(original), OPTIONS);
    expect(results(restored)).toEqual(results(original));
    expect(restored.documentCount).toBe(original.documentCount);
    expect(sortedJSON(restored)).toEqual(sortedJSON(original));
  });

  it('saves again to the same arrays, whether or not its terms were searched since', () => {
    const original = indexOf(documents(200));
    const saved = savePostings(original);
    expect(meaning(savePostings(restorePostings(saved, OPTIONS)))).toEqual(meaning(saved));
    const searched = restorePostings(saved, OPTIONS);
    results(searched);
    expect(meaning(savePostings(searched))).toEqual(meaning(saved));
  });

  it('takes passages in and out as the original would', () => {
    const docs = documents(200);
    const original = indexOf(docs);
    const restored = restorePostings(savePostings(original), OPTIONS);
    for (const ms of [original, restored]) {
      ms.addAll(documents(20, 500));
      for (const d of docs.slice(0, 30)) ms.remove(d);
    }
    expect(results(restored)).toEqual(results(original));
    expect(meaning(savePostings(restored))).toEqual(meaning(savePostings(original)));
  });

  it('searches and takes new passages in without copying a word’s postings into a Map, and answers the same', () => {
    const docs = documents(200);
    const original = indexOf(docs);
    const restored = restorePostings(savePostings(original), OPTIONS);
    // the postings of a field, as MiniSearch reaches them, and whether they are still read from the save
    const asSaved = (term: string) =>
      [...(internalsOf(restored)._index.get(term)?.values() ?? [])].every(
        (postings) => (postings as { savedRange?: () => unknown }).savedRange?.() != null,
      );
    expect(results(restored)).toEqual(results(original));
    for (const ms of [original, restored]) ms.addAll(documents(20, 500));
    expect(results(restored)).toEqual(results(original));
    expect(WORDS.every(asSaved)).toBe(true);
    expect(meaning(savePostings(restored))).toEqual(meaning(savePostings(original)));
    // a saved passage's count changed: that word's postings become a Map, the others stay as saved
    for (const ms of [original, restored]) ms.remove(docs[0] as Doc);
    expect(results(restored)).toEqual(results(original));
    expect(WORDS.some((w) => !asSaved(w))).toBe(true);
    expect(WORDS.some(asSaved)).toBe(true);
    expect(meaning(savePostings(restored))).toEqual(meaning(savePostings(original)));
  });

  it('keeps a word written hundreds of times in one passage', () => {
    const original = indexOf([
      ...documents(20),
      { id: 'chant', title: 'talks', text: Array.from({ length: 300 }, () => 'truce').join(' ') },
    ]);
    const saved = savePostings(original);
    expect(saved.freqs).toBeInstanceOf(Uint16Array);
    const restored = restorePostings(saved, OPTIONS);
    const chant = (ms: MiniSearch<Doc>) => ms.search('truce').find((r) => r.id === 'chant');
    expect(chant(restored)).toBeDefined();
    expect(chant(restored)).toEqual(chant(original));
  });

  it('refuses a save that is not one, or whose postings are cut short', () => {
    const saved = savePostings(indexOf(documents(50)));
    expect(() => restorePostings({} as never, OPTIONS)).toThrow(/not a saved search index/);
    expect(() => restorePostings({ ...saved, docs: saved.docs.subarray(0, 10) }, OPTIONS)).toThrow(/cut short/);
    expect(() => restorePostings({ ...saved, terms: saved.terms.slice(1) }, OPTIONS)).toThrow(/damaged/);
  });
});
