/**
 * The top of a ranking, worked out without sorting the whole list, is exactly the start of a stable sort of it:
 * the same items, in the same order, equals in list order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topRanked } from '../../src/search/top-ranked.ts';

describe('the top of a ranking', () => {
  it('is the start of a stable sort, equals kept in list order', () => {
    const scores = [5, 1, 4, 1, 3, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4];
    expect(topRanked(scores.length, (i, j) => (scores[j] ?? 0) - (scores[i] ?? 0), 4)).toEqual([5, 12, 14, 11]);
  });

  it('equals a stable sort cut to size for any list, comparison and size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: fc.integer({ min: 0, max: 5 }), b: fc.integer({ min: 0, max: 3 }) }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 60 }),
        (items, count) => {
          const compare = (x: (typeof items)[number], y: (typeof items)[number]) => y.a - x.a || x.b - y.b;
          const expected = items
            .map((item, at) => ({ item, at }))
            .sort((x, y) => compare(x.item, y.item))
            .slice(0, count)
            .map((x) => x.at);
          expect(
            topRanked(items.length, (i, j) => compare(items[i] as (typeof items)[number], items[j] as (typeof items)[number]), count),
          ).toEqual(expected);
        },
      ),
    );
  });

  it('returns nothing for a size of nought, and every place when there are fewer than asked', () => {
    const scores = [3, 1, 2];
    expect(topRanked(scores.length, (i, j) => (scores[i] ?? 0) - (scores[j] ?? 0), 0)).toEqual([]);
    expect(topRanked(scores.length, (i, j) => (scores[i] ?? 0) - (scores[j] ?? 0), 10)).toEqual([1, 2, 0]);
  });
});
