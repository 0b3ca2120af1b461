/**
 * The index of the words of a long list of labels (the `/when` choices): what it finds for typed words is exactly
 * what reading the whole list in order finds, however the list changed.
 */
import { describe, expect, it } from 'vitest';
import { type Labelled, LabelWords } from '../../src/answers/label-words.ts';

const WORDS = [
  'war',
  'cabinet',
  'approved',
  'truce',
  'hostages',
  'released',
  'doha',
  'cairo',
  'talks',
  'resumed',
  'pause',
  'ended',
  'aid',
  'trucks',
  'rafah',
  'crossing',
];

/** A label of three to seven of the words, chosen by a small deterministic generator. */
function labelsOf(count: number, seed: number): Labelled[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31), state);
  return Array.from({ length: count }, (_x, i) => {
    const words = Array.from({ length: 3 + (next() % 5) }, () => WORDS[next() % WORDS.length] as string);
    return { lower: `2024-${String((i % 12) + 1).padStart(2, '0')}-01 — ${words.join(' ')}`, at: -1 };
  });
}

const TYPED = [
  ['war'],
  ['cabin'],
  ['truce', 'cairo'],
  ['hostages', 'released', 'rafah'],
  ['2024-03', 'aid'],
  ['crossing', 'doha', 'pause', 'war'],
  ['ease'],
];

/** What each typed query finds through the index, all of it and its first 25, and what a scan of the list finds. */
function expectAsScan(list: readonly Labelled[], words: LabelWords<Labelled>): void {
  for (const typed of TYPED) {
    const scan = list.filter((l) => typed.every((w) => l.lower.includes(w)));
    const all: Labelled[] = [];
    words.each(typed, (l) => (all.push(l), true));
    expect(all, typed.join(' ')).toEqual(scan);
    const first: Labelled[] = [];
    words.each(typed, (l) => first.push(l) < 25);
    expect(first, typed.join(' ')).toEqual(scan.slice(0, 25));
  }
}

describe('the words of a list of labels', () => {
  it('find the labels holding every typed word, in list order, as reading the list would', () => {
    const list = labelsOf(3000, 7);
    expectAsScan(list, new LabelWords(list));
  });

  it('follow labels added and removed, a few at a time and a quarter of the list at once', () => {
    const list = labelsOf(3000, 11);
    const words = new LabelWords(list);
    let fresh = labelsOf(1200, 13);
    // a few removed (their lists keep them until cleaned), a few added in the middle of the list
    const few = list.splice(700, 20);
    words.remove(few);
    const added = fresh.splice(0, 30);
    list.splice(1500, 0, ...added);
    words.add(added);
    expectAsScan(list, words);
    // more than a quarter removed: the lists are cleaned
    const many = list.splice(0, 1000);
    words.remove(many);
    fresh = fresh.splice(0, 500);
    list.push(...fresh);
    words.add(fresh);
    expectAsScan(list, words);
    // a removed label added back finds its place again
    list.unshift(many[0] as Labelled);
    words.add([many[0] as Labelled]);
    expectAsScan(list, words);
  });
});
