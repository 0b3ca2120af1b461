/**
 * Lists kept in a fixed order across a one-article update: the items of removed passages dropped, the new ones
 * merged in, in one pass over the old list instead of a sort of the whole.
 *
 * @example
 * mergeOrdered([1, 4, 9], [2, 5], (a, b) => a - b) // → [1, 2, 4, 5, 9]
 */
export function mergeOrdered<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    // an old item goes first on a tie, as a stable sort of the old list followed by the new would place it
    if (compare(a[i] as T, b[j] as T) <= 0) out.push(a[i++] as T);
    else out.push(b[j++] as T);
  }
  while (i < a.length) out.push(a[i++] as T);
  while (j < b.length) out.push(b[j++] as T);
  return out;
}

/**
 * An ordered list after a change: `previous` less the items `isGone` picks, with `added` (in any order) sorted and
 * merged in.
 *
 * @example
 * carryOrdered(entries, (e) => dropped.has(e.passage.id), newEntries, compareEntries)
 */
export function carryOrdered<T>(previous: readonly T[], isGone: (item: T) => boolean, added: readonly T[], compare: (x: T, y: T) => number): T[] {
  return mergeOrdered(
    previous.filter((x) => !isGone(x)),
    [...added].sort(compare),
    compare,
  );
}
