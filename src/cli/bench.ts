/**
 * `npm run bench [-- --scale N]`: speed and memory, measured, printed as figures.
 *
 * Builds the knowledge base from the bundled corpus, then from the corpus copied N times (default 100: about 10,000
 * passages, with ids changed so nothing is deduplicated), and times a fixed mix of questions over each: build time,
 * heap growth, and p50/p95/p99 per command. Then the FAQ store: durable writes per second, listing and finding.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMANDS } from '../../commands/index.ts';
import { type Corpus, loadCorpus, corpusDirFromEnv } from '../corpus/load-corpus.ts';
import { runCommand } from '../commands/run-command.ts';
import { FaqStore } from '../faq/faq-store.ts';
import { findEntries } from '../faq/find-entries.ts';
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

/** FAQ store: acknowledged writes per second (each its own durable transaction), listing and finding entries. */
function measureFaq(entries: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'talks-bench-faq-'));
  const store = FaqStore.open(dir);
  const t0 = performance.now();
  for (let i = 0; i < entries; i++) store.add('bench', { question: `Benchmark question number ${i}?`, answer: `Answer ${i}.`, citations: ['s#1'] }, 'bench');
  const writeMs = performance.now() - t0;
  const t1 = performance.now();
  const all = store.list('bench');
  const listMs = performance.now() - t1;
  const t2 = performance.now();
  for (let i = 0; i < 20; i++) findEntries(all, `question numbr ${i * 7}`);
  const findMs = (performance.now() - t2) / 20;
  store.close();
  rmSync(dir, { recursive: true });
  console.log(`\nFAQ store: ${entries} adds in ${writeMs.toFixed(0)} ms (${((entries / writeMs) * 1000).toFixed(0)} durable writes/s); list ${listMs.toFixed(1)} ms; find (fuzzy, ${entries} entries) ${findMs.toFixed(1)} ms`);
}

const { values } = parseArgs({ options: { scale: { type: 'string', default: '100' }, rounds: { type: 'string', default: '20' } } });
const corpus = loadCorpus(corpusDirFromEnv());
measure('bundled corpus', corpus, Number(values.rounds));
measureFaq(1000);
measure(`corpus ×${values.scale}`, scaled(corpus, Number(values.scale)), Math.max(1, Math.round(Number(values.rounds) / 10)));
