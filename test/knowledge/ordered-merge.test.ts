/**
 * A one-article update changes the long ordered lists in place: what it inserts and removes must leave each list
 * exactly as sorting it again would — new items after their equals, equal newcomers in the order given.
 */
import { describe, expect, it } from 'vitest';
import { insertOrdered, removeOrdered, removeRuns } from '../../src/knowledge/ordered-merge.ts';

interface Item {
  key: number;
  name: string;
}
const byKey = (a: Item, b: Item) => a.key - b.key;

/** A small deterministic generator, so that a failure names a reproducible case. */
function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('a list kept in order across an update', () => {
  it('takes new items where a stable sort of the old list followed by the new puts them', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const list = Array.from({ length: Math.floor(next() * 40) }, (_x, i) => ({ key: Math.floor(next() * 10), name: `old${i}` })).sort(
        byKey,
      );
      const items = Array.from({ length: Math.floor(next() * 12) }, (_x, i) => ({ key: Math.floor(next() * 12) - 1, name: `new${i}` }));
      const expected = [...list, ...items].sort(byKey).map((x) => x.name);
      insertOrdered(list, items, byKey);
      expect(list.map((x) => x.name)).toEqual(expected);
    }
  });

  it('takes an article’s run of passages into a list in corpus order in one piece', () => {
    const list = [1, 2, 3, 7, 8].map((key) => ({ key, name: `p${key}` }));
    insertOrdered(
      list,
      [6, 4, 5].map((key) => ({ key, name: `new${key}` })),
      byKey,
    );
    expect(list.map((x) => x.name)).toEqual(['p1', 'p2', 'p3', 'new4', 'new5', 'new6', 'p7', 'p8']);
  });

  it('takes in an article larger than one splice can spread', () => {
    const list = [0, 100_000].map((key) => ({ key, name: `p${key}` }));
    insertOrdered(
      list,
      Array.from({ length: 25_000 }, (_x, i) => ({ key: 1 + i, name: `new${i}` })),
      byKey,
    );
    expect(list.length).toBe(25_002);
    expect(list.every((x, i) => i === 0 || (list[i - 1] as Item).key < x.key)).toBe(true);
  });

  it('gives back what removing took out: an item told from its equals, and a source’s run', () => {
    const list = [1, 2, 2, 2, 3].map((key, i) => ({ key, name: `p${i}` }));
    const middle = list[2] as Item;
    removeOrdered(list, [{ key: 2, name: 'p2' }], byKey, (item, gone) => item.name === gone.name);
    expect(list).not.toContain(middle);
    expect(list.map((x) => x.name)).toEqual(['p0', 'p1', 'p3', 'p4']);
    const run = list.slice(1, 3);
    removeRuns(list, run);
    expect(list.map((x) => x.name)).toEqual(['p0', 'p4']);
  });
});
