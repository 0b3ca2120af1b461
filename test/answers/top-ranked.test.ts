/**
 * The top of a ranking, worked out without sorting the whole list, is exactly the start of a stable sort of it:
 * the same items, in the same order, equals in list order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topRanked } from '../../src/answers/top-ranked.ts';

describe('the top of a ranking', () => {
  it('is the start of a stable sort, equals kept in list order', () => {
    const items = [5, 1, 4, 1, 3, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4].map((score, at) => ({ score, at }));
    const byScore = (a: { score: number }, b: { score: number }) => b.score - a.score;
    expect(topRanked(items, byScore, 4).map((i) => i.at)).toEqual([5, 12, 14, 11]);
  });

  it('equals a stable sort cut to size for any list, comparison and size', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: fc.integer({ min: 0, max: 5 }), b: fc.integer({ min: 0, max: 3 }) }), { maxLength: 300 }), fc.integer({ min: 0, max: 60 }), (list, count) => {
        const items = list.map((x, at) => ({ ...x, at }));
        const compare = (x: (typeof items)[number], y: (typeof items)[number]) => y.a - x.a || x.b - y.b;
        expect(topRanked(items, compare, count)).toEqual([...items].sort(compare).slice(0, count));
      }),
    );
  });

  it('returns nothing for a size of nought, and every item when there are fewer than asked', () => {
    expect(topRanked([3, 1, 2], (a, b) => a - b, 0)).toEqual([]);
    expect(topRanked([3, 1, 2], (a, b) => a - b, 10)).toEqual([1, 2, 3]);
  });
});
