/**
 * A page's bytes become its text as a browser would read them, so a quote keeps every curly quote and dash: the byte
 * order mark, the Content-Type charset, a `<meta>` charset near the top, UTF-8 when the bytes are UTF-8, and
 * windows-1252 otherwise — decoded by the WHATWG table, also on the Node versions whose TextDecoder does not.
 */
import { describe, expect, it } from 'vitest';
import { decodePage, pageEncoding } from '../../../src/ingest/fetch/decode-page.ts';

const bytes = (...parts: Array<string | number[] | Uint8Array>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Uint8Array.from(p))));
/** “Doha”–… in windows-1252. */
const CP1252 = bytes([0x93], 'Doha', [0x94, 0x96, 0x85]);

describe('decodePage', () => {
  it('decodes every byte 0x80–0x9F of windows-1252 as the WHATWG table says', () => {
    const all = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodePage(all, 'text/plain; charset=windows-1252')).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ');
  });

  it('reads latin1, iso-8859-1 and us-ascii labels as windows-1252, as browsers do', () => {
    for (const label of ['latin1', 'ISO-8859-1', 'us-ascii', '"windows-1252"'])
      expect(decodePage(CP1252, `text/html; charset=${label}`)).toBe('“Doha”–…');
  });

  it('follows the Content-Type charset', () => {
    expect(decodePage(bytes([0xc0, 0xe1]), 'text/plain; charset=windows-1251')).toBe('Аб');
    expect(decodePage(Buffer.from('“ok”', 'utf8'), 'text/html;charset=UTF-8')).toBe('“ok”');
  });

  it('reads a feed’s XML declaration when the header names no charset; the header wins, and a UTF-16 label is wrong', () => {
    const hebrew = bytes('<?xml version="1.0" encoding="windows-1255"?><rss><title>', [0xf9, 0xec, 0xe5, 0xed], '</title></rss>');
    expect(decodePage(hebrew, 'application/rss+xml')).toBe('<?xml version="1.0" encoding="windows-1255"?><rss><title>שלום</title></rss>');
    expect(pageEncoding(hebrew, 'application/rss+xml; charset=utf-8')).toBe('utf-8');
    expect(pageEncoding(bytes("<?xml version='1.0' encoding='UTF-16'?><rss/>"))).toBe('utf-8');
    expect(pageEncoding(bytes(' <?xml version="1.0" encoding="windows-1255"?>'))).toBe('utf-8'); // not at the very start
  });

  it('lets a byte order mark win over the header, as browsers do', () => {
    expect(decodePage(bytes([0xef, 0xbb, 0xbf], Buffer.from('“ok”').toString('latin1')), 'text/html; charset=windows-1252')).toBe('“ok”');
    expect(decodePage(bytes([0xff, 0xfe, 0x41, 0x00, 0x1c, 0x20]))).toBe('A“');
    expect(decodePage(bytes([0xfe, 0xff, 0x00, 0x41]))).toBe('A');
  });

  it('reads <meta charset> and <meta http-equiv content=…charset=…> in the first 1,024 bytes of HTML', () => {
    expect(decodePage(bytes('<meta charset=windows-1252><p>', CP1252), 'text/html')).toBe('<meta charset=windows-1252><p>“Doha”–…');
    const equiv = '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">';
    expect(decodePage(bytes(equiv, CP1252))).toBe(`${equiv}“Doha”–…`);
    expect(decodePage(bytes(`<meta charset='windows-1251'>`, [0xc0]))).toBe(`<meta charset='windows-1251'>А`);
  });

  it('ignores a <meta> charset in a comment, past the first 1,024 bytes, in plain text, or naming UTF-16', () => {
    const utf8 = Buffer.from('“ok”', 'utf8');
    expect(pageEncoding(bytes('<!-- <meta charset="windows-1251"> -->', utf8.toString('latin1')))).toBe('utf-8');
    expect(pageEncoding(bytes(' '.repeat(1024), '<meta charset="windows-1251">'))).toBe('utf-8');
    expect(pageEncoding(bytes('<meta charset="windows-1251">'), 'text/plain')).toBe('utf-8');
    expect(pageEncoding(bytes('<meta charset="utf-16">'), 'text/html')).toBe('utf-8');
  });

  it('without a declaration, reads valid UTF-8 as UTF-8 and anything else as windows-1252', () => {
    expect(decodePage(Buffer.from('Café “à” Doha', 'utf8'))).toBe('Café “à” Doha');
    expect(decodePage(CP1252)).toBe('“Doha”–…');
    expect(decodePage(bytes('Caf', [0xe9]), 'text/plain; charset=x-no-such')).toBe('Café');
  });

  it('reads bytes with control characters (an image, a PDF) as UTF-8, so that they are refused by what they are', async () => {
    const { checkRawText } = await import('../../../src/ingest/read/raw-text-limits.ts');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(pageEncoding(png)).toBe('utf-8');
    expect(() => checkRawText(decodePage(png), 'photo.html')).toThrow(/this is a PNG image/);
    expect(pageEncoding(Buffer.from([0x93, 0x48, 0x69, 0x94, 0x0a, 0x09]))).toBe('windows-1252');
  });

  it('names the encoding it chose', () => {
    expect(pageEncoding(CP1252, 'text/html; charset=latin1')).toBe('windows-1252');
    expect(pageEncoding(Buffer.from('plain'))).toBe('utf-8');
  });
});
