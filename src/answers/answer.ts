/**
 * The transport-neutral answer every command returns. The console, the JSON output and Discord embeds all render
 * this one object, so every face of the bot shows the same quotes. Field names here are the JSON contract.
 */
import type { Source } from '../corpus/source-schema.ts';
import type { Granularity } from '../dates/resolve-dates.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { SpeakerAttribution } from '../passages/speakers.ts';
import type { TermTopic } from '../passages/terms-tags.ts';
import { collapseCopies } from './collapse-copies.ts';

export interface SourceRef {
  id: string;
  title: string | null;
  outlet: string | null;
  authors: string[];
  published: string | null;
  published_basis: 'stated' | 'inferred' | 'unknown';
  published_evidence: string;
  reports_on: string | null;
  url: string | null;
}

/** Another source that carries the same passage (or a near-identical one), shown once under the first. */
export interface AlsoIn {
  passage_id: string;
  source_id: string;
  outlet: string | null;
  published: string | null;
}

export interface QuoteResult {
  /** The source's own words: whole sentences, "…" where the passage was cut. */
  quote: string;
  passage_id: string;
  source: SourceRef;
  score: number;
  /** The event date the command resolved, YYYY-MM-DD (first day of the period for coarser granularity). */
  date?: string;
  granularity?: Granularity;
  /**
   * The words that give the date, and where they stand: in the quote itself, in the paragraph before it, in the
   * article's opening paragraph (the day an undated early paragraph reports), or nowhere in the text: `publication`
   * is the day the source was published, for a quote that dates nothing itself ("reported on …").
   */
  date_text?: string;
  date_basis?: 'quote' | 'preceding-paragraph' | 'opening-paragraph' | 'publication';
  speaker?: { name: string; entity_id: string | null; direct: boolean };
  topics?: TermTopic[];
  /** The other sources with the same passage (or a near-identical one, giving the same date): shown once, here. */
  also_in?: AlsoIn[];
}

export interface EntitySummary {
  id: string;
  name: string;
  kind: string;
  roles: string[];
  description: string;
}

export interface Answer {
  command: string;
  query: string | null;
  /** A short heading: "Who is David Barnea?", "When: Raanans freed". */
  title: string;
  /** False when nothing passed the relevance threshold: `results` is empty and `suggestions` say what to try. */
  found: boolean;
  results: QuoteResult[];
  /** How many results exist in all, for pagination (results hold one page). */
  total: number;
  /** Plain statements the bot makes about the results, never quotes: sources that disagree, how a date was read. */
  notes: string[];
  suggestions: string[];
  entity?: EntitySummary;
  /** For a FAQ entry: the moderators' own answer text (not a quote) and the entry number. */
  faq?: { id: number; answer: string };
}

/** The attribution block of a source as every answer carries it. */
export function sourceRef(source: Source): SourceRef {
  return {
    id: source.id,
    title: source.title,
    outlet: source.outlet,
    authors: source.authors,
    published: source.published,
    published_basis: source.published_basis.kind,
    published_evidence: source.published_basis.evidence,
    reports_on: source.reports_on ?? null,
    url: source.url ?? null,
  };
}

/**
 * Who speaks in a quote, as an answer names them: the words the text uses, or — for "he said", "she told reporters" —
 * the person the pronoun stands for; a pronoun no one is known for is not shown ("quoting he" says nothing).
 *
 * @example
 * speakerOf(knowledge, { speaker: 'he', entityId: 'benjamin-netanyahu', direct: true, quote: '…' })
 * // → { name: 'Benjamin Netanyahu', entity_id: 'benjamin-netanyahu', direct: true }
 */
export function speakerOf(knowledge: Knowledge, s: SpeakerAttribution): QuoteResult['speaker'] {
  const pronoun = /^(?:he|she|they)$/i.test(s.speaker.trim());
  const name = pronoun ? (s.entityId ? knowledge.entityById.get(s.entityId)?.name : undefined) : s.speaker;
  return name === undefined ? undefined : { name, entity_id: s.entityId, direct: s.direct };
}

/** An answer with nothing to quote: says so, and offers what is close. */
export function notFound(command: string, query: string | null, title: string, suggestions: string[], note?: string): Answer {
  return { command, query, title, found: false, results: [], total: 0, notes: note ? [note] : [], suggestions };
}

/** Results past the page that are still checked for copies of one another. */
export const COLLAPSE_MARGIN = 45;

type AnswerHead = Pick<Answer, 'command' | 'query' | 'title'> & Partial<Pick<Answer, 'notes' | 'entity'>>;

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
  return pageFrom(knowledge, head, results.length > window ? results.slice(0, window) : results, Math.max(0, results.length - window), limit, offset);
}

/**
 * `pageOf` for a list whose results are costly to build (a quote per search hit): only the page and the margin
 * copies are looked for in are turned into results; the others are only counted (the total is then at most that).
 * On a large corpus a common word matches tens of thousands of passages.
 *
 * @example
 * pageOfHits(knowledge, head, tenThousandHits, (h) => quoteOf(h), 5, 0).total // → about 10,000; 50 quotes built
 */
export function pageOfHits<T>(knowledge: Knowledge, head: AnswerHead, hits: readonly T[], toResult: (hit: T) => QuoteResult, limit: number, offset: number): Answer {
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
export function pageOfTop<T>(knowledge: Knowledge, head: AnswerHead, top: readonly T[], count: number, toResult: (hit: T) => QuoteResult, limit: number, offset: number): Answer {
  const window = offset + limit + COLLAPSE_MARGIN;
  return pageFrom(knowledge, head, top.slice(0, window).map(toResult), Math.max(0, count - window), limit, offset);
}

/** The page from the results copies are looked for in, and how many more there are. */
function pageFrom(knowledge: Knowledge, head: AnswerHead, windowed: readonly QuoteResult[], uncounted: number, limit: number, offset: number): Answer {
  const shown = collapseCopies(knowledge, windowed);
  return { notes: [], ...head, found: shown.length > 0, results: shown.slice(offset, offset + limit), total: shown.length + uncounted, suggestions: [] };
}
