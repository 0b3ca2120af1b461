/**
 * What a page must not be before it is cleaned: a document or image (PDF, office file, RTF, PostScript, PNG, JPEG, GIF,
 * WebP, told by its first bytes), other binary data, text in another encoding, or HTML shaped to exhaust the
 * parser (thousands of nested elements, hundreds of thousands of tiny ones). Cleaning runs in the bot's process, so
 * such a page would hold every other user's answer for minutes — a page nested 300,000 levels deep took the parser
 * minutes and then overflowed the stack. A real article page nests a few dozen levels and holds a few thousand
 * elements; the limits leave ample room above that.
 */
import { IngestError } from '../ingest-error.ts';

export const RAW_TEXT_LIMITS = {
  /** Elements (opening tags) in an HTML page. */
  htmlElements: 30_000,
  /** Levels of elements inside one another. */
  htmlDepth: 256,
} as const;

/** Elements that never nest (void) or that the next of their kind closes (`<p>a<p>b`), in the HTML parser too. */
const FLAT = new Set(
  'area base br col embed hr img input link meta param source track wbr keygen p li dt dd option optgroup tr td th tbody rt rp'.split(' '),
);

/** What to do with a document: its text can be copied out. */
const COPY_TEXT = "open it, copy the article's text into a .txt file and ingest that";
/** What to do with an image: it holds no text to copy. */
const SAVE_PAGE = "an image's text cannot be read, so save the article's page (or copy its text into a .txt file) and ingest that";

/**
 * Files that are not pages, told by their first bytes (their "magic number") as UTF-8 decoding leaves them: ASCII
 * survives, each invalid byte becomes U+FFFD. Checked on the text, not the file name, because a PDF saved as
 * `report.txt` is still a PDF — and cleaning one turned its header into a one-paragraph "article".
 */
/* eslint-disable no-control-regex -- magic numbers are made of control bytes */
const NOT_PAGES: readonly { kind: string; start: RegExp; todo: string }[] = [
  { kind: 'a PDF file', start: /^%PDF-/, todo: COPY_TEXT },
  { kind: 'a PostScript file', start: /^%!PS/, todo: COPY_TEXT },
  { kind: 'an RTF (rich text) document', start: /^\{\\rtf/, todo: COPY_TEXT },
  // PK 03 04: .docx, .xlsx, .pptx and .odt files are ZIP archives
  { kind: 'a Word, Excel, PowerPoint or OpenDocument file (or another ZIP archive)', start: /^PK\u0003\u0004/, todo: COPY_TEXT },
  // D0 CF 11 E0 A1 B1 1A E1: the compound file of .doc, .xls and .ppt
  { kind: 'an old-style Word, Excel or PowerPoint file (.doc, .xls or .ppt)', start: /^\uFFFD\uFFFD\u0011\u0871\u001A/, todo: COPY_TEXT },
  // 89 "PNG" 0D 0A 1A 0A
  { kind: 'a PNG image', start: /^\uFFFDPNG\r\n\u001A\n/, todo: SAVE_PAGE },
  // FF D8 FF and a marker (E0 00 …, DB 00 …, FE …): four U+FFFD; three alone could be UTF-16 text (FF FE, then D0 05 …)
  { kind: 'a JPEG image', start: /^\uFFFD{4}/, todo: SAVE_PAGE },
  { kind: 'a GIF image', start: /^GIF8[79]a/, todo: SAVE_PAGE },
  // "RIFF", a 4-byte size (one to four UTF-16 units once decoded), "WEBP"
  { kind: 'a WebP image', start: /^RIFF[\s\S]{1,4}WEBP/, todo: SAVE_PAGE },
];
/* eslint-enable no-control-regex */

/**
 * Throws IngestError naming the kind of file when `raw` starts as a PDF, an image, an office document, RTF or
 * PostScript does: such a file would otherwise pass as text (PDF, RTF) or be refused only as "binary data", which does
 * not tell the moderator what to do instead.
 *
 * @example
 * checkNotADocument('%PDF-1.7\n…', 'report.txt') // throws: report.txt: this is a PDF file, not a text or HTML page; open it, …
 */
function checkNotADocument(raw: string, rawName: string): void {
  const head = raw.slice(0, 1024).replace(/^[\s\uFEFF]+/, '');
  const found = NOT_PAGES.find((notPage) => notPage.start.test(head));
  if (found) throw new IngestError(`${rawName}: this is ${found.kind}, not a text or HTML page; ${found.todo}`);
}

/**
 * Throws IngestError (a message for the moderator, naming the file) when `raw` is a document or image rather than a
 * page (see checkNotADocument), binary or not UTF-8, or HTML over the limits above.
 *
 * @example
 * checkRawText('<div>'.repeat(100_000), 'page.html') // throws: page.html: the page nests its HTML more than 256 levels deep …
 */
export function checkRawText(raw: string, rawName: string): void {
  checkNotADocument(raw, rawName);
  const sample = raw.length > 200_000 ? raw.slice(0, 200_000) : raw;
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const binary = (sample.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g) ?? []).length;
  if (sample.includes('\u0000') || binary > Math.max(8, sample.length / 200)) {
    throw new IngestError(`${rawName}: this is not a text or HTML page (it holds binary data, or text in another encoding than UTF-8)`);
  }
  if (!/<[a-zA-Z!/]/.test(raw)) return;
  let elements = 0;
  let depth = 0;
  for (const tag of tags(raw)) {
    if (tag.closing) {
      if (!FLAT.has(tag.name) && depth > 0) depth--;
      continue;
    }
    elements++;
    if (!tag.selfClosing && !FLAT.has(tag.name)) depth++;
    if (elements > RAW_TEXT_LIMITS.htmlElements) {
      throw new IngestError(
        `${rawName}: the page has more than ${RAW_TEXT_LIMITS.htmlElements.toLocaleString('en')} HTML elements; save the article's own page, or copy its text into a .txt file`,
      );
    }
    if (depth > RAW_TEXT_LIMITS.htmlDepth) {
      throw new IngestError(
        `${rawName}: the page nests its HTML more than ${RAW_TEXT_LIMITS.htmlDepth} levels deep; save the article's own page, or copy its text into a .txt file`,
      );
    }
  }
}

/**
 * The tags of an HTML text, in one pass: a tag runs from "<" and a letter (or "/") to the next ">", as a browser reads
 * it, so "<a <a <a >" is one tag and text full of "<" without ">" costs no more than its length.
 */
function* tags(html: string): Generator<{ name: string; closing: boolean; selfClosing: boolean }> {
  let at = html.indexOf('<');
  let end = -1; // the next ">" after `at`, found once and kept while `at` moves towards it
  while (at !== -1) {
    if (end <= at) end = html.indexOf('>', at + 1);
    if (end === -1) return;
    const next = html.charCodeAt(at + 1);
    const tagLike = next === 47 || (next >= 65 && next <= 90) || (next >= 97 && next <= 122); // "/" or a letter
    const name = tagLike ? /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(at, Math.min(end + 1, at + 64))) : null;
    if (name) yield { name: (name[2] ?? '').toLowerCase(), closing: name[1] === '/', selfClosing: html[end - 1] === '/' };
    at = html.indexOf('<', name ? end + 1 : at + 1);
  }
}
