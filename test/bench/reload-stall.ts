/**
 * How long a running bot stops answering while its corpus changes: the longest the event loop goes without turning
 * during a reload, measured as a running bot reloads (`LiveKnowledge.reload`, the corpus read in a worker). A stall
 * past Discord's 3-second window loses every interaction that arrives meanwhile, so this, not the reload's total
 * time, is the figure that matters to members.
 *
 * @example
 * const stall = await measureReloadStall('/tmp/talks-bench-x', { seed: 1 }); // a corpus with its save in .cache/
 * stall.adds.map((a) => a.maxGapMs); // e.g. [103, 58, 43]
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { syntheticSourceFiles } from './synthetic-corpus.ts';

/** One reload: its total time, the longest the event loop stood still meanwhile, and how the change was applied. */
export interface ReloadStall {
  totalMs: number;
  maxGapMs: number;
  how: 'build' | 'update' | 'failed';
}

export interface ReloadStallResult {
  /** Three articles of 30 passages added one after another, each picked up by a reload. */
  adds: ReloadStall[];
  /** An `entities.yaml` edit: the one change that still needs a full build (in the worker). Null when skipped. */
  entities: ReloadStall | null;
}

/** How often the loop is sampled: a gap is measured to within this. */
const TICK_MS = 10;

/**
 * Runs `change`, then a reload, sampling the event loop every TICK_MS; the longest interval between two samples is
 * the longest any interaction arriving meanwhile would have waited to be read.
 */
async function stallOf(live: LiveKnowledge, change: () => void): Promise<ReloadStall> {
  let last = performance.now();
  let maxGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
  }, TICK_MS);
  try {
    await new Promise((resolve) => setTimeout(resolve, 5 * TICK_MS));
    [maxGapMs, last] = [0, performance.now()];
    const started = performance.now();
    change();
    const result = await live.reload();
    const totalMs = performance.now() - started;
    // the sample that ends the last stretch
    await new Promise((resolve) => setTimeout(resolve, 5 * TICK_MS));
    return { totalMs, maxGapMs, how: result.ok ? result.how : 'failed' };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Opens the corpus in `dir` as the bot does (from its save), then measures three one-article additions and, unless
 * `entities` is false, an `entities.yaml` edit. The corpus is left as it was found.
 */
export async function measureReloadStall(dir: string, options: { seed: number; entities?: boolean }): Promise<ReloadStallResult> {
  const live = await LiveKnowledge.load(dir);
  await live.preparing;
  const added: string[] = [];
  try {
    const adds: ReloadStall[] = [];
    for (const offset of [2000, 2001, 2002]) {
      const file = syntheticSourceFiles({ passages: 30, seed: options.seed + offset })[0];
      if (!file) break;
      const id = /^id: (.*)$/m.exec(file.text)?.[1] ?? file.fileName;
      const newId = `bench-reload-${offset}-${id}`.slice(0, 80);
      const path = join(dir, 'sources', `${newId}.md`);
      added.push(path);
      adds.push(await stallOf(live, () => writeFileSync(path, file.text.replace(`id: ${id}`, `id: ${newId}`))));
    }
    let entities: ReloadStall | null = null;
    if (options.entities !== false) {
      const path = join(dir, 'entities.yaml');
      const text = readFileSync(path, 'utf8');
      // one more entity: what a moderator's edit does (a comment alone would change nothing the bot reads)
      const edited = text.replace(
        /^entities:\n/m,
        'entities:\n  - id: bench-reload-person\n    name: Bench Reloadperson\n    kind: person\n    aliases: [Bench Reloadperson]\n    description: A person the benchmark adds, named nowhere in the corpus.\n',
      );
      entities = edited === text ? null : await stallOf(live, () => writeFileSync(path, edited));
      writeFileSync(path, text);
    }
    return { adds, entities };
  } finally {
    for (const path of added) rmSync(path, { force: true });
  }
}
