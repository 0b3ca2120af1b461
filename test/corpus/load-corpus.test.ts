import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { CorpusError, formatSourceFile, parseSourceFile } from '../../src/corpus/source-file.ts';
import { emptyCorpus, scratchCorpus, writeSource } from '../helpers/corpus.ts';

const GOOD = `---
id: sample-source
title: null
outlet: null
authors: []
published: 2023-11-22
published_basis:
  kind: stated
  evidence: the text opens with "date 2023-11-22"
language: en
---

First paragraph.

Second
paragraph.
`;

describe('a corpus source file', () => {
  it('loads front matter and paragraphs, folding line breaks inside a paragraph', () => {
    const s = parseSourceFile(GOOD, 'sources/sample-source.md');
    expect(s.paragraphs).toEqual(['First paragraph.', 'Second paragraph.']);
    expect(s.published_basis.kind).toBe('stated');
  });

  it('round-trips through formatSourceFile', () => {
    const s = parseSourceFile(GOOD, 'sources/sample-source.md');
    const { paragraphs, file: _file, ...meta } = s;
    expect(parseSourceFile(formatSourceFile(meta, paragraphs), 'sources/sample-source.md')).toEqual(s);
  });

  it.each([
    ['a malformed date', GOOD.replace('published: 2023-11-22', 'published: 22/11/2023'), 'published'],
    ['an unknown basis', GOOD.replace('kind: stated', 'kind: guessed'), 'published_basis.kind'],
    ['a date without evidence', GOOD.replace(/ {2}evidence: .*\n/, ''), 'published_basis.evidence'],
    ['authors as a string', GOOD.replace('authors: []', 'authors: Jane Doe'), 'authors'],
    ['a misspelt field', GOOD.replace('outlet: null', 'outlett: null'), null],
    ['an invented URL that is not a URL', GOOD.replace('language: en', 'language: en\nurl: not a url'), 'url'],
    ['a date with basis unknown', GOOD.replace('kind: stated', 'kind: unknown'), 'published_basis.kind'],
    ['month 13 and day 45', GOOD.replace('published: 2023-11-22', 'published: 2023-13-45'), 'published'],
    ['30 February', GOOD.replace('published: 2023-11-22', 'published: 2023-02-30'), 'published'],
    ['30 February of a leap year', GOOD.replace('published: 2023-11-22', 'published: 2024-02-30'), 'published'],
    ['29 February of a common year', GOOD.replace('published: 2023-11-22', 'published: 2023-02-29'), 'published'],
    ['31 April', GOOD.replace('published: 2023-11-22', 'published: 2023-04-31'), 'published'],
    ['day zero', GOOD.replace('published: 2023-11-22', 'published: 2023-11-00'), 'published'],
    ['a near duplicate that is not an id', GOOD.replace('language: en', 'language: en\nnear_duplicate_of: Not An Id'), 'near_duplicate_of'],
  ])('rejects %s, naming the file and the field', (_what, text, field) => {
    try {
      parseSourceFile(text, 'sources/sample-source.md');
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(CorpusError);
      const e = error as CorpusError;
      expect(e.message).toContain('sources/sample-source.md');
      if (field) expect(e.field).toBe(field);
    }
  });

  it('says an impossible date must be a real calendar date', () => {
    expect(() => parseSourceFile(GOOD.replace('published: 2023-11-22', 'published: 2023-02-30'), 'sources/sample-source.md')).toThrow(
      'sources/sample-source.md: field "published": must be a real calendar date (YYYY-MM-DD)',
    );
  });

  it('accepts 29 February of a leap year, and the last day of every month', () => {
    for (const day of ['2024-02-29', '2000-02-29', '2023-01-31', '2023-04-30', '2023-12-31']) {
      expect(parseSourceFile(GOOD.replace('published: 2023-11-22', `published: ${day}`), 'sources/sample-source.md').published).toBe(day);
    }
    expect(() => parseSourceFile(GOOD.replace('published: 2023-11-22', 'published: 1900-02-29'), 'sources/sample-source.md')).toThrow(/real calendar date/);
  });

  it('rejects a file without front matter, broken YAML, an empty body and an id that is not the file name', () => {
    expect(() => parseSourceFile('Just text.', 'sources/x.md')).toThrow(/no YAML front matter/);
    expect(() => parseSourceFile('---\nid: [unclosed\n---\nText.', 'sources/x.md')).toThrow(/not valid YAML/);
    expect(() => parseSourceFile(GOOD.replace(/---\n\n[\s\S]*$/, '---\n\n'), 'sources/sample-source.md')).toThrow(/body is empty/);
    expect(() => parseSourceFile(GOOD, 'sources/other-name.md')).toThrow(/does not match the file name/);
  });
});

describe('loading a corpus', () => {
  it('loads the five bundled sources and the entity file', () => {
    const corpus = loadCorpus('corpus');
    expect(corpus.sources.map((s) => s.id)).toHaveLength(5);
    expect(corpus.entities.length).toBeGreaterThan(20);
  });

  it('stops at the first broken file: a half-loaded corpus never serves answers', () => {
    const dir = scratchCorpus();
    writeSource(dir, 'broken', GOOD.replace('id: sample-source', 'id: broken').replace('language: en', 'language: 42'));
    expect(() => loadCorpus(dir)).toThrow(/sources\/broken\.md: field "language"/);
    rmSync(dir, { recursive: true });
  });

  it('checks that near_duplicate_of names a source of the corpus', () => {
    const dir = scratchCorpus();
    const copy = (other: string) => GOOD.replace('id: sample-source', 'id: wire-copy').replace('language: en', `language: en\nnear_duplicate_of: ${other}`);
    writeSource(dir, 'wire-copy', copy('ap-how-the-hostage-deal-came-about'));
    expect(loadCorpus(dir).sources.find((s) => s.id === 'wire-copy')?.near_duplicate_of).toBe('ap-how-the-hostage-deal-came-about');
    writeSource(dir, 'wire-copy', copy('no-such-source'));
    expect(() => loadCorpus(dir)).toThrow('sources/wire-copy.md: field "near_duplicate_of": no source "no-such-source" in the corpus');
    writeSource(dir, 'wire-copy', copy('wire-copy'));
    expect(() => loadCorpus(dir)).toThrow(/sources\/wire-copy\.md: field "near_duplicate_of": names the source itself/);
    rmSync(dir, { recursive: true });
  });

  it('names a broken entity file and the entry', () => {
    const dir = scratchCorpus();
    writeFileSync(join(dir, 'entities.yaml'), 'entities:\n  - id: x\n    name: Xavier\n    kind: wizard\n    description: d\n');
    expect(() => loadCorpus(dir)).toThrow(/entities\.yaml: field "entities\.0\.kind"/);
    rmSync(dir, { recursive: true });
  });

  it('says so when there is no corpus at all', () => {
    expect(() => loadCorpus(emptyCorpus())).toThrow(/no sources/);
    expect(() => loadCorpus('/nonexistent-corpus')).toThrow(/directory not found/);
  });
});
