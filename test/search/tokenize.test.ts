import { describe, expect, it } from 'vitest';
import { contentStems, tokenize } from '../../src/search/tokenize.ts';
import { expandAbbreviations } from '../../src/search/synonyms.ts';

describe('the tokenizer', () => {
  it('folds case, possessives and apostrophe styles', () => {
    expect(tokenize("Qatar’s QATAR's Hamas’ Raanans’")).toEqual(['qatar', 'qatar', 'hamas', 'raanans']);
  });

  it('reads cease-fire, cease fire and ceasefire as one word', () => {
    for (const spelling of ['cease-fire', 'cease fire', 'Cease‑Fire', 'ceasefire']) expect(tokenize(spelling)).toEqual(['ceasefire']);
    expect(tokenize('four-day cease-fires')).toEqual(['four', 'day', 'fourday', 'ceasefires']);
  });

  it('splits hyphenated words and keeps the joined form', () => {
    expect(tokenize('Al-Thani')).toEqual(['al', 'thani', 'althani']);
    expect(tokenize('Al-Thani')).toEqual(expect.arrayContaining(['al', 'thani']));
    expect(tokenize('Al Thani')).toEqual(['al', 'thani']);
  });

  it('handles em dashes, curly quotes, "U.S." and digit groups', () => {
    expect(tokenize('“working intensively”—namely the U.S., 1,200 people')).toEqual([
      'working',
      'intensively',
      'namely',
      'the',
      'us',
      '1200',
      'people',
    ]);
  });

  it('keeps Arabic words, without diacritics or the article', () => {
    expect(tokenize('الناطق باسم كتائب القسام')).toEqual(['ناطق', 'باسم', 'كتائب', 'قسام']);
    expect(tokenize('القَسّام')).toEqual(['قسام']);
  });

  it('stems content words and drops stop words', () => {
    expect(contentStems('The negotiations were released')).toEqual(['negoti', 'releas']);
  });

  it('spells out abbreviations people type', () => {
    expect(expandAbbreviations('Qatari PM and the NSC')).toBe('Qatari prime minister and the national security council');
  });
});
