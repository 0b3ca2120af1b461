/**
 * The scorer of the question-set evaluations (`npm run eval:unseen`), kept in the repository so that the evaluation
 * needs nothing beside the checkout. It asks every question through ONE `tsx src/cli/ask.ts --json` process (one
 * "/cmd query" line in, one JSON line out), which takes seconds where a process per question took minutes.
 *
 * It reads the answers only as the CLI's JSON contract gives them (`results[].quote`, `.source.id`, `.date`) and
 * imports nothing from src/, so that the engine is judged from outside. The figures, over the top K = 3 results:
 * - hit@1, hit@3: the first quote, or one of the three, matches every `expect` regex of the question
 *   (case-insensitive), read as a user sees it: whitespace flattened and cut to 1,024 characters, one embed field;
 * - MRR@3: the mean of 1/rank of the first such quote (0 when none of the three is);
 * - date@3: over the questions with a `date`, one of the three results has a date that starts with it (so
 *   "2025-03" accepts any day of March 2025);
 * - verbatim: the share of shown quotes that are the source's own words: each fragment between ellipses ("…" or
 *   "...") occurs in the source's body, whitespace and quote style folded;
 * - a line per command: hit@3 for each, and date@3 where its questions are dated.
 * A question whose answer is missing or unreadable counts as an error: a miss for hit@k and MRR (whose denominator is
 * every question), left out of date@3 and verbatim (which count only what was shown).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** How many results a question is judged on. */
export const TOP_K = 3;
/** What one embed field shows of a quote: a match past it is one the user never sees. */
const SHOWN_CHARACTERS = 1024;

/** One line of a question set. */
export interface EvalQuestion {
  id: string;
  cmd: string;
  q?: string;
  /** Regexes (case-insensitive) that must all match the same quote. */
  expect: string[];
  /** An expected date, or its prefix (YYYY-MM for a month). */
  date?: string;
}

/** One result as the CLI's JSON gives it; only these fields are read. */
export interface EvalResult {
  quote?: string;
  text?: string;
  source?: { id?: string };
  date?: string | null;
}

/** The answer to one question, or why there is none. */
export type EvalReply = { results: EvalResult[] } | { error: string };

/**
 * Reads a question set: one JSON object per line, blank lines skipped.
 *
 * @example
 * readQuestions('test/eval/unseen-questions.jsonl')[0] // → { id: 'who-witkoff', cmd: 'who', q: 'Steve Witkoff', expect: [...] }
 */
export function readQuestions(path: string): EvalQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalQuestion);
}

/**
 * The console line that asks a question: its whitespace folded, since each line is one question.
 *
 * @example
 * commandLine({ id: 'x', cmd: 'who', q: 'Steve\nWitkoff', expect: [] }) // → '/who Steve Witkoff'
 */
export function commandLine(question: EvalQuestion): string {
  return `/${question.cmd} ${question.q ?? ''}`.replace(/\s+/g, ' ').trim();
}

/** True for a parsed line that is an answer: an object with a results array. */
function isAnswer(value: unknown): value is { results: EvalResult[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { results?: unknown }).results);
}

/**
 * Reads the CLI's output: the answers in order, one per JSON line that has a results array (any other line is not an
 * answer and is skipped).
 *
 * @example
 * answersIn('{"results":[]}\nnot json\n{"results":[{"quote":"x"}]}') // → [{ results: [] }, { results: [{ quote: 'x' }] }]
 */
export function answersIn(stdout: string): Array<{ results: EvalResult[] }> {
  const answers: Array<{ results: EvalResult[] }> = [];
  for (const line of stdout.split('\n')) {
    if (!line.trimStart().startsWith('{')) continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (isAnswer(parsed)) answers.push(parsed);
    } catch {
      // a line that only looks like JSON: not an answer
    }
  }
  return answers;
}

