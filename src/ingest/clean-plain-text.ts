/**
 * Cleans a plain text as received from a feed: an optional leading "date YYYY-MM-DD" marker, paragraphs split at
 * blank lines (or at every line when the text has none), and trailing teaser headlines of another page ("…" at the
 * end of a line) dropped.
 */
import { type CleanedText, preview, reflow } from './cleaned-text.ts';

const DATE_MARKER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*/i;

export function cleanPlainText(text: string): CleanedText {
  let body = text;
  let statedDate: CleanedText['statedDate'] = null;
  const marker = DATE_MARKER.exec(body);
  if (marker?.[1]) {
    statedDate = { iso: marker[1], evidence: `the text opens with "${marker[0].trim()}"` };
    body = body.slice(marker[0].length);
  }
  const hasBlankLines = /\n[ \t]*\n/.test(body.trim());
  const blocks = hasBlankLines ? body.split(/\n[ \t]*\n/).map((b) => reflow(b.split('\n'))) : body.split('\n').map((l) => l.trim());
  const paragraphs = blocks.filter((b) => b !== '');
  const dropped: string[] = [];
  while (paragraphs.length > 1 && /…\s*$/.test(paragraphs[paragraphs.length - 1] ?? '')) {
    dropped.unshift(`teaser of another article: ${preview(paragraphs.pop() ?? '')}`);
  }
  return {
    title: null,
    authors: [],
    statedDate,
    outletHint: datelineOutlet(paragraphs[0]),
    paragraphs,
    credits: [],
    dropped,
  };
}

const DATELINE_OUTLETS: Record<string, string> = { AP: 'The Associated Press', Reuters: 'Reuters', AFP: 'Agence France-Presse' };

/** A first paragraph opening "WASHINGTON (AP) —" names the outlet. */
export function datelineOutlet(firstParagraph: string | undefined): CleanedText['outletHint'] {
  const match = firstParagraph ? /^[A-Z][A-Z .,]+\((AP|Reuters|AFP)\) [—–-]/.exec(firstParagraph) : null;
  const outlet = match?.[1] ? DATELINE_OUTLETS[match[1]] : undefined;
  return match && outlet ? { outlet, evidence: `dateline "${match[0].trim()}"` } : null;
}
