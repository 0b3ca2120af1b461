import { describe, expect, it } from 'vitest';
import { type Answer, corpusCoverage } from '../../src/answers/answer.ts';
import { answerSearch } from '../../src/answers/search.ts';
import { answerTerms } from '../../src/answers/terms.ts';
import { answerTimeline } from '../../src/answers/timeline.ts';
import { answerWhen } from '../../src/answers/when.ts';
import { answerWho } from '../../src/answers/who.ts';
import { answerSource } from '../../src/answers/source.ts';
import { bundledKnowledge, isVerbatim } from '../helpers/corpus.ts';

const knowledge = bundledKnowledge();

function expectVerbatim(answer: Answer): void {
  for (const r of answer.results) expect(isVerbatim(knowledge, r.quote, r.source.id), r.quote).toBe(true);
}

describe('/who', () => {
  it('says who someone is, with the quote that states their role first', () => {
    const a = answerWho(knowledge, 'head of Mossad');
    expect(a.entity?.name).toBe('David Barnea');
    expect(a.entity?.roles[0]).toMatch(/Director of Mossad/);
    expect(a.results[0]?.quote).toMatch(/David Barnea, the director of Mossad/);
    expectVerbatim(a);
  });

  it('attributes what a person is quoted as saying', () => {
    const a = answerWho(knowledge, 'Netanyahu', 10);
    const spoken = a.results.find((r) => r.speaker?.direct);
    expect(spoken?.quote).toMatch(/“In recent days, I have spoken/);
    expect(spoken?.speaker?.entity_id).toBe('benjamin-netanyahu');
  });

  it('trims a quote only at sentence boundaries, with an ellipsis where cut', () => {
    const a = answerWho(knowledge, 'McGurk', 10);
    const cut = a.results.find((r) => r.quote.includes('…'));
    expect(cut).toBeDefined();
    expectVerbatim(a);
  });

  it('says so for an unknown name and offers the closest entities', () => {
    const a = answerWho(knowledge, 'Blinkenn Antonyy');
    expect(a.found).toBe(true); // close enough: typos are forgiven
    const none = answerWho(knowledge, 'Antonio Blanco');
    expect(none.found).toBe(false);
    expect(none.results).toEqual([]);
    expect(none.notes[0]).toMatch(/No one in the corpus matches "Antonio Blanco"/);
    expect(none.suggestions).toEqual(['Antony Blinken']);
    const nearTwo = answerWho(knowledge, 'Barnes');
    expect(nearTwo.found).toBe(false);
    expect(nearTwo.suggestions.slice(0, 2).sort()).toEqual(['Bill Burns', 'David Barnea']);
  });
});

describe('/when', () => {
  it('gives the event date in ISO form with its granularity and the words it rests on', () => {
    const a = answerWhen(knowledge, 'war cabinet approval');
    expect(a.results[0]).toMatchObject({ date: '2023-11-22', granularity: 'day', date_text: 'On Wednesday' });
    expectVerbatim(a);
  });

  it('shows both sides when sources disagree: the Raanans freed on Friday 20 October, or on "October 23"', () => {
    const a = answerWhen(knowledge, 'two Americans released');
    const dates = a.results.slice(0, 3).map((r) => r.date);
    expect(dates).toContain('2023-10-20');
    expect(dates).toContain('2023-10-23');
    expect(a.notes.join(' ')).toMatch(
      /disagree on the date: .*2023-10-20.*vs.*2023-10-23|disagree on the date: .*2023-10-23.*vs.*2023-10-20/,
    );
  });

  it('carries the disagreement as data too, side by side with the sources of each, for the faces that draw it', () => {
    const a = answerWhen(knowledge, 'two Americans released');
    const sides = a.disagreements?.[0]?.sides ?? [];
    expect(sides.map((s) => s.date).sort()).toEqual(['2023-10-20', '2023-10-23']);
    for (const side of sides) {
      expect(side.source_ids.length).toBeGreaterThan(0);
      // every source named on a side gives that date in the answer
      for (const id of side.source_ids) expect(a.results.some((r) => r.source.id === id && r.date === side.date)).toBe(true);
    }
    expect(answerWhen(knowledge, 'war cabinet approval').disagreements).toBeUndefined();
  });

  it('decides which picture goes with which page: the dates of a /when first page, the timeline on its first page only', () => {
    expect(answerWhen(knowledge, 'two Americans released').picture).toBe('dates');
    expect(answerWhen(knowledge, 'two Americans released', 5, 5).picture).toBeUndefined();
    expect(answerTimeline(knowledge).picture).toBe('timeline');
    expect(answerTimeline(knowledge, 10, 10).picture).toBeUndefined();
    expect(answerWhen(knowledge, 'zzqx unheard-of event').picture).toBeUndefined();
  });

  it('dates a quote that carries on from a dated paragraph, and says so', () => {
    const a = answerWhen(knowledge, 'Biden demanded specifics');
    const r = a.results.find((x) => x.quote.includes('demanded specifics'));
    expect(r).toMatchObject({ date: '2023-11-12', date_basis: 'preceding-paragraph' });
  });

  it('with no event, lists the timeline in date order', () => {
    const a = answerWhen(knowledge, '');
    expect(a.command).toBe('timeline');
    const all = answerTimeline(knowledge, 1000).results.map((r) => r.date ?? '');
    expect(all).toEqual([...all].sort());
    expect(all[0]).toBe('2012-01-01');
  });

  it('answers "no quote found" with suggestions below the relevance threshold', () => {
    const a = answerWhen(knowledge, 'moon landing astronauts');
    expect(a.found).toBe(false);
    expect(a.notes[0]).toMatch(/No quote found/);
  });
});

