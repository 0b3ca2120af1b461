/** The waits between start-up attempts: doubling from the first wait to the cap, each spread by ±20 % jitter. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE, retryDelayMs } from '../../src/delivery/retry-schedule.ts';

describe('the start-up retry schedule', () => {
  it('doubles from 1 s and stops growing at 60 s (jitter at its middle)', () => {
    const waits = Array.from({ length: 10 }, (_, i) => retryDelayMs(i + 1, DEFAULT_RETRY_SCHEDULE, () => 0.5));
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
  });

  it('strays at most 20 % either way, and never past the cap', () => {
    expect(retryDelayMs(3, DEFAULT_RETRY_SCHEDULE, () => 0)).toBe(3_200);
    expect(retryDelayMs(3, DEFAULT_RETRY_SCHEDULE, () => 1)).toBe(4_800);
    expect(retryDelayMs(20, DEFAULT_RETRY_SCHEDULE, () => 0)).toBe(48_000);
    expect(retryDelayMs(20, DEFAULT_RETRY_SCHEDULE, () => 1)).toBe(60_000);
  });

  it('follows a shortened schedule (as the tests set DISCORD_RETRY_INITIAL_MS and DISCORD_RETRY_MAX_MS)', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, { initialMs: 100, maxMs: 400 }, () => 0.5))).toEqual([100, 200, 400, 400]);
  });

  it('stays finite after very many failures', () => {
    expect(retryDelayMs(10_000, DEFAULT_RETRY_SCHEDULE, () => 0.5)).toBe(60_000);
  });
});
