/**
 * When to try Discord again after a start-up attempt failed: exponential backoff (1 s, 2 s, 4 s … by default)
 * capped at a maximum (60 s), each wait spread by ±20 % jitter so that many processes restarted together (a deploy,
 * a host reboot) do not knock on Discord in step. The settings DISCORD_RETRY_INITIAL_MS and DISCORD_RETRY_MAX_MS
 * change the first wait and the cap (the tests use a few hundred milliseconds).
 */

export interface RetrySchedule {
  /** The wait after the first failed attempt. */
  initialMs: number;
  /** No wait is longer than this. */
  maxMs: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { initialMs: 1_000, maxMs: 60_000 };

/** How far a wait may stray from the nominal doubling, either way. */
const JITTER = 0.2;

/**
 * The wait before attempt `attempt + 1`, after `attempt` failed attempts (1 for the first failure).
 *
 * @example
 * retryDelayMs(1, DEFAULT_RETRY_SCHEDULE, () => 0.5) // → 1000
 * retryDelayMs(4, DEFAULT_RETRY_SCHEDULE, () => 0.5) // → 8000
 * retryDelayMs(30, DEFAULT_RETRY_SCHEDULE, () => 1)  // → 60000 (never past the cap)
 */
export function retryDelayMs(attempt: number, schedule: RetrySchedule, random: () => number = Math.random): number {
  const nominal = Math.min(schedule.maxMs, schedule.initialMs * 2 ** Math.min(Math.max(0, attempt - 1), 40));
  const jittered = nominal * (1 - JITTER + 2 * JITTER * random());
  return Math.round(Math.min(schedule.maxMs, Math.max(0, jittered)));
}

/**
 * Resolves after `ms`, or at once when `signal` is aborted (a shutdown during a wait does not wait it out).
 *
 * @example
 * await sleep(retryDelayMs(attempt, schedule), shutdown.signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
