import { describe, expect, it } from 'vitest';
import { resolveDates, resolveWeekday, type WeekdayMode } from '../../src/dates/resolve-dates.ts';

const one = (text: string, ref: string | null) => resolveDates(text, ref).map((d) => [d.text, d.iso, d.granularity]);
/** The dates of `text` in an article published on Thursday 16 January 2025, the day the Gaza ceasefire was agreed. */
const jan16 = (text: string) => resolveDates(text, '2025-01-16').map((d) => d.iso);

describe('resolving the dates a news sentence gives', () => {
  it('explicit dates take the publication year, or the year before when they would fall after it', () => {
    expect(one('It was put forward on Oct. 12, five days after the attack.', '2023-11-22')).toEqual([['Oct. 12', '2023-10-12', 'day']]);
    expect(one('They met in Washington on March 5, sources said.', '2024-03-22')).toEqual([['March 5', '2024-03-05', 'day']]);
    expect(one('They met on December 30.', '2024-01-10')).toEqual([['December 30', '2023-12-30', 'day']]);
    expect(one('on 7 October.', '2023-10-20')).toEqual([['on 7 October', '2023-10-07', 'day']]);
  });

  it('a bare weekday points back 0–6 days', () => {
    expect(one('On Wednesday, Israel’s war cabinet signed off.', '2023-11-22')).toEqual([['On Wednesday', '2023-11-22', 'day']]);
    expect(one('Hamas leaders said on Friday they had decided.', '2023-10-21')).toEqual([['on Friday', '2023-10-20', 'day']]);
    expect(one('A meeting on Thursday between them.', '2023-10-20')).toEqual([['on Thursday', '2023-10-19', 'day']]);
  });

  it('a weekday points ahead when the sentence looks ahead', () => {
    expect(one('Talks are set to resume on Friday.', '2024-03-21')).toEqual([['on Friday', '2024-03-22', 'day']]);
    expect(one('No hostages were to be released before Friday.', '2023-11-22')).toEqual([['Friday', '2023-11-24', 'day']]);
  });

  it('"last Friday" is the Friday of the week before', () => {
    expect(one('Talks resumed last Friday.', '2023-11-22')).toEqual([['last Friday', '2023-11-17', 'day']]);
  });

  it('a weekday right before an explicit date takes that date', () => {
    expect(one('until Tuesday morning, Nov. 21, when Hamas agreed.', '2023-11-22')).toEqual([['Nov. 21', '2023-11-21', 'day']]);
  });

  it('relative phrases resolve with their granularity', () => {
    expect(one('Six weeks ago, Qatar reached out.', '2023-11-22')).toEqual([['Six weeks ago', '2023-10-09', 'week']]);
    expect(one('Last month, Qatar secured a swap.', '2023-10-20')).toEqual([['Last month', '2023-09-01', 'month']]);
    expect(one('The deal that emerged this week.', '2023-11-22')).toEqual([['this week', '2023-11-20', 'week']]);
    expect(one('In late October, they spoke.', '2023-11-22')).toEqual([['October', '2023-10-01', 'month']]);
    expect(one('Hamas established an office in Doha in 2012.', '2024-03-22')).toEqual([['2012', '2012-01-01', 'year']]);
  });

  it('durations, numbers and day counts are not dates', () => {
    for (const text of [
      'during a four-day cease-fire',
      'release of somewhere between 200 to 300 Palestinian women',
      'On Day One of the truce',
      'five days after the initial Hamas attack',
      'over the course of roughly the next two weeks',
      'for more than six weeks',
      'McGurk spent the next several days after that call',
      'He said now. Morning came.',
    ]) {
      expect(one(text, '2023-11-22'), text).toEqual([]);
    }
  });
});