describe('/terms', () => {
  it('with no topic: the final deal first, then the proposals in date order', () => {
    const a = answerTerms(knowledge, null, 50);
    expect(a.results[0]?.quote).toMatch(/50 hostages in exchange for 150 Palestinian prisoners/);
    const later = a.results.slice(1).map((r) => r.date ?? r.source.published ?? '');
    expect(later).toEqual([...later].sort());
  });

  it('with a topic the text never names: the passages tagged with it', () => {
    const a = answerTerms(knowledge, 'ratio');
    expect(a.results.slice(0, 3).some((r) => r.quote.includes('three Palestinian prisoners for each hostage'))).toBe(true);
    expectVerbatim(a);
  });

  it('says what topics exist when nothing matches', () => {
    const a = answerTerms(knowledge, 'football scores');
    expect(a.found).toBe(false);
    expect(a.suggestions).toContain('exchange ratio');
  });
});

describe('/search', () => {
  it('finds the best quote for free text', () => {
    expect(answerSearch(knowledge, 'kicked out of Doha').results[0]?.quote).toMatch(/kicked out of Doha/);
  });

  it('gives "no quote found" and suggestions rather than a weak match', () => {
    const a = answerSearch(knowledge, 'Olympic swimming records');
    expect(a).toMatchObject({ found: false, results: [] });
    expect(a.notes[0]).toMatch(/No quote found/);
  });

  it('keeps every quote verbatim whatever is asked', () => {
    for (const q of ['Qatar', 'hostages released', 'Shifa hospital', 'proof of life', '“gaps are narrowing”', 'القسام']) {
      expectVerbatim(answerSearch(knowledge, q, 20));
    }
  });
});

describe('/source', () => {
  it('shows the attribution and how the date is known', () => {
    const a = answerSource(knowledge, 'ap-how-the-hostage-deal-came-about#12');
    expect(a.results[0]?.source.authors).toContain('Colleen Long');
    expect(a.notes[0]).toMatch(/inferred/);
  });

  it('with no id, lists every source once, newest first, each by its opening passage and attribution', () => {
    const a = answerSource(knowledge, null, 20);
    expect(a.found).toBe(true);
    const ids = a.results.map((r) => r.source.id);
    expect(new Set(ids)).toEqual(new Set(knowledge.corpus.sources.map((s) => s.id)));
    expect(ids).toHaveLength(knowledge.corpus.sources.length);
    const dates = a.results.map((r) => r.source.published ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(a.results.every((r) => r.passage_id === `${r.source.id}#1`)).toBe(true);
    expectVerbatim(a);
    expect(a.notes[0]).toMatch(/^5 sources in the corpus, newest first/);
  });
});

describe('an answer that finds nothing', () => {
  it('says what the corpus covers, on every quote command', () => {
    const coverage = 'The corpus holds 5 sources, published from 20 October 2023 to 22 March 2024.';
    expect(corpusCoverage(knowledge)).toBe(coverage);
    for (const a of [
      answerSearch(knowledge, 'xylophone quartet'),
      answerWhen(knowledge, 'xylophone quartet'),
      answerWho(knowledge, 'Xylophonia Quartetti'),
    ]) {
      expect(a.found, a.command).toBe(false);
      expect(a.notes, a.command).toContain(coverage);
    }
  });
});

describe('suggestions when nothing is found', () => {
  it('ask the question again with the words the sources use, when most of it is theirs', () => {
    // the bundled sources write "cease-fire", never "truce" or "collapse"
    expect(answerWhen(knowledge, 'did the truce collapse').suggestions[0]).toBe('truce');
  });

  it('name no one whose name only shares a few letters with a word of the question', () => {
    const suggestions = answerWhen(knowledge, 'did the truce collapse').suggestions;
    expect(suggestions).not.toContain('Colleen Long');
    expect(suggestions.some((s) => /Al Thani/.test(s))).toBe(false);
  });

  it('offer nothing from a question the sources do not tell of, rather than one stray word of it', () => {
    expect(answerSearch(knowledge, 'Olympic swimming records').suggestions).not.toContain('records');
  });
});
