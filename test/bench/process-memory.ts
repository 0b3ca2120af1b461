/**
 * The resident memory of another process, read from outside it — so a load test measures the server as it runs,
 * without the server exposing anything. Linux's /proc (this project's machines and CI); null where it is absent.
 */
import { readFileSync } from 'node:fs';

/**
 * The resident set size of process `pid` in megabytes, or null when it cannot be read (no /proc, the process gone).
 *
 * @example
 * residentMb(process.pid) // → 84.2
 */
export function residentMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Growth per minute of a series of (seconds, MB) samples by least squares: near zero when memory is flat.
 *
 * @example
 * growthPerMinute([[0, 100], [10, 100.5], [20, 101]]) // → 3 (MB per minute)
 */
export function growthPerMinute(samples: ReadonlyArray<readonly [number, number]>): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanX = samples.reduce((s, [x]) => s + x, 0) / n;
  const meanY = samples.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of samples) {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}
