import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { splitIntoPassages } from '../../src/passages/passage.ts';
import { splitSentences } from '../../src/text/sentences.ts';

describe('sentences', () => {
  it('do not end at abbreviations, initials or inside a quotation', () => {
    expect(splitSentences('By Nov. 12, Biden had had enough. He called the emir.').map((s) => s.text)).toEqual([
      'By Nov. 12, Biden had had enough.',
      'He called the emir.',
    ]);
    expect(splitSentences('The U.S. President spoke. Then he left.')).toHaveLength(2);
    expect(splitSentences('“Hamas was angry. We all were angry.” Then talks resumed.').map((s) => s.text)).toEqual([
      '“Hamas was angry. We all were angry.”',
      'Then talks resumed.',
    ]);
  });

  it('are exact slices of the paragraph', () => {
    const p = 'One sentence here.  Another one “quoted.” A third!';
    for (const s of splitSentences(p)) expect(p.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('passages', () => {
  const corpus = loadCorpus('corpus');
  const all = corpus.sources.flatMap(splitIntoPassages);

  it('stay inside one paragraph, hold 1–3 sentences and fit an embed field with room to spare', () => {
    for (const p of all) {
      const source = corpus.sources.find((s) => s.id === p.sourceId);
      expect(source?.paragraphs[p.paragraph - 1]).toContain(p.text);
      expect(p.sentences.length).toBeGreaterThanOrEqual(1);
      expect(p.sentences.length).toBeLessThanOrEqual(3);
      expect(p.text.length).toBeLessThan(1000);
    }
  });

  it('have ids <source id>#<n> that are the same on every run', () => {
    const again = loadCorpus('corpus').sources.flatMap(splitIntoPassages);
    expect(again.map((p) => [p.id, p.text])).toEqual(all.map((p) => [p.id, p.text]));
    expect(all[0]?.id).toMatch(/^[a-z0-9_-]+#1$/);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
  });

  it('skip subheadings such as "Captured soldiers"', () => {
    expect(all.some((p) => p.text === 'Captured soldiers')).toBe(false);
  });
});
