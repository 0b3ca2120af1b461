import { describe, expect, it } from 'vitest';
import { dictionarySynonyms, STORY_GLOSSARY, synonymsOf } from '../../src/search/synonyms.ts';
import { stemTerm, tokenize } from '../../src/search/tokenize.ts';

const stems = (w: string) => tokenize(w).map(stemTerm).join(' ');

describe('synonyms: what a member types meets what the sources say', () => {
  it('takes the language from WordNet: synonyms, base forms, narrower and derived words', () => {
    expect(synonymsOf(['truce'])).toContain('cease-fire');
    expect(synonymsOf(['met'])).toContain('meet');
    expect(synonymsOf(['captives'])).toEqual(expect.arrayContaining(['hostage', 'detainee']));
    expect(synonymsOf(['withdrawal'])).toContain('withdraw');
    expect(synonymsOf(['talks'])).toContain('negotiation');
  });

  it('takes a country’s other names from the country list', () => {
    expect(synonymsOf(['qatari'])).toContain('qatar');
    expect(synonymsOf(['egypt'])).toContain('egyptian');
  });

  it('looks up two running words as one phrase', () => {
    expect(synonymsOf(['qatari', 'prime', 'minister'])).toContain('premier');
    expect(synonymsOf(['qatar', 'step', 'back'])).toContain('suspended');
  });

  it('reads a noun as typed as that noun, not as another word inflected', () => {
    // "remains" is the noun (what is left of the dead), not the verb "remain"
    expect(dictionarySynonyms('remains')).not.toContain('stay');
    // "talks" are negotiations, not speaking
    expect(dictionarySynonyms('talks')).not.toContain('speak');
  });

  it('gives one-word synonyms only: a phrase would be searched word by word', () => {
    for (const w of ['qatar', 'deal', 'hamas', 'released']) {
      for (const s of dictionarySynonyms(w)) expect(tokenize(s)).toHaveLength(1);
    }
  });

  it('never gives a common word for a rare sense of it: "collapse" does not find every "give"', () => {
    expect(dictionarySynonyms('collapse')).not.toContain('give');
    expect(dictionarySynonyms('collapse')).not.toContain('break');
  });

  it('never gives a broader word that finds what was not asked', () => {
    expect(dictionarySynonyms('dead')).not.toContain('people');
    expect(dictionarySynonyms('truce')).not.toContain('peace');
  });

  it('gives nothing for numbers, short words and words no dictionary has', () => {
    expect(dictionarySynonyms('105')).toEqual([]);
    expect(dictionarySynonyms('us')).toEqual([]);
    expect(dictionarySynonyms('zzqx')).toEqual([]);
  });

  it('never repeats the words typed', () => {
    expect(synonymsOf(['truce', 'ceasefire'])).not.toContain('truce');
    expect(synonymsOf(['truce', 'ceasefire'])).not.toContain('ceasefire');
  });

  it('keeps in the story’s glossary only what the dictionary does not already give', () => {
    for (const group of STORY_GLOSSARY) {
      const lacking = group.some((a) => {
        const have = new Set([stems(a), ...dictionarySynonyms(a).map(stems)]);
        return group.some((b) => b !== a && !have.has(stems(b)));
      });
      expect(lacking, `every pair of ${group.join(' / ')} is already in WordNet`).toBe(true);
    }
  });
});
