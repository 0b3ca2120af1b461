/**
 * Seeded randomness for the benchmark's corpora and queries: the same seed gives the same articles and the same
 * questions on every run and every machine, so two runs time the same work.
 */

/**
 * mulberry32: a small, fast seedable PRNG, numbers in [0, 1).
 *
 * @example
 * const rand = seededRandom(1); rand() // → 0.6270739405881613, the same every run
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Picks and whole numbers drawn from one seeded source.
 *
 * @example
 * const dice = new Dice(seededRandom(1)); dice.pick(['Doha', 'Cairo']); dice.int(2, 6)
 */
export class Dice {
  constructor(readonly rand: () => number) {}

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)] as T;
  }

  /** A whole number from `lo` to `hi`, both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
}
