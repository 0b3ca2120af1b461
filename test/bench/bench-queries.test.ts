import { describe, expect, it } from 'vitest';
import { BENCH_COMMANDS, benchQueries, misspell, seededRandom } from './bench-queries.ts';
import { syntheticSourceFiles } from './synthetic-corpus.ts';
import { loadEntities } from '../../src/corpus/load-corpus.ts';
import { parseSourceFile } from '../../src/corpus/source-file.ts';
import { percentile, summarise } from './latency.ts';

/** Levenshtein distance, for checking that a typo is one edit. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length] ?? 0;
}

const { entities } = loadEntities('corpus/entities.yaml');
const texts = syntheticSourceFiles({ passages: 400, seed: 3 }).flatMap((f) => parseSourceFile(f.text, `sources/${f.fileName}`).paragraphs);
const source = { entities, texts };

describe('benchQueries', () => {
  const q = benchQueries(source, { count: 300, seed: 5 });

  it('is the same for the same corpus and seed, and differs for another seed', () => {
    expect(benchQueries(source, { count: 300, seed: 5 })).toEqual(q);
    expect(benchQueries(source, { count: 300, seed: 6 }).search).not.toEqual(q.search);
  });

  it('gives every command its count of queries, in the right shapes', () => {
    for (const list of [q.search, q.who, q.when, q.terms, q.findSources, q.autocomplete.who, q.autocomplete.when, q.autocomplete.terms])
      expect(list).toHaveLength(300);
    const words = (s: string) => s.split(/\s+/).filter((w) => w !== '').length;
    expect(q.search.filter((s) => words(s) >= 2 && words(s) <= 6).length / q.search.length).toBeGreaterThan(0.9);
    for (const s of q.findSources) expect(words(s)).toBeGreaterThanOrEqual(20);
    for (const s of q.findSources) expect(words(s)).toBeLessThanOrEqual(60);
    for (const s of q.autocomplete.who) expect(s.length).toBeGreaterThanOrEqual(2);
  });

  it('mixes names, role phrases, topics (with none) and events from the corpus', () => {
    const names = new Set(entities.flatMap((e) => [e.name, ...e.aliases]));
    const roles = new Set(entities.flatMap((e) => e.roles.flatMap((r) => r.phrases)));
    expect(q.who.some((s) => names.has(s))).toBe(true);
    expect(q.who.some((s) => roles.has(s.toLowerCase()))).toBe(true);
    expect(q.terms).toContain('');
    expect(q.terms).toContain('final deal');
    expect(q.when.length).toBeGreaterThan(0);
    expect(BENCH_COMMANDS.terms.input('')).toEqual({});
    expect(BENCH_COMMANDS.findSources.input('x')).toEqual({ text: 'x' });
  });

  it('includes misspelled queries, each one edit from a real name or phrase', () => {
    const names = entities.flatMap((e) => [e.name, ...e.aliases]);
    const typos = q.who.filter((s) => !names.includes(s) && names.some((n) => editDistance(n, s) === 1));
    expect(typos.length).toBeGreaterThan(0);
  });
});

describe('misspell', () => {
  it('always makes exactly one edit', () => {
    const rand = seededRandom(9);
    for (const word of ['Blinken', 'hostages', 'McGurk', 'ratio', 'Doha', 'aid', 'al']) {
      for (let i = 0; i < 50; i++) expect(editDistance(word, misspell(word, rand))).toBe(1);
    }
  });
});

describe('latency helpers', () => {
  it('takes nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 99)).toBe(4);
    expect(summarise([3, 1, 2])).toEqual({ n: 3, p50: 2, p95: 3, p99: 3, max: 3, mean: 2 });
  });
});
