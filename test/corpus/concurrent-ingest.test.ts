/**
 * Two `npm run ingest` runs adding the same article at the same moment, under two different titles (so two different
 * ids): an outside attack had both land, because each run checked for duplicates against the corpus as it was before
 * the other wrote. The corpus lock serialises "check → write → record" across processes, so exactly one lands and the
 * other is refused as a duplicate of it. Real processes, started together; each is killed after the test whatever
 * happened.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readChanges } from '../../src/corpus/corpus-changes.ts';
import { emptyCorpus } from '../helpers/corpus.ts';

const ROUNDS = 3;

/** A very long article: cleaning it takes about half a second, time enough for two runs without the lock to race. */
function page(): string {
  const paragraphs = Array.from({ length: 2_000 }, (_, n) =>
    `The ferry crews of the northern strait met the harbour board for the ${n + 1}th session of talks on the night timetable, the union said on Tuesday, and both sides described the meeting as constructive.`);
  return ['Skip to content', '', 'By Idris Kamal', 'Published: Wed 31 Jul 2024', '', ...paragraphs.flatMap((p) => [p, '']), 'Back to top'].join('\n');
}

const running = new Set<ChildProcess>();
afterEach(() => {
  // npx starts tsx, which starts node: each run is its own process group, killed whole
  for (const child of running) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function ingest(corpus: string, file: string, title: string): Promise<Run> {
  const child = spawn('npx', ['tsx', 'src/cli/ingest.ts', file, '--title', title, '--outlet', 'Island Courier', '--published', '2024-07-31'], {
    env: { ...process.env, CORPUS_DIR: corpus },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}

describe('two ingest runs of the same article at once', () => {
  it(`land it once and refuse the other as a duplicate (${ROUNDS} rounds)`, async () => {
    const pages = mkdtempSync(join(tmpdir(), 'talks-concurrent-pages-'));
    const file = join(pages, 'ferry.txt');
    writeFileSync(file, page());
    for (let round = 0; round < ROUNDS; round++) {
      const corpus = emptyCorpus();
      const runs = await Promise.all([ingest(corpus, file, 'Ferry crews agree on a night timetable'), ingest(corpus, file, 'Night ferries agreed after long talks')]);
      const landed = readdirSync(join(corpus, 'sources')).filter((f) => f.endsWith('.md') && !f.startsWith('.'));
      const detail = `round ${round}: ${runs.map((r) => `exit ${r.status}: ${r.stdout.slice(0, 200)} ${r.stderr.slice(0, 400)}`).join('\n---\n')}`;
      expect(landed, detail).toHaveLength(1);
      const id = landed[0]?.replace(/\.md$/, '') ?? '';
      expect(runs.map((r) => r.status).sort(), detail).toEqual([0, 1]);
      const refused = runs.find((r) => r.status === 1);
      expect(refused?.stderr, detail).toMatch(new RegExp(`already in the corpus as "${id}"`));
      expect(readChanges(corpus).map((c) => `${c.action} ${c.id}`)).toEqual([`add ${id}`]);
    }
  }, 180_000);
});
