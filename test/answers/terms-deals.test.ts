/**
 * `/terms` follows the talks: "the final deal" is the latest agreed one, no topic lists the latest deal first and
 * then the earlier deals and proposals in date order, "length" finds durations, and a prisoner swap outside the
 * talks shows only when asked for.
 */
import { describe, expect, it } from 'vitest';
import { answerTerms } from '../../src/answers/terms.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';
import { emptyCorpus, testArticle, writeSource } from '../helpers/corpus.ts';

const dir = emptyCorpus();
writeSource(
  dir,
  'first-truce',
  testArticle(
    'first-truce',
    'Israel and Hamas agreed to a four-day cease-fire on Wednesday, under which Hamas would release 50 hostages in exchange for 150 Palestinian prisoners.',
    '2023-11-22',
  ),
);
writeSource(
  dir,
  'may-proposal',
  testArticle(
    'may-proposal',
    'Israel rejected the proposal for a six-week truce and the release of 33 hostages, officials said.',
    '2024-05-07',
  ),
);
writeSource(
  dir,
  'january-deal',
  testArticle(
    'january-deal',
    'Israel and Hamas agreed to a ceasefire deal on Wednesday. In its first phase, which lasts 42 days, 33 hostages are to be freed in exchange for hundreds of Palestinian prisoners.',
    '2025-01-16',
  ),
);
writeSource(
  dir,
  'ankara-swap',
  testArticle(
    'ankara-swap',
    'Russia and the United States completed a prisoner swap in Ankara on Thursday, freeing 24 prisoners held in seven countries.',
    '2024-08-02',
  ),
);
const knowledge = buildKnowledge(loadCorpus(dir));

describe('/terms follows the deals', () => {
  it('"the final deal" is the latest agreed deal, not the first truce', () => {
    const a = answerTerms(knowledge, 'final deal');
    expect(a.results[0]?.source.id).toBe('january-deal');
    expect(a.notes.join(' ')).toMatch(/latest agreed deal \(2025-01-1\d/);
  });

  it('with no topic: the latest deal first, then the earlier deals and proposals in date order', () => {
    const a = answerTerms(knowledge, null, 10);
    expect(a.results.map((r) => r.source.id)).toEqual(['january-deal', 'first-truce', 'may-proposal']);
  });

  it('answers "length" with durations, the four-day cease-fire among them', () => {
    const a = answerTerms(knowledge, 'ceasefire length');
    const top = a.results
      .slice(0, 3)
      .map((r) => r.quote)
      .join(' ');
    expect(top).toMatch(/four-day cease-fire/);
    expect(top).toMatch(/42 days/);
  });

  it("gives each deal's length with the latest deal first", () => {
    const a = answerTerms(knowledge, 'ceasefire length');
    expect(a.results[0]?.quote).toMatch(/42 days/);
    expect(a.notes.join(' ')).toMatch(/latest first/);
  });

  it('"the November 2023 truce" is that deal: its fullest statement first, whatever words it uses', () => {
    const a = answerTerms(knowledge, 'November 2023 truce');
    expect(a.results[0]?.source.id).toBe('first-truce');
    expect(a.notes.join(' ')).toMatch(/deal agreed in the period asked about \(2023-11-22/);
  });

  it('finds an extension or a pull-back told in other words', () => {
    const more = emptyCorpus();
    writeSource(
      more,
      'extended',
      testArticle(
        'extended',
        'The pause can be extended by one day for every ten additional hostages released, the mediators said.',
        '2023-11-22',
      ),
    );
    writeSource(
      more,
      'pullback',
      testArticle(
        'pullback',
        'Under the agreement, Israeli troops are to pull back to an agreed line inside Gaza within a day.',
        '2025-10-09',
      ),
    );
    const k = buildKnowledge(loadCorpus(more));
    expect(answerTerms(k, 'truce extension').results[0]?.source.id).toBe('extended');
    expect(answerTerms(k, 'withdrawal line').results[0]?.source.id).toBe('pullback');
  });

  it('answers "how many hostages" with the numbers of hostages', () => {
    const a = answerTerms(knowledge, 'how many hostages will be released');
    expect(a.results[0]?.quote).toMatch(/\d+ hostages/);
  });

  it('keeps an unrelated prisoner swap out unless it is asked for', () => {
    expect(answerTerms(knowledge, 'prisoners', 10).results.some((r) => r.source.id === 'ankara-swap')).toBe(false);
    expect(answerTerms(knowledge, null, 10).results.some((r) => r.source.id === 'ankara-swap')).toBe(false);
    expect(answerTerms(knowledge, 'Russia prisoner swap').results[0]?.source.id).toBe('ankara-swap');
  });
});
