/**
 * Each passage's distinct stems, numbered once: the recall floor judges hits by them instead of reading each passage's
 * text again for every question.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledge, visitWordStems } from '../../src/knowledge/knowledge.ts';
import { followUpdate } from '../../src/knowledge/knowledge-view.ts';
import {
  passageStemColumns,
  passageStemsOf,
  readAllPassageStems,
  restorePassageStems,
  stemNumbersOf,
} from '../../src/knowledge/passage-stems.ts';
import { loadKnowledge, saveKnowledge } from '../../src/serving/knowledge-cache.ts';
import { updateKnowledge } from '../../src/knowledge/update-knowledge.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { parseSourceFile } from '../../src/corpus/source-file.ts';
import { writeSyntheticCorpus } from '../bench/synthetic-corpus.ts';
import { scratchCorpus, testArticle } from '../helpers/corpus.ts';

const ARTICLE = testArticle(
  'stems-test-crossings',
  'Aid convoys crossed the harbour line on Sunday; the Al-Thani family’s envoy said convoys would cross again.',
  '2023-11-26',
);

function readStems(text: string): Set<string> {
  const out = new Set<string>();
  visitWordStems(text, (stems) => stems.forEach((s) => out.add(s)));
  return out;
}

describe('passage stems', () => {
  it('are the stems reading the passage gives, each once, for every passage', () => {
    const knowledge = buildKnowledge(loadCorpus(scratchCorpus()));
    expect(readAllPassageStems(knowledge)).toBe(true);
    const stems = passageStemsOf(knowledge);
    expect(knowledge.passages.length).toBeGreaterThan(10);
    for (const p of knowledge.passages) {
      const numbers = [...stemNumbersOf(stems, p)];
      expect(new Set(numbers).size, p.id).toBe(numbers.length);
      expect(new Set(numbers.map((n) => stems.stems[n])), p.id).toEqual(readStems(p.text));
    }
  });

  it('keep their numbers across an update, and a new passage is read with the same numbering', () => {
    const knowledge = buildKnowledge(loadCorpus(scratchCorpus()));
    readAllPassageStems(knowledge);
    const stems = passageStemsOf(knowledge);
    const before = new Map(knowledge.passages.map((p) => [p.id, [...stemNumbersOf(stems, p)]]));
    const update = updateKnowledge(knowledge, { added: [parseSourceFile(ARTICLE, 'sources/stems-test-crossings.md')], removed: [] });
    followUpdate(update);
    const after = passageStemsOf(update.knowledge);
    expect(after).toBe(stems);
    for (const p of update.knowledge.passages) {
      if (before.has(p.id)) expect([...stemNumbersOf(after, p)], p.id).toEqual(before.get(p.id));
    }
    const added = update.knowledge.passages.find((p) => p.sourceId === 'stems-test-crossings');
    expect(added).toBeDefined();
    if (!added) return;
    const numbers = [...stemNumbersOf(after, added)];
    expect(new Set(numbers.map((n) => after.stems[n]))).toEqual(readStems(added.text));
    // "convoys" twice, one number; "Al-Thani’s" as the index reads it
    expect(numbers.filter((n) => after.stems[n] === 'convoy')).toHaveLength(1);
    expect(numbers.map((n) => after.stems[n])).toEqual(expect.arrayContaining(['al', 'thani', 'althani']));
  });

  it('are read in slices when given a time to stop by, going on where the last slice stopped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talks-stems-'));
    writeSyntheticCorpus(dir, { passages: 700, seed: 3 });
    const knowledge = buildKnowledge(loadCorpus(dir));
    const stems = passageStemsOf(knowledge);
    expect(knowledge.passages.length).toBeGreaterThan(512);
    // a time already past: each call reads the passages up to its first look at the clock, then stops
    let calls = 1;
    while (!readAllPassageStems(knowledge, 0)) calls++;
    expect(calls).toBe(Math.ceil(knowledge.passages.length / 256));
    // every passage was read: asking for each again reads nothing more
    const used = stems.used;
    for (const p of knowledge.passages) stemNumbersOf(stems, p);
    expect(stems.used).toBe(used);
    expect(readAllPassageStems(knowledge, 0)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('passage stems in the save', () => {
  it('come back with the knowledge read from its save: the same stems for every passage, none read again', () => {
    const dir = scratchCorpus();
    const corpus = loadCorpus(dir);
    const built = buildKnowledge(corpus);
    const file = join(dir, '.cache', 'stems-test.v8');
    mkdirSync(join(dir, '.cache'), { recursive: true });
    saveKnowledge(built, file);
    const loaded = loadKnowledge(file, corpus);
    const [a, b] = [passageStemsOf(built), passageStemsOf(loaded)];
    const used = b.used;
    expect(readAllPassageStems(loaded)).toBe(true);
    for (const p of loaded.passages) {
      const want = new Set([...stemNumbersOf(a, built.passageById.get(p.id) as (typeof built.passages)[number])].map((n) => a.stems[n]));
      expect(new Set([...stemNumbersOf(b, p)].map((n) => b.stems[n])), p.id).toEqual(want);
    }
    expect(b.used).toBe(used);
  });

  it('are read again from the text when the saved columns do not fit the passages', () => {
    const built = buildKnowledge(loadCorpus(scratchCorpus()));
    const columns = passageStemColumns(built);
    const other = buildKnowledge(loadCorpus(scratchCorpus()));
    expect(restorePassageStems(other, { ...columns, counts: columns.counts.subarray(1) })).toBe(false);
    expect(restorePassageStems(other, { ...columns, numbers: columns.numbers.map((n) => n + columns.stems.length) })).toBe(false);
    const stems = passageStemsOf(other);
    for (const p of other.passages)
      expect(new Set([...stemNumbersOf(stems, p)].map((n) => stems.stems[n])), p.id).toEqual(readStems(p.text));
    // columns that fit are taken as they are
    expect(restorePassageStems(other, columns)).toBe(true);
    expect(passageStemsOf(other).used).toBe(columns.numbers.length);
  });
});
