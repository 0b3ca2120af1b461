/**
 * Writes `terms-before.json` (or the file named): the answers of `/terms` as it ranked before commit 2209328 ("/terms
 * ranks only the page it shows"), with the recall floor of 05278fe, for every question terms-ranking.test.ts asks, on
 * the bundled corpus and on a synthetic one of 6,000 passages. That algorithm was kept in the repository as
 * test/answers/reference/terms-before.ts until commit a3f584f; this script extracts that commit into a temporary folder
 * and runs its code and its corpus there with today's vocabulary (`VOCABULARY`), so the file comes out byte for byte
 * the same whatever else src/ has become.
 *
 *   npx tsx test/answers/golden/make-terms-before.ts [out.json]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type GoldenCorpus, type GoldenFile, goldenOf, PAGE_SIZE, PAGES, passagesDigest } from './terms-golden.ts';

const COMMIT = 'a3f584f17986a59173abdde185a2520d8f740c1b';
/** The fixed questions; the benchmark's /terms questions (count 120, seed 5) are added to them. */
const TOPICS = [
  '',
  'ratio',
  'hostages',
  'length',
  'aid',
  'final deal',
  'prisoners',
  'cease-fire length',
  'conditions',
  'exchange ratio',
  'humanitarian aid',
  'how many hostages',
  'how long is the pause',
  'aid trucks per day',
  'prisoners for each hostage',
  'the November 2023 truce',
  'January 2025 deal',
  'hostages released in January 2025',
  'latest deal length',
  'US-Russia prisoner swap',
  'swap in Ankara',
  'proposals',
  'rejections',
  'red lines',
];
const SYNTHETIC = { passages: 6000, seed: 2 };
/**
 * The files that decide which words a query also looks for, copied from the working tree over the old commit's: the
 * ranking recorded is the old one, the words it ranks by are today's (WordNet's synonyms came after the commit).
 */
const VOCABULARY = ['src/search/synonyms.ts', 'src/lexicon'];

// the little of the old code's types this script reads
interface Passage {
  id: string;
  text: string;
}
interface Knowledge {
  passages: Passage[];
}
interface Corpus {
  entities: unknown;
}
interface Page {
  results: Array<{ passage_id: string; score: number }>;
}

/** JSON on one line, with a space after each comma and colon. */
function flat(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flat).join(', ')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${flat(v)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

/** JSON indented only where a value does not fit on one line of 120 characters. */
function format(value: unknown, indent = '', prefix = ''): string {
  const line = flat(value);
  if (typeof value !== 'object' || value === null || indent.length + prefix.length + line.length <= 120) return line;
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((v) => inner + format(v, inner))
    : Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, `${JSON.stringify(k)}: `)}`);
  return Array.isArray(value) ? `[\n${items.join(',\n')}\n${indent}]` : `{\n${items.join(',\n')}\n${indent}}`;
}

const root = resolve(import.meta.dirname, '../../..');
const out = resolve(process.argv[2] ?? join(import.meta.dirname, 'terms-before.json'));
const tree = mkdtempSync(join(tmpdir(), 'talks-terms-before-'));
try {
  execFileSync('sh', ['-c', 'git -C "$1" archive "$2" | tar -x -C "$3"', 'sh', root, COMMIT, tree]);
  symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
  // the vocabulary is today's: the file records how /terms ranked, and which words count as synonyms is not that
  for (const path of VOCABULARY) cpSync(join(root, path), join(tree, path), { recursive: true });
  const load = async <T>(path: string) => (await import(pathToFileURL(join(tree, path)).href)) as T;
  const { loadCorpus } = await load<{ loadCorpus: (dir: string) => Corpus }>('src/corpus/load-corpus.ts');
  const { buildKnowledge } = await load<{ buildKnowledge: (corpus: Corpus) => Knowledge }>('src/knowledge/knowledge.ts');
  const { prepareAnswers } = await load<{ prepareAnswers: (knowledge: Knowledge) => Knowledge }>('src/answers/prepare-answers.ts');
  const { benchQueries } = await load<{
    benchQueries: (source: { entities: unknown; texts: string[] }, options: { count: number; seed: number }) => { terms: string[] };
  }>('src/bench/bench-queries.ts');
  const { writeSyntheticCorpus } = await load<{ writeSyntheticCorpus: (dir: string, options: typeof SYNTHETIC) => void }>(
    'src/bench/synthetic-corpus.ts',
  );
  const { answerTerms } = await load<{ answerTerms: (knowledge: Knowledge, topic: string | null, limit: number, offset: number) => Page }>(
    'test/answers/reference/terms-before.ts',
  );

  const record = (dir: string): GoldenCorpus => {
    const corpus = loadCorpus(dir);
    const knowledge = prepareAnswers(buildKnowledge(corpus));
    const bench = benchQueries({ entities: corpus.entities, texts: knowledge.passages.map((p) => p.text) }, { count: 120, seed: 5 });
    const questions = [...new Set([...TOPICS, ...bench.terms])];
    const answers = questions.map((question) =>
      goldenOf(
        question,
        PAGES.map((offset) => answerTerms(knowledge, question === '' ? null : question, PAGE_SIZE, offset)),
      ),
    );
    return { passages: passagesDigest(knowledge.passages), answers };
  };
  const synthetic = join(tree, 'synthetic');
  writeSyntheticCorpus(synthetic, SYNTHETIC);
  const file: GoldenFile = {
    about:
      "/terms as it ranked before commit 2209328, with 05278fe's recall floor: each question's first two pages of 5, from test/answers/reference/terms-before.ts at the commit below; see README.md",
    commit: COMMIT,
    bundled: record(join(tree, 'corpus')),
    synthetic: { options: SYNTHETIC, ...record(synthetic) },
  };
  writeFileSync(out, `${format(file)}\n`);
  console.log(
    `${out}: ${file.bundled.answers.length} questions on the bundled corpus, ${file.synthetic.answers.length} on the synthetic one`,
  );
} finally {
  rmSync(tree, { recursive: true, force: true });
}
