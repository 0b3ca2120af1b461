/**
 * Loads a whole corpus directory: every `sources/*.md` and `entities.yaml`. All or nothing: the first broken file
 * stops the load with a CorpusError naming it, so a half-loaded corpus never serves answers.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Entity, EntityFileSchema } from './entity-schema.ts';
import { CorpusError, fromZod, parseSourceFile, parseYamlIn, refuseControlCharacters, withoutBom } from './source-file.ts';
import type { Source } from './source-schema.ts';

export interface Corpus {
  dir: string;
  sources: Source[];
  entities: Entity[];
  notEntities: string[];
}

/** The largest corpus file read: a source is one article (the longest seed is under 60 kB). */
export const MAX_CORPUS_FILE_BYTES = 5_000_000;

/**
 * Reads a corpus file as UTF-8 text, refusing (CorpusError naming `label`) a file over MAX_CORPUS_FILE_BYTES or one
 * whose bytes are not UTF-8 — a UTF-16 or Latin-1 file would otherwise load as garbled text.
 *
 * @example
 * readCorpusText('corpus/sources/a.md', 'sources/a.md') // → '---\nid: a\n…'
 */
export function readCorpusText(path: string, label: string): string {
  const size = statSync(path).size;
  if (size > MAX_CORPUS_FILE_BYTES) throw new CorpusError(label, null, `is ${(size / 1_000_000).toFixed(1)} MB, over the ${MAX_CORPUS_FILE_BYTES / 1_000_000} MB a corpus file may have`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch {
    throw new CorpusError(label, null, 'is not UTF-8 text (save it as UTF-8)');
  }
}

/** `CORPUS_DIR` from the environment, or `./corpus`. */
/**
 * The source files of a `sources/` directory, sorted: every `*.md` but dot-files, which are writers' temporary files.
 * Loading, ingest's duplicate check and the watcher all read this one list, so they agree on what the corpus is.
 *
 * @example
 * sourceFileNames('corpus/sources') // → ['ap-how-the-hostage-deal-came-about.md', …]
 */
export function sourceFileNames(sourcesDir: string): string[] {
  return readdirSync(sourcesDir).filter((f) => f.endsWith('.md') && !f.startsWith('.')).sort();
}

export function corpusDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.CORPUS_DIR && env.CORPUS_DIR.trim() !== '' ? env.CORPUS_DIR : 'corpus';
}

/**
 * @example
 * const corpus = loadCorpus('corpus');
 * corpus.sources.map((s) => s.id) // → ['ap-how-the-hostage-deal-came-about', …] (sorted by id)
 */
export function loadCorpus(dir: string): Corpus {
  const sourcesDir = join(dir, 'sources');
  if (!existsSync(sourcesDir)) throw new CorpusError(sourcesDir, null, 'directory not found (set CORPUS_DIR?)');
  const files = sourceFileNames(sourcesDir);
  if (files.length === 0) throw new CorpusError(sourcesDir, null, 'no sources (*.md files)');
  const sources = files.map((f) => parseSourceFile(readCorpusText(join(sourcesDir, f), `sources/${f}`), `sources/${f}`));
  const seen = new Set<string>();
  for (const s of sources) {
    if (seen.has(s.id)) throw new CorpusError(s.file, 'id', `duplicate id "${s.id}"`);
    seen.add(s.id);
  }
  for (const s of sources) {
    const other = s.near_duplicate_of;
    if (other === undefined) continue;
    if (other === s.id) throw new CorpusError(s.file, 'near_duplicate_of', 'names the source itself');
    if (!seen.has(other)) throw new CorpusError(s.file, 'near_duplicate_of', `no source "${other}" in the corpus`);
  }
  const { entities, notEntities } = loadEntities(join(dir, 'entities.yaml'));
  return { dir, sources, entities, notEntities };
}

/** Reads and validates `entities.yaml`; a missing file means no curated entities. */
export function loadEntities(file: string): { entities: Entity[]; notEntities: string[] } {
  if (!existsSync(file)) return { entities: [], notEntities: [] };
  const text = withoutBom(readCorpusText(file, 'entities.yaml'));
  refuseControlCharacters(text, 'entities.yaml');
  const parsed = EntityFileSchema.safeParse(parseYamlIn(text, 'entities.yaml', 'not valid YAML'));
  if (!parsed.success) throw fromZod('entities.yaml', parsed.error, 'the file');
  const ids = new Set<string>();
  for (const [i, e] of parsed.data.entities.entries()) {
    if (ids.has(e.id)) throw new CorpusError('entities.yaml', `entities.${i}.id`, `duplicate id "${e.id}"`);
    ids.add(e.id);
  }
  return { entities: parsed.data.entities, notEntities: parsed.data.not_entities };
}

/**
 * The sources of a corpus that parse, skipping any that do not: what ingest compares a new article with, so that a
 * broken or empty corpus does not stop a moderator from adding (or fixing) articles.
 *
 * @example
 * readableSources('corpus').length // → 5
 */
export function readableSources(dir: string): Source[] {
  const sourcesDir = join(dir, 'sources');
  if (!existsSync(sourcesDir)) return [];
  return sourceFileNames(sourcesDir).flatMap((f) => {
    try {
      return [parseSourceFile(readCorpusText(join(sourcesDir, f), `sources/${f}`), `sources/${f}`)];
    } catch {
      return [];
    }
  });
}
