/**
 * `/search` with a month or a year in the question: the period is not a word the quote must say, it says which
 * quotes come first; and a two-word phrase finds what the sources say in other words ("step back" → "suspending").
 */
import { describe, expect, it } from 'vitest';
import { answerSearch } from '../../src/answers/search.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';
import { emptyCorpus, testArticle, writeSource } from '../helpers/corpus.ts';

const dir = emptyCorpus();
writeSource(
  dir,
  'spring-strikes',
  testArticle('spring-strikes', 'Qatar condemned the strikes and urged the mediators to keep the talks alive.', '2025-03-19'),
);
writeSource(
  dir,
  'autumn-pause',
  testArticle(
    'autumn-pause',
    'Qatar told both sides that it was suspending its role as a mediator until they showed they were serious.',
    '2024-11-13',
  ),
);
writeSource(dir, 'winter-note', testArticle('winter-note', 'Aid deliveries slowed again in the north.', '2024-11-20'));
const knowledge = buildKnowledge(loadCorpus(dir));

describe('/search reads a period in the question as a preference, not as words', () => {
  it('finds the November 2024 quote although it never says "November" or "2024"', () => {
    const a = answerSearch(knowledge, 'why did Qatar step back from mediating in November 2024');
    expect(a.results[0]?.source.id).toBe('autumn-pause');
  });

  it('without the period, the same words still find it through "step back" → "suspending"', () => {
    const a = answerSearch(knowledge, 'Qatar step back mediating');
    expect(a.results.map((r) => r.source.id)).toContain('autumn-pause');
  });

  it('a question that is only a period is searched as typed', () => {
    expect(answerSearch(knowledge, 'November 2024').found).toBe(false);
  });
});
