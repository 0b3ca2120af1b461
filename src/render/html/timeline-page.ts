/**
 * `/timeline`: the picture of the talks (when the bot has one to serve) and every dated statement in date order,
 * each with the sentence that gives the date, its source and a link to the passage in its article. The list is
 * the `/timeline` command's own answer (copies shown once), a page of entries at a time.
 */
import { answerTimeline } from '../../answers/timeline.ts';
import type { QuoteResult } from '../../answers/answer.ts';
import type { Knowledge } from '../../knowledge/knowledge.ts';
import { alsoInLine, dateLabel, outletLabel } from '../attribution.ts';
import { html } from './html.ts';
import { renderPage } from './layout.ts';
import { pager, type PageWindow } from './pager.ts';
import { passagePath, TIMELINE_PATH, TIMELINE_PNG_PATH } from './page-links.ts';

export const ENTRIES_PER_PAGE = 100;

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
<p dir="auto">— <a href="${passagePath(r.passage_id)}">${outletLabel(r.source)}, ${dateLabel(r.source)}</a>${also ? html` <span class="also">${also}</span>` : ''}</p>
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
    options.picture && options.page === 1 ? html`<figure><img src="${TIMELINE_PNG_PATH}" alt="${TIMELINE_ALT}"></figure>` : '';
  const main = html`<h1>Timeline of the talks</h1>
<p class="lede">${answer.total} dated statements, earliest first. ${answer.notes.join(' ')}</p>
${picture}
<ol class="timeline">${answer.results.map(entry)}</ol>
${pager(TIMELINE_PATH, options.page, answer.total, ENTRIES_PER_PAGE)}`;
  return renderPage({ title: 'Timeline', section: 'timeline', main });
}
