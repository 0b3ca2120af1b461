/**
 * Previous / next links for a list shown a page at a time (`?page=2`), so a page stays small on a phone however
 * large the corpus grows.
 */
import { html, type SafeHtml } from './html.ts';

export interface PageWindow {
  /** 1-based. */
  page: number;
}

/**
 * How many pages a list of `total` items fills (at least one, so an empty list has its page).
 *
 * @example
 * pageCount(201, 100) // → 3
 */
export const pageCount = (total: number, perPage: number): number => Math.max(1, Math.ceil(total / perPage));

/**
 * @example
 * pager('/timeline', 2, 450, 200) // → links to /timeline?page=1 and /timeline?page=3, "page 2 of 3"
 */
export function pager(path: string, page: number, total: number, perPage: number): SafeHtml | '' {
  const pages = pageCount(total, perPage);
  if (pages <= 1) return '';
  const to = (n: number) => (n === 1 ? path : `${path}?page=${n}`);
  return html`<nav class="pager" aria-label="Pages">
${page > 1 ? html`<a href="${to(page - 1)}" rel="prev">← Previous</a>` : html`<span></span>`}
<span>page ${page} of ${pages}</span>
${page < pages ? html`<a href="${to(page + 1)}" rel="next">Next →</a>` : html`<span></span>`}
</nav>`;
}