/**
 * Asks every question through one `tsx src/cli/ask.ts --json` process run in `cwd` (so with its corpus: set
 * CORPUS_DIR in `env`). A question the process did not answer (it stopped early) gets an error.
 *
 * @example
 * askAll(questions, { cwd: root, env: { ...process.env, CORPUS_DIR: corpus } }) // → one EvalReply per question
 */
export function askAll(questions: EvalQuestion[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): EvalReply[] {
  const input = questions.map((q) => `${commandLine(q)}\n`).join('');
  const run = spawnSync('npx', ['tsx', 'src/cli/ask.ts', '--json'], {
    cwd: options.cwd,
    env: options.env,
    input,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    timeout: options.timeoutMs ?? 10 * 60_000,
  });
  const answers = answersIn(run.stdout ?? '');
  const lastError = (run.stderr ?? '').trim().split('\n').pop() ?? '';
  const why = run.error ? run.error.message : `ask exited with status ${run.status ?? run.signal}${lastError ? `: ${lastError}` : ''}`;
  if (answers.length > questions.length)
    return questions.map(() => ({ error: `${answers.length} answers to ${questions.length} questions: cannot pair them` }));
  return questions.map((_q, i) => answers[i] ?? { error: `no answer (${why})` });
}

/**
 * Whitespace and quote-style folding, as quotes are compared with source bodies.
 *
 * @example
 * foldText('“Deal”  is\n‘done’') // → '"Deal" is \'done\''
 */
export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A quote as a user sees it in one embed field: whitespace flattened, cut to 1,024 characters.
 *
 * @example
 * shownText('a\n\nb') // → 'a b'
 */
export function shownText(quote: string): string {
  return quote.replace(/\s+/g, ' ').slice(0, SHOWN_CHARACTERS);
}

/**
 * The folded body of every source in `corpusDir`/sources, by id (the front matter's `id:`, else the file name).
 * Empty when there is no such folder: then verbatim is not judged.
 */
export function sourceBodies(corpusDir: string): Map<string, string> {
  const bodies = new Map<string, string>();
  const dir = join(corpusDir, 'sources');
  if (!existsSync(dir)) return bodies;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    const id = /^id:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(text)?.[1] ?? file.replace(/\.md$/, '');
    bodies.set(id, foldText(text.replace(/^---[\s\S]*?\n---\n/, '')));
  }
  return bodies;
}

/**
 * True when every fragment of the quote between ellipses occurs in the folded source body (quote marks around a
 * fragment aside).
 *
 * @example
 * isVerbatim('“Talks resumed … in Doha.”', 'Talks resumed on Friday in Doha.') // → true
 */
