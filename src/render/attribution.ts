/**
 * How a source is credited under every quote, in every face of the bot: what is known of it, and only that — its
 * outlet (or what it retells), its authors, its publication date with its basis, and its headline or, for a source
 * with neither outlet nor headline, its opening words. "Unknown outlet" and "no byline" are never shown: a reader
 * cannot check a quote against a lack.
 *
 * @example
 * attributionLine(ref) // → 'The Associated Press · Colleen Long, Seung Min Kim, Sam Magdy, Julia Frankel · 2023-11-22 (date inferred)'
 * attributionLine(untitled) // → '2023-10-20'; headingLabel(untitled) // → '“Gaza’s Hamas rulers on Friday released two…”'
 */
import { creditOf, type QuoteResult, type SourceRef } from '../answers/answer.ts';

export function dateLabel(source: SourceRef): string {
  if (!source.published) return 'date unknown';
  return source.published_basis === 'inferred' ? `${source.published} (date inferred)` : source.published;
}

/** Credit, authors and date, each only when known (the date always: "date unknown" is itself worth saying). */
export function attributionLine(source: SourceRef): string {
  return [creditOf(source), source.authors.length > 0 ? source.authors.join(', ') : null, dateLabel(source)]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

/**
 * The source's headline in quotation marks, or, when it has neither headline nor credit, its opening words: what
 * follows the attribution line so that every source is told apart by something it shows. Null when the credit alone
 * names it and it has no headline.
 */
export function headingLabel(source: SourceRef): string | null {
  if (source.title) return `“${source.title}”`;
  return creditOf(source) ? null : `“${source.opening_words}”`;
}

/** "event date 2023-11-17 (day; “last Friday”)", "event date October 2023 (“in October”)": how the command dated the quote. */
export function eventDateLine(result: QuoteResult): string | null {
  if (!result.date) return null;
  if (result.date_basis === 'publication') return `reported on ${result.date} (the article’s date: the quote gives none)`;
  const where = {
    quote: '',
    'preceding-paragraph': ' in the paragraph before',
    'opening-paragraph': ' in the article’s opening paragraph',
    publication: '',
  }[result.date_basis ?? 'quote'];
  const from = result.date_text ? `; “${result.date_text}”${where}` : '';
  const year = result.year_inferred ? '; the year inferred: its article shows none' : '';
  // a month, a week or a year is shown as what it is ("October 2023"), never as its first day with a note
  const granularity = result.granularity ?? 'day';
  if (granularity !== 'day') {
    const words = `${from.replace(/^; /, '')}${year}`;
    return `event date ${result.date_display ?? result.date}${words ? ` (${words.replace(/^; /, '')})` : ''}`;
  }
  return `event date ${result.date} (day${from}${year})`;
}

/** "“…,” Netanyahu said": who speaks in the quote. */
export function speakerLine(result: QuoteResult): string | null {
  if (!result.speaker) return null;
  return `${result.speaker.direct ? 'quoting' : 'according to'} ${result.speaker.name}`;
}

/**
 * "also in: Reuters (2023-11-23), The Times of Israel (2023-11-23) and 2 more": the other sources that carry the
 * quote, which the answer shows once. At most `max` are named, so a story republished fifty times stays one line.
 *
 * @example
 * alsoInLine({ ...result, also_in: [{ passage_id: 'r#2', source_id: 'r', outlet: 'Reuters', published: '2023-11-23', name: 'Reuters' }] })
 * // → 'also in: Reuters (2023-11-23)'
 */
export function alsoInLine(result: QuoteResult, max = 3): string | null {
  const copies = result.also_in ?? [];
  if (copies.length === 0) return null;
  const named = copies.slice(0, max).map((c) => `${c.name} (${c.published ?? 'date unknown'})`);
  const more = copies.length - named.length;
  return `also in: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}
