/**
 * Resolves the dates a news sentence mentions against the source's publication date, with chrono-node doing the
 * parsing and these rules (measured on the seeds) doing the judging:
 * - bare numbers and ranges ("200 to 300"), lone "now"/"morning", and durations tied to another event ("five days
 *   after", "several days after") are not dates;
 * - a bare weekday points to the past (0–6 days back) unless its sentence looks ahead ("will", "set to", "were to
 *   be", "scheduled", "expected to"); "last Friday" is 1–7 days back, "next Friday" 1–7 days ahead;
 * - a weekday right before an explicit date ("Tuesday morning, Nov. 21") takes that date;
 * - a month and day without a year is the latest such day not more than a week after publication;
 * - bare years ("in 2012") are caught by a pattern of their own.
 *
 * @example
 * resolveDates('Talks resumed last Friday.', '2023-11-22')
 * // → [{ text: 'last Friday', iso: '2023-11-17', granularity: 'day', kind: 'weekday', … }]
 */
import * as chrono from 'chrono-node';
import { splitSentences } from '../text/sentences.ts';

export type Granularity = 'day' | 'week' | 'month' | 'year';

export interface DateMention {
  /** The words of the text that give the date. */
  text: string;
  /** Offset of `text` in the input. */
  index: number;
  /** First day of the period, YYYY-MM-DD. */
  iso: string;
  granularity: Granularity;
  /** explicit: a calendar date; weekday: a day name resolved against publication; relative: "six weeks ago"; year. */
  kind: 'explicit' | 'weekday' | 'relative' | 'year';
}

const DAY_MS = 86_400_000;
const LOOKS_AHEAD = /\b(?:will|set to|were to be|was to be|scheduled|expected to|plans? to|due to|going to|is to|are to)\b/i;
const DATE_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|week|month|year|ago|today|yesterday|tomorrow)/i;
const LONE_TIME = /^(?:now|morning|evening|afternoon|night|tonight|noon|midnight)$/i;
const TIED_DURATION = /\b(?:after|before|later|earlier than)\s*$/i;

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return isoOf(new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS));
}

/** Weeks are given by their Monday. */
function mondayOf(iso: string): string {
  return addDays(iso, -((weekdayOf(iso) + 6) % 7));
}

function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** The date of `weekday` near `reference`: 0–6 days back, or ahead when the sentence looks ahead. */
export function resolveWeekday(weekday: number, reference: string, mode: 'past' | 'future' | 'last' | 'next'): string {
  const today = weekdayOf(reference);
  const back = (today - weekday + 7) % 7;
  if (mode === 'last') return addDays(reference, -(back === 0 ? 7 : back));
  if (mode === 'past') return addDays(reference, -back);
  let ahead = (weekday - today + 7) % 7;
  if (mode === 'next' && ahead === 0) ahead = 7;
  return addDays(reference, ahead);
}

function judge(result: chrono.ParsedResult, sentence: string, reference: string): DateMention | null {
  const text = result.text.replace(/[\s,]+$/, '');
  const start = result.start;
  if (LONE_TIME.test(text) || !DATE_WORD.test(text)) return null;
  const relative = result.tags().has('result/relativeDate') || /\b(?:this|last|next|ago)\b/i.test(text);
  if (/\b(?:days?|weeks?|months?|years?)\s+(?:after|before|later)\b/i.test(text)) return null;
  if (TIED_DURATION.test(sentence.slice(0, result.index + result.text.length))) return null;
  // "the next two weeks", "over the following days": a span of time, not a point in it
  if (/\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|few|following)\s+(?:days|weeks|months|years)\b/i.test(text) && !/\bago\b/i.test(text)) return null;
  const base = { text, index: result.index };
  if (/\bweeks?\b/i.test(text) && relative) {
    // chrono starts "this week" on a Sunday; the week of the reference day is meant
    const day = /\bthis week\b/i.test(text) ? reference : isoOf(start.date());
    return { ...base, iso: mondayOf(day), granularity: 'week', kind: 'relative' };
  }
  if (/\bmonths?\b/i.test(text) && relative) {
    return { ...base, iso: `${isoOf(start.date()).slice(0, 7)}-01`, granularity: 'month', kind: 'relative' };
  }
  if (/\byears?\b/i.test(text) && relative) return { ...base, iso: `${isoOf(start.date()).slice(0, 4)}-01-01`, granularity: 'year', kind: 'relative' };
  const weekday = start.get('weekday');
  if (start.isCertain('weekday') && !start.isCertain('day') && weekday !== null) {
    const mode = /\blast\b/i.test(text) ? 'last' : /\bnext\b/i.test(text) ? 'next' : LOOKS_AHEAD.test(sentence) ? 'future' : 'past';
    return { ...base, iso: resolveWeekday(weekday, reference, mode), granularity: 'day', kind: 'weekday' };
  }
  if (relative && start.isCertain('day')) return { ...base, iso: isoOf(start.date()), granularity: 'day', kind: 'relative' };
  const month = start.get('month');
  if (!start.isCertain('month') || month === null) return null;
  let year = start.isCertain('year') ? (start.get('year') ?? 0) : Number(reference.slice(0, 4));
  const day = start.isCertain('day') ? (start.get('day') ?? 1) : 1;
  const candidate = () => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!start.isCertain('year') && candidate() > addDays(reference, 7)) year -= 1;
  return { ...base, iso: candidate(), granularity: start.isCertain('day') ? 'day' : 'month', kind: 'explicit' };
}

/**
 * Every date in `text` (a passage or a sentence), resolved against `reference` (YYYY-MM-DD, the publication date).
 */
export function resolveDates(text: string, reference: string): DateMention[] {
  const instant = new Date(`${reference}T12:00:00Z`);
  const mentions: DateMention[] = [];
  for (const sentence of splitSentences(text)) {
    const found: DateMention[] = [];
    for (const result of chrono.parse(sentence.text, { instant, timezone: 'UTC' })) {
      const mention = judge(result, sentence.text, reference);
      if (mention) found.push(mention);
    }
    for (const m of sentence.text.matchAll(/\b(?:in|since|by|until|of|from)\s+((?:19|20)\d{2})\b/g)) {
      const index = (m.index ?? 0) + m[0].length - (m[1]?.length ?? 0);
      if (!found.some((f) => index >= f.index && index < f.index + f.text.length)) {
        found.push({ text: m[1] ?? '', index, iso: `${m[1]}-01-01`, granularity: 'year', kind: 'year' });
      }
    }
    found.sort((a, b) => a.index - b.index);
    // "Tuesday morning, Nov. 21": the weekday takes the explicit date that follows it
    const kept = found.filter((f, i) => {
      const next = found[i + 1];
      return !(f.kind === 'weekday' && next?.kind === 'explicit' && next.index - (f.index + f.text.length) <= 4);
    });
    for (const k of kept) mentions.push({ ...k, index: k.index + sentence.start });
  }
  return mentions;
}
