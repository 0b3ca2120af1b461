/**
 * The first few places of a ranking without sorting the whole list: an answer shows a page of five (and looks for
 * copies among the next few dozen), while on a large corpus a common topic has tens of thousands of candidates. The
 * places returned are exactly the start of a stable sort of the whole list by the same comparison.
 *
 * @example
 * const scores = [5, 1, 4, 1, 3];
 * topRanked(scores.length, (i, j) => scores[i] - scores[j], 3) // → [1, 3, 4] (the two 1s in list order, then 3)
 */

/** The positions 0 … `length` − 1 of the `count` items first by `compare`, in that order; equals in list order. */
export function topRanked(length: number, compare: (i: number, j: number) => number, count: number): number[] {
  if (count <= 0) return [];
  if (length <= count * 4)
    return Array.from({ length }, (_x, i) => i)
      .sort((i, j) => compare(i, j) || i - j)
      .slice(0, count);
  // positions kept in rank order; an item after its equals, as a stable sort keeps them
  const top: number[] = [];
  for (let i = 0; i < length; i++) {
    if (top.length === count && compare(i, top[count - 1] as number) >= 0) continue;
    // bisect for the first kept item that this one ranks before
    let [lo, hi] = [0, top.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(i, top[mid] as number) < 0) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, i);
    if (top.length > count) top.pop();
  }
  return top;
}
