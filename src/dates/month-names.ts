/**
 * The English month names, January first: one list for every place a date is written out or read ("October 2023",
 * "22 November 2023", "in late March"), so that no two of them can disagree.
 *
 * @example
 * MONTH_NAMES[9] // → 'October'
 * monthName(10, 3) // → 'Oct'
 */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The name of month `month` (1–12), or its first `length` letters; the number itself when it is not a month. */
export function monthName(month: number, length?: number): string {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined) return String(month);
  return length === undefined ? name : name.slice(0, length);
}
