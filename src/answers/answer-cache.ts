/**
 * Recent answers, per knowledge base: the same question asked again — a popular `/terms` topic, a name everyone
 * looks up, a page turned back — is answered from memory. The cache belongs to one knowledge base, so a reload
 * (which builds a new one) starts afresh and no answer outlives the corpus it came from. Least recently used
 * answers go first. Answers are shared, never changed after they are made.
 *
 * @example
 * cachedAnswer(knowledge, 'who\u0000{"name":"McGurk"}\u00005:0', () => answerWho(knowledge, 'McGurk'))
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { knowledgeView } from '../knowledge/knowledge-view.ts';
import type { Answer } from './answer.ts';

/** Answers kept per knowledge base: a few megabytes at most. */
export const ANSWER_CACHE_SIZE = 1000;

/** The answers given from a knowledge base; an update brings a new one, whose answers are worked out afresh. */
const ANSWERS_GIVEN = knowledgeView({ name: 'answers given', compute: () => new Map<string, Answer>(), carry: null });
const counts = { hits: 0, misses: 0 };

export function cachedAnswer(knowledge: Knowledge, key: string, compute: () => Answer): Answer {
  const cache = ANSWERS_GIVEN.of(knowledge);
  const known = cache.get(key);
  if (known) {
    counts.hits++;
    // most recently used last: a Map keeps insertion order
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  counts.misses++;
  const answer = compute();
  if (cache.size >= ANSWER_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, answer);
  return answer;
}

/** How many answers came from the cache since the process started (for the benchmark). */
export function answerCacheCounts(): { hits: number; misses: number } {
  return { ...counts };
}

/** Forgets a knowledge base's answers: the benchmark times answers worked out afresh this way. */
export function clearAnswerCache(knowledge: Knowledge): void {
  ANSWERS_GIVEN.peek(knowledge)?.clear();
}
