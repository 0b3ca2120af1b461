/**
 * What a moderator gets from `npm run ingest` on each synthetic page in test/fixtures/pages/ (see its README): the
 * metadata read from the page, the paragraphs kept, the furniture dropped. One `it` per page and aspect, driven by
 * NAME.expected.json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareSource } from '../../src/ingest/ingest-source.ts';

const PAGES = join(import.meta.dirname, '../fixtures/pages');

interface Expected {
  title: string | null;
  subtitle: string | null;
  authors: string[];
  published: string | null;
  published_evidence_contains: string | null;
  outlet: string | null;
  reports_on: string | null;
  dateline_place: string | null;
  kept_count: number;
  first_kept_starts: string;
  last_kept_ends: string;
  must_keep: string[];
  must_drop: string[];
  truncated_last_paragraph: boolean;
}

const pages = readdirSync(PAGES)
  .filter((f) => /\.(?:txt|html?)$/.test(f))
  .map((file) => ({ file, name: file.replace(/\.(?:txt|html?)$/, '') }))
  .filter(({ name }) => readdirSync(PAGES).includes(`${name}.expected.json`));

describe.each(pages)('ingesting the page $file', ({ file, name }) => {
  const expected = JSON.parse(readFileSync(join(PAGES, `${name}.expected.json`), 'utf8')) as Expected;
  const { meta, cleaned } = prepareSource(readFileSync(join(PAGES, file), 'utf8'), file, {});
  const kept = cleaned.paragraphs;

  it('reads the headline and sub-heading, and keeps them out of the body', () => {
    expect(meta.title).toBe(expected.title);
    expect(cleaned.subtitle).toBe(expected.subtitle);
    for (const heading of [expected.title, expected.subtitle]) if (heading) expect(kept).not.toContain(heading);
  });

  it('reads the byline into people, never a wire or a label', () => {
    expect(meta.authors).toEqual(expected.authors);
  });

  it('reads the publication date from the date line, or leaves it unknown', () => {
    expect(meta.published).toBe(expected.published);
    if (expected.published_evidence_contains) {
      expect(meta.published_basis.kind).toBe('stated');
      expect(meta.published_basis.evidence).toContain(expected.published_evidence_contains);
    } else expect(meta.published_basis.kind).toBe('unknown');
  });

  it('records the outlet, the wire it reports on, and the dateline', () => {
    expect(meta.outlet).toBe(expected.outlet);
    expect(meta.reports_on ?? null).toBe(expected.reports_on);
    expect(cleaned.dateline?.place ?? null).toBe(expected.dateline_place);
  });

  it('keeps exactly the article paragraphs, first to last', () => {
    expect(kept).toHaveLength(expected.kept_count);
    expect(kept[0]?.startsWith(expected.first_kept_starts)).toBe(true);
    expect(kept.at(-1)?.endsWith(expected.last_kept_ends)).toBe(true);
    for (const text of expected.must_keep)
      expect(
        kept.some((p) => p.includes(text)),
        text,
      ).toBe(true);
  });

  it('drops the furniture around the article, each line with a reason', () => {
    const shown = [meta.title, cleaned.subtitle, ...kept];
    for (const text of expected.must_drop)
      expect(
        shown.some((p) => p?.includes(text)),
        text,
      ).toBe(false);
    expect(cleaned.dropped.length).toBeGreaterThan(0);
    for (const d of cleaned.dropped) expect(d.reason).not.toBe('');
  });

  it(
    expected.truncated_last_paragraph ? 'sets aside the last paragraph that stops mid-sentence' : 'finds no truncated last paragraph',
    () => {
      expect(cleaned.truncated !== null).toBe(expected.truncated_last_paragraph);
      if (cleaned.truncated) {
        expect(kept).not.toContain(cleaned.truncated.text);
        expect(kept.at(-1)).toMatch(/[.!?]["'”’)]*$/);
        expect(meta.notes).toMatch(/stops mid-sentence/);
      }
    },
  );
});

describe('the page fixtures', () => {
  it('are there to test', () => {
    expect(pages.length).toBeGreaterThan(0);
  });
});
