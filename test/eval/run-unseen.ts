/**
 * `npm run eval:unseen` — the "never-seen articles" evaluation.
 *
 * Builds a throw-away corpus: a copy of the bundled corpus/ (sources and entities.yaml unchanged), plus every
 * article in test/eval/unseen/articles/ and every page in test/fixtures/pages/ (.txt/.html), each ingested with the
 * project's own CLI (`tsx src/cli/ingest.ts`, no flags). Then it asks test/eval/unseen-questions.jsonl of that corpus
 * through one `tsx src/cli/ask.ts --json` process and scores the answers with the repository's own scorer
 * (score-answers.ts beside this file: hit@1, hit@3, MRR@3, date@3, verbatim, and a line per command). It needs
 * nothing beside the checkout, and it always exits 0: the figures are the result. `--keep` leaves the temporary
 * corpus in place (its path is printed) for a closer look at the misses.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { askAll, readQuestions, scoreAnswers, sourceBodies } from './score-answers.ts';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const questions = join(root, 'test/eval/unseen-questions.jsonl');
const keep = process.argv.includes('--keep');
const PAGE = /\.(?:txt|html?)$/i;

function pages(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => PAGE.test(f))
    .sort()
    .map((f) => relative(root, join(dir, f)));
}
const sourceCount = (dir: string): number => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).length : 0);

function main(): void {
  if (!existsSync(questions)) {
    console.error(`eval:unseen: no question set at ${questions}`);
    return;
  }
  const articles = pages(join(root, 'test/eval/unseen/articles'));
  const fixtures = pages(join(root, 'test/fixtures/pages'));
  if (articles.length === 0) console.error('eval:unseen: warning: test/eval/unseen/articles/ has no .txt/.html article');

  const corpus = mkdtempSync(join(tmpdir(), 'talks-unseen-'));
  try {
    cpSync(join(root, 'corpus'), corpus, { recursive: true, filter: (path) => !/[\\/]\.cache(?:[\\/]|$)/.test(path) });
    const bundled = sourceCount(join(corpus, 'sources'));
    const env = { ...process.env, CORPUS_DIR: corpus };

    const files = [...articles, ...fixtures];
    const ingest = spawnSync('npx', ['tsx', 'src/cli/ingest.ts', ...files], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 << 20 });
    const log = join(corpus, 'ingest.log');
    writeFileSync(log, `${ingest.stdout ?? ''}\n--- stderr ---\n${ingest.stderr ?? ''}`);
    if (ingest.error) console.error(`eval:unseen: could not run the ingest CLI: ${ingest.error.message}`);
    const added = sourceCount(join(corpus, 'sources')) - bundled;
    console.log(
      `ingest: ${files.length} pages (${articles.length} unseen articles + ${fixtures.length} fixture pages) -> ${added} added, ${files.length - added} refused; exit ${ingest.status}; corpus now ${bundled + added} sources`,
    );
    for (const line of (ingest.stderr ?? '').split('\n').filter((l) => l.trim() !== '')) console.log(`  ${line}`);
    console.log(`  (full ingest report: ${keep ? log : 'run with --keep to keep it'})\n`);

    const asked = readQuestions(questions);
    const started = Date.now();
    const replies = askAll(asked, { cwd: root, env });
    const score = scoreAnswers(asked, replies, sourceBodies(corpus));
    for (const line of score.misses) console.log(line);
    console.log(score.summary);
    console.log(score.perCommand);
    console.log(`(${asked.length} questions answered by one ask process in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    if (keep) console.log(`\ntemporary corpus kept at ${corpus}`);
    else rmSync(corpus, { recursive: true, force: true });
  }
}

main();
process.exitCode = 0;
