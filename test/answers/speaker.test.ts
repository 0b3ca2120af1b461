/** Who speaks in a quote, as an answer names them: a pronoun is the person it stands for, or nothing. */
import { describe, expect, it } from 'vitest';
import { speakerOf } from '../../src/answers/answer.ts';
import { answerSearch } from '../../src/answers/search.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';
import { emptyCorpus, testArticle, writeSource } from '../helpers/corpus.ts';

const dir = emptyCorpus();
writeSource(
  dir,
  'harbour-voices',
  testArticle(
    'harbour-voices',
    'Union leader Mira Castell met the harbour board on Monday. “We will be back at the quay on Wednesday,” she said.\n\nNo agreement on night shifts was reached.',
    '2025-02-10',
  ),
);
const knowledge = buildKnowledge(loadCorpus(dir));

describe('the speaker of a quote', () => {
  it('is the person a pronoun stands for, never the pronoun', () => {
    const r = answerSearch(knowledge, 'back at the quay on Wednesday').results[0];
    expect(r?.speaker).toMatchObject({ name: 'Mira Castell', direct: true });
  });

  it('is not shown when no one is known for the pronoun', () => {
    expect(speakerOf(knowledge, { speaker: 'he', entityId: null, direct: true, quote: 'We will see.' })).toBeUndefined();
    expect(speakerOf(knowledge, { speaker: 'the union', entityId: null, direct: false, quote: null })).toEqual({
      name: 'the union',
      entity_id: null,
      direct: false,
    });
  });
});
