/** The author's box: a byline and a date on one line, with the author's photo text and follow button around the name. */
import { describe, expect, it } from 'vitest';
import { onceOnly, parseAuthorDateLine } from '../../../src/ingest/metadata/author-date-lines.ts';

describe('reading an author-and-date line', () => {
  it('reads a bare name beside a date', () => {
    const read = parseAuthorDateLine('Mira Castell | March 3, 2024, 09:41 AM');
    expect([read?.byline.authors, read?.dates.map((d) => d.iso)]).toEqual([['Mira Castell'], ['2024-03-03']]);
    expect(read?.dates[0]?.evidence).toBe('Mira Castell | March 3, 2024, 09:41 AM');
  });

  it('reads the name through the photo text, the name printed twice and the follow button', () => {
    const read = parseAuthorDateLine('Photo of Mira Castell Mira Castell Follow on Twitter |   Published: 3rd March 2024 9:41 am IST');
    expect([read?.byline.authors, read?.dates.map((d) => [d.iso, d.kind])]).toEqual([['Mira Castell'], [['2024-03-03', 'published']]]);
  });

  it('reads a "By" byline and an updated date', () => {
    const read = parseAuthorDateLine('By Omar Sandqvist · Updated 12 Feb 2025');
    expect([read?.byline.authors, read?.dates[0]?.kind]).toEqual([['Omar Sandqvist'], 'updated']);
  });

  it('is not a caption that ends in a photographer and a date, nor a name or a date alone', () => {
    for (const line of [
      'Ferry crews wait at the quay in Dover. Photo by Mira Castell Follow on Twitter | Published 16 Jan 2025 14:10 GMT',
      'Mira Castell',
      'March 3, 2024',
      'Harbour talks | Ferry strike | Port news',
      'The crews met | March 3, 2024',
    ]) {
      expect(parseAuthorDateLine(line), line).toBeNull();
    }
  });

  it('prints a doubled name once, and leaves other names alone', () => {
    expect(onceOnly('Mira Castell Mira Castell')).toBe('Mira Castell');
    expect(onceOnly('Anna Lee Anna Berg')).toBe('Anna Lee Anna Berg');
  });
});
