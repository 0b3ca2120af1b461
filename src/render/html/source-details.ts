/**
 * How a source is described on the pages: outlet (and what it retells), byline, publication date and how that date
 * is known, the original address when known. The same facts every quote's attribution gives in Discord, in full.
 */
import { creditOf, openingWords, sourceName, sourceRef } from '../../answers/answer.ts';
import type { Source } from '../../corpus/source-schema.ts';
import { html, type SafeHtml } from './html.ts';

/**
 * @example
 * outletOf(source) // → 'The Associated Press', 'retold from CNN', or the headline or opening words in quotation marks
 */
export const outletOf = (source: Source): string => sourceName(sourceRef(source));

/**
 * @example
 * outletKnown(source) // → 'The Associated Press', 'retold from CNN', or 'not named in the text'
 */
export const outletKnown = (source: Source): string => creditOf(sourceRef(source)) ?? 'not named in the text';

/**
 * @example
 * bylineOf(source) // → 'Colleen Long, Seung Min Kim', or 'no byline'
 */
export const bylineOf = (source: Source): string => (source.authors.length > 0 ? source.authors.join(', ') : 'no byline');

/**
 * "2023-11-22 — date inferred: …evidence…", in words a reader can check.
 *
 * @example
 * dateBasisOf(source) // → 'date stated: the text opens with "date 2023-10-20"'
 */
export function dateBasisOf(source: Source): string {
  const { kind, evidence } = source.published_basis;
  return `${kind === 'unknown' ? 'date unknown' : `date ${kind}`}: ${evidence}`;
}

/**
 * The short form of how the date is known, beside the date.
 *
 * @example
 * dateKindOf(source) // → 'date stated', 'date inferred' or 'no date'
 */
export const dateKindOf = (source: Source): string =>
  source.published_basis.kind === 'unknown' ? 'no date' : `date ${source.published_basis.kind}`;

/**
 * Only web addresses become links: a `javascript:` or `data:` URL in a source file stays text.
 *
 * @example
 * isWebUrl('javascript:alert(1)') // → false
 */
export const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);

/**
 * The definition list at the head of a source's page.
 *
 * @example
 * sourceFacts(source) // → <dl class="meta"><dt>Outlet</dt><dd>The Associated Press</dd>…</dl>
 */
export function sourceFacts(source: Source): SafeHtml {
  const url = source.url;
  const original = url ? (isWebUrl(url) ? html`<a href="${url}" rel="noopener noreferrer">${url}</a>` : html`${url}`) : html`not known`;
  return html`<dl class="meta">
<dt>Outlet</dt><dd dir="auto">${outletKnown(source)}</dd>
<dt>Authors</dt><dd dir="auto">${bylineOf(source)}</dd>
<dt>Published</dt><dd>${source.published ?? 'unknown'} (${dateKindOf(source)})</dd>
<dt>How the date is known</dt><dd dir="auto">${dateBasisOf(source)}</dd>
<dt>Original</dt><dd>${original}</dd>
<dt>Source id</dt><dd><code>${source.id}</code></dd>
</dl>`;
}

/**
 * The heading a source goes by: its headline, or, when it has none, its opening words, so a reader can tell
 * untitled texts apart.
 *
 * @example
 * headingOf({ title: null, paragraphs: ['US Secretary of State Antony Blinken delivered a stern message …'], … })
 * // → 'Untitled: “US Secretary of State Antony Blinken delivered a stern…”'
 */
export const headingOf = (source: Source): string => source.title ?? `Untitled: “${openingWords(source.paragraphs[0] ?? source.id, 60)}”`;
