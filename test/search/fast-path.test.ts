/**
 * The fast path of the passage index — exact words first; a fuzzy lookup only for a word the corpus does not use
 * (a typo), and only when too few passages match every word — stays close to the full search that looks every long
 * word up fuzzily: mostly the same top three (the benchmark reports the share; the question sets check the
 * answers), and a misspelled word still finds the passages that spell it right.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchQueries, misspell, seededRandom } from '../bench/bench-queries.ts';
import { writeSyntheticCorpus } from '../bench/synthetic-corpus.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';

const dir = mkdtempSync(join(tmpdir(), 'talks-fast-path-'));
writeSyntheticCorpus(dir, { passages: 1500, seed: 7 });
const corpus = loadCorpus(dir);
const knowledge = buildKnowledge(corpus);
const queries = benchQueries({ entities: corpus.entities, texts: knowledge.passages.map((p) => p.text) }, { count: 150, seed: 3 });
const top3 = (hits: ReadonlyArray<{ id: string }>) => hits.slice(0, 3).map((h) => h.id);

describe('the fast path of the passage index', () => {
  it('gives the top three of a full search on at least 80 % of realistic queries (86 % measured)', () => {
    const all = [...queries.search, ...queries.who, ...queries.when];
    const same = all.filter((q) => top3(knowledge.index.find(q)).join() === top3(knowledge.index.findFull(q)).join());
    expect(same.length / all.length).toBeGreaterThanOrEqual(0.8);
  });

  it('looks a misspelled word up fuzzily, so the typo still finds the passages that spell it right', () => {
    const rand = seededRandom(11);
    const word = 'negotiators';
    const typo = misspell(word, rand);
    expect(typo).not.toBe(word);
    const hits = knowledge.index.find(typo);
    expect(hits.length).toBeGreaterThan(0);
    expect(knowledge.passageById.get(hits[0]?.id ?? '')?.text.toLowerCase()).toContain(word);
  });

  it('answers a pasted message (read by its claims) the same either way', () => {
    for (const text of queries.findSources.slice(0, 20))
      expect(top3(knowledge.index.find(text))).toEqual(top3(knowledge.index.findFull(text)));
  });
});
