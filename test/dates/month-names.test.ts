import { describe, expect, it } from 'vitest';
import { dateDisplay, dayInWords } from '../../src/dates/date-display.ts';
import { MONTH_NAMES, monthName } from '../../src/dates/month-names.ts';
import { pictureDate } from '../../src/render/timeline-picture/label-text.ts';

describe('one list of month names for every date the bot writes', () => {
  it('names the twelve months, January first', () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect(monthName(1)).toBe('January');
    expect(monthName(10, 3)).toBe('Oct');
    expect(monthName(13)).toBe('13');
  });

  it('writes a day, a week and a month alike wherever they are shown', () => {
    expect(dayInWords('2023-10-20')).toBe('20 October 2023');
    expect(dateDisplay('2023-11-20', 'week')).toBe('week of 20 Nov 2023');
    expect(pictureDate('2023-11-20', 'week')).toBe('week of 20 Nov 2023');
    expect(dateDisplay('2023-10-01', 'month')).toBe('October 2023');
  });
});
