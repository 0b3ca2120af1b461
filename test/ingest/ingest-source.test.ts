/** Preparing and writing a source: the front matter a moderator gets, the flags that override it, safe writing. */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { ingestRawText, prepareSource, writeSource } from '../../src/ingest/ingest-source.ts';
import { IngestError } from '../../src/ingest/ingest-error.ts';
import { emptyCorpus } from '../helpers/corpus.ts';

const WIRE_COPY = [
  'Skip to content',
  'NORTHERN HARBOUR GAZETTE',
  'Home',
  'News',
  'Sport',
  '',
  'Ferry talks resume as mediators propose night crossings',
  '',
  'By Ines Varga and Pal Nemeth, Associated Press',
  'Published: Thu 13 Mar 2025',
  '',
  'Share',
  'Share',
  '',
  'PORT ELLEN, Scotland (AP) — Ferry crews and island councils resumed talks on Thursday after mediators proposed a timetable of night crossings.',
  '',
  'The proposal would double the number of sailings between midnight and dawn, according to a draft seen by reporters.',
  '',
  'Advertisement',
  '',
  'Council leaders said they would answer within a week, while the crews asked for more time to study the rota.',
  '',
  '© 2025 Northern Harbour Gazette. All rights reserved.',
].join('\n');

const dirs: string[] = [];
const corpus = () => {
  const dir = emptyCorpus();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('preparing a source from a page', () => {
  it('fills the front matter from what the page shows: a wire story republished by a local site', () => {
    const { meta, cleaned } = prepareSource(WIRE_COPY, 'ferry.txt', {});
    expect(meta).toMatchObject({
      id: '2025-03-13-ferry-talks-resume-as-mediators-propose-night',
      title: 'Ferry talks resume as mediators propose night crossings',
      outlet: 'Northern Harbour Gazette',
      reports_on: 'The Associated Press',
      authors: ['Ines Varga', 'Pal Nemeth'],
      published: '2025-03-13',
      published_basis: { kind: 'stated', evidence: 'date line "Published: Thu 13 Mar 2025"' },
      origin: { file: 'ferry.txt' },
    });
    expect(meta.notes).toContain('Outlet from the copyright line "© 2025 Northern Harbour Gazette. All rights reserved."');
    expect(meta.notes).toContain('Reports on The Associated Press: from the dateline "PORT ELLEN, Scotland (AP) —"');
    expect(cleaned.dateline).toEqual({
      place: 'PORT ELLEN, Scotland',
      wire: 'The Associated Press',
      evidence: 'PORT ELLEN, Scotland (AP) —',
    });
    expect(cleaned.paragraphs).toHaveLength(3);
  });

  it('lets every flag override what was read', () => {
    const { meta } = prepareSource(WIRE_COPY, 'ferry.txt', {
      id: 'ferry-talks',
      title: 'Ferry talks',
      outlet: 'Harbour Radio',
      authors: ['Ann Lee'],
      published: '2025-03-12',
      publishedBasis: 'inferred',
      evidence: 'aired the evening before',
      reportsOn: 'Reuters',
      url: 'https://example.org/ferry',
      language: 'en-GB',
      notes: 'Checked by hand.',
    });
    expect(meta).toMatchObject({
      id: 'ferry-talks',
      title: 'Ferry talks',
      outlet: 'Harbour Radio',
      authors: ['Ann Lee'],
      published: '2025-03-12',
      published_basis: { kind: 'inferred', evidence: 'aired the evening before' },
      reports_on: 'Reuters',
      url: 'https://example.org/ferry',
      language: 'en-GB',
    });
    expect(meta.notes.startsWith('Checked by hand.')).toBe(true);
  });

  it('leaves unknown what the page does not show', () => {
    const { meta } = prepareSource(
      'The crews met again on Thursday and agreed on nothing, their union said.\n\nAnother meeting is planned.',
      'bare.txt',
      {},
    );
    expect(meta).toMatchObject({ title: null, outlet: null, authors: [], published: null, published_basis: { kind: 'unknown' } });
    expect(meta.reports_on).toBeUndefined();
    expect(meta.url).toBeUndefined();
  });

  it('takes a headline given with --title out of the body, so it is never quoted as a sentence', () => {
    // a headline printed as a sentence reads as the first paragraph …
    const text =
      'Ferry crews accept the night timetable after a week of talks.\n\nThe crews accepted the timetable on Friday, their union said.\n\nThe first night sailing leaves on Monday.';
    expect(prepareSource(text, 'n.txt', {}).cleaned.paragraphs[0]).toBe('Ferry crews accept the night timetable after a week of talks.');
    // … until the moderator says it is the headline
    const given = prepareSource(text, 'n.txt', { title: 'Ferry crews accept the night timetable after a week of talks' });
    expect(given.meta.title).toBe('Ferry crews accept the night timetable after a week of talks');
    expect(given.cleaned.paragraphs).toEqual([
      'The crews accepted the timetable on Friday, their union said.',
      'The first night sailing leaves on Monday.',
    ]);
    expect(given.cleaned.dropped[0]).toEqual({
      text: 'Ferry crews accept the night timetable after a week of talks.',
      reason: 'the headline given with --title',
    });
  });

  it('reads a short headline line above plain paragraphs as the title, not as text', () => {
    const { meta, cleaned } = prepareSource(
      'Night crossings agreed\n\nThe crews accepted the timetable on Friday, their union said.\n\nThe first night sailing leaves on Monday.',
      'n.txt',
      {},
    );
    expect(meta.title).toBe('Night crossings agreed');
    expect(cleaned.paragraphs).toHaveLength(2);
  });

  it('records a near-duplicate when told, and refuses a page with no article text', () => {
    expect(prepareSource(WIRE_COPY, 'f.txt', { nearDuplicateOf: 'ferry-original' }).meta.near_duplicate_of).toBe('ferry-original');
    expect(() => prepareSource('Skip to content\nShare\nBack to top', 'junk.txt', {})).toThrow(/no article text/);
  });

  it('names the field when the front matter would be invalid', () => {
    expect(() => prepareSource(WIRE_COPY, 'f.txt', { url: 'not a url' })).toThrow(IngestError);
    expect(() => prepareSource(WIRE_COPY, 'f.txt', { url: 'not a url' })).toThrow(/field "url"/);
  });
});

describe('writing a source', () => {
  it('writes the file that prepareSource made, which the corpus loads', () => {
    const dir = corpus();
    const prepared = prepareSource(WIRE_COPY, 'ferry.txt', {});
    const file = writeSource(prepared, dir);
    expect(file).toBe(join(dir, 'sources', `${prepared.meta.id}.md`));
    expect(readFileSync(file, 'utf8')).toBe(prepared.text);
    expect(loadCorpus(dir).sources.map((s) => s.id)).toEqual([prepared.meta.id]);
    expect(readdirSync(join(dir, 'sources'))).toEqual([`${prepared.meta.id}.md`]); // no temporary file left behind
  });

  it('never replaces an existing source, and says which id is taken', () => {
    const dir = corpus();
    const prepared = prepareSource(WIRE_COPY, 'ferry.txt', {});
    const taken = join(dir, 'sources', `${prepared.meta.id}.md`);
    writeFileSync(taken, 'someone else’s file');
    expect(() => writeSource(prepared, dir)).toThrow(new RegExp(`${prepared.meta.id}\\.md already exists`));
    expect(readFileSync(taken, 'utf8')).toBe('someone else’s file');
    expect(readdirSync(join(dir, 'sources'))).toHaveLength(1);
  });

  it('ingestRawText prepares and writes in one step', () => {
    const dir = corpus();
    const result = ingestRawText(WIRE_COPY, 'ferry.txt', dir, {});
    expect(existsSync(result.file)).toBe(true);
    expect(result.meta.outlet).toBe('Northern Harbour Gazette');
  });
});
