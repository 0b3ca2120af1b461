/**
 * Turns any raw text a moderator received (plain text, a saved web page as text, or HTML) into article paragraphs.
 *
 * @example
 * cleanRawText(' date 2023-10-20 Hamas has released …').statedDate // → { iso: '2023-10-20', evidence: … }
 */
import { cleanHtml, looksLikeHtml } from './clean-html.ts';
import { cleanPageDump, looksLikePageDump } from './clean-page-dump.ts';
import { cleanPlainText } from './clean-plain-text.ts';
import type { CleanedText } from './cleaned-text.ts';

/** Unicode NFC, no BOM, "\n" line ends, no-break spaces as spaces: what every cleaner expects. */
export function normaliseRawText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').normalize('NFC');
}

export function cleanRawText(raw: string): CleanedText {
  const text = normaliseRawText(raw);
  if (looksLikeHtml(text)) return cleanHtml(text);
  if (looksLikePageDump(text)) return cleanPageDump(text);
  return cleanPlainText(text);
}
