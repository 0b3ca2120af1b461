/**
 * Resolves the dates a news sentence mentions against the source's publication date, with chrono-node doing the
 * parsing and the small rules below doing the judging:
 * - what chrono over-reads is dropped: bare numbers and ranges, lone "now"/"morning", durations tied to another event
 *   ("five days after"), spans ("the next two weeks"), verbs and modals spelled like calendar words ("protesters
 *   march", "may collapse", "he sat", "Sun-Times"), and a lone "March"/"May" that nothing marks as a month;
 * - the wording next to a date says which way it points: "said on Sunday", "on Sunday, Hamas released" look back,
 *   "starting on Sunday", "is due on Sunday", "set for Sunday" look ahead (see {@link leaningAround});
 * - a bare weekday is 0–6 days back, or 0–6 days ahead when its wording looks ahead; "last Friday" is 1–7 days
 *   back, "next Friday" 1–7 days ahead; a weekday right before an explicit date ("Tuesday morning, Nov. 21") takes it;
 * - a month and day without a year is the latest such day not more than a week after publication, or, in wording
 *   that looks ahead, the earliest not more than a week before it;
 * - bare years ("in 2012") are caught by a pattern of their own;
 * - without a publication date only what the text itself fixes is kept: explicit dates with their year, or with a
 *   year given elsewhere in the same passage; weekdays and "last week" are skipped.
 *
 * @example
 * resolveDates('Talks resumed last Friday.', '2023-11-22')
 * // → [{ text: 'last Friday', iso: '2023-11-17', granularity: 'day', kind: 'weekday', … }]
 */
import * as chrono from 'chrono-node';
import { type Sentence, splitSentences } from '../text/sentences.ts';
import { MS_PER_DAY } from './day-count.ts';
import { MONTH_NAMES } from './month-names.ts';

export type Granularity = 'day' | 'week' | 'month' | 'year';

export interface DateMention {
  /** The words of the text that give the date. */
  text: string;
  /** Offset of `text` in the input. */
  index: number;
  /** First day of the period, YYYY-MM-DD. */
  iso: string;
  granularity: Granularity;
  /**
   * explicit: a calendar date; weekday: a day name resolved against publication; relative: "six weeks ago"; year;
   * year-inferred: a calendar date whose year neither the text nor a publication date gives, placed in the year
   * inferred for its source from the rest of the corpus (`inferSourceYear`).
   */
  kind: 'explicit' | 'weekday' | 'relative' | 'year' | 'year-inferred';
}

/** How a bare weekday is placed around the publication date (see {@link resolveWeekday}). */
export type WeekdayMode = 'past' | 'future' | 'last' | 'next';

/**
 * Which way the wording around a date points: back from publication, or ahead of it. `reported` marks a plan told in
 * the past tense ("was scheduled for", "were to be released"): it looked ahead when it was made, not necessarily now.
 */
export interface Leaning {
  direction: 'past' | 'ahead';
  reported: boolean;
}

