/**
 * `/timeline`: the picture of the talks (when the bot has one to serve) and every dated statement in date order,
 * each with the sentence that gives the date, its source and a link to the passage in its article. The list is
 * the `/timeline` command's own answer (copies shown once), a page of entries at a time, under a heading for each
 * month (or year, for statements dated only by their year), so a reader can see where in the story a page is and
 * skim to a month.
 *
 * The picture is a link to itself at full size; on a wide screen it spreads beyond the text column, and on a phone
 * it keeps a readable size and scrolls sideways in its frame, rather than shrinking its labels to nothing.
 */
import { answerTimeline } from '../../answers/timeline.ts';
import { type QuoteResult, sourceName } from '../../answers/answer.ts';
import type { Knowledge } from '../../knowledge/knowledge.ts';
import { dateDisplay } from '../../dates/date-display.ts';
import { alsoInLine, dateLabel } from '../attribution.ts';
import { html } from './html.ts';
import { renderPage } from './layout.ts';
import { pager, type PageWindow } from './pager.ts';
import { passagePath, TIMELINE_PATH, TIMELINE_PNG_PATH } from './page-links.ts';

/** Entries on a page: a month or two of the talks at a time, a page a reader can scroll through on a phone. */
export const ENTRIES_PER_PAGE = 30;

/** The picture's text alternative: what it shows, since the list below says each point in words. */
export const TIMELINE_ALT =
  'The dated events of the talks on a time axis, grouped into phases; the list below gives every dated statement in words.';

function entry(r: QuoteResult) {
  // a month, week or year shown as what it is; its machine-readable form as precise as it is
  const shown = r.date_display ?? r.date ?? '';
  const machine =
    r.granularity === 'year' ? (r.date ?? '').slice(0, 4) : r.granularity === 'month' ? (r.date ?? '').slice(0, 7) : (r.date ?? '');
  const words = r.date_text ? html` · “${r.date_text}”` : '';
  const year = r.year_inferred ? ' · the year inferred: its article shows none' : '';
  const also = alsoInLine(r);
  return html`<li>
<p><time datetime="${machine}">${shown}</time>${words}${year}</p>
<blockquote dir="auto">${r.quote}</blockquote>
<p dir="auto">— <a href="${passagePath(r.passage_id)}">${sourceName(r.source)}, ${dateLabel(r.source)}</a>${also ? html` <span class="also">${also}</span>` : ''}</p>
</li>`;
}

export interface TimelinePageOptions extends PageWindow {
  /** Whether the picture is served at /timeline.png. */
  picture: boolean;
}

/**
 * @example
 * renderTimelinePage(knowledge, { page: 1, picture: false }) // → the first hundred dated statements, no picture
 */
export function renderTimelinePage(knowledge: Knowledge, options: TimelinePageOptions): string {
  const answer = answerTimeline(knowledge, ENTRIES_PER_PAGE, (options.page - 1) * ENTRIES_PER_PAGE);
  const picture =
    options.picture && options.page === 1
      ? html`<figure class="picture">
<a href="${TIMELINE_PNG_PATH}"><img src="${TIMELINE_PNG_PATH}" alt="${TIMELINE_ALT}"></a>
<figcaption><a href="${TIMELINE_PNG_PATH}">Open the picture at full size</a></figcaption>
</figure>`
      : '';
  const sections = sectionsOf(answer.results).map(
    ([heading, entries]) => html`<section>
<h2>${heading}</h2>
<ol class="timeline">${entries.map(entry)}</ol>
</section>`,
  );
  const main = html`<h1>Timeline of the talks</h1>
<p class="lede">${answer.total} dated statements, earliest first. ${answer.notes.join(' ')}</p>
${picture}
${sections}
${pager(TIMELINE_PATH, options.page, answer.total, ENTRIES_PER_PAGE)}`;
  return renderPage({ title: 'Timeline', section: 'timeline', main });
}

/**
 * The entries of a page under their headings, in order: a statement dated to a day, a week or a month goes under its
 * month ("November 2023"), one dated only by its year under the year ("2012").
 *
 * @example
 * sectionsOf(results).map(([heading]) => heading) // → ['2012', 'October 2023', 'November 2023']
 */
export function sectionsOf(results: readonly QuoteResult[]): Array<[string, QuoteResult[]]> {
  const sections: Array<[string, QuoteResult[]]> = [];
  for (const r of results) {
    const heading = dateDisplay(r.date ?? '', r.granularity === 'year' ? 'year' : 'month');
    const last = sections[sections.length - 1];
    if (last && last[0] === heading) last[1].push(r);
    else sections.push([heading, [r]]);
  }
  return sections;
}
