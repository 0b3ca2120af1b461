/**
 * The passage index scores its words with `searchLean`, not MiniSearch's own search: the hits must be the very
 * same — the same passages in the same order, with bit-for-bit equal scores, coverage and matched words — for every
 * kind of query a member types (word runs, names, role phrases, misspelled words, questions, pasted sentences), on
 * the fast path and the full fuzzy one, with a filter and a boost, and after passages were removed and added.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { afterAll, describe, expect, it } from 'vitest';
import { benchQueries } from '../bench/bench-queries.ts';
import { writeSyntheticCorpus } from '../bench/synthetic-corpus.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';
import { type LeanClause, asMiniSearchQuery, byScore, searchLean } from '../../src/search/lean-search.ts';
import { PassageIndex } from '../../src/search/passage-index.ts';
import { stemTerm, tokenize } from '../../src/search/tokenize.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'talks-lean-search-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeSyntheticCorpus(dir, { passages: 2000, seed: 4 });
const corpus = loadCorpus(dir);
const knowledge = buildKnowledge(corpus);
const queries = benchQueries({ entities: corpus.entities, texts: knowledge.passages.map((p) => p.text) }, { count: 150, seed: 9 });
const asked = [
  ...queries.search,
  ...queries.who,
  ...queries.when,
  ...queries.findSources.slice(0, 30),
  'how many hostages were released',
  'Blinkin Doha',
  'what did the emir say about the pause',
];

const sameHits = (index: PassageIndex, q: string, options: Parameters<PassageIndex['find']>[1] = {}) => {
  expect(index.find(q, options), q).toEqual(index.find(q, { ...options, engine: 'minisearch' }));
  expect(index.findFull(q, options), q).toEqual(index.findFull(q, { ...options, engine: 'minisearch' }));
};

describe('the lean search', () => {
  // every query run through both searches: about 8 s of CPU alone, up to twice that beside another test file
  it('finds the same hits as MiniSearch, in the same order with equal scores, for every kind of query', { timeout: 60_000 }, () => {
    expect(asked.filter((q) => knowledge.index.find(q).length > 0).length).toBeGreaterThan(asked.length * 0.9);
    for (const q of asked) sameHits(knowledge.index, q);
  });

  it('finds the same hits with a filter and a boost', () => {
    const odd = (id: string) => id.length % 2 === 1;
    for (const q of asked.slice(0, 100)) sameHits(knowledge.index, q, { filter: odd, boost: (id) => (odd(id) ? 2 : 1) });
  });

  it('finds the same hits on the bundled corpus, where passages have copies and entity names', () => {
    const bundled = bundledKnowledge();
    for (const q of [
      'Qatar',
      'communications cell',
      'kicked out of Doha',
      'head of Mossad',
      'hostages hostage released',
      'Sheikh Tamim',
      'how long was the pause',
      'Blinkin',
    ])
      sameHits(bundled.index, q);
  });

  it('finds the same hits after passages were removed from the index and others added', () => {
    const passages = knowledge.passages.slice(0, 600).map((p) => ({ id: p.id, text: p.text, entities: '' }));
    const index = new PassageIndex(passages);
    // searched before, between and after the changes: what a search keeps of the index by passage number stays right
    for (const q of asked.slice(0, 20)) sameHits(index, q);
    index.remove(passages.slice(0, 200));
    for (const q of asked.slice(0, 20)) sameHits(index, q);
    index.add(knowledge.passages.slice(600, 700).map((p) => ({ id: p.id, text: p.text, entities: '' })));
    for (const q of asked.slice(0, 100)) sameHits(index, q);
  });

  it('finds the same hits on an index read back from its save, whose words are opened as they are searched', () => {
    const passages = knowledge.passages.slice(0, 800).map((p) => ({ id: p.id, text: p.text, entities: '' }));
    const restored = PassageIndex.restore(new PassageIndex(passages).toSnapshot(), passages);
    for (const q of asked.slice(0, 100)) sameHits(restored, q);
    restored.remove(passages.slice(0, 50));
    restored.add(knowledge.passages.slice(800, 850).map((p) => ({ id: p.id, text: p.text, entities: '' })));
    for (const q of asked.slice(0, 100)) sameHits(restored, q);
  });

  it('adds a query term counted twice (two words with one stem) twice, as MiniSearch does', () => {
    const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], tokenize, processTerm: stemTerm });
    mini.addAll([
      { id: 'a', text: 'hostages released' },
      { id: 'b', text: 'a hostage was released on Friday' },
      { id: 'c', text: 'talks in Doha' },
    ]);
    const clauses: LeanClause[] = [
      { text: 'hostages hostage releasd', field: 'text', boost: 1.3, processTerm: stemTerm, fuzzy: () => 0.2 },
    ];
    const minisearch = mini
      .search(asMiniSearchQuery(clauses))
      .map((r) => ({ id: String(r.id), score: r.score, queryTerms: [...r.queryTerms].sort() }));
    const lean = searchLean(mini, clauses)?.map((r) => ({ ...r, queryTerms: [...r.queryTerms].sort() }));
    expect(lean).toEqual(minisearch);
    expect(lean?.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('finds the same hits for a question of more than 32 terms, as one with its synonyms in three fields can be', () => {
    const mini = new MiniSearch<{ id: string; text: string; exact: string }>({ fields: ['text', 'exact'], tokenize });
    mini.addAll(knowledge.passages.slice(0, 400).map((p) => ({ id: p.id, text: p.text, exact: p.text })));
    const words = [...new Set(knowledge.passages.slice(0, 40).flatMap((p) => tokenize(p.text)))].slice(0, 45).join(' ');
    const clauses: LeanClause[] = [
      { text: words, field: 'text', boost: 1, processTerm: stemTerm, fuzzy: false },
      { text: words, field: 'exact', boost: 1.6, processTerm: (t) => t, fuzzy: () => 0.2 },
    ];
    const sorted = (results: ReadonlyArray<{ id: unknown; score: number; queryTerms: string[] }>) =>
      results.map((r) => ({ id: String(r.id), score: r.score, queryTerms: [...r.queryTerms].sort() }));
    const lean = searchLean(mini, clauses);
    expect(lean).not.toBeNull();
    expect(new Set(lean?.flatMap((r) => r.queryTerms)).size).toBeGreaterThan(32);
    expect(sorted(lean ?? [])).toEqual(sorted(mini.search(asMiniSearchQuery(clauses))));
  });

  it('declines an index with discarded passages, where MiniSearch itself corrects its counts while searching', () => {
    const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], autoVacuum: false });
    mini.addAll([
      { id: 'a', text: 'hostages released' },
      { id: 'b', text: 'hostages freed' },
    ]);
    mini.discard('b');
    expect(searchLean(mini, [{ text: 'hostages', field: 'text', boost: 1, processTerm: (t) => t, fuzzy: false }])).toBeNull();
  });
});

describe('the lean search’s order', () => {
  it('keeps the best few as the whole order would, ties in the order first matched', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 40) / 4;
    const scores = Float64Array.from({ length: 2_000 }, next);
    const whole = byScore({ scores });
    expect(whole).toHaveLength(2_000);
    for (let i = 1; i < whole.length; i++) {
      const [a, b] = [whole[i - 1] as number, whole[i] as number];
      expect((scores[a] as number) > (scores[b] as number) || (scores[a] === scores[b] && a < b)).toBe(true);
    }
    for (const limit of [0, 1, 5, 60, 1_999, 2_000, 5_000]) expect(byScore({ scores }, limit)).toEqual(whole.slice(0, limit));
  });
});
