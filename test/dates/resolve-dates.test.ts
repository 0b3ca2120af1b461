import { describe, expect, it } from 'vitest';
import { resolveDates } from '../../src/dates/resolve-dates.ts';

const one = (text: string, ref: string) => resolveDates(text, ref).map((d) => [d.text, d.iso, d.granularity]);

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
