/**
 * The answer cache: a question asked again is answered from memory, per knowledge base, so a reloaded corpus never
 * answers from the old one; the least recently used answers are forgotten first.
 */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer.ts';
import { ANSWER_CACHE_SIZE, cachedAnswer, clearAnswerCache } from '../../src/answers/answer-cache.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';

const answer = (query: string): Answer => ({
  command: 'search',
  query,
  title: query,
  found: false,
  results: [],
  total: 0,
  notes: [],
  suggestions: [],
});
const knowledgeBase = () => ({}) as Knowledge;

describe('the answer cache', () => {
  it('answers the same question on the same knowledge base once', () => {
    const k = knowledgeBase();
    let computed = 0;
    const ask = () => cachedAnswer(k, 'q', () => (computed++, answer('q')));
    expect(ask()).toBe(ask());
    expect(computed).toBe(1);
  });

  it('keeps each knowledge base apart: a reload never answers from the corpus before it', () => {
    const [before, after] = [knowledgeBase(), knowledgeBase()];
    cachedAnswer(before, 'q', () => answer('old'));
    expect(cachedAnswer(after, 'q', () => answer('new')).query).toBe('new');
  });

  it('forgets the least recently used answer first, and everything when cleared', () => {
    const k = knowledgeBase();
    cachedAnswer(k, 'first', () => answer('first'));
    for (let i = 0; i < ANSWER_CACHE_SIZE - 1; i++) cachedAnswer(k, `q${i}`, () => answer(`q${i}`));
    cachedAnswer(k, 'first', () => answer('recomputed')); // used again: now the most recent
    cachedAnswer(k, 'one more', () => answer('one more')); // evicts q0, not "first"
    expect(cachedAnswer(k, 'first', () => answer('recomputed')).query).toBe('first');
    expect(cachedAnswer(k, 'q0', () => answer('recomputed')).query).toBe('recomputed');
    clearAnswerCache(k);
    expect(cachedAnswer(k, 'first', () => answer('after clear')).query).toBe('after clear');
  });
});
