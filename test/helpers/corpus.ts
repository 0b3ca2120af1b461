/** The bundled corpus and its knowledge base, built once per test file. */
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { buildKnowledge, type Knowledge } from '../../src/knowledge/knowledge.ts';

let cached: Knowledge | null = null;

export function bundledKnowledge(): Knowledge {
  cached ??= buildKnowledge(loadCorpus('corpus'));
  return cached;
}

/** The five raw texts the bundled corpus's sources were cleaned from, kept in the repository so that tests can re-clean them. */
export const SEEDS_DIR = join(import.meta.dirname, '../fixtures/seeds');

/** A scratch copy of the bundled corpus that a test may break. */
export function scratchCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'talks-corpus-'));
  // without the knowledge saved beside the bundled corpus: a scratch corpus starts as a fresh install would
  cpSync('corpus', dir, { recursive: true, filter: (path) => !/[\\/]\.cache(?:[\\/]|$)/.test(path) });
  return dir;
}

/** An empty corpus directory with a sources/ folder. */
export function emptyCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'talks-corpus-'));
  mkdirSync(join(dir, 'sources'));
  return dir;
}

export function writeSource(dir: string, id: string, text: string): void {
  writeFileSync(join(dir, 'sources', `${id}.md`), text);
}

/** Whitespace and quote-style folding, as the quality check compares quotes with source bodies. */
export function fold(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every fragment between ellipses occurs in the source body: the quote is the source's own words. */
export function isVerbatim(knowledge: Knowledge, quote: string, sourceId: string): boolean {
  const source = knowledge.sourceById.get(sourceId);
  if (!source) return false;
  const body = fold(source.paragraphs.join('\n\n'));
  return fold(quote)
    .split(/\s*…\s*/)
    .filter((f) => f !== '')
    .every((f) => body.includes(f));
}

/** A short article in the corpus format, written for these tests. */
export function testArticle(id: string, body: string, published = '2025-01-16'): string {
  return [
    '---',
    `id: ${id}`,
    'title: Mediators announce a phased ceasefire',
    'outlet: The Harbor Ledger',
    'authors: [Marta Olsen]',
    `published: ${published}`,
    'published_basis: { kind: stated, evidence: "Published 16 January 2025" }',
    'language: en',
    '---',
    '',
    body,
    '',
  ].join('\n');
}

/** An article whose text dates nothing and that has no publication date: a wire copy kept without its date line. */
export function undatedArticle(id: string, body: string): string {
  return testArticle(id, body)
    .replace(/published: .*/, 'published: null')
    .replace(/published_basis: .*/, 'published_basis: { kind: unknown, evidence: "the text gives no date" }');
}
