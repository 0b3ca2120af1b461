/**
 * Cleans a text page: plain text as received from a feed, a page copied or saved from a browser, or a lynx-style
 * dump. An optional leading "date YYYY-MM-DD" marker (the form feeds use) states the date; everything else is read
 * the way a person reads the page (see `article-text.ts`).
 */
import { readTextPage } from './article-text.ts';
import type { CleanedText } from './cleaned-text.ts';
import { textUnits } from './text-units.ts';

const DATE_MARKER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*/i;

/**
 * Cleans a text page into the article and what it says about itself; `link`, the address it came from when known,
 * names the site when the page does not.
 *
 * @example
 * cleanPlainText(' date 2023-10-20 Hamas said on Friday it had freed two captives.').statedDate
 * // → { iso: '2023-10-20', evidence: 'the text opens with "date 2023-10-20"' }
 */
export function cleanPlainText(text: string, link: string | null = null): CleanedText {
  const marker = DATE_MARKER.exec(text);
  const body = marker ? text.slice(marker[0].length) : text;
  const { site: _site, credit: _credit, ...page } = readTextPage(textUnits(body), { link });
  const statedDate = marker?.[1] ? { iso: marker[1], evidence: `the text opens with "${marker[0].trim()}"` } : page.statedDate;
  return { ...page, statedDate, url: null };
}
