/**
 * Timing helpers for the benchmark: percentiles of a sample, timing a function over a list of inputs after a
 * warm-up, memory after a full collection, and a plain-text table. Nothing here knows about the bot.
 */

/** The distribution of a sample of latencies, in milliseconds. */
export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * The p-th percentile (nearest rank) of an ascending sample; 0 for an empty one.
 *
 * @example
 * percentile([1, 2, 3, 4], 50) // → 2
 * percentile([1, 2, 3, 4], 99) // → 4
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? 0;
}

/**
 * p50/p95/p99/max/mean of a sample of times (any order).
 *
 * @example
 * summarise([3, 1, 2]) // → { n: 3, p50: 2, p95: 3, p99: 3, max: 3, mean: 2 }
 */
export function summarise(times: readonly number[]): LatencySummary {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = sorted.length === 0 ? 0 : sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
    mean,
  };
}

/**
 * Calls `fn` on the first `warmUp` inputs untimed, then times one call per remaining input (the inputs are cycled
 * when fewer than `warmUp + count`). Returns the latency summary of the timed calls. With `progress`, a phase that
 * runs long prints how many queries are done every 10 s; with `budgetMs`, the warm-up stops once a quarter of it has
 * passed, and timing once all of it has (the summary's `n` says how many calls were timed).
 *
 * @example
 * timeEach(['a', 'b'], (q) => index.search(q), { warmUp: 50, count: 1000 }) // → { n: 1000, p50: 0.08, … }
 */
export function timeEach<T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
  options: { warmUp: number; count: number; progress?: string; budgetMs?: number },
): LatencySummary {
  if (inputs.length === 0) return summarise([]);
  const at = (i: number) => inputs[i % inputs.length] as T;
  const started = performance.now();
  let reported = started;
  for (let i = 0; i < options.warmUp; i++) {
    fn(at(i));
    if (options.budgetMs !== undefined && performance.now() - started > options.budgetMs / 4) break;
  }
  const times: number[] = [];
  for (let i = 0; i < options.count; i++) {
    const input = at(options.warmUp + i);
    const t = performance.now();
    fn(input);
    const end = performance.now();
    times.push(end - t);
    // a long timing phase says how far it is, every 10 s (outside the timed call)
    if (options.progress && end - reported >= 10_000) {
      reported = end;
      console.log(`    ${options.progress}: ${i + 1}/${options.count} queries, ${((end - started) / 1000).toFixed(0)} s`);
    }
    if (options.budgetMs !== undefined && end - started > options.budgetMs) break;
  }
  return summarise(times);
}

/**
 * Runs `fn` once and returns its value with the milliseconds it took (awaited if it returns a promise).
 *
 * @example
 * const { value: corpus, ms } = await timed(() => loadCorpus(dir)) // → ms ≈ 120
 */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}

/**
 * Resident set size and heap used, in MB, after a full garbage collection when `--expose-gc` is on.
 *
 * @example
 * memoryAfterGc() // → { rssMb: 412.3, heapMb: 298.1, gc: true }
 */
export function memoryAfterGc(): { rssMb: number; heapMb: number; gc: boolean } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20, gc: gc !== undefined };
}

/**
 * A number for a table: milliseconds with three decimals below 1, two below 10, one below 100, none above.
 *
 * @example
 * ms(0.1234) // → '0.123'
 * ms(1234.5) // → '1235'
 */
export function ms(x: number): string {
  return x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0);
}

/**
 * A plain-text table: the first column left-aligned, the others right-aligned, columns padded to their widest cell.
 *
 * @example
 * table([['command', 'p50'], ['/who', '0.41']]) // → 'command   p50\n/who     0.41'
 */
export function table(rows: ReadonlyArray<readonly string[]>, indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map(
      (row) =>
        indent +
        row
          .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}

/**
 * Prints a phase's start, runs it, prints its end with the elapsed seconds, and returns its value and time. A
 * synchronous phase cannot report while it runs, so this is the progress the benchmark can give.
 *
 * @example
 * const { value: knowledge } = await phase('building 100,000 passages', () => buildKnowledge(corpus))
 * // prints "  building 100,000 passages…" then "  building 100,000 passages: 412.7 s"
 */
export async function phase<T>(label: string, fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = new Date().toISOString().slice(11, 19);
  console.log(`  ${label}… (started ${started})`);
  const result = await timed(fn);
  console.log(`  ${label}: ${(result.ms / 1000).toFixed(1)} s`);
  return result;
}