describe('the wording next to a weekday says which way it points', () => {
  it('a weekday after "starting on" points ahead, even after a past-tense verb earlier in the clause', () => {
    expect(one('Israel’s cabinet approved the ceasefire starting on Sunday.', '2025-01-16')).toEqual([['on Sunday', '2025-01-19', 'day']]);
  });

  it.each([
    ['returns on', 'Witkoff returns on Sunday for a summit with the mediators.', '2025-01-19'],
    ['will begin on', 'The first phase will begin on Sunday.', '2025-01-19'],
    ['is due on', 'The first release is due on Sunday.', '2025-01-19'],
    ['is due', 'The first release is due Sunday.', '2025-01-19'],
    ['set for', 'A cabinet vote is set for Saturday.', '2025-01-18'],
    ['scheduled for', 'A cabinet vote was originally scheduled for Friday.', '2025-01-17'],
    ['expected to', 'Negotiators are expected to meet again on Saturday.', '2025-01-18'],
    ['due to take effect on', 'The agreement is due to take effect on Sunday.', '2025-01-19'],
    ['takes effect on', 'The truce, which takes effect on Sunday, was approved overnight.', '2025-01-19'],
    ['starting from', 'Aid trucks may enter starting from Sunday.', '2025-01-19'],
    ['from', 'The exchanges run from Sunday.', '2025-01-19'],
    ['prepared to', 'The strikes came as the cabinet prepared to vote on Saturday on the envoy’s dismissal.', '2025-01-18'],
    ['getting ready to', 'Crews were getting ready to reopen the crossing on Sunday.', '2025-01-19'],
  ])('"%s" points ahead', (_cue, text, iso) => {
    expect(jan16(text)).toEqual([iso]);
  });

  it('"next Monday" is the Monday of the coming week', () => {
    expect(jan16('The delegation flies to Cairo next Monday.')).toEqual(['2025-01-20']);
  });

  it('past wording points back: a reporting verb, a fronted weekday before a past verb, "last"', () => {
    expect(jan16('Netanyahu said on Tuesday that a deal was close.')).toEqual(['2025-01-14']);
    expect(jan16('On Sunday, Hamas released three hostages.')).toEqual(['2025-01-12']);
    expect(jan16('Speaking on Sunday, Netanyahu said the war would go on.')).toEqual(['2025-01-12']);
    expect(jan16('The talks collapsed last Friday.')).toEqual(['2025-01-10']);
  });

  it('a fronted weekday before "will" points ahead', () => {
    expect(jan16('On Sunday, more hostages will be freed.')).toEqual(['2025-01-19']);
  });

  it('"said on Sunday" stays in the past though the quote it reports says "will"', () => {
    expect(jan16('Hamas said on Sunday it will release four hostages.')).toEqual(['2025-01-12']);
    expect(jan16('A Hamas official told reporters on Monday that the group will not budge.')).toEqual(['2025-01-13']);
  });

  it('a weekday inside the reported "will" clause points ahead', () => {
    expect(jan16('Hamas said it will release four hostages on Saturday.')).toEqual(['2025-01-18']);
  });

  it('the tense of one clause does not spill into another', () => {
    expect(jan16('Hamas, which released three hostages on Sunday, said it will free more.')).toEqual(['2025-01-12']);
    expect(jan16('Israel will free 90 prisoners and Hamas released three hostages on Sunday.')).toEqual(['2025-01-12']);
    expect(jan16('Hostages were freed on Sunday and more will follow.')).toEqual(['2025-01-12']);
  });

  it('a weekday that is the publication weekday is that very day, in past or forward wording, unless "next" or "last"', () => {
    expect(jan16('Hamas said on Thursday it had accepted.')).toEqual(['2025-01-16']);
    expect(jan16('The first phase, starting Thursday, lasts six weeks.')).toEqual(['2025-01-16']);
    expect(jan16('Talks resume next Thursday.')).toEqual(['2025-01-23']);
    expect(jan16('The talks collapsed last Thursday.')).toEqual(['2025-01-09']);
  });

  it('resolveWeekday counts 0–6 days either way, and 1–7 for "last" and "next"', () => {
    const modes: WeekdayMode[] = ['past', 'future', 'last', 'next'];
    expect(modes.map((mode) => resolveWeekday(4, '2025-01-16', mode))).toEqual(['2025-01-16', '2025-01-16', '2025-01-09', '2025-01-23']);
  });
});

describe('a month or a date without a year', () => {
  it('in wording that looks ahead is the next one, not last year’s', () => {
    expect(one('A second round is scheduled for March 5.', '2025-01-16')).toEqual([['March 5', '2025-03-05', 'day']]);
    expect(one('Talks are expected to resume in March.', '2025-01-16')).toEqual([['March', '2025-03-01', 'month']]);
  });

  it('in past wording, or in a plan told in the past tense, stays behind publication', () => {
    expect(jan16('Talks stalled in March.')).toEqual(['2024-03-01']);
    expect(jan16('The vote was scheduled for Dec. 30.')).toEqual(['2024-12-30']);
    expect(jan16('Hostages were to meet their families on Dec. 20.')).toEqual(['2024-12-20']);
  });
});

