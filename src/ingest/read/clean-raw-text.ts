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
 * Unicode NFC, no BOM, "\n" line ends (form feeds and vertical tabs too), no-break spaces as spaces, no other control
 * characters (a stray bell or escape would never load as corpus text): what every cleaner expects.
 *
 * @example
 * normaliseRawText('\uFEFFOne\r\nTwo\u00a0three\u0007') // → 'One\nTwo three'
 */
export function normaliseRawText(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?|[\v\f]/g, '\n')
      .replace(/\u00a0/g, ' ')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '')
      .normalize('NFC')
  );
}

/**
 * Cleans a raw text of any of the forms above; `link` is the address it came from, when known.
 *
 * @example
 * cleanRawText('<html><body><article><h1>Talks resume</h1><p>Qatar said the talks would resume.</p></article></body></html>').title
 * // → 'Talks resume'
 */
export function cleanRawText(raw: string, link: string | null = null): CleanedText {
  const text = normaliseRawText(raw);
  return looksLikeHtml(text) ? cleanHtml(text, link) : cleanPlainText(text, link);
}
