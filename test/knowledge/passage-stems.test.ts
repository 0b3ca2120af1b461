/**
 * Each passage's distinct stems, numbered once: the recall floor judges hits by them instead of reading each passage's
 * text again for every question.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledge, visitWordStems } from '../../src/knowledge/knowledge.ts';
import { followUpdate } from '../../src/knowledge/knowledge-view.ts';
import { passageStemsOf, readAllPassageStems, stemNumbersOf } from '../../src/knowledge/passage-stems.ts';
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
    for (const p of knowledge.passages) expect(stems.byPassage.has(p), p.id).toBe(true);
    expect(readAllPassageStems(knowledge, 0)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
