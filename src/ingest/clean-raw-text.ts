/**
 * Turns any raw text a moderator received (plain text, a page copied or saved from a browser, a lynx dump, or HTML)
 * into the article's paragraphs and what the page says about it.
 *
 * @example
 * cleanRawText(' date 2023-10-20 Hamas has released …').statedDate // → { iso: '2023-10-20', evidence: … }
 */
import { cleanHtml, looksLikeHtml } from './clean-html.ts';
import { cleanPlainText } from './clean-plain-text.ts';
import type { CleanedText } from './cleaned-text.ts';

/**
 * Unicode NFC, no BOM, "\n" line ends, no-break spaces as spaces: what every cleaner expects.
 *
 * @example
 * normaliseRawText('\uFEFFOne\r\nTwo\u00a0three') // → 'One\nTwo three'
 */
export function normaliseRawText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').normalize('NFC');
}

/**
 * Cleans a raw text of any of the forms above.
 *
 * @example
 * cleanRawText('<html><body><article><h1>Talks resume</h1><p>Qatar said the talks would resume.</p></article></body></html>').title
 * // → 'Talks resume'
 */
export function cleanRawText(raw: string): CleanedText {
  const text = normaliseRawText(raw);
  return looksLikeHtml(text) ? cleanHtml(text) : cleanPlainText(text);
}
