/**
 * `npm run eval:unseen` — the "never-seen articles" evaluation.
 *
 * Builds a throw-away corpus: a copy of the bundled corpus/ (sources and entities.yaml unchanged), plus every
 * article in test/eval/unseen/articles/ and every page in test/fixtures/pages/ (.txt/.html), each ingested with the
 * project's own CLI (`tsx src/cli/ingest.ts`, no flags). Then it scores test/eval/unseen-questions.jsonl with the
 * shared scorer (../shared/eval/score.mjs) against that corpus. It always exits 0: the figures are the result.
 * `--keep` leaves the temporary corpus in place (its path is printed) for a closer look at the misses.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const scorer = resolve(root, '../shared/eval/score.mjs');
const questions = join(root, 'test/eval/unseen-questions.jsonl');
const keep = process.argv.includes('--keep');
const PAGE = /\.(?:txt|html?)$/i;

function pages(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => PAGE.test(f)).sort().map((f) => relative(root, join(dir, f)));
}
const sourceCount = (dir: string): number => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).length : 0);

function main(): void {
  if (!existsSync(scorer)) {
    console.error(`eval:unseen: the shared scorer is missing: ${scorer}\n(expected ../shared/eval/score.mjs next to the project)`);
    return;
  }
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
    console.log(`ingest: ${files.length} pages (${articles.length} unseen articles + ${fixtures.length} fixture pages) -> ${added} added, ${files.length - added} refused; exit ${ingest.status}; corpus now ${bundled + added} sources`);
    for (const line of (ingest.stderr ?? '').split('\n').filter((l) => l.trim() !== '')) console.log(`  ${line}`);
    console.log(`  (full ingest report: ${keep ? log : 'run with --keep to keep it'})\n`);

    const score = spawnSync(process.execPath, [scorer, questions], { cwd: root, env, stdio: 'inherit' });
    if (score.error) console.error(`eval:unseen: could not run the scorer: ${score.error.message}`);
    else if (score.status !== 0) console.error(`eval:unseen: the scorer exited with status ${score.status}`);
  } finally {
    if (keep) console.log(`\ntemporary corpus kept at ${corpus}`);
    else rmSync(corpus, { recursive: true, force: true });
  }
}

main();
process.exitCode = 0;
