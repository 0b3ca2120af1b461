/**
 * Pages that would hold the bot: before a page is cleaned, binary data, text in another encoding and HTML shaped to
 * exhaust the parser are refused at once, naming the file, while real article pages pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRawText, RAW_TEXT_LIMITS } from '../../src/ingest/raw-text-limits.ts';

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
    expect(refusal(deep)).toBe(`page.html: the page nests its HTML more than ${RAW_TEXT_LIMITS.htmlDepth} levels deep; save the article's own page, or copy its text into a .txt file`);
    expect(refusal(`<body>${'<span>'.repeat(RAW_TEXT_LIMITS.htmlDepth + 1)}`)).toMatch(/nests its HTML more than/);
    expect(refusal(`<body>${'<p>x'.repeat(5000)}</body>`)).toBe('passed'); // <p> closes the one before: flat
  });

  it('is refused when it floods the parser with tiny elements', () => {
    expect(refusal(`<body><article>${para}${'<b>x</b>'.repeat(250_000)}</article></body>`)).toMatch(/^page\.html: the page has more than 30,000 HTML elements/);
  });

  it('is refused when it is binary or UTF-16, and passes with a byte-order mark or right-to-left text', () => {
    expect(refusal(Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)).toString('utf8'))).toMatch(/^page\.html: this is not a text or HTML page/);
    expect(refusal(Buffer.from('Talks resumed in Doha on Monday, officials said.', 'utf16le').toString('utf8'))).toMatch(/not a text or HTML page/);
    expect(refusal('\uFEFFالمحادثات استؤنفت في الدوحة يوم الاثنين.')).toBe('passed');
  });

  it('lets every saved test page through', () => {
    const dir = join('test', 'fixtures', 'pages');
    const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(?:html?|txt)$/.test(f));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((f) => refusal(readFileSync(join(dir, f), 'utf8')) !== 'passed')).toEqual([]);
  });
});
