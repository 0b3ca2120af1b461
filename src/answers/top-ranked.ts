/**
 * The first few items of a ranking without sorting the whole list: an answer shows a page of five (and looks for
 * copies among the next few dozen), while on a large corpus a common topic has tens of thousands of candidates. The
 * order of the items returned is exactly that of a stable sort of the whole list by the same comparison.
 *
 * @example
 * topRanked([5, 1, 4, 1, 3], (a, b) => a - b, 3) // → [1, 1, 3] (the two 1s in their order in the list)
 */

/** The first `count` items of `items` as a stable sort by `compare` would order them. */
export function topRanked<T>(items: readonly T[], compare: (a: T, b: T) => number, count: number): T[] {
  if (count <= 0) return [];
  if (items.length <= count * 4) return [...items].sort(compare).slice(0, count);
  // positions kept in rank order; equals stay in list order, as a stable sort keeps them
  const top: number[] = [];
  const before = (i: number, j: number) => compare(items[i] as T, items[j] as T) < 0;
  for (let i = 0; i < items.length; i++) {
    if (top.length === count && !before(i, top[count - 1] as number)) continue;
    // after every kept equal: bisect for the first kept item that ranks after this one
    let [lo, hi] = [0, top.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(i, top[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, i);
    if (top.length > count) top.pop();
  }
  return top.map((i) => items[i] as T);
}
