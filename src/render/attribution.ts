/**
 * How a source is credited under every quote, in every face of the bot: outlet (or what it retells), authors,
 * publication date with its basis, title.
 *
 * @example
 * attributionLine(ref) // → 'The Associated Press · Colleen Long, Seung Min Kim, Sam Magdy, Julia Frankel · 2023-11-22 (date inferred)'
 */
import type { QuoteResult, SourceRef } from '../answers/answer.ts';

export function outletLabel(source: SourceRef): string {
  if (source.outlet && source.reports_on) return `${source.outlet}, retelling ${source.reports_on}`;
  if (source.outlet) return source.outlet;
  if (source.reports_on) return `Unknown outlet, retelling ${source.reports_on}`;
  return 'Unknown outlet';
}

export function dateLabel(source: SourceRef): string {
  if (!source.published) return 'date unknown';
  return source.published_basis === 'inferred' ? `${source.published} (date inferred)` : source.published;
}

export function attributionLine(source: SourceRef): string {
  const authors = source.authors.length > 0 ? source.authors.join(', ') : 'no byline';
  return [outletLabel(source), authors, dateLabel(source)].join(' · ');
}

/** "event date 2023-11-17 (day; “last Friday”)": how the command dated the quote. */
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
  return `event date ${result.date} (${result.granularity ?? 'day'}${from}${year})`;
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
 * alsoInLine({ ...result, also_in: [{ passage_id: 'r#2', source_id: 'r', outlet: 'Reuters', published: '2023-11-23' }] })
 * // → 'also in: Reuters (2023-11-23)'
 */
export function alsoInLine(result: QuoteResult, max = 3): string | null {
  const copies = result.also_in ?? [];
  if (copies.length === 0) return null;
  const named = copies.slice(0, max).map((c) => `${c.outlet ?? c.source_id} (${c.published ?? 'date unknown'})`);
  const more = copies.length - named.length;
  return `also in: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}
