/**
 * A date as people read it, as precise as it is known: a day as its ISO date, a week as "week of 20 Nov 2023", a
 * month as "October 2023", a year as "2023". Every face shows a date this way, so a month is never shown as its first
 * day ("2023-10-01 (month)"); the ISO date (the first day of the period) stays beside it for scripts.
 */
import { monthName } from './month-names.ts';
import type { Granularity } from './resolve-dates.ts';

/**
 * @example
 * dateDisplay('2023-10-01', 'month') // → 'October 2023'
 * dateDisplay('2023-11-20', 'week') // → 'week of 20 Nov 2023'
 * dateDisplay('2012-01-01', 'year') // → '2012'
 * dateDisplay('2023-11-22', 'day') // → '2023-11-22'
 */
export function dateDisplay(iso: string, granularity: Granularity): string {
  const [year = '', month = '1', day = '1'] = iso.split('-');
  if (granularity === 'year') return year;
  if (granularity === 'month') return `${monthName(Number(month))} ${year}`;
  if (granularity === 'week') return `week of ${Number(day)} ${monthName(Number(month), 3)} ${year}`;
  return iso;
}

/**
 * A day in words, for sentences the bot writes ("published from 20 October 2023 to 22 March 2024").
 *
 * @example
 * dayInWords('2023-10-20') // → '20 October 2023'
 */
export function dayInWords(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${monthName(Number(iso.slice(5, 7)))} ${iso.slice(0, 4)}`;
}
