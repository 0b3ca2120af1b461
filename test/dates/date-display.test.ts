/** A date is shown as what it is: a month as "October 2023", never as its first day with a note. */
import { describe, expect, it } from 'vitest';
import { dateDisplay } from '../../src/dates/date-display.ts';
import { eventDateLine } from '../../src/render/attribution.ts';
import type { QuoteResult } from '../../src/answers/answer.ts';

describe('a date as people read it', () => {
  it('is as precise as it is known', () => {
    expect(dateDisplay('2023-11-22', 'day')).toBe('2023-11-22');
    expect(dateDisplay('2023-11-20', 'week')).toBe('week of 20 Nov 2023');
    expect(dateDisplay('2023-10-01', 'month')).toBe('October 2023');
    expect(dateDisplay('2012-01-01', 'year')).toBe('2012');
  });

  it('is what a quote’s event date line shows', () => {
    const dated = (fields: Partial<QuoteResult>) => eventDateLine({ quote: 'q', passage_id: 's#1', score: 1, ...fields } as QuoteResult);
    expect(
      dated({ date: '2023-10-01', granularity: 'month', date_display: 'October 2023', date_text: 'in October', date_basis: 'quote' }),
    ).toBe('event date October 2023 (“in October”)');
    expect(dated({ date: '2012-01-01', granularity: 'year', date_display: '2012', date_text: '2012', date_basis: 'quote' })).toBe(
      'event date 2012 (“2012”)',
    );
    expect(
      dated({ date: '2023-11-17', granularity: 'day', date_display: '2023-11-17', date_text: 'last Friday', date_basis: 'quote' }),
    ).toBe('event date 2023-11-17 (day; “last Friday”)');
  });
});
