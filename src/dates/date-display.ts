/**
 * A date as people read it, as precise as it is known: a day as its ISO date, a week as "week of 20 Nov 2023", a
 * month as "October 2023", a year as "2023". Every face shows a date this way, so a month is never shown as its first
 * day ("2023-10-01 (month)"); the ISO date (the first day of the period) stays beside it for scripts.
 */
import type { Granularity } from './resolve-dates.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * @example
 * dateDisplay('2023-10-01', 'month') // → 'October 2023'
 * dateDisplay('2023-11-20', 'week') // → 'week of 20 Nov 2023'
 * dateDisplay('2012-01-01', 'year') // → '2012'
 * dateDisplay('2023-11-22', 'day') // → '2023-11-22'
 */
export function dateDisplay(iso: string, granularity: Granularity): string {
  const [year = '', month = '1', day = '1'] = iso.split('-');
  const monthName = MONTHS[Number(month) - 1] ?? month;
  if (granularity === 'year') return year;
  if (granularity === 'month') return `${monthName} ${year}`;
  if (granularity === 'week') return `week of ${Number(day)} ${monthName.slice(0, 3)} ${year}`;
  return iso;
}
