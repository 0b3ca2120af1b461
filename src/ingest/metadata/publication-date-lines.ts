/**
 * Date lines: the line under a headline that says when the article was published or updated, in the forms news
 * sites print — "25 February, 2024", "Published: Wed 31 Jul 2024", "May 31, 2024 | 3:45 pm ET", "Updated 17
 * October 2024", "Oct. 9, 2025, 6:02 a.m. ET", "2024-07-31T14:05:00+03:00". The whole line must be the date (a label,
 * the date, a time and a time zone), so a sentence that mentions "March" or "may" is never read as one, and a date
 * without a year is never completed by guessing.
 */

export interface DateLine {
  /** The calendar day as the line states it (an ISO timestamp keeps its own local day). */
  iso: string;
  /** `updated` for "Updated …", "Last updated …", "Modified …"; `published` for every other label or none. */
  kind: 'published' | 'updated';
  /** The line as the page shows it. */
  evidence: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\\.?,?';
const LABEL =
  '(?:(?:first\\s+)?published|posted|updated|last\\s+updated|last\\s+modified|modified|date|dated|created|issued)(?:\\s+on)?\\s*:?';
const ORD = '(?:st|nd|rd|th)?';
const ZONE = '(?:[A-Z]{2,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?|\\p{Lu}\\p{L}+ time)';
/** A time zone or the place whose clock it is: "GMT", "ET", "UTC+3", ", UK", "(Moscow time)". */
const TZ = `(?:,?\\s*${ZONE}|\\(\\s*${ZONE}\\s*\\))`;
const TIME = `(?:(?:at\\s+)?\\d{1,2}(?:[:.]\\d{2}){1,2}\\s*(?:[ap]\\.?\\s?m\\.?)?|\\d{1,2}\\s*[ap]\\.?\\s?m\\.?)(?:\\s*${TZ})?`;
const SEP = '[\\s,|·•–—-]*';

const ISO = '(\\d{4})-(\\d{2})-(\\d{2})(?:[T\\s]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s*(?:Z|[+-]\\d{2}:?\\d{2}))?)?';
const DMY = `(?:${WEEKDAY}\\s*)?(\\d{1,2})${ORD}\\s+(${MONTH}),?\\s+(\\d{4})`;
const MDY = `(?:${WEEKDAY}\\s*)?(${MONTH})\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})`;

const PART = new RegExp(`^(${LABEL})?\\s*(?:${ISO}|${DMY}|${MDY})(?:${SEP}${TIME})?${SEP}`, 'iu');

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** True when year, month and day name a day the calendar has. */
function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads a date line: every date it states (a line may carry "Published … Updated …"), or null when the line is
 * not a date line.
 *
 * @example
 * parseDateLine('Published: Wed 31 Jul 2024')  // → [{ iso: '2024-07-31', kind: 'published', evidence: 'Published: Wed 31 Jul 2024' }]
 * parseDateLine('May 31, 2024 | 3:45 pm ET')   // → [{ iso: '2024-05-31', kind: 'published', … }]
 * parseDateLine('Last updated: Wed 31 Jul 2024 - 19:20') // → [{ iso: '2024-07-31', kind: 'updated', … }]
 * parseDateLine('Talks may resume in March.') // → null
 */
export function parseDateLine(line: string): DateLine[] | null {
  const evidence = line.replace(/\s+/g, ' ').trim();
  if (evidence === '' || evidence.length > 120) return null;
  const found: DateLine[] = [];
  let rest = evidence;
  while (rest !== '') {
    const m = PART.exec(rest);
    if (!m || m[0] === '') return null;
    const g = m.slice(1);
    let year: number, month: number, day: number;
    if (g[1]) [year, month, day] = [Number(g[1]), Number(g[2]), Number(g[3])];
    else if (g[4]) [year, month, day] = [Number(g[6]), monthNumber(g[5] ?? ''), Number(g[4])];
    else [year, month, day] = [Number(g[9]), monthNumber(g[7] ?? ''), Number(g[8])];
    if (!isRealDay(year, month, day)) return null;
    const kind = /updated|modified/i.test(g[0] ?? '') ? 'updated' : 'published';
    found.push({ iso: `${year}-${pad(month)}-${pad(day)}`, kind, evidence });
    rest = rest.slice(m[0].length).trim();
  }
  return found.length > 0 ? found : null;
}

/**
 * The publication date among the date lines of a page: the first one labelled (or unlabelled) as published, else
 * the first "Updated" one.
 *
 * @example
 * pickPublished([...parseDateLine('Updated 17 Oct 2024')!, ...parseDateLine('Published 16 Oct 2024')!]).iso // → '2024-10-16'
 */
export function pickPublished(lines: readonly DateLine[]): DateLine | null {
  return lines.find((d) => d.kind === 'published') ?? lines[0] ?? null;
}

/**
 * The day an ISO timestamp states, as written ("2025-10-13T09:12:00+03:00" → "2025-10-13"), or null.
 *
 * @example
 * isoDay('2024-08-25T17:40:00+00:00') // → '2024-08-25'
 */
export function isoDay(timestamp: string): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(timestamp);
  if (!m) return parseDateLine(timestamp)?.[0]?.iso ?? null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDay(year, month, day) ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
