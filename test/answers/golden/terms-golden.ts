/**
 * The shape of `terms-before.json` and how an answer is reduced to it, shared by `make-terms-before.ts`, which wrote
 * the file once from the old `/terms`, and `terms-ranking.test.ts`, which holds today's `/terms` to it. Nothing here
 * imports src/: the file must be readable by the code of any commit.
 */
import { createHash } from 'node:crypto';

/** One question's first two pages (5 quotes each, offsets 0 and 5), as recorded. */
export interface GoldenAnswer {
  /** What was asked after `/terms`; '' is `/terms` with no topic. */
  question: string;
  /** The first page without its quotes: command, query, title, notes, found, total, suggestions. */
  answer: Record<string, unknown>;
  /** Each page's quotes in order, as [passage id, score]. */
  pages: Array<Array<[passageId: string, score: number]>>;
  /** sha256 of JSON.stringify of both pages whole: every field of every quote, what the test compared before. */
  sha256: string;
}

/** The answers on one corpus, and which passages they were recorded on. */
export interface GoldenCorpus {
  /** How many passages the corpus had, and a sha256 of their ids and texts (`passagesDigest`). */
  passages: { count: number; sha256: string };
  answers: GoldenAnswer[];
}

export interface GoldenFile {
  about: string;
  /** The commit whose code and corpus produced the file. */
  commit: string;
  bundled: GoldenCorpus;
  /** The synthetic corpus is written by `writeSyntheticCorpus` with these options. */
  synthetic: GoldenCorpus & { options: { passages: number; seed: number } };
}

/** The two pages the test compares: what a member sees, and the page after. */
export const PAGES = [0, 5] as const;
export const PAGE_SIZE = 5;

interface PageLike {
  results: ReadonlyArray<{ passage_id: string; score: number }>;
}

/** The note an answer that finds nothing gained after the recording: what the corpus covers (`corpusCoverage`). */
const COVERAGE_NOTE = /^The corpus holds /;

/**
 * A page as it was recorded: without what answers gained after the recording — a dated quote's `date_display`, each
 * source's `opening_words`, each `also_in` entry's `name`, the coverage note of an answer that finds nothing — which
 * describe the same sources and change no ranking. Every field and note the recording had is still compared.
 */
function asRecorded(page: PageLike): PageLike {
  const copy = structuredClone(page) as PageLike & {
    notes?: string[];
    results: Array<{ date_display?: string; source?: { opening_words?: string }; also_in?: Array<{ name?: string }> }>;
  };
  if (copy.notes) copy.notes = copy.notes.filter((n) => !COVERAGE_NOTE.test(n));
  for (const r of copy.results) {
    delete r.date_display;
    if (r.source) delete r.source.opening_words;
    for (const a of r.also_in ?? []) delete a.name;
  }
  return copy;
}

/** A question's two pages as the golden file records them. */
export function goldenOf(question: string, pages: readonly PageLike[]): GoldenAnswer {
  const recorded = pages.map(asRecorded);
  const { results: _results, ...answer } = recorded[0] ?? { results: [] };
  return {
    question,
    answer,
    pages: recorded.map((page) => page.results.map((r): [string, number] => [r.passage_id, r.score])),
    sha256: createHash('sha256').update(JSON.stringify(recorded)).digest('hex'),
  };
}

/** Which passages a corpus has: their ids and texts, in id order, hashed. */
export function passagesDigest(passages: ReadonlyArray<{ id: string; text: string }>): { count: number; sha256: string } {
  const hash = createHash('sha256');
  for (const p of [...passages].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) hash.update(`${p.id}\t${p.text}\n`);
  return { count: passages.length, sha256: hash.digest('hex') };
}
