import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticSourceFiles, writeSyntheticCorpus } from './synthetic-corpus.ts';
import { NEAR_CONTAINMENT, sharedCount, shingleSet } from '../../src/corpus/duplicates.ts';
import { type Corpus, loadCorpus, loadEntities } from '../../src/corpus/load-corpus.ts';
import { parseSourceFile } from '../../src/corpus/source-file.ts';
import { buildKnowledge, type Knowledge } from '../../src/knowledge/knowledge.ts';

describe('a synthetic corpus', () => {
  let dir: string;
  let written: ReturnType<typeof writeSyntheticCorpus>;
  let corpus: Corpus;
  let knowledge: Knowledge;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'talks-synthetic-'));
    written = writeSyntheticCorpus(dir, { passages: 1_000, seed: 7 });
    corpus = loadCorpus(dir);
    knowledge = buildKnowledge(corpus);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the same, byte for byte, for the same seed', () => {
    expect(syntheticSourceFiles({ passages: 300, seed: 7 })).toEqual(syntheticSourceFiles({ passages: 300, seed: 7 }));
  });

  it('differs for another seed', () => {
    const a = syntheticSourceFiles({ passages: 300, seed: 7 });
    const b = syntheticSourceFiles({ passages: 300, seed: 8 });
    expect(a.map((f) => f.text)).not.toEqual(b.map((f) => f.text));
  });

  it('writes files in the real corpus format, each passing the source schema under its own name', () => {
    const files = readdirSync(join(dir, 'sources'));
    expect(files.length).toBe(written.sources);
    for (const f of files) {
      const source = parseSourceFile(readFileSync(join(dir, 'sources', f), 'utf8'), `sources/${f}`);
      expect(source.paragraphs.length).toBeGreaterThan(0);
      expect(source.url).toMatch(/^https:\/\/news\.example\//);
      expect(source.published! >= '2023-10-01' && source.published! <= '2025-12-31').toBe(true);
    }
    expect(readFileSync(join(dir, 'entities.yaml'), 'utf8')).toBe(readFileSync('corpus/entities.yaml', 'utf8'));
  });

  it('loads with loadCorpus and builds to the requested number of passages (±10%)', () => {
    expect(corpus.sources.length).toBe(written.sources);
    expect(corpus.entities.length).toBeGreaterThan(0);
    expect(written.passages).toBeGreaterThanOrEqual(1_000);
    expect(knowledge.passages.length).toBe(written.passages);
    expect(knowledge.passages.length).toBeGreaterThanOrEqual(900);
    expect(knowledge.passages.length).toBeLessThanOrEqual(1_100);
  });

  it('has articles of 15–40 paragraphs (the last may be cut short to meet the count)', () => {
    for (const s of corpus.sources.slice(0, -1)) {
      expect(s.paragraphs.length).toBeGreaterThanOrEqual(15);
      expect(s.paragraphs.length).toBeLessThanOrEqual(40);
    }
  });

  it('names the people of entities.yaml, so mentions resolve to curated entities', () => {
    const text = corpus.sources.flatMap((s) => s.paragraphs).join('\n');
    for (const name of ['Mohammed bin Abdulrahman Al Thani', 'Bill Burns', 'Brett McGurk', 'Benjamin Netanyahu'])
      expect(text).toContain(name);
    const mentioned = new Set(knowledge.passages.flatMap((p) => p.mentions.map((m) => m.entityId)));
    const curated = loadEntities('corpus/entities.yaml').entities.filter((e) => e.kind === 'person' && e.roles.length > 0);
    expect(curated.filter((e) => mentioned.has(e.id)).length).toBeGreaterThan(curated.length / 2);
  });

  it('states dates in many forms and deal terms, which resolve and tag', () => {
    const text = corpus.sources.flatMap((s) => s.paragraphs).join('\n');
    expect(text).toMatch(/on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/);
    expect(text).toMatch(/on (Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{1,2}\b/);
    expect(text).toMatch(/on \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 202[345]/);
    expect(text).toMatch(/in exchange for [\d,]+ Palestinian prisoners/);
    expect(knowledge.passages.filter((p) => p.dates.length > 0).length).toBeGreaterThan(200);
    expect(knowledge.passages.filter((p) => p.terms.length > 0).length).toBeGreaterThan(100);
  });

  it('has no near-duplicate sources and no passage copied between sources', () => {
    const sets = corpus.sources.map((s) => shingleSet(s.paragraphs));
    let most = 0;
    for (const [i, a] of sets.entries()) {
      for (const b of sets.slice(i + 1)) most = Math.max(most, sharedCount(a, b) / Math.min(a.length, b.length));
    }
    expect(most).toBeLessThan(NEAR_CONTAINMENT / 2);
    expect(knowledge.copyGroupOf.size).toBe(0);
  });
});