export function isVerbatim(quote: string, foldedBody: string): boolean {
  return foldText(quote)
    .split(/\s*(?:…|\.\.\.)\s*/)
    .map((fragment) => fragment.replace(/^["'«]+|["'»]+$/g, '').trim())
    .filter((fragment) => fragment !== '')
    .every((fragment) => foldedBody.includes(fragment));
}

/**
 * The rank (0-based) of the first result whose shown text matches every regex, or -1.
 *
 * @example
 * rankOf([{ quote: 'Barnea met al-Thani' }, { quote: 'Witkoff, the envoy' }], ['witkoff', 'envoy']) // → 1
 */
export function rankOf(results: EvalResult[], expect: string[]): number {
  const patterns = expect.map((e) => new RegExp(e, 'i'));
  return results.findIndex((r) => patterns.every((p) => p.test(shownText(r.quote ?? r.text ?? ''))));
}

/** Counts for one command (or the whole set). */
interface Tally {
  questions: number;
  hit1: number;
  hitK: number;
  reciprocal: number;
  dated: number;
  dateHits: number;
}

const emptyTally = (): Tally => ({ questions: 0, hit1: 0, hitK: 0, reciprocal: 0, dated: 0, dateHits: 0 });

/** The figures of a run, and a line per miss. */
export interface EvalScore {
  /** ERROR, NOT-VERBATIM, MISS and DATE-MISS lines, in question order. */
  misses: string[];
  /** `questions=… errors=… hit@1=… hit@3=… MRR@3=… date@3=… verbatim=…` */
  summary: string;
  /** `who 2/25 (8.0%) · when 20/23 (87.0%), date@3 17/23 (73.9%) · …`: hit@3 per command. */
  perCommand: string;
}

const percent = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');
const preview = (text: string | undefined, length: number): string => JSON.stringify(shownText(text ?? '').slice(0, length));

/**
 * Scores the replies to a question set against the corpus's source bodies.
 *
 * @example
 * scoreAnswers(questions, askAll(questions, { cwd, env }), sourceBodies(corpus)).summary
 * // → 'questions=74 errors=0 hit@1=40.5% hit@3=54.1% MRR@3=0.464 date@3=73.9% verbatim=100.0%'
 */
export function scoreAnswers(questions: EvalQuestion[], replies: EvalReply[], bodies: Map<string, string>): EvalScore {
  const misses: string[] = [];
  const total = emptyTally();
  const byCommand = new Map<string, Tally>();
  let errors = 0;
  let shown = 0;
  let verbatim = 0;
  questions.forEach((q, i) => {
    const tally = byCommand.get(q.cmd) ?? emptyTally();
    byCommand.set(q.cmd, tally);
    for (const t of [total, tally]) t.questions++;
    const reply = replies[i] ?? { error: 'no reply' };
    if ('error' in reply) {
      errors++;
      misses.push(`ERROR ${q.id}: ${reply.error}`);
      return;
    }
    const top = reply.results.slice(0, TOP_K);
    for (const r of top) {
      shown++;
      const body = bodies.get(r.source?.id ?? '');
      if (body !== undefined && isVerbatim(r.quote ?? r.text ?? '', body)) verbatim++;
      else if (bodies.size > 0) misses.push(`NOT-VERBATIM ${q.id}: ${preview(r.quote ?? r.text, 90)} (source ${r.source?.id})`);
    }
    const rank = rankOf(top, q.expect);
    for (const t of [total, tally]) {
      if (rank === 0) t.hit1++;
      if (rank >= 0) {
        t.hitK++;
        t.reciprocal += 1 / (rank + 1);
      }
    }
    if (rank < 0) misses.push(`MISS ${q.id} (/${q.cmd} "${q.q ?? ''}"): top=${preview(top[0]?.quote ?? top[0]?.text, 100)}`);
    if (q.date === undefined) return;
    const dateHit = top.some((r) => String(r.date ?? '').startsWith(q.date ?? ''));
    for (const t of [total, tally]) {
      t.dated++;
      if (dateHit) t.dateHits++;
    }
    if (!dateHit) misses.push(`DATE-MISS ${q.id}: wanted ${q.date}, got ${JSON.stringify(top.map((r) => r.date ?? null))}`);
  });
  const n = total.questions;
  const mrr = n > 0 ? (total.reciprocal / n).toFixed(3) : 'n/a';
  const summary =
    `questions=${n} errors=${errors} hit@1=${percent(total.hit1, n)} hit@${TOP_K}=${percent(total.hitK, n)} ` +
    `MRR@${TOP_K}=${mrr} date@${TOP_K}=${percent(total.dateHits, total.dated)} verbatim=${bodies.size > 0 ? percent(verbatim, shown) : 'n/a'}`;
  const perCommand = [...byCommand]
    .map(([cmd, t]) => {
      const line = `${cmd} ${t.hitK}/${t.questions} (${percent(t.hitK, t.questions)})`;
      return t.dated > 0 ? `${line}, date@${TOP_K} ${t.dateHits}/${t.dated} (${percent(t.dateHits, t.dated)})` : line;
    })
    .join(' · ');
  return { misses, summary, perCommand };
}