/** The old sentence-wide test, used only when nothing next to a weekday says which way it points. */
const LOOKS_AHEAD = /\b(?:will|set to|were to be|was to be|scheduled|expected to|plans? to|due to|going to|is to|are to)\b/i;
const DATE_WORD =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|week|month|year|ago|today|yesterday|tomorrow)/i;
const LONE_TIME = /^(?:now|morning|evening|afternoon|night|tonight|noon|midnight)$/i;
const TIED_DURATION = /\b(?:after|before|later|earlier than)\s*$/i;
const WEEKDAY_NAME = /\b(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i;
const WEEKDAY_ABBREVIATION = /\b(?:sun|mon|tues?|wed|thu(?:rs?)?|fri|sat)\b/i;
/** Calendar words that are also everyday English words, which chrono reads as dates whatever their case. */
const LOWERCASE_HOMONYM = /\b(?:march|mar|may|sun|sat|wed)\b/;
/** Month names that are also verbs or modals: "March organisers said", "May God…". */
const AMBIGUOUS_MONTH = /\b(?:march|mar|may)\b/i;
/** A word right before a month name that makes it one: "in March", "early May", "mid-March", "end of March". */
const MONTH_MARKERS =
  'in|on|since|until|till|by|from|early|late|mid|of|through|throughout|before|after|during|last|next|this|between|and|or|to';
const MONTH_SUPPORT = new RegExp(`\\b(?:${MONTH_MARKERS})[\\s-]+$`, 'i');
/** Words that end a clause, so that the tense of one clause does not spill into the next. */
const CLAUSE_BREAK = /[;:—–()[\]]|,\s|\s(?:and|but|while|whereas)\s/gi;

// --- the wording around a date ---------------------------------------------------------------------------------

interface CuePattern {
  pattern: RegExp;
  direction: 'past' | 'ahead';
  /** Tense-bearing words (will, said, was) outrank a bare "-ed" word, which may be an adjective ("kidnapped"). */
  strong: boolean;
  /** Words that are nouns or adjectives after "the", "three"…: "the beginning of the war", "the freed hostages". */
  nounLike?: boolean;
}

const AHEAD_WORDS =
  "will|shall|won[’']t|going to|about to|set (?:to|for)|due|scheduled|slated|expected|planned|poised|supposed|upcoming|coming|next|" +
  'intends? to|plans? to|planning to|aims? to|(?:is|are|am|was|were) to|takes? effect|taking effect|comes? into (?:force|effect)|' +
  'prepar(?:es|ed|ing) to|(?:getting |got )?ready to|gearing up (?:to|for)|on (?:course|track) to';
/** Verbs of a scheduled event, in the present: "the truce starts on Sunday", "Witkoff returns on Sunday". */
const AHEAD_VERBS = 'starts|starting|begins|beginning|returns|returning|resumes|resuming|reopens|opens|ends|expires|kicks? off';
const PAST_WORDS =
  'said|told|announced|confirmed|reported|stated|declared|added|noted|wrote|insisted|claimed|acknowledged|tweeted|' +
  "was|were|had|did|been|didn[’']t|wasn[’']t|weren[’']t|hadn[’']t|" +
  'met|went|came|began|held|made|took|gave|sent|spoke|broke|brought|saw|won|fled|struck|rose|fell|sought|got|ran|' +
  'kept|found|knew|heard|stood|became|drew|flew|paid|sat|lost|fought|caught|spent|felt|' +
  'ago|yesterday|earlier|previously|last|(?:may|might|must|could|should|would) have';
/** A word before a verb-like cue that makes it a noun or an adjective: "the beginning", "three kidnapped". */
const DETERMINER_BEFORE =
  /\b(?:the|a|an|its|their|his|her|our|this|that|these|those|two|three|four|five|six|seven|eight|nine|ten|\d+|more|some|many|several|all|other|newly)\s+$/i;
/** "-ed" words that are not past tenses. */
const NOT_PAST_ED = new Set(
  'expected scheduled planned slated supposed proposed intended anticipated need indeed speed seed feed breed deed heed greed proceed succeed exceed hundred united sacred naked wicked'.split(
    ' ',
  ),
);

const CUES: CuePattern[] = [
  { pattern: new RegExp(`\\b(?:${AHEAD_WORDS})\\b`, 'gi'), direction: 'ahead', strong: true },
  { pattern: new RegExp(`\\b(?:${AHEAD_VERBS})\\b`, 'gi'), direction: 'ahead', strong: true, nounLike: true },
  // modals are lowercase: a capital "May" is the month
  { pattern: /\b(?:may|might|must)\b|[’']ll\b/g, direction: 'ahead', strong: true },
  // "will be released", "were to be freed": the verb after "be" is not a past tense
  { pattern: /\bbe\s+\w+/gi, direction: 'ahead', strong: true },
  { pattern: new RegExp(`\\b(?:${PAST_WORDS})\\b`, 'gi'), direction: 'past', strong: true },
  { pattern: /\b[a-z]+ed\b/g, direction: 'past', strong: false, nounLike: true },
];

interface Cue {
  direction: 'past' | 'ahead';
  strong: boolean;
  start: number;
  end: number;
}

/**
 * Every tense cue in `window`, as positions in it. A cue inside a longer one that ends at the same place is dropped
 * ("released" in "be released").
 *
 * @example
 * cuesIn('No hostages were to be released').map((c) => c.direction)
 * // → ['ahead', 'past', 'ahead']: "were to", "were", "be released" (not "released" alone)
 */
function cuesIn(window: string): Cue[] {
  const cues: Cue[] = [];
  for (const { pattern, direction, strong, nounLike } of CUES) {
    for (const m of window.matchAll(pattern)) {
      if (!strong && NOT_PAST_ED.has(m[0].toLowerCase())) continue;
      if (nounLike && DETERMINER_BEFORE.test(window.slice(0, m.index))) continue;
      cues.push({ direction, strong, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    }
  }
  return cues.filter((c) => !cues.some((o) => o !== c && o.end === c.end && o.start < c.start)).sort((a, b) => a.start - b.start);
}

/**
 * The clause a date sits in, split at `index` (where the date starts) and `end` (where it ends): the words before
 * it back to the previous clause break, and after it up to the next one (a comma right after the date is skipped,
 * so that "On Sunday, Hamas released" reaches the verb).
 *
 * @example
 * clauseAround('Israel will free prisoners and Hamas released three on Sunday, officials said.', 52, 61)
 * // → { before: 'Hamas released three ', after: ' officials said.' }
 */
function clauseAround(sentence: string, index: number, end: number): { before: string; after: string } {
  let from = 0;
  for (const m of sentence.slice(0, index).matchAll(CLAUSE_BREAK)) from = (m.index ?? 0) + m[0].length;
  const rest = sentence.slice(end).replace(/^(?:\s*(?:morning|afternoon|evening|night))?\s*,/, (s) => ' '.repeat(s.length));
  const stop = rest.search(CLAUSE_BREAK);
  return { before: sentence.slice(from, index), after: stop === -1 ? rest : rest.slice(0, stop) };
}

/**
 * Which way the wording next to a date points, or null when it does not say. The nearest tense-bearing cue before
 * the date in its clause wins ("Hamas said on Sunday it will…": "said"), then the nearest bare "-ed" word before it,
 * then the first cue after it in the clause, which after a fronted date is the main verb ("On Sunday, Hamas
 * released…"), then a "from"/"since" right before it.
 *
 * @example
 * leaningAround('the ceasefire starting on Sunday', 23, 32) // → { direction: 'ahead', reported: false }
 * leaningAround('Hamas said on Sunday it will free them', 11, 20) // → { direction: 'past', reported: false }
 */
export function leaningAround(sentence: string, index: number, end: number): Leaning | null {
  const { before, after } = clauseAround(sentence, index, end);
  const behind = cuesIn(before).sort((a, b) => b.end - a.end);
  const ahead = cuesIn(after).sort((a, b) => a.start - b.start);
  const cue = behind.find((c) => c.strong) ?? behind[0] ?? ahead[0];
  if (cue) {
    const source = behind.includes(cue) ? before : after;
    return { direction: cue.direction, reported: cue.direction === 'ahead' && isReportedPlan(source.slice(0, cue.end)) };
  }
  if (/\bfrom\s*$/i.test(before)) return { direction: 'ahead', reported: false };
  if (/\bsince\s*$/i.test(before)) return { direction: 'past', reported: false };
  return null;
}

/**
 * True when a look-ahead cue (the last words of `upToCue`) is itself in the past tense: a plan as it stood then,
 * which may since have happened.
 *
 * @example
 * isReportedPlan('The vote was scheduled') // → true
 * isReportedPlan('Hostages were to') // → true
 * isReportedPlan('Hamas said it will') // → false
 */
function isReportedPlan(upToCue: string): boolean {
  return /\b(?:was|were|had been)\s+(?:(?:not|also|still|originally|initially|to)\s+){0,2}[\w’']+(?:\s+\w+)?$/i.test(upToCue);
}

// --- what is not a date ----------------------------------------------------------------------------------------

/**
 * chrono reads clock units and bare numbers as times ("in a second" → one second from now, "200 to 300" → hours):
 * only text with a calendar word is a date, and a lone "now" or "morning" is not.
 *
 * @example
 * hasCalendarWord('in a second') // → false
 * hasCalendarWord('Oct. 12') // → true
 */
function hasCalendarWord(text: string): boolean {
  return DATE_WORD.test(text) && !LONE_TIME.test(text);
}

/**
 * A count of days tied to another event ("five days after the attack") or a span ("the next two weeks") is not a
 * point in time that publication can anchor.
 *
 * @example
 * isDurationOrSpan('the next two weeks', 'over the course of roughly the next two weeks') // → true
 * isDurationOrSpan('Six weeks ago', 'Six weeks ago') // → false
 */
function isDurationOrSpan(text: string, sentenceUpToEnd: string): boolean {
  if (/\b(?:days?|weeks?|months?|years?)\s+(?:after|before|later)\b/i.test(text)) return true;
  if (TIED_DURATION.test(sentenceUpToEnd)) return true;
  return (
    /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|few|following)\s+(?:days|weeks|months|years)\b/i.test(text) &&
    !/\bago\b/i.test(text)
  );
}

/**
 * Calendar words that are also everyday words are dates only when capitalised: "protesters march", "the deal may
 * collapse", "he sat down", "the sun rose", "we wed" are not dates.
 *
 * @example
 * isLowercaseHomonym('march') // → true
 * isLowercaseHomonym('March 5') // → false
 */
function isLowercaseHomonym(text: string): boolean {
  return LOWERCASE_HOMONYM.test(text);
}

/**
 * An abbreviated weekday with nothing else is a date only when written as one, with its period ("Wed."): "Sun-Times",
 * "Sat Nav" are not.
 *
 * @example
 * isBareWeekdayAbbreviation('Sun', '-Times') // → true
 * isBareWeekdayAbbreviation('Thurs.', ' talks') // → false
 */
function isBareWeekdayAbbreviation(text: string, following: string): boolean {
  if (WEEKDAY_NAME.test(text) || !WEEKDAY_ABBREVIATION.test(text)) return false;
  return !text.endsWith('.') && !following.startsWith('.');
}

/**
 * "March" and "May" alone are months only when something marks them as such: a day ("March 5"), a year
 * ("March 2024"), or a word before them ("in March", "early May", "mid-March", "end of March"). "March organisers
 * said", "the Great March of Return" are not dates.
 *
 * @example
 * isUnmarkedMonthName('March', false, '') // → true ("March organisers said")
 * isUnmarkedMonthName('March', false, 'Talks stalled in ') // → false
 */
function isUnmarkedMonthName(text: string, hasDayOrYear: boolean, textBefore: string): boolean {
  if (hasDayOrYear || !AMBIGUOUS_MONTH.test(text)) return false;
  return !MONTH_SUPPORT.test(textBefore);
}

/**
 * Whether a result depends on the publication date: "yesterday", "last week", "six weeks ago", "this month", and a
 * weekday without a date. Without a publication date these cannot be placed.
 *
 * @example
 * isRelativeToPublication(chrono.parse('last week')[0]) // → true
 */
function isRelativeToPublication(result: chrono.ParsedResult): boolean {
  const tags = [...result.tags()];
  if (tags.some((t) => t === 'result/relativeDate' || t.startsWith('casualReference/'))) return true;
  if (/\b(?:this|last|next|ago|past|coming|today|tonight|yesterday|tomorrow)\b/i.test(result.text)) return true;
  return result.start.isCertain('weekday') && !result.start.isCertain('day');
}

/**
 * A month counted from publication: "last March", "next May" (chrono leaves "last"/"next" out of its text). With a
 * publication date the wording rules place it; without one it cannot be placed.
 *
 * @example
 * isCountedMonth('They met last ') // → true
 */
function isCountedMonth(textBefore: string): boolean {
  return /\b(?:last|next|this|coming|past)\s+$/i.test(textBefore);
}

// --- placing a date --------------------------------------------------------------------------------------------

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return isoOf(new Date(Date.parse(`${iso}T00:00:00Z`) + days * MS_PER_DAY));
}

/** Weeks are given by their Monday. */
function mondayOf(iso: string): string {
  return addDays(iso, -((weekdayOf(iso) + 6) % 7));
}

function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

function isoFrom(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The date of `weekday` (0 = Sunday) near `reference`: 'past' is 0–6 days back, 'future' 0–6 days ahead (a weekday
 * equal to the publication weekday is that day either way), 'last' 1–7 days back, 'next' 1–7 days ahead.
 *
 * @example
 * resolveWeekday(0, '2025-01-16', 'future') // → '2025-01-19'
 * resolveWeekday(0, '2025-01-16', 'past') // → '2025-01-12'
 */
export function resolveWeekday(weekday: number, reference: string, mode: WeekdayMode): string {
  const today = weekdayOf(reference);
  const back = (today - weekday + 7) % 7;
  if (mode === 'last') return addDays(reference, -(back === 0 ? 7 : back));
  if (mode === 'past') return addDays(reference, -back);
  let ahead = (weekday - today + 7) % 7;
  if (mode === 'next' && ahead === 0) ahead = 7;
  return addDays(reference, ahead);
}

/**
 * How a weekday's own words and its sentence place it: "last"/"next" in the words themselves, else the wording
 * next to it ({@link leaningAround}), else the whole sentence looking ahead, else the past.
 *
 * @example
 * weekdayMode('on Sunday', 'the ceasefire starting on Sunday', 23) // → 'future'
 * weekdayMode('on Sunday', 'Hamas said on Sunday it will free them', 11) // → 'past'
 */
export function weekdayMode(text: string, sentence: string, index: number): WeekdayMode {
  if (/\blast\b/i.test(text)) return 'last';
  if (/\bnext\b/i.test(text)) return 'next';
  const leaning = leaningAround(sentence, index, index + text.length);
  if (leaning) return leaning.direction === 'ahead' ? 'future' : 'past';
  return LOOKS_AHEAD.test(sentence) ? 'future' : 'past';
}

/**
 * The year of a month (and day) given without one: the latest such date not more than a week after publication, or,
 * when the wording looks ahead (and not as a plan told in the past), the earliest not more than a week before it.
 *
 * @example
 * yearForMonthDay(12, 30, '2024-01-10', null) // → 2023
 * yearForMonthDay(3, 5, '2025-01-16', { direction: 'ahead', reported: false }) // → 2025 ("scheduled for March 5")
 */
function yearForMonthDay(month: number, day: number, published: string, leaning: Leaning | null): number {
  const year = Number(published.slice(0, 4));
  if (leaning?.direction === 'ahead' && !leaning.reported) {
    // months count from their last day: "in March" written on March 20 is this March
    const last = day === 0 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : day;
    return isoFrom(year, month, last) < addDays(published, -7) ? year + 1 : year;
  }
  return isoFrom(year, month, day || 1) > addDays(published, 7) ? year - 1 : year;
}

/**
 * A yearless date in a source without a publication date takes the year of the nearest date that gives one in the
 * same sentence, else in the same passage; with none, there is no year to give.
 *
 * @example
 * // 'Sinwar was killed on October 16, 2024. The October 18 funeral…' → October 18 takes 2024
 */
function yearFromContext(at: number, sentence: Sentence, dated: DateMention[]): number | null {
  const nearest = (among: DateMention[]) =>
    among.sort((a, b) => Math.abs(a.index - at) - Math.abs(b.index - at))[0]?.iso.slice(0, 4) ?? null;
  const inSentence = dated.filter((d) => d.index >= sentence.start && d.index < sentence.end);
  const year = nearest(inSentence) ?? nearest([...dated]);
  return year === null ? null : Number(year);
}

// --- putting it together ---------------------------------------------------------------------------------------

/** A month (and day) found in a source without a publication date, before a year is looked for in its passage. */
interface Yearless {
  text: string;
  index: number;
  month: number;
  day: number | null;
}

type Judged = DateMention | Yearless;

function judge(result: chrono.ParsedResult, sentence: string, published: string | null): Judged | null {
  const text = result.text.replace(/[\s,]+$/, '');
  const start = result.start;
  const end = result.index + text.length;
  if (!hasCalendarWord(text)) return null;
  if (isDurationOrSpan(text, sentence.slice(0, result.index + result.text.length))) return null;
  if (isLowercaseHomonym(text)) return null;
  const hasDate = start.isCertain('day') || start.isCertain('month');
  if (!hasDate && isBareWeekdayAbbreviation(text, sentence.slice(end))) return null;
  if (isUnmarkedMonthName(text, start.isCertain('day') || start.isCertain('year'), sentence.slice(0, result.index))) return null;
  const base = { text, index: result.index };
  if (isRelativeToPublication(result)) {
    if (published === null) return null;
    return judgeRelative(result, text, sentence, published);
  }
  const month = start.get('month');
  if (!start.isCertain('month') || month === null) return null;
  const calendar = {
    month,
    day: start.isCertain('day') ? (start.get('day') ?? 1) : null,
    year: start.isCertain('year') ? start.get('year') : null,
  };
  return placeCalendarDate(base, calendar, sentence, published);
}

/**
 * An explicit date: with its own year as given; without one, placed against publication by its wording
 * ({@link yearForMonthDay}); without a publication date, left for {@link yearFromContext}.
 */
function placeCalendarDate(
  at: { text: string; index: number },
  { month, day, year }: { month: number; day: number | null; year: number | null },
  sentence: string,
  published: string | null,
): Judged | null {
  const granularity = day === null ? 'month' : 'day';
  if (year !== null) return { ...at, iso: isoFrom(year, month, day ?? 1), granularity, kind: 'explicit' };
  if (published === null) return isCountedMonth(sentence.slice(0, at.index)) ? null : { ...at, month, day };
  const placed = yearForMonthDay(month, day ?? 0, published, leaningAround(sentence, at.index, at.index + at.text.length));
  return { ...at, iso: isoFrom(placed, month, day ?? 1), granularity, kind: 'explicit' };
}

/** Weeks, months, years and weekdays counted from publication. */
function judgeRelative(result: chrono.ParsedResult, text: string, sentence: string, published: string): DateMention | null {
  const start = result.start;
  const base = { text, index: result.index };
  if (/\bweeks?\b/i.test(text)) {
    // chrono starts "this week" on a Sunday; the week of the publication day is meant
    const day = /\bthis week\b/i.test(text) ? published : isoOf(start.date());
    return { ...base, iso: mondayOf(day), granularity: 'week', kind: 'relative' };
  }
  if (/\bmonths?\b/i.test(text)) return { ...base, iso: `${isoOf(start.date()).slice(0, 7)}-01`, granularity: 'month', kind: 'relative' };
  if (/\byears?\b/i.test(text)) return { ...base, iso: `${isoOf(start.date()).slice(0, 4)}-01-01`, granularity: 'year', kind: 'relative' };
  const weekday = start.get('weekday');
  if (start.isCertain('weekday') && !start.isCertain('day') && weekday !== null) {
    const iso = resolveWeekday(weekday, published, weekdayMode(text, sentence, result.index));
    return { ...base, iso, granularity: 'day', kind: 'weekday' };
  }
  if (start.isCertain('day')) return { ...base, iso: isoOf(start.date()), granularity: 'day', kind: 'relative' };
  return null;
}

/**
 * Bare years chrono leaves alone: "in 2012", "since 2007".
 *
 * @example
 * bareYears('an office in Doha in 2012') // → [{ text: '2012', iso: '2012-01-01', granularity: 'year', … }]
 */
function bareYears(sentence: string): DateMention[] {
  return [...sentence.matchAll(/\b(?:in|since|by|until|of|from)\s+((?:19|20)\d{2})\b/g)].map((m) => {
    const year = m[1] ?? '';
    return { text: year, index: (m.index ?? 0) + m[0].length - year.length, iso: `${year}-01-01`, granularity: 'year', kind: 'year' };
  });
}

/**
 * Month names after a word that marks them as months, which chrono drops: it reads "May" only after "in" ("since
 * May", "by May", "early May" give nothing). Found here with their offsets; the caller keeps those chrono missed.
 *
 * @example
 * markedMonthNames('talks stalled since May') // → [{ text: 'May', index: 20, month: 5 }]
 */
function markedMonthNames(sentence: string): { text: string; index: number; month: number }[] {
  const pattern = new RegExp(`\\b(?:${MONTH_MARKERS})[\\s-]+(${MONTH_NAMES.join('|')})\\b(?![\\s,]*\\d)`, 'gi');
  return [...sentence.matchAll(pattern)]
    .map((m) => ({ text: m[1] ?? '', index: (m.index ?? 0) + m[0].length - (m[1]?.length ?? 0) }))
    .filter(({ text }) => MONTH_NAMES.includes(text))
    .map(({ text, index }) => ({ text, index, month: MONTH_NAMES.indexOf(text) + 1 }));
}

/**
 * A weekday right before an explicit date ("Tuesday morning, Nov. 21") is that date: the weekday is dropped.
 *
 * @example
 * // 'until Tuesday morning, Nov. 21' → only 'Nov. 21'
 */
function isWeekdayOfNextDate(found: Judged[], i: number): boolean {
  const f = found[i];
  const next = found[i + 1];
  if (!f || !next || !('kind' in f) || f.kind !== 'weekday') return false;
  return (!('kind' in next) || next.kind === 'explicit') && next.index - (f.index + f.text.length) <= 4;
}

/**
 * Every date in `text` (a passage or a sentence), resolved against `published` (YYYY-MM-DD, the publication date of
 * its source), or, when that is unknown (null), only the dates the text itself fixes, and, given `inferredYear`
 * (the year inferred for a source without a publication date), its yearless calendar dates placed in that year.
 *
 * @example
 * resolveDates('the October 16 killing', null) // → []
 * resolveDates('the October 16 killing', null, 2024)[0] // → { iso: '2024-10-16', kind: 'year-inferred', … }
 */
export function resolveDates(text: string, published: string | null, inferredYear: number | null = null): DateMention[] {
  const instant = new Date(`${published ?? '2000-01-01'}T12:00:00Z`);
  const judged: (DateMention | (Yearless & { sentence: Sentence }))[] = [];
  for (const sentence of splitSentences(text)) {
    const found: Judged[] = [];
    for (const result of chrono.parse(sentence.text, { instant, timezone: 'UTC' })) {
      const mention = judge(result, sentence.text, published);
      if (mention) found.push(mention);
    }
    const covered = (index: number) => found.some((f) => index >= f.index && index < f.index + f.text.length);
    for (const { text: name, index, month } of markedMonthNames(sentence.text)) {
      const mention = covered(index)
        ? null
        : placeCalendarDate({ text: name, index }, { month, day: null, year: null }, sentence.text, published);
      if (mention) found.push(mention);
    }
    for (const year of bareYears(sentence.text)) {
      if (!covered(year.index)) found.push(year);
    }
    found.sort((a, b) => a.index - b.index);
    for (const [i, f] of found.entries()) {
      if (isWeekdayOfNextDate(found, i)) continue;
      const index = f.index + sentence.start;
      judged.push('kind' in f ? { ...f, index } : { ...f, index, sentence });
    }
  }
  const dated = judged.filter((j): j is DateMention => 'kind' in j);
  const mentions: DateMention[] = [];
  for (const j of judged) {
    if ('kind' in j) {
      mentions.push(j);
      continue;
    }
    const year = yearFromContext(j.index, j.sentence, dated);
    if (year === null && inferredYear === null) continue;
    mentions.push({
      text: j.text,
      index: j.index,
      iso: isoFrom(year ?? inferredYear ?? 0, j.month, j.day ?? 1),
      granularity: j.day === null ? 'month' : 'day',
      kind: year === null ? 'year-inferred' : 'explicit',
    });
  }
  return mentions;
}
