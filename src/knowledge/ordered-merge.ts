/**
 * Lists kept in a fixed order across a one-article update, changed in place: each item going is found by bisection
 * (or, in a list in corpus order, where its source's run starts) and spliced out, each new item bisected in. An
 * update then costs a few bisections and native moves per changed item, not a pass over a list of 100,000.
 */

/**
 * Bisects for `item`'s place: the first position whose item `compare` does not place before it, or, with
 * `afterEquals`, the first it places after it (where an equal newcomer goes).
 */
function placeOf<T>(list: readonly T[], item: T, compare: (x: T, y: T) => number, afterEquals: boolean): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const order = compare(list[mid] as T, item);
    if (order < 0 || (afterEquals && order === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many items one splice takes in. */
const SPREAD = 10_000;

/**
 * Puts each item where `compare` places it, after its equals (as a stable sort of the old list followed by the
 * new would). The items that land together go in with one splice, from the end of the list back: each splice of a
 * long list moves everything after it, and an article's passages, added to a list in corpus order, all land in
 * one place.
 *
 * @example
 * const list = [1, 4, 9]; insertOrdered(list, [5, 2], (a, b) => a - b); list // → [1, 2, 4, 5, 9]
 */
export function insertOrdered<T>(list: T[], items: readonly T[], compare: (x: T, y: T) => number): void {
  const coming = [...items].sort(compare);
  const places = coming.map((item) => placeOf(list, item, compare, true));
  for (let end = coming.length; end > 0;) {
    let start = end - 1;
    while (start > 0 && places[start - 1] === places[end - 1]) start--;
    // pieces of at most SPREAD (the last first), as a spread of a huge article's passages would exceed the argument limit
    for (let from = end; from > start; from -= SPREAD)
      list.splice(places[start] as number, 0, ...coming.slice(Math.max(start, from - SPREAD), from));
    end = start;
  }
}

/**
 * Takes out the items `isGoing` picks among those `compare` ranks equal to each of `going`: a removed passage's
 * entries are found by their sort key, then told from equals by what they refer to.
 *
 * @example
 * removeOrdered(timeline, entriesOf(dropped), compareEntries, (e, gone) => e.passage === gone.passage && e.date === gone.date)
 */
export function removeOrdered<T, G extends T>(
  list: T[],
  going: readonly G[],
  compare: (x: T, y: T) => number,
  isGoing: (item: T, gone: G) => boolean,
): void {
  for (const gone of going) {
    for (let at = placeOf(list, gone, compare, false); at < list.length && compare(list[at] as T, gone) === 0; at++) {
      if (isGoing(list[at] as T, gone)) {
        list.splice(at, 1);
        break;
      }
    }
  }
}

/**
 * Takes `going` out of a list in corpus order, where each source's items stand together: the first is found (a
 * native scan), and the run it opens is spliced out.
 *
 * @example
 * removeRuns(passages, droppedPassages) // the passages of removed sources, gone in a few moves
 */
export function removeRuns<T>(list: T[], going: readonly T[]): void {
  const left = new Set(going);
  while (left.size > 0) {
    const [first] = left;
    const at = list.indexOf(first as T);
    if (at < 0) {
      left.delete(first as T);
      continue;
    }
    let end = at;
    while (end < list.length && left.has(list[end] as T)) left.delete(list[end++] as T);
    list.splice(at, end - at);
  }
}
