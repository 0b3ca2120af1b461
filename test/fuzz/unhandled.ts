/**
 * A promise rejected with nobody listening is a failure the member never hears about: each fuzz file collects
 * them while its properties run and fails if there was one.
 */
import { afterAll, beforeAll, expect } from 'vitest';

/**
 * Registers the collector for the calling test file.
 *
 * @example
 * catchUnhandledRejections(); // at the top of a *.fuzz.test.ts
 */
export function catchUnhandledRejections(): void {
  const seen: string[] = [];
  const onRejection = (reason: unknown) => void seen.push(reason instanceof Error ? (reason.stack ?? reason.message) : String(reason));
  beforeAll(() => void process.on('unhandledRejection', onRejection));
  afterAll(() => {
    process.off('unhandledRejection', onRejection);
    expect(seen, 'unhandled rejections').toEqual([]);
  });
}
