/** Counting days between ISO days: how far a date is from a publication, how close two dates of one event are. */
import { describe, expect, it } from 'vitest';
import { daysApart, daysBetween, MS_PER_DAY } from '../../src/dates/day-count.ts';

describe('the days between two ISO days', () => {
  it('counts from the first day to the second: positive when the second is later, negative when earlier', () => {
    expect(daysBetween('2023-11-22', '2023-11-24')).toBe(2);
    expect(daysBetween('2023-11-24', '2023-11-22')).toBe(-2);
    expect(daysBetween('2023-11-22', '2023-11-22')).toBe(0);
  });

  it('counts whole days across months, leap days and daylight-saving changes', () => {
    expect(daysBetween('2023-10-07', '2023-11-24')).toBe(48);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(daysBetween('2023-12-31', '2025-01-01')).toBe(367);
  });

  it('gives how many days apart two days are, whichever comes first', () => {
    expect(daysApart('2025-01-19', '2025-01-15')).toBe(4);
    expect(daysApart('2025-01-15', '2025-01-19')).toBe(4);
  });

  it('is not a number when a day is not one', () => {
    expect(daysApart('', '2025-01-15')).toBeNaN();
  });

  it('measures a day as 86,400,000 milliseconds', () => {
    expect(MS_PER_DAY).toBe(24 * 60 * 60 * 1000);
  });
});
