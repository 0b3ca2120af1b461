/**
 * `npm run bench [-- --scale N]`: speed and memory, measured, printed as figures.
 *
 * Builds the knowledge base from the bundled corpus, then from the corpus copied N times (default 100: about 10,000
 * passages, with ids changed so nothing is deduplicated), and times a fixed mix of questions over each: build time,
 * heap growth, and p50/p95/p99 per command.
 */
import { parseArgs } from 'node:util';
import { COMMANDS } from '../../commands/index.ts';
import { type Corpus, loadCorpus, corpusDirFromEnv } from '../corpus/load-corpus.ts';
import { runCommand } from '../commands/run-command.ts';
import { buildKnowledge, type Knowledge } from '../knowledge/knowledge.ts';

const QUESTIONS: Array<[string, Record<string, unknown>]> = [
  ['who', { name: 'McGurk' }], ['who', { name: 'Qatari prime minister' }], ['who', { name: 'Blinkin' }], ['who', { name: 'head of Mossad' }],
  ['when', { event: 'Raanans freed' }], ['when', { event: 'war cabinet approval' }], ['when', { event: 'October 7 attack' }],
  ['terms', {}], ['terms', { topic: 'ratio' }], ['terms', { topic: 'cease-fire length' }],
  ['search', { text: 'communications cell' }], ['search', { text: 'kicked out of Doha' }], ['search', { text: 'emotional Zoom calls with families' }],
  ['search', { text: 'nothing like this exists anywhere' }], ['timeline', {}],
];

function scaled(corpus: Corpus, times: number): Corpus {
  const sources = Array.from({ length: times }, (_v, i) => corpus.sources.map((s) => ({ ...s, id: `${s.id}-copy${i}` }))).flat();
  return { ...corpus, sources };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function measure(label: string, corpus: Corpus, rounds: number): void {
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const knowledge: Knowledge = buildKnowledge(corpus);
  const buildMs = performance.now() - t0;
  globalThis.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  console.log(`\n${label}: ${corpus.sources.length} sources, ${knowledge.passages.length} passages — build ${buildMs.toFixed(0)} ms, heap +${heapMb.toFixed(1)} MB${globalThis.gc ? '' : ' (run with --expose-gc for a steadier figure)'}`);
  const byCommand = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    for (const [name, input] of QUESTIONS) {
      const t = performance.now();
      runCommand(COMMANDS, name, input, { knowledge, page: { limit: 5, offset: 0 } });
      byCommand.set(name, [...(byCommand.get(name) ?? []), performance.now() - t]);
    }
  }
  console.log('  command    n     p50 ms   p95 ms   p99 ms');
  for (const [name, times] of byCommand) {
    const sorted = [...times].sort((a, b) => a - b);
    const row = [percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)].map((x) => x.toFixed(2).padStart(8));
    console.log(`  ${name.padEnd(9)} ${String(sorted.length).padStart(4)} ${row.join(' ')}`);
  }
}

const { values } = parseArgs({ options: { scale: { type: 'string', default: '100' }, rounds: { type: 'string', default: '20' } } });
const corpus = loadCorpus(corpusDirFromEnv());
measure('bundled corpus', corpus, Number(values.rounds));
measure(`corpus ×${values.scale}`, scaled(corpus, Number(values.scale)), Math.max(1, Math.round(Number(values.rounds) / 10)));
