/** A pasted message read as its claims: one list of content words per sentence or clause. */
import { describe, expect, it } from 'vitest';
import { CLAIM_WINDOW, claimsOf, slide } from '../../src/search/message-claims.ts';

describe('claimsOf', () => {
  it('splits at sentence ends and at "but", keeps content words, and marks names inside a sentence', () => {
    const claims = claimsOf('Qatar brokered the deal. The talks stalled, but Witkoff flew to Doha.');
    expect(claims.map((c) => c.map((w) => w.word))).toEqual([
      ['qatar', 'brokered', 'deal'],
      ['talks', 'stalled'],
      ['witkoff', 'flew', 'doha'],
    ]);
    expect(claims[2]?.find((w) => w.word === 'doha')?.name).toBe(true);
    expect(claims[0]?.find((w) => w.word === 'qatar')?.name).toBe(false);
  });
});

describe('slide', () => {
  it('reads a run-on text in overlapping stretches of CLAIM_WINDOW words, half a window apart', () => {
    const words = Array.from({ length: 20 }, (_, i) => i);
    const stretches = slide(words);
    expect(stretches[0]).toHaveLength(CLAIM_WINDOW);
    expect(stretches[1]?.[0]).toBe(CLAIM_WINDOW / 2);
    expect(stretches.at(-1)?.at(-1)).toBe(19);
  });
});
