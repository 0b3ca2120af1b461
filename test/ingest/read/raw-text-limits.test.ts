/**
 * Pages that would hold the bot: before a page is cleaned, documents and images (told by their first bytes), binary
 * data, text in another encoding and HTML shaped to exhaust the parser are refused at once, naming the file, while
 * real article pages pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRawText, RAW_TEXT_LIMITS } from '../../../src/ingest/read/raw-text-limits.ts';

const para = '<p>The harbour board voted on Thursday to back the night timetable, its chair said.</p>';
const refusal = (raw: string) => {
  try {
    checkRawText(raw, 'page.html');
    return 'passed';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('a page before cleaning', () => {
  it('is refused when its HTML nests deeper than the limit, closed or not', () => {
    const deep = `<html><body>${'<div>'.repeat(300_000)}${para}${'</div>'.repeat(300_000)}</body></html>`;
    expect(refusal(deep)).toBe(
      `page.html: the page nests its HTML more than ${RAW_TEXT_LIMITS.htmlDepth} levels deep; save the article's own page, or copy its text into a .txt file`,
    );
    expect(refusal(`<body>${'<span>'.repeat(RAW_TEXT_LIMITS.htmlDepth + 1)}`)).toMatch(/nests its HTML more than/);
    expect(refusal(`<body>${'<p>x'.repeat(5000)}</body>`)).toBe('passed'); // <p> closes the one before: flat
  });

  it('is refused when it floods the parser with tiny elements', () => {
    expect(refusal(`<body><article>${para}${'<b>x</b>'.repeat(250_000)}</article></body>`)).toMatch(
      /^page\.html: the page has more than 30,000 HTML elements/,
    );
  });

  it('is refused when it is binary or UTF-16, and passes with a byte-order mark or right-to-left text', () => {
    expect(refusal(Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)).toString('utf8'))).toMatch(
      /^page\.html: this is not a text or HTML page/,
    );
    expect(refusal(Buffer.from('Talks resumed in Doha on Monday, officials said.', 'utf16le').toString('utf8'))).toMatch(
      /not a text or HTML page/,
    );
    expect(refusal('\uFEFFالمحادثات استؤنفت في الدوحة يوم الاثنين.')).toBe('passed');
  });

  it('is refused by its first bytes when it is a document or an image, whatever its name, saying what it is', () => {
    const filler = Array.from({ length: 600 }, (_, i) => (i * 131) % 256);
    const starts: [string, number[]][] = [
      ['a PDF file', [...Buffer.from('%PDF-1.7\n%')]],
      ['a PostScript file', [...Buffer.from('%!PS-Adobe-3.0\n')]],
      ['an RTF (rich text) document', [...Buffer.from('{\\rtf1\\ansi\\deff0 ')]],
      ['a Word, Excel, PowerPoint or OpenDocument file (or another ZIP archive)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]],
      ['an old-style Word, Excel or PowerPoint file (.doc, .xls or .ppt)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]],
      ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]],
      ['a JPEG image', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF')]],
      ['a JPEG image', [0xff, 0xd8, 0xff, 0xdb, 0x00, 0x43, 0x00]],
      ['a GIF image', [...Buffer.from('GIF89a'), 0x10, 0x00, 0x10, 0x00]],
      ['a WebP image', [...Buffer.from('RIFF'), 0x24, 0xf0, 0x00, 0x00, ...Buffer.from('WEBPVP8 ')]],
      ['a WebP image', [...Buffer.from('RIFF'), 0xc3, 0xa9, 0x01, 0x00, ...Buffer.from('WEBPVP8L')]],
    ];
    for (const [kind, start] of starts) {
      const bytes = Buffer.from([...start, ...filler]);
      for (const raw of [bytes.toString('utf8'), new TextDecoder().decode(bytes)]) {
        expect(() => checkRawText(raw, 'report.txt')).toThrow(`report.txt: this is ${kind}, not a text or HTML page; `);
      }
    }
    expect(refusal('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n')).toBe(
      "page.html: this is a PDF file, not a text or HTML page; open it, copy the article's text into a .txt file and ingest that",
    );
    expect(refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...filler]).toString('utf8'))).toBe(
      "page.html: this is a PNG image, not a text or HTML page; an image's text cannot be read, so save the article's page (or copy its text into a .txt file) and ingest that",
    );
    // the same words inside a page are not a file's first bytes; UTF-16 text is binary, not a JPEG
    expect(refusal('The ministry sent the plan as a PDF (it starts "%PDF-1.7") and a GIF89a map, an aide said.')).toBe('passed');
    expect(refusal(Buffer.from('\uFEFF\u05E9\u05DC\u05D5\u05DD, talks resumed on Monday.', 'utf16le').toString('utf8'))).toMatch(
      /holds binary data/,
    );
  });

  it('lets every saved test page through', () => {
    const dir = join('test', 'fixtures', 'pages');
    const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(?:html?|txt)$/.test(f));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((f) => refusal(readFileSync(join(dir, f), 'utf8')) !== 'passed')).toEqual([]);
  });
});
