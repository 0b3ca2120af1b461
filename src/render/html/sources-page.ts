/**
 * `/sources`: every source of the corpus, each with its outlet, byline, date and how the date is known, linking to
 * its page. Long corpora are shown a page of sources at a time.
 */
import type { Knowledge } from '../../knowledge/knowledge.ts';
import { html } from './html.ts';
import { renderPage } from './layout.ts';
import { pager, type PageWindow } from './pager.ts';
import { sourcePath, SOURCES_PATH } from './page-links.ts';
import { creditOf, sourceRef } from '../../answers/answer.ts';
import type { Source } from '../../corpus/source-schema.ts';
import { dateBasisOf, dateKindOf, headingOf } from './source-details.ts';

/** The outlet and byline a source shows, each only when known, then " · " before the date: nothing stands for a lack. */
function knownCredit(s: Source): string {
  const parts = [creditOf(sourceRef(s)), s.authors.length > 0 ? s.authors.join(', ') : null].filter((p): p is string => p !== null);
  return parts.map((p) => `${p} · `).join('');
}

export const SOURCES_PER_PAGE = 100;

/**
 * @example
 * renderSourcesPage(knowledge, { page: 1 }) // → the HTML of the first hundred sources
 */
export function renderSourcesPage(knowledge: Knowledge, window: PageWindow): string {
  const sources = knowledge.corpus.sources;
  const first = (window.page - 1) * SOURCES_PER_PAGE;
  const shown = sources.slice(first, first + SOURCES_PER_PAGE);
  const passages = new Map<string, number>();
  for (const p of knowledge.passages) passages.set(p.sourceId, (passages.get(p.sourceId) ?? 0) + 1);
  const items = shown.map(
    (s) => html`<li>
<h2 dir="auto"><a href="${sourcePath(s.id)}">${headingOf(s)}</a></h2>
<p dir="auto">${knownCredit(s)}<time${s.published ? html` datetime="${s.published}"` : ''}>${s.published ?? 'date unknown'}</time> (${dateKindOf(s)}) · ${passages.get(s.id) ?? 0} passages</p>
<details><summary>How the date is known</summary><p dir="auto">${dateBasisOf(s)}</p></details>
</li>`,
  );
  const main = html`<h1>Sources</h1>
<p class="lede">${sources.length} ${sources.length === 1 ? 'article' : 'articles'} the bot quotes from. Each opens as the bot reads it, passage by passage.</p>
<ul class="sources">${items}</ul>
${pager(SOURCES_PATH, window.page, sources.length, SOURCES_PER_PAGE)}`;
  return renderPage({ title: 'Sources', section: 'sources', main });
}
