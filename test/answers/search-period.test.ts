/**
 * `/search` with a month or a year in the question: the period is not a word the quote must say, it says which
 * quotes come first; and a two-word phrase finds what the sources say in other words ("step back" → "suspending").
 */
import { describe, expect, it } from 'vitest';
import { inPeriod } from '../../src/answers/event-match.ts';
import { prepareAnswers, prepareUpdatedAnswers } from '../../src/answers/prepare-answers.ts';
import { answerSearch, DATED_DAYS, passageInPeriod } from '../../src/answers/search.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { parseSourceFile } from '../../src/corpus/source-file.ts';
import { buildKnowledge, type Knowledge } from '../../src/knowledge/knowledge.ts';
import { updateKnowledge } from '../../src/knowledge/update-knowledge.ts';
import { emptyCorpus, testArticle, undatedArticle, writeSource } from '../helpers/corpus.ts';

const dir = emptyCorpus();
writeSource(
  dir,
  'spring-strikes',
  testArticle('spring-strikes', 'Qatar condemned the strikes and urged the mediators to keep the talks alive.', '2025-03-19'),
);
writeSource(
  dir,
  'autumn-pause',
  testArticle(
    'autumn-pause',
    'Qatar told both sides that it was suspending its role as a mediator until they showed they were serious.',
    '2024-11-13',
  ),
);
writeSource(dir, 'winter-note', testArticle('winter-note', 'Aid deliveries slowed again in the north.', '2024-11-20'));
const knowledge = buildKnowledge(loadCorpus(dir));

describe('/search reads a period in the question as a preference, not as words', () => {
  it('finds the November 2024 quote although it never says "November" or "2024"', () => {
    const a = answerSearch(knowledge, 'why did Qatar step back from mediating in November 2024');
    expect(a.results[0]?.source.id).toBe('autumn-pause');
  });

  it('without the period, the same words still find it through "step back" → "suspending"', () => {
    const a = answerSearch(knowledge, 'Qatar step back mediating');
    expect(a.results.map((r) => r.source.id)).toContain('autumn-pause');
  });

  it('a question that is only a period is searched as typed', () => {
    expect(answerSearch(knowledge, 'November 2024').found).toBe(false);
  });
});

describe('a passage is in the period it dates, or in its source’s', () => {
  const days = emptyCorpus();
  writeSource(
    days,
    'dated-inside',
    testArticle('dated-inside', 'The exchange began on November 24, 2023, after a week of delays. Talks resumed in 2024.', '2025-02-03'),
  );
  writeSource(days, 'undated', undatedArticle('undated', 'Mediators met again in Cairo to discuss the release of captives.'));
  const k = buildKnowledge(loadCorpus(days));
  const docOf = (source: string) => k.index.numberOf(k.passages.find((p) => p.source.id === source)?.id ?? '') ?? -1;

  it('by a day or a month its text names, or its publication date, not a year alone', () => {
    const doc = docOf('dated-inside');
    expect(passageInPeriod(k, doc, { year: 2023, month: 11, day: 24 })).toBe(true);
    expect(passageInPeriod(k, doc, { month: 11 })).toBe(true);
    expect(passageInPeriod(k, doc, { year: 2025, month: 2 })).toBe(true);
    expect(passageInPeriod(k, doc, { year: 2023, month: 11, day: 25 })).toBe(false);
    // "in 2024" names only a year: it dates nothing in a period
    expect(passageInPeriod(k, doc, { year: 2024 })).toBe(false);
  });

  it('never for a passage with no date and no publication date, nor for a number the index never gave', () => {
    expect(passageInPeriod(k, docOf('undated'), { year: 2025 })).toBe(false);
    expect(passageInPeriod(k, k.index.numberLimit, { year: 2025 })).toBe(false);
    expect(passageInPeriod(k, -1, { year: 2025 })).toBe(false);
  });

  const periods = [{ year: 2023 }, { year: 2025, month: 2 }, { month: 11 }, { month: 11, day: 24 }, { year: 2024, month: 11, day: 13 }];
  const holdsToInPeriod = (kb: Knowledge) => {
    for (const p of kb.passages)
      for (const period of periods) {
        const expected =
          p.dates.some((d) => d.granularity !== 'year' && inPeriod(d.iso, period)) ||
          (p.source.published !== null && inPeriod(p.source.published, period));
        expect(passageInPeriod(kb, kb.index.numberOf(p.id) ?? -1, period), `${p.id} ${JSON.stringify(period)}`).toBe(expected);
      }
  };

  it('the same as testing each of its dates with inPeriod, for every passage and period', () => {
    holdsToInPeriod(k);
    holdsToInPeriod(knowledge);
  });

  it('after an update, carried over with the new article’s passages, as a fresh build would read them', () => {
    const before = prepareAnswers(buildKnowledge(loadCorpus(dir)));
    expect(DATED_DAYS.peek(before)).toBeDefined();
    const added = testArticle('late-talks', 'Talks resumed in Doha on November 24, 2023, a negotiator said.', '2025-06-02');
    const update = updateKnowledge(before, { added: [parseSourceFile(added, 'sources/late-talks.md')], removed: ['winter-note'] });
    const after = prepareUpdatedAnswers(update);
    holdsToInPeriod(after);
    const late = after.index.numberOf('late-talks#1') ?? -1;
    expect(passageInPeriod(after, late, { month: 11, day: 24 })).toBe(true);
    expect(passageInPeriod(after, late, { year: 2025, month: 6 })).toBe(true);
    // a second update writes into the room the first left
    const more = testArticle('later-talks', 'Mediators met again on March 3, 2025, officials said.', '2025-07-09');
    const again = prepareUpdatedAnswers(updateKnowledge(after, { added: [parseSourceFile(more, 'sources/later-talks.md')], removed: [] }));
    holdsToInPeriod(again);
    expect(passageInPeriod(again, again.index.numberOf('later-talks#1') ?? -1, { year: 2025, month: 3, day: 3 })).toBe(true);
  });
});
