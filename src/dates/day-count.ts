/**
 * Counting days between ISO days (YYYY-MM-DD). `Date.parse` reads such a day as midnight UTC, so two days are a whole
 * number of days apart — no time zone or daylight saving in between — and the count is the difference in milliseconds
 * over a day's. How far a quote's date is from its source's publication, how close two sources' dates for one event
 * are, how long the silence between two deals was: all are counted here, the same way.
 *
 * @example
 * daysBetween('2023-11-22', '2023-11-24') // → 2
 * daysBetween('2023-11-24', '2023-11-22') // → -2
 * daysApart('2023-11-24', '2023-11-22') // → 2
 */

/** A day in milliseconds: the length of every day between two ISO days. */
export const MS_PER_DAY = 86_400_000;

/** The days from `from` to `to`: positive when `to` is later, negative when it is earlier. */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / MS_PER_DAY;
}

/** How many days apart two ISO days are, whichever comes first. */
export function daysApart(a: string, b: string): number {
  return Math.abs(daysBetween(a, b));
}
