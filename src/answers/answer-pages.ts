/**
 * One page of a command's ranked results as an Answer. Every command's list passes here, so this is where a passage
 * that several sources carry is shown once, with `also_in` (`collapseCopies`), and where `total` is counted. Apart
 * from `answer.ts`, which only says what an Answer is, so that the copy rules can read the result types without a loop.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Answer, QuoteResult } from './answer.ts';
import { collapseCopies } from './collapse-copies.ts';

/** Results past the page that are still checked for copies of one another. */
export const COLLAPSE_MARGIN = 45;

export type AnswerHead = Pick<Answer, 'command' | 'query' | 'title'> & Partial<Pick<Answer, 'notes' | 'entity'>>;

/**
 * One page of a full result list as an Answer: `total` counts them all, `results` holds the page. Every command's
 * list passes here, so this is where a passage that several sources carry is shown once, with `also_in`.
 *
 * @example
 * pageOf(knowledge, { command: 'search', query: 'cell', title: 'Search: cell' }, results, 5, 0).total // → results without copies
 */
export function pageOf(knowledge: Knowledge, head: AnswerHead, results: readonly QuoteResult[], limit: number, offset: number): Answer {
  const window = offset + limit + COLLAPSE_MARGIN;
  // a list short enough is passed as it is: one collapsed before is not collapsed again
  return pageFrom(
    knowledge,
    head,
    results.length > window ? results.slice(0, window) : results,
    Math.max(0, results.length - window),
    limit,
    offset,
  );
}

/**
 * `pageOf` for a list whose results are costly to build (a quote per search hit): only the page and the margin
 * copies are looked for in are turned into results; the others are only counted (the total is then at most that).
 * On a large corpus a common word matches tens of thousands of passages.
 *
 * @example
 * pageOfHits(knowledge, head, tenThousandHits, (h) => quoteOf(h), 5, 0).total // → about 10,000; 50 quotes built
 */
export function pageOfHits<T>(
  knowledge: Knowledge,
  head: AnswerHead,
  hits: readonly T[],
  toResult: (hit: T) => QuoteResult,
  limit: number,
  offset: number,
): Answer {
  const window = offset + limit + COLLAPSE_MARGIN;
  return pageFrom(knowledge, head, hits.slice(0, window).map(toResult), Math.max(0, hits.length - window), limit, offset);
}

/**
 * `pageOfHits` for a ranking of which only the top is in order: `top` holds at least the page and the margin after it,
 * `count` how many hits the whole ranking has. An answer that ranks tens of thousands of candidates orders only these.
 *
 * @example
 * pageOfTop(knowledge, head, topRanked(hits, byScore, 50), hits.length, (h) => quoteOf(h), 5, 0) // → as pageOfHits(…, sorted hits, …)
 */
export function pageOfTop<T>(
  knowledge: Knowledge,
  head: AnswerHead,
  top: readonly T[],
  count: number,
  toResult: (hit: T) => QuoteResult,
  limit: number,
  offset: number,
): Answer {
  const window = offset + limit + COLLAPSE_MARGIN;
  return pageFrom(knowledge, head, top.slice(0, window).map(toResult), Math.max(0, count - window), limit, offset);
}

/** The page from the results copies are looked for in, and how many more there are. */
function pageFrom(
  knowledge: Knowledge,
  head: AnswerHead,
  windowed: readonly QuoteResult[],
  uncounted: number,
  limit: number,
  offset: number,
): Answer {
  const shown = collapseCopies(knowledge, windowed);
  return {
    notes: [],
    ...head,
    found: shown.length > 0,
    results: shown.slice(offset, offset + limit),
    total: shown.length + uncounted,
    suggestions: [],
  };
}
