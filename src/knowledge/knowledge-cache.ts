/**
 * The knowledge base saved beside the corpus (`CORPUS_DIR/.cache/`), so that a restart reads what the last build
 * worked out instead of working it out again: on a corpus of 100,000 passages a build takes minutes, reading it back
 * seconds. The file is named by a fingerprint of the corpus (every source and `entities.yaml`, as loaded), of the
 * code that builds knowledge and of KNOWLEDGE_FORMAT; any other file is stale and is replaced. A cache that cannot be read — damaged, truncated, from another version — is
 * reported and rebuilt; it never stops the bot.
 *
 * @example
 * const { knowledge, from } = openCachedKnowledge('corpus', loadCorpus('corpus')); // from: 'cache' | 'build'
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Corpus } from '../corpus/load-corpus.ts';
import { PassageIndex, type PassageIndexSnapshot } from '../search/passage-index.ts';
import { assembleKnowledge, buildKnowledge, type Knowledge, type KnowledgeParts, type KnownPassage } from './knowledge.ts';

/** The layout of a save; the code itself is fingerprinted too (see codeFingerprint). */
export const KNOWLEDGE_FORMAT = 'talks-knowledge/2';
export const CACHE_DIR = '.cache';
const FILE = /^knowledge-[0-9a-f]{16}\.v8$/;

export class KnowledgeCacheError extends Error {}

interface SavedKnowledge {
  format: string;
  fingerprint: string;
  passages: Array<Omit<KnownPassage, 'source'>>;
  allEntities: KnowledgeParts['allEntities'];
  statedRoles: KnowledgeParts['statedRoles'];
  discoveredIds: KnowledgeParts['discoveredIds'];
  wordStats: KnowledgeParts['wordStats'];
  index: PassageIndexSnapshot;
}

/**
 * What identifies a corpus for the cache: its sources (metadata and text), entities and exclusions, and the format.
 *
 * @example
 * knowledgeFingerprint(loadCorpus('corpus')) // → '3f9c…' (64 hex digits); changes with any edit to the corpus
 */
export function knowledgeFingerprint(corpus: Corpus): string {
  const { dir: _dir, ...content } = corpus;
  return createHash('sha256').update(KNOWLEDGE_FORMAT).update(codeFingerprint()).update(JSON.stringify(content)).digest('hex');
}

let code: string | null = null;

/**
 * A hash of the code that builds knowledge (every `.ts` file under `src/`), once per process: a save made by other
 * code is never read back, even when nobody remembered to change KNOWLEDGE_FORMAT.
 */
function codeFingerprint(): string {
  if (code === null) {
    const hash = createHash('sha256');
    const root = join(import.meta.dirname, '..');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort();
    for (const f of files) hash.update(f).update(readFileSync(join(root, f)));
    code = hash.digest('hex');
  }
  return code;
}

/** Writes the knowledge base to `file`, whole or not at all (a temporary file renamed into place). */
export function saveKnowledge(knowledge: Knowledge, file: string): void {
  const saved: SavedKnowledge = {
    format: KNOWLEDGE_FORMAT,
    fingerprint: knowledgeFingerprint(knowledge.corpus),
    passages: knowledge.passages.map(({ source: _source, ...p }) => p),
    allEntities: knowledge.allEntities,
    statedRoles: knowledge.statedRoles,
    discoveredIds: knowledge.discoveredIds,
    wordStats: knowledge.wordStats,
    index: knowledge.index.toSnapshot(),
  };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, serialize(saved));
  renameSync(temporary, file);
}

/**
 * Reads a saved knowledge base for `corpus`; throws KnowledgeCacheError when the file is unreadable or was saved
 * for another corpus or format.
 */
export function loadKnowledge(file: string, corpus: Corpus): Knowledge {
  let saved: SavedKnowledge;
  try {
    saved = deserialize(readFileSync(file)) as SavedKnowledge;
  } catch (error) {
    throw new KnowledgeCacheError(`the saved knowledge ${file} cannot be read (${(error as Error).message})`);
  }
  if (saved?.format !== KNOWLEDGE_FORMAT || saved.fingerprint !== knowledgeFingerprint(corpus) || !Array.isArray(saved.passages)) {
    throw new KnowledgeCacheError(`the saved knowledge ${file} is for another corpus or version`);
  }
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  const passages: KnownPassage[] = [];
  for (const p of saved.passages) {
    const source = sources.get(p.sourceId);
    if (!source) throw new KnowledgeCacheError(`the saved knowledge ${file} names a source the corpus lacks: ${p.sourceId}`);
    passages.push({ ...p, source });
  }
  const index = new PassageIndex(saved.index);
  return assembleKnowledge(corpus, { passages, allEntities: saved.allEntities, statedRoles: saved.statedRoles, discoveredIds: saved.discoveredIds, wordStats: saved.wordStats, index });
}

/**
 * The knowledge base for a loaded corpus: read from `dir/.cache/` when a build of this very corpus was saved there,
 * else built and saved (older saves removed). `report` hears what happened, in words for a log.
 */
export function openCachedKnowledge(dir: string, corpus: Corpus, report: (message: string) => void = () => undefined): { knowledge: Knowledge; from: 'cache' | 'build'; ms: number } {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const cacheDir = join(dir, CACHE_DIR);
  const file = join(cacheDir, `knowledge-${knowledgeFingerprint(corpus).slice(0, 16)}.v8`);
  if (existsSync(file)) {
    try {
      const knowledge = loadKnowledge(file, corpus);
      report(`read the saved knowledge (${knowledge.passages.length} passages) in ${ms()} ms`);
      return { knowledge, from: 'cache', ms: ms() };
    } catch (error) {
      report(`${(error as Error).message}: building it again`);
    }
  }
  report(`building the knowledge base for ${corpus.sources.length} sources (nothing saved for this corpus yet)…`);
  const knowledge = buildKnowledge(corpus);
  const built = ms();
  try {
    mkdirSync(cacheDir, { recursive: true });
    for (const old of readdirSync(cacheDir)) if (FILE.test(old) && join(cacheDir, old) !== file) rmSync(join(cacheDir, old), { force: true });
    saveKnowledge(knowledge, file);
    report(`built ${knowledge.passages.length} passages in ${built} ms and saved them for the next start (${ms() - built} ms)`);
  } catch (error) {
    // a read-only corpus directory still serves: it only starts slower next time
    report(`built ${knowledge.passages.length} passages in ${built} ms; could not save them (${(error as Error).message})`);
  }
  return { knowledge, from: 'build', ms: ms() };
}
