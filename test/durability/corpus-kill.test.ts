/**
 * No corpus change a moderator was told about is lost, and no corpus file is ever half-written: `/source-admin`'s
 * editor (add → reload, remove → reload) and `npm run ingest` are killed with SIGKILL at random moments, run after run
 * on the same corpus. After each kill every file in sources/ parses, every acknowledged addition is there byte for
 * byte, every acknowledged removal is in removed/, changes.jsonl records them, the corpus loads, and at the end the
 * bot's live knowledge opens it.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Dice, seededRandom } from '../bench/seeded-random.ts';
import { readChanges, sha256Of } from '../../src/corpus/corpus-changes.ts';
import { loadCorpus, sourceFileNames } from '../../src/corpus/load-corpus.ts';
import { parseSourceFile } from '../../src/corpus/source-file.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { emptyCorpus } from '../helpers/corpus.ts';
import { recordFigures } from './figures.ts';
import { generatedPage } from './generated-pages.ts';
import { bundleChild, runUntilKilled } from './killed-child.ts';

const RUNS = 30;
const SEED_SOURCE = 'raanans-freed-2023-10-20.md';

/** A folder of pages for one `npm run ingest` run. */
function pagesFor(run: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'talks-durability-pages-'));
  for (let n = 0; n < 6; n++) writeFileSync(join(dir, `page-${n}.txt`), generatedPage(`ingest run ${run} page ${n}`));
  return dir;
}

/**
 * What is wrong with the corpus after a kill, given what was acknowledged so far; empty when nothing is. An
 * acknowledged addition that a removal in flight moved to removed/ leaves `present`.
 */
function problemsIn(dir: string, present: Map<string, string | null>, removed: Set<string>): string[] {
  const problems: string[] = [];
  const kept = existsSync(join(dir, 'removed')) ? readdirSync(join(dir, 'removed')) : [];
  const names = sourceFileNames(join(dir, 'sources'));
  for (const name of names) {
    try {
      parseSourceFile(readFileSync(join(dir, 'sources', name), 'utf8'), `sources/${name}`);
    } catch (error) {
      problems.push(`half-written or broken: ${(error as Error).message}`);
    }
  }
  for (const [id, sha] of present) {
    const file = join(dir, 'sources', `${id}.md`);
    const movedTo = kept.find((f) => f.startsWith(`${id}.`));
    if (!existsSync(file) && movedTo !== undefined) {
      // a removal in flight at the kill (never acknowledged) moved it: it is kept, whole, in removed/
      if (sha !== null && sha256Of(readFileSync(join(dir, 'removed', movedTo))) !== sha)
        problems.push(`acknowledged addition changed: ${id}`);
      present.delete(id);
    } else if (!existsSync(file)) problems.push(`acknowledged addition lost: ${id}`);
    else if (sha !== null && sha256Of(readFileSync(file)) !== sha) problems.push(`acknowledged addition changed: ${id}`);
  }
  for (const id of removed) {
    if (existsSync(join(dir, 'sources', `${id}.md`))) problems.push(`acknowledged removal undone: ${id}`);
    if (!kept.some((f) => f.startsWith(`${id}.`))) problems.push(`acknowledged removal lost its file: ${id}`);
  }
  const recorded = new Set(readChanges(dir).map((c) => `${c.action} ${c.id}`));
  for (const id of [...present.keys(), ...removed]) if (!recorded.has(`add ${id}`)) problems.push(`no record of adding ${id}`);
  for (const id of removed) if (!recorded.has(`remove ${id}`)) problems.push(`no record of removing ${id}`);
  try {
    loadCorpus(dir);
  } catch (error) {
    problems.push(`the corpus does not load: ${(error as Error).message}`);
  }
  return problems;
}

describe('the corpus under kill -9', () => {
  let editorScript = '';
  let ingestScript = '';
  beforeAll(async () => {
    [editorScript, ingestScript] = await Promise.all([
      bundleChild('test/durability/corpus-writer-child.ts'),
      bundleChild('src/cli/ingest.ts'),
    ]);
  });

  it(`keeps every acknowledged change and never shows a half-written file, over ${RUNS} kills`, async () => {
    const dir = emptyCorpus();
    copyFileSync(join('corpus', 'sources', SEED_SOURCE), join(dir, 'sources', SEED_SOURCE));
    mkdirSync(join(dir, 'removed'), { recursive: true });
    const dice = new Dice(seededRandom(20261124));
    const present = new Map<string, string | null>();
    const removed = new Set<string>();
    let kills = 0;
    let acknowledged = 0;
    const problems: string[] = [];
    for (let run = 0; run < RUNS && problems.length === 0; run++) {
      const byCli = run % 3 === 2;
      const result = byCli
        ? await runUntilKilled(
            ingestScript,
            { CORPUS_DIR: dir },
            { afterAcks: dice.int(0, 5), delayMs: dice.int(0, 20) },
            {
              args: [pagesFor(run), '--outlet', 'Island Courier', '--published', '2024-08-01'],
              ackOf: (line) => {
                const wrote = /^wrote .*[\\/]([^\\/]+)\.md$/.exec(line);
                return wrote ? { op: 'add', id: wrote[1] } : null;
              },
            },
          )
        : await runUntilKilled(
            editorScript,
            { CORPUS_DIR: dir, RUN: String(run) },
            { afterAcks: dice.int(0, 6), delayMs: dice.int(0, 40) },
          );
      if (!result.killed) problems.push(`run ${run} ended before its kill (exit ${result.exitCode}): ${result.stderr.slice(0, 500)}`);
      else kills++;
      for (const ack of result.acks) {
        acknowledged++;
        const id = String(ack.id);
        if (ack.op === 'add') present.set(id, typeof ack.sha256 === 'string' ? ack.sha256 : null);
        else {
          present.delete(id);
          removed.add(id);
        }
      }
      problems.push(...problemsIn(dir, present, removed).map((p) => `after run ${run}: ${p}`));
    }
    expect(problems).toEqual([]);
    // the bot starts on it, serving every acknowledged addition and none of the acknowledged removals (a change in
    // flight at the kill may or may not have happened: it was never acknowledged)
    const served = new Set(LiveKnowledge.open(dir).current().sourceById.keys());
    expect([...present.keys()].filter((id) => !served.has(id))).toEqual([]);
    expect([...removed].filter((id) => served.has(id))).toEqual([]);
    const temporary = readdirSync(join(dir, 'sources')).filter((f) => f.startsWith('.')).length;
    const survived = acknowledged - problems.filter((p) => /acknowledged/.test(p)).length;
    console.log(
      `durability corpus: ${kills} kills, ${acknowledged} changes acknowledged, ${survived} survived, ${temporary} temporary file(s) left by kills (never loaded)`,
    );
    recordFigures('corpus', { runs: RUNS, kills, acknowledged, survived, temporaryFilesLeft: temporary });
    expect(kills).toBe(RUNS);
    expect(acknowledged).toBeGreaterThan(RUNS);
  }, 420_000); // about a minute on a quiet machine; a loaded CI runner may take several
});
