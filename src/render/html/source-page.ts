/**
 * `/sources/<id>`: one article as the bot reads it — its facts (outlet, byline, date and how it is known, the
 * original address when known), then its text paragraph by paragraph, each passage anchored by its passage id so a
 * quote can link straight to it. The passage a quote came from (`?q=<passage id>`) is marked; `:target` marks it
 * too. Passages that other sources carry word for word say where else they stand, and sources republished from one
 * another link to each other.
 */
import { isHeading } from '../../passages/passage.ts';
import type { Knowledge, KnownPassage } from '../../knowledge/knowledge.ts';
import { copiesOf } from '../../answers/collapse-copies.ts';
import type { Source } from '../../corpus/source-schema.ts';
import { html, type SafeHtml } from './html.ts';
import { renderPage } from './layout.ts';
import { passagePath, sourcePath } from './page-links.ts';
import { headingOf, outletOf, sourceFacts } from './source-details.ts';

const sourceLabel = (s: Source) => `${outletOf(s)}${s.published ? ` (${s.published})` : ''}`;

function alsoIn(knowledge: Knowledge, passage: KnownPassage): SafeHtml | '' {
  const copies = copiesOf(knowledge, passage);
  if (copies.length === 0) return '';
  return html`<small class="also">also in ${copies.map((c, i) => html`${i > 0 ? ', ' : ''}<a href="${passagePath(c.id)}">${sourceLabel(c.source)}</a>`)}</small>`;
}

function passageSpan(knowledge: Knowledge, passage: KnownPassage, quoted: boolean): SafeHtml {
  const text = quoted ? html`<mark>${passage.text}</mark>` : html`${passage.text}`;
  return html`<span class="passage${quoted ? ' quoted' : ''}" id="${passage.id}">${text}<a class="pid" dir="ltr" href="#${encodeURIComponent(passage.id)}" aria-label="link to passage ${passage.n}">#${passage.n}</a>${alsoIn(knowledge, passage)}</span>`;
}

/** A paragraph with its passages anchored; text between passages (spaces) stays as it is. */
function paragraphHtml(knowledge: Knowledge, paragraph: string, passages: readonly KnownPassage[], quoted: string | null): SafeHtml {
  if (passages.length === 0 && isHeading(paragraph)) return html`<h2 dir="auto">${paragraph}</h2>`;
  const parts: SafeHtml[] = [];
  let cursor = 0;
  for (const p of passages) {
    const at = paragraph.indexOf(p.text, cursor);
    if (at < 0) continue;
    parts.push(html`${paragraph.slice(cursor, at)}`, passageSpan(knowledge, p, p.id === quoted));
    cursor = at + p.text.length;
  }
  parts.push(html`${paragraph.slice(cursor)}`);
  return html`<p dir="auto">${parts}</p>`;
}

/** Sources published as copies of this one, or that this one copies (`near_duplicate_of`). */
function relatedSources(knowledge: Knowledge, source: Source): Source[] {
  const related = knowledge.corpus.sources.filter(
    (s) => s.id !== source.id && (s.near_duplicate_of === source.id || source.near_duplicate_of === s.id),
  );
  return related;
}

/**
 * @example
 * renderSourcePage(knowledge, source, 'ap-deal#3') // → the article, passage 3 marked
 */
export function renderSourcePage(knowledge: Knowledge, source: Source, quoted: string | null): string {
  const passages = knowledge.passages.filter((p) => p.sourceId === source.id);
  const byParagraph = new Map<number, KnownPassage[]>();
  for (const p of passages) byParagraph.set(p.paragraph, [...(byParagraph.get(p.paragraph) ?? []), p]);
  const related = relatedSources(knowledge, source);
  const quotedPassage = passages.find((p) => p.id === quoted);
  const main = html`<article aria-labelledby="title">
<h1 id="title" dir="auto">${headingOf(source)}</h1>
${sourceFacts(source)}
${source.notes ? html`<p class="lede" dir="auto">${source.notes}</p>` : ''}
${related.length > 0 ? html`<p>Also published as: ${related.map((s, i) => html`${i > 0 ? ', ' : ''}<a href="${sourcePath(s.id)}" dir="auto">${sourceLabel(s)}</a>`)}</p>` : ''}
${quotedPassage ? html`<p class="quoted-note">The quote is passage #${quotedPassage.n}, marked below: <a href="#${encodeURIComponent(quotedPassage.id)}">go to it</a>.</p>` : ''}
<h2 class="lede">The text</h2>
<div class="body" lang="${source.language}">
${source.paragraphs.map((text, i) => paragraphHtml(knowledge, text, byParagraph.get(i + 1) ?? [], quoted))}
</div>
</article>`;
  return renderPage({ title: headingOf(source), section: 'sources', main });
}
