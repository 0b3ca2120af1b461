/**
 * `/when` ranks by the event first: a sentence that dates the event must say what the question names, and only then
 * does the clearer date win. "Sources disagree" is kept for two sources giving different days for the same event.
 */
import { describe, expect, it } from 'vitest';
import { answerWhen } from '../../src/answers/when.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';
import { emptyCorpus, testArticle, writeSource } from '../helpers/corpus.ts';

const dir = emptyCorpus();
writeSource(dir, 'riyadh-summit', testArticle('riyadh-summit', 'Arab and Muslim leaders met at a summit in Riyadh on Nov. 11, 2023, to discuss the war.\n\nThe summit called for an immediate halt to the fighting.', '2023-11-12'));
writeSource(dir, 'sharm-summit', testArticle('sharm-summit', 'World leaders gathered at the Sharm El-Sheikh summit on Oct. 13, 2025, to sign a declaration on Gaza.\n\nThe summit was hosted by Egypt.', '2025-10-14'));
writeSource(dir, 'tehran-killing', testArticle('tehran-killing', 'Hamas political leader Ismail Haniyeh was killed in Tehran on July 31, 2024, in a strike blamed on Israel.\n\nThe killing of Haniyeh put the talks on hold.', '2024-08-01'));
writeSource(dir, 'rafah-killing', testArticle('rafah-killing', 'Israel announced the killing of Yahya Sinwar in Rafah on Oct. 17, 2024, after a chance encounter with troops.', '2024-10-18'));
writeSource(dir, 'wire-release', testArticle('wire-release', 'The two elderly hostages were released by Hamas on Monday, Oct. 23, 2023, at the Rafah crossing.', '2023-10-24'));
writeSource(dir, 'daily-release', testArticle('daily-release', 'The two elderly hostages were released by Hamas on Oct. 24, 2023, according to the Red Cross.', '2023-10-25'));
const knowledge = buildKnowledge(loadCorpus(dir));

describe('/when ranks the event first', () => {
  it('puts the quote about the event asked for above a dated quote about another summit', () => {
    const a = answerWhen(knowledge, 'Sharm El-Sheikh summit');
    expect(a.results[0]).toMatchObject({ date: '2025-10-13', granularity: 'day' });
    expect(a.results[0]?.quote).toMatch(/Sharm El-Sheikh summit/);
    expect(a.results.some((r) => r.date === '2023-11-11')).toBe(false);
  });

  it('does not call two different events a disagreement', () => {
    const a = answerWhen(knowledge, 'killing of Sinwar');
    expect(a.results[0]).toMatchObject({ date: '2024-10-17' });
    expect(a.notes.join(' ')).not.toMatch(/disagree/);
  });

  it('still shows a real disagreement: the same release given two different days', () => {
    const a = answerWhen(knowledge, 'two elderly hostages released');
    expect(a.results.slice(0, 3).map((r) => r.date)).toEqual(expect.arrayContaining(['2023-10-23', '2023-10-24']));
    expect(a.notes.join(' ')).toMatch(/Sources disagree on the date: .*2023-10-2[34].* vs .*2023-10-2[34]/);
  });

  it('answers "no quote found" with suggestions for an event the corpus does not contain', () => {
    const a = answerWhen(knowledge, 'when does the truce start');
    expect(a.found).toBe(false);
    expect(a.results).toEqual([]);
    expect(a.notes[0]).toMatch(/No dated quote found/);
  });

  it('reads a month or year in the question as the period, not as words the quote must say', () => {
    const a = answerWhen(knowledge, 'summit in October 2025');
    expect(a.results[0]?.date).toBe('2025-10-13');
  });
});
