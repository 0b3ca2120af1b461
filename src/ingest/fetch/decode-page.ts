/**
 * A page's bytes as text, read the way a browser reads them, so that a quote keeps its curly quotes, dashes and
 * accents verbatim. Every place a page arrives as bytes (a fetched link, a Discord attachment, a file given to the
 * ingest command) decodes it here. The encoding is, in order:
 *
 * 1. a byte order mark (UTF-8, UTF-16LE/BE) — first, as in the WHATWG encoding sniffing rules: a BOM is never wrong,
 *    whereas a server's header often is;
 * 2. the Content-Type `charset` (a label TextDecoder knows);
 * 3. for HTML (not for a page said to be plain text), `<meta charset=…>` or `<meta http-equiv="Content-Type"
 *    content="…charset=…">` within the first 1,024 bytes, outside comments (UTF-16 named there means UTF-8, as it
 *    cannot be: the tag itself was read as ASCII);
 * 4. UTF-8, when the bytes are valid UTF-8 — or hold control bytes, which no legacy text page does: a PNG or a PDF
 *    given as a page is read as UTF-8 and refused by what it is (raw-text-limits.ts);
 * 5. windows-1252, the web's default for legacy pages.
 *
 * Node's TextDecoder reads windows-1252 (and "latin1", "iso-8859-1", "us-ascii", which the WHATWG standard maps to
 * it) as ISO-8859-1 on Node 20.18.3+ and 22.13+ (nodejs/node#56542, #60888): bytes 0x80–0x9F become C1 control
 * characters instead of “ ” ‘ ’ – — … €. They are mapped here by the WHATWG table, which changes nothing on a Node
 * whose decoder is right.
 */
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

/** The WHATWG index-windows-1252 for 0x80–0x9F (the five bytes it leaves as C1 controls keep their code point). */
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCodePoint(code));

/** How far into an HTML page a `<meta>` charset is looked for (the HTML standard's prescan). */
const PRESCAN_BYTES = 1024;

/**
 * The text of a page from its bytes and, when known, its Content-Type header (or the attachment's content type).
 *
 * @example
 * decodePage(Buffer.from([0x93, 0x48, 0x69, 0x94]), 'text/html; charset=windows-1252') // → '“Hi”'
 * decodePage(readFileSync('page.html')) // the page's <meta charset>, else UTF-8, else windows-1252
 */
export function decodePage(bytes: Uint8Array, contentType?: string): string {
  return decodeAs(pageEncoding(bytes, contentType), bytes);
}

/**
 * The WHATWG name of the encoding `decodePage` reads the bytes in ('utf-8', 'windows-1252', 'utf-16le', …).
 *
 * @example
 * pageEncoding(Buffer.from('<meta charset="iso-8859-1">')) // → 'windows-1252'
 * pageEncoding(Buffer.from('plain ASCII'), 'text/plain') // → 'utf-8'
 */
export function pageEncoding(bytes: Uint8Array, contentType?: string): string {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  const declared = encodingOf(charsetParameter(contentType ?? ''));
  if (declared) return declared;
  const xml = xmlDeclarationEncoding(bytes);
  if (xml) return xml;
  if (!/^\s*text\/plain\s*(?:;|$)/i.test(contentType ?? '')) {
    const meta = metaEncoding(bytes);
    if (meta) return meta;
  }
  // a legacy single-byte page never holds control bytes; bytes that do are a file of another kind (an image, a PDF),
  // read as UTF-8 so that the checks of raw-text-limits.ts recognise and refuse it
  return isUtf8(bytes) || hasControlBytes(bytes) ? 'utf-8' : 'windows-1252';
}

/**
 * The encoding an XML declaration at the very start names (`<?xml version="1.0" encoding="windows-1255"?>`): how a
 * feed without a charset in its Content-Type says how it is written, as XML readers take it.
 */
function xmlDeclarationEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const label = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
  const encoding = encodingOf(label ?? null);
  // a declaration cannot say UTF-16 of bytes that read as ASCII: that is a wrong label, as browsers take it
  return encoding && !encoding.startsWith('utf-16') ? encoding : null;
}

/** True when the first 64 KiB hold a byte below 0x20 other than tab, line feed, form feed or carriage return. */
function hasControlBytes(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 65_536);
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return true;
  }
  return false;
}

function decodeAs(encoding: string, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c) : text;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The WHATWG encoding a label names, or null for a label TextDecoder does not know. */
function encodingOf(label: string | null): string | null {
  if (label === null) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** The `charset` parameter of a Content-Type value (quotes taken off), or null. */
function charsetParameter(value: string): string | null {
  return (
    /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i
      .exec(value)
      ?.slice(1)
      .find((v) => v !== undefined)
      ?.trim() ?? null
  );
}

/** The encoding a `<meta>` in the first PRESCAN_BYTES bytes names, outside comments; UTF-16 there means UTF-8. */
function metaEncoding(bytes: Uint8Array): string | null {
  // latin1 maps each byte to one character, so the ASCII of the tags reads the same whatever the page's encoding
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES))
    .toString('latin1')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const [tag] of head.matchAll(/<meta[\s/][^>]*>?/gi)) {
    const attributes = new Map<string, string>();
    for (const m of tag.slice(5).matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g)) {
      const name = (m[1] ?? '').toLowerCase();
      if (!attributes.has(name)) attributes.set(name, m[2] ?? m[3] ?? m[4] ?? '');
    }
    const charset = attributes.get('charset');
    const label =
      charset !== undefined
        ? charset.trim()
        : attributes.get('http-equiv')?.trim().toLowerCase() === 'content-type'
          ? contentCharset(attributes.get('content') ?? '')
          : null;
    const encoding = encodingOf(label);
    if (encoding) return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  }
  return null;
}

/** The charset in a `<meta http-equiv>` content value: `text/html; charset=iso-8859-1`. */
function contentCharset(content: string): string | null {
  return (
    /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i
      .exec(content)
      ?.slice(1)
      .find((v) => v !== undefined)
      ?.trim() ?? null
  );
}