describe('words spelled like calendar words are not dates', () => {
  it.each([
    'Protesters march through Tel Aviv every week.',
    'Thousands marched in Tel Aviv.',
    'Hostages may be released within weeks.',
    'The deal may collapse.',
    'He sat with the families.',
    'The sun set over Gaza.',
    'The couple wed in Gaza.',
  ])('lowercase verbs, modals and nouns: %s', (text) => {
    expect(jan16(text)).toEqual([]);
  });

  it('"second" is an ordinal or a clock unit', () => {
    expect(jan16('Talks on a second phase continue.')).toEqual([]);
    expect(jan16('Mediators hope to begin a second round of talks in a second city.')).toEqual([]);
    expect(jan16('Negotiators will meet in a second.')).toEqual([]);
  });

  it('a lone capitalised "March" or "May" that nothing marks as a month', () => {
    expect(jan16('March organisers said the rally would go ahead.')).toEqual([]);
    expect(jan16('May negotiators agree on anything?')).toEqual([]);
    expect(jan16('They joined the Great March of Return protests.')).toEqual([]);
    expect(jan16('MARCH ORGANISERS SAID THE RALLY WOULD GO AHEAD.')).toEqual([]);
  });

  it('an abbreviated weekday without its period: "Sun-Times" is a newspaper', () => {
    expect(jan16('The Chicago Sun-Times reported it.')).toEqual([]);
    expect(one('Posted Wed., Jan. 15.', '2025-01-16')).toEqual([['Wed., Jan. 15', '2025-01-15', 'day']]);
  });

  it('"March" and "May" are months with a day, a year, or a marking word before them', () => {
    expect(one('In March, talks stalled.', '2025-01-16')).toEqual([['March', '2024-03-01', 'month']]);
    expect(one('They met on March 5.', '2025-01-16')).toEqual([['March 5', '2024-03-05', 'day']]);
    expect(one('March 5 was the deadline.', '2025-01-16')).toEqual([['March 5', '2024-03-05', 'day']]);
    expect(one('By early March, talks stalled.', '2025-01-16')).toEqual([['March', '2024-03-01', 'month']]);
    expect(one('Since mid-March, talks have stalled.', '2025-01-16')).toEqual([['March', '2024-03-01', 'month']]);
    expect(one('March 2024 was the deadline.', '2025-01-16')).toEqual([['March 2024', '2024-03-01', 'month']]);
    expect(one('Talks have stalled since May.', '2025-01-16')).toEqual([['May', '2024-05-01', 'month']]);
    expect(one('Talks stalled in early May.', '2025-01-16')).toEqual([['May', '2024-05-01', 'month']]);
  });
});

describe('a source without a publication date', () => {
  it('keeps explicit dates that carry their year, at the granularity they give', () => {
    expect(one('the October 16, 2024 killing of Sinwar', null)).toEqual([['October 16, 2024', '2024-10-16', 'day']]);
    expect(one('The deal was reached in January 2025.', null)).toEqual([['January 2025', '2025-01-01', 'month']]);
    expect(one('Hamas opened an office in Doha in 2012.', null)).toEqual([['2012', '2012-01-01', 'year']]);
  });

  it('gives a date without a year the year of another date in the same passage', () => {
    expect(one('Sinwar was killed on October 16, 2024. His death was confirmed on October 17.', null)).toEqual([
      ['October 16, 2024', '2024-10-16', 'day'],
      ['October 17', '2024-10-17', 'day'],
    ]);
    expect(one('Talks stalled in May, and resumed in 2024.', null)).toEqual([
      ['May', '2024-05-01', 'month'],
      ['2024', '2024-01-01', 'year'],
    ]);
  });

  it('skips a date without a year when nothing in its passage gives one', () => {
    expect(one('the October 16 killing', null)).toEqual([]);
    expect(one('Talks stalled in March.', null)).toEqual([]);
  });

  it('given the year inferred for its source, places a date without a year in it, marked as inferred', () => {
    const dates = resolveDates('On September 29, the plan was released. Talks stalled in March.', null, 2025);
    expect(dates.map((d) => [d.text, d.iso, d.granularity, d.kind])).toEqual([
      ['September 29', '2025-09-29', 'day', 'year-inferred'],
      ['March', '2025-03-01', 'month', 'year-inferred'],
    ]);
    // a year in the passage itself still comes first
    expect(
      resolveDates('Sinwar was killed on October 16, 2024. His death was confirmed on October 17.', null, 2025).map((d) => d.iso),
    ).toEqual(['2024-10-16', '2024-10-17']);
    // weekdays and words counted from publication need the day, which an inferred year does not give
    expect(resolveDates('Hostages were freed on Sunday.', null, 2025)).toEqual([]);
  });

  it('skips weekdays and words counted from publication', () => {
    expect(one('Hostages were freed on Sunday.', null)).toEqual([]);
    expect(one('It happened yesterday, then last week, six weeks ago and again this month.', null)).toEqual([]);
    expect(one('They met last March, in 2023.', null)).toEqual([['2023', '2023-01-01', 'year']]);
  });
});
