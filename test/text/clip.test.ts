/** Text shortened at a word boundary with "…": how every short label the bot shows is cut. */
import { describe, expect, it } from 'vitest';
import { clipAtWord } from '../../src/text/clip.ts';

const deal = 'Israel’s war cabinet signed off on the deal';

describe('cutting text at a word boundary', () => {
  it('leaves text that fits as it is', () => {
    expect(clipAtWord(deal, deal.length)).toBe(deal);
    expect(clipAtWord('', 0)).toBe('');
  });

  it('cuts at the last space before the limit and adds …, the whole no longer than the limit', () => {
    expect(clipAtWord(deal, 25)).toBe('Israel’s war cabinet…');
    expect(clipAtWord(deal, 29)).toBe('Israel’s war cabinet signed…');
    for (let max = 1; max < deal.length; max++) expect(clipAtWord(deal, max).length).toBeLessThanOrEqual(max);
  });

  it('cuts a word too long to cut anywhere else at the limit', () => {
    expect(clipAtWord('Antidisestablishmentarianism', 10)).toBe('Antidises…');
  });

  it('never cuts at a leading space, which would keep nothing', () => {
    expect(clipAtWord(' Antidisestablishmentarianism', 10)).toBe(' Antidise…');
  });

  it('cuts mid-word at the limit when the last space would keep no more than minKeep characters', () => {
    expect(clipAtWord(deal, 25, { minKeep: 20 })).toBe('Israel’s war cabinet sig…');
    expect(clipAtWord(deal, 25, { minKeep: 19 })).toBe('Israel’s war cabinet…');
  });

  it('with ellipsis after, keeps up to the limit of text and puts … after it', () => {
    expect(clipAtWord(deal, 28, { ellipsis: 'after' })).toBe('Israel’s war cabinet signed…');
    expect(clipAtWord(deal, 28)).toBe('Israel’s war cabinet…');
    expect(clipAtWord(deal, deal.length, { ellipsis: 'after' })).toBe(deal);
  });

  it('drops what dropTrailing matches from the end of the cut before the …', () => {
    expect(clipAtWord('Talks resumed, officials said on Monday', 22, { dropTrailing: /[,;:]$/ })).toBe('Talks resumed…');
    expect(clipAtWord('Talks resumed, officials said on Monday', 22)).toBe('Talks resumed,…');
  });
});
