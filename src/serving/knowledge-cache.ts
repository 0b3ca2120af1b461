/**
 * The knowledge base saved beside the corpus (`CORPUS_DIR/.cache/`), so that a restart reads what the last build
 * worked out instead of working it out again: on a corpus of 100,000 passages a build takes minutes, reading it back
 * seconds. The file is named by a fingerprint of the corpus (every source and `entities.yaml`, as loaded), of the
 * code that builds knowledge and of KNOWLEDGE_FORMAT. A save of an earlier version of a large corpus is brought up
 * to date source by source; any other file is stale and is replaced. A cache that cannot be read — damaged,
 * truncated, from another version — is reported and rebuilt; it never stops the bot.
 *
 * Why a checksum: a save holds passage texts, offsets and counts as raw bytes, and the deserializer checks none of
 * them. Of 250 single-byte changes to a save, only 26 were noticed; 17 changed answers (a misspelled word in a
 * quote, a wrong "Sources disagree") and 2 made a count so large that every start ran out of memory. So a save is
 * sealed: a header (SAVE_MAGIC, the payload's length, its SHA-256) before the serialized payload, and the whole
 * payload is checked before a byte of it is deserialized (0.1 s of the 2.7 s a read takes at 100,000 passages). What
 * passes the checksum is still bounds-checked (every count against the arrays it counts, `checkSavedPassages`) before
 * anything is allocated from it, so even a save forged with a valid checksum cannot make a start run out of memory.
 *
 * @example
 * const { knowledge, from } = openCachedKnowledge('corpus', loadCorpus('corpus')); // from: 'cache' | 'update' | 'build'
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { removeLeftoverTemporaries, writeFileDurably } from '../corpus/durable-files.ts';
import type { Corpus } from '../corpus/load-corpus.ts';
import type { Source } from '../corpus/source-schema.ts';
import { PassageIndex, type PassageIndexSnapshot } from '../search/passage-index.ts';
import { frequencyColumns, restoreFrequency } from '../answers/collapse-copies.ts';
import { columnsOfMap, type MapColumns, mapFromColumns } from './saved-columns.ts';
import {
  assembleKnowledge,
  buildKnowledge,
  indexedPassage,
  type Knowledge,
  textKeyOf,
  type WordStats,
  type KnowledgeParts,
  type KnownPassage,
} from '../knowledge/knowledge.ts';
import { checkSavedPassages, MissingSourceError, packPassages, type SavedPassages, unpackPassages } from './saved-passages.ts';
import { INCREMENTAL_FROM_PASSAGES, updateKnowledge } from '../knowledge/update-knowledge.ts';
import { progressLines } from '../knowledge/build-progress.ts';
import { passageStemColumns, restorePassageStems, type SavedPassageStems } from '../knowledge/passage-stems.ts';

/** The layout of a save; the code itself is fingerprinted too (see codeFingerprint). */
export const KNOWLEDGE_FORMAT = 'talks-knowledge/5';
export const CACHE_DIR = '.cache';
const FILE = /^knowledge-[0-9a-f]{16}\.v8$/;

/** The first bytes of a save; then the payload's length (64-bit little-endian) and its SHA-256, then the payload. */
export const SAVE_MAGIC = Buffer.from('talks-kb', 'latin1');
/** 48 bytes: a multiple of 8, so the payload's typed arrays stay aligned and are read in place, not copied. */
export const SAVE_HEADER_BYTES = SAVE_MAGIC.length + 8 + 32;

export class KnowledgeCacheError extends Error {}

/** A save that is damaged (fails its checksum or its bounds checks): reported, never served, and replaced. */
export class DamagedSaveError extends KnowledgeCacheError {}

interface SavedKnowledge {
  format: string;
  fingerprint: string;
  /** The code that made it (codeFingerprint): a save by the same code can be caught up with a changed corpus. */
  code: string;
  /** Each source as it was then: its fingerprint, and its metadata (the text is in the passages). */
  sources: Array<{ fingerprint: string; meta: Omit<Source, 'paragraphs'> }>;
  /** `entities.yaml` as it was then: a change there needs a full build. */
  entities: string;
  passages: SavedPassages;
  /** The word frequencies copies are matched by (`frequencyOf`), which a first answer would otherwise count. */
  frequency: ReturnType<typeof frequencyColumns>;
  /** Each passage's `textKeyOf`, in passage order: copies are grouped by these without hashing every text again. */
  textKeys: string[];
  allEntities: KnowledgeParts['allEntities'];
  statedRoles: KnowledgeParts['statedRoles'];
  discoveredIds: KnowledgeParts['discoveredIds'];
  /** The word statistics as columns: the capitals' counts [written with a capital, standing inside a sentence] as two arrays. */
  wordStats: { df: MapColumns; capitals: MapColumns & { inside: Float64Array } };
  index: Omit<PassageIndexSnapshot, 'documentFrequency' | 'vocabulary'> & { documentFrequency: MapColumns; vocabulary: MapColumns };
  /** Each passage's distinct stems as numbers (`passage-stems.ts`): a started bot does not read every passage's text for them. */
  stems: SavedPassageStems;
}

/**
 * What identifies a corpus for the cache: its sources (metadata and text), entities and exclusions, and the format.
 *
 * @example
 * knowledgeFingerprint(loadCorpus('corpus')) // → '3f9c…' (64 hex digits); changes with any edit to the corpus
 */
export function knowledgeFingerprint(corpus: Corpus): string {
  let fingerprint = fingerprints.get(corpus);
  if (fingerprint === undefined) {
    const { dir: _dir, ...content } = corpus;
    fingerprint = createHash('sha256').update(KNOWLEDGE_FORMAT).update(codeFingerprint()).update(JSON.stringify(content)).digest('hex');
    fingerprints.set(corpus, fingerprint);
  }
  return fingerprint;
}

/** Fingerprints by loaded corpus: hashing a large corpus takes a few hundred milliseconds, and a start asks twice. */
const fingerprints = new WeakMap<Corpus, string>();

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const sourceFingerprint = (source: Source) => sha256(JSON.stringify(source));
const entitiesFingerprint = (corpus: Corpus) => sha256(JSON.stringify([corpus.entities, corpus.notEntities]));

let code: string | null = null;

/**
 * A hash of the code that builds knowledge (every file under `src/` of the kind this one is: `.ts` run by tsx, `.js`
 * built by `npm run build`), once per process: a save made by other code is never read back, even when nobody
 * remembered to change KNOWLEDGE_FORMAT.
 */
function codeFingerprint(): string {
  if (code === null) {
    const hash = createHash('sha256');
    const root = join(import.meta.dirname, '..');
    const kind = extname(import.meta.filename);
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith(kind))
      .sort();
    for (const f of files) hash.update(f).update(readFileSync(join(root, f)));
    code = hash.digest('hex');
  }
  return code;
}

/** Writes the knowledge base to `file`, whole or not at all (a flushed temporary file renamed into place). */
export function saveKnowledge(knowledge: Knowledge, file: string): void {
  const saved: SavedKnowledge = {
    format: KNOWLEDGE_FORMAT,
    fingerprint: knowledgeFingerprint(knowledge.corpus),
    code: codeFingerprint(),
    sources: knowledge.corpus.sources.map((source) => {
      const { paragraphs: _p, ...meta } = source;
      return { fingerprint: sourceFingerprint(source), meta };
    }),
    entities: entitiesFingerprint(knowledge.corpus),
    passages: packPassages(knowledge.passages),
    textKeys: textKeysOf(knowledge),
    frequency: frequencyColumns(knowledge),
    allEntities: knowledge.allEntities,
    statedRoles: knowledge.statedRoles,
    discoveredIds: knowledge.discoveredIds,
    wordStats: savedWordStats(knowledge.wordStats),
    index: savedIndex(knowledge.index.toSnapshot()),
    stems: passageStemColumns(knowledge),
  };
  const payload = serialize(saved);
  writeFileDurably(file, [sealOf(payload), payload]);
}

/**
 * The header that seals `payload`: SAVE_MAGIC, its length and its SHA-256. A save is the header then the payload.
 *
 * @example
 * const payload = serialize(value); writeFileSync(file, Buffer.concat([sealOf(payload), payload]));
 */
export function sealOf(payload: Uint8Array): Buffer {
  const header = Buffer.alloc(SAVE_HEADER_BYTES);
  SAVE_MAGIC.copy(header, 0);
  header.writeBigUInt64LE(BigInt(payload.length), SAVE_MAGIC.length);
  createHash('sha256')
    .update(payload)
    .digest()
    .copy(header, SAVE_MAGIC.length + 8);
  return header;
}

/**
 * The payload of a sealed save, once its header and checksum are found right; throws DamagedSaveError naming what is
 * wrong (no header, a length that is not the file's, contents that do not match the checksum) otherwise.
 *
 * @example
 * deserialize(unsealed(readFileSync(file), file)) // the saved object, or DamagedSaveError: … checksum …
 */
export function unsealed(bytes: Buffer, file: string): Buffer {
  const damaged = (why: string) => new DamagedSaveError(`the saved knowledge ${file} cannot be read (damaged: ${why})`);
  if (bytes.length < SAVE_HEADER_BYTES || !bytes.subarray(0, SAVE_MAGIC.length).equals(SAVE_MAGIC))
    throw damaged('it does not start with a save header; or saved by a version before saves had one');
  const length = bytes.readBigUInt64LE(SAVE_MAGIC.length);
  if (length !== BigInt(bytes.length - SAVE_HEADER_BYTES))
    throw damaged(`its header gives ${length} bytes of contents, the file holds ${bytes.length - SAVE_HEADER_BYTES}`);
  const payload = bytes.subarray(SAVE_HEADER_BYTES);
  const expected = bytes.subarray(SAVE_MAGIC.length + 8, SAVE_HEADER_BYTES);
  if (!createHash('sha256').update(payload).digest().equals(expected)) throw damaged('its contents do not match its checksum');
  return payload;
}

function savedIndex(snapshot: PassageIndexSnapshot): SavedKnowledge['index'] {
  return { ...snapshot, documentFrequency: columnsOfMap(snapshot.documentFrequency), vocabulary: columnsOfMap(snapshot.vocabulary) };
}

function savedWordStats(stats: WordStats): SavedKnowledge['wordStats'] {
  const capitals = [...stats.capitals];
  return {
    df: columnsOfMap(stats.df),
    capitals: {
      keys: capitals.map(([stem]) => stem),
      values: Float64Array.from(capitals, ([, [c]]) => c),
      inside: Float64Array.from(capitals, ([, [, n]]) => n),
    },
  };
}

function readWordStats(saved: SavedKnowledge['wordStats']): WordStats {
  if (saved.capitals.values.length !== saved.capitals.keys.length || saved.capitals.inside.length !== saved.capitals.keys.length)
    throw new Error('a saved table has as many keys as values');
  const capitals = new Map<string, [number, number]>();
  saved.capitals.keys.forEach((stem, i) => capitals.set(stem, [saved.capitals.values[i] ?? 0, saved.capitals.inside[i] ?? 0]));
  return { df: mapFromColumns(saved.df), capitals };
}

/** Each passage's text key, in passage order, read off the passages grouped by text. */
function textKeysOf(knowledge: Knowledge): string[] {
  const keyOf = new Map<string, string>();
  for (const [key, group] of knowledge.passagesByText) for (const p of group) keyOf.set(p.id, key);
  return knowledge.passages.map((p) => keyOf.get(p.id) ?? textKeyOf(p.text));
}

/**
 * Reads a saved knowledge base for `corpus`; throws KnowledgeCacheError when the file is unreadable or was saved
 * for another corpus or format.
 */
export function loadKnowledge(file: string, corpus: Corpus): Knowledge {
  const saved = readSave(file);
  if (saved.fingerprint !== knowledgeFingerprint(corpus))
    throw new KnowledgeCacheError(`the saved knowledge ${file} is for another corpus or version`);
  return fromSave(saved, corpus, corpus.sources, file);
}

/**
 * A save read back: its checksum checked (`unsealed`) before it is deserialized, and its shape and every count in it
 * checked against what it holds before anything is made from it. Throws DamagedSaveError for a save that fails a
 * check, KnowledgeCacheError for one that cannot be read or is of another version.
 */
function readSave(file: string): SavedKnowledge {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new KnowledgeCacheError(`the saved knowledge ${file} cannot be read (${(error as Error).message})`);
  }
  const payload = unsealed(bytes, file);
  let saved: SavedKnowledge;
  try {
    saved = deserialize(payload) as SavedKnowledge;
  } catch (error) {
    throw new DamagedSaveError(`the saved knowledge ${file} cannot be read (damaged: ${(error as Error).message})`);
  }
  if (saved?.format !== KNOWLEDGE_FORMAT || saved.code !== codeFingerprint())
    throw new KnowledgeCacheError(`the saved knowledge ${file} is for another corpus or version`);
  try {
    checkShape(saved);
  } catch (error) {
    throw new DamagedSaveError(`the saved knowledge ${file} cannot be read (damaged: ${(error as Error).message})`);
  }
  return saved;
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
const isColumns = (value: unknown): value is MapColumns =>
  isStrings((value as MapColumns)?.keys) &&
  (value as MapColumns).values instanceof Float64Array &&
  (value as MapColumns).values.length === (value as MapColumns).keys.length;

/**
 * Throws (naming the part) unless a deserialized save has the shape `saveKnowledge` writes and its counts agree with
 * the arrays they count: the checks a save needs before anything is allocated from its numbers.
 */
function checkShape(saved: SavedKnowledge): void {
  const fail = (part: string) => {
    throw new Error(`${part} is not as saved`);
  };
  if (typeof saved.fingerprint !== 'string' || typeof saved.entities !== 'string') fail('its fingerprint');
  if (!Array.isArray(saved.sources) || !saved.sources.every((s) => typeof s?.fingerprint === 'string' && typeof s.meta?.id === 'string'))
    fail('its list of sources');
  checkSavedPassages(saved.passages);
  const count = saved.passages.text.length;
  if (!isStrings(saved.textKeys) || saved.textKeys.length !== count) fail('its text keys');
  if (!Array.isArray(saved.allEntities) || !(saved.statedRoles instanceof Map) || !(saved.discoveredIds instanceof Set))
    fail('its entities');
  const f = saved.frequency;
  if (!(f?.hashes instanceof Float64Array) || !(f.counts instanceof Float64Array) || f.hashes.length !== f.counts.length)
    fail('its word frequencies');
  const w = saved.wordStats;
  if (
    !isColumns(w?.df) ||
    !isColumns(w.capitals) ||
    !(w.capitals.inside instanceof Float64Array) ||
    w.capitals.inside.length !== w.capitals.keys.length
  )
    fail('its word statistics');
  const index = saved.index;
  if (!isColumns(index?.documentFrequency) || !isColumns(index.vocabulary) || index.passageCount !== count) fail('its index');
  const features = index.features;
  if (
    !(features?.has instanceof Uint8Array) ||
    features.has.length !== count ||
    !isStrings(features.number) ||
    features.number.length !== count ||
    !isStrings(features.duration) ||
    features.duration.length !== count
  )
    fail("its index's passage features");
  const stems = saved.stems;
  if (
    !isStrings(stems?.stems) ||
    !(stems.counts instanceof Uint32Array) ||
    stems.counts.length !== count ||
    !(stems.numbers instanceof Uint32Array)
  )
    fail('its passage stems');
}

/** The saved knowledge with its passages joined to `sources` (one for every source the save has passages of). */
function fromSave(saved: SavedKnowledge, corpus: Corpus, sources: readonly Source[], file: string): Knowledge {
  const byId = new Map(sources.map((s) => [s.id, s]));
  let passages: KnownPassage[];
  try {
    passages = unpackPassages(saved.passages, (id) => byId.get(id));
  } catch (error) {
    throw new KnowledgeCacheError(
      `the saved knowledge ${file} ${error instanceof MissingSourceError ? error.message : `cannot be read (${(error as Error).message})`}`,
    );
  }
  const entityById = new Map(saved.allEntities.map((e) => [e.id, e]));
  let index: PassageIndex;
  let wordStats: WordStats;
  try {
    const { documentFrequency, vocabulary, ...rest } = saved.index;
    const snapshot = { ...rest, documentFrequency: mapFromColumns(documentFrequency), vocabulary: mapFromColumns(vocabulary) };
    index = PassageIndex.restore(
      snapshot,
      passages.map((p) => indexedPassage(p, entityById, saved.discoveredIds)),
    );
    wordStats = readWordStats(saved.wordStats);
  } catch (error) {
    throw new KnowledgeCacheError(`the saved knowledge ${file} cannot be read (${(error as Error).message})`);
  }
  const textKeys = saved.textKeys.length === passages.length ? saved.textKeys : undefined;
  const knowledge = assembleKnowledge(
    { ...corpus, sources: [...sources] },
    {
      passages,
      allEntities: saved.allEntities,
      statedRoles: saved.statedRoles,
      discoveredIds: saved.discoveredIds,
      wordStats,
      index,
      textKeys,
    },
  );
  if (saved.frequency) restoreFrequency(knowledge, saved.frequency);
  restorePassageStems(knowledge, saved.stems);
  return knowledge;
}

/**
 * A save of another version of this corpus, brought up to date with a one-article update (`updateKnowledge`) per
 * changed source instead of a build: what a restart after sources were added to a large running bot reads. Only
 * for a save by the same code, of the same `entities.yaml`, of a corpus large enough that updates are used at all.
 * Sources changed or removed since are joined to their saved metadata just long enough to be taken out.
 */
export function catchUpKnowledge(
  file: string,
  corpus: Corpus,
  incrementalFrom = INCREMENTAL_FROM_PASSAGES,
): { knowledge: Knowledge; changed: number } {
  const saved = readSave(file);
  if (saved.entities !== entitiesFingerprint(corpus))
    throw new KnowledgeCacheError(`the saved knowledge ${file} is for another entities.yaml`);
  if (saved.passages.text.length < incrementalFrom)
    throw new KnowledgeCacheError(`the saved knowledge ${file} is small enough to build again`);
  const current = new Map(corpus.sources.map((s) => [s.id, s]));
  const then = new Map(saved.sources.map((s) => [s.meta.id, s]));
  const same = (s: Source) => then.get(s.id)?.fingerprint === sourceFingerprint(s);
  // a source as it was saved: the current one when unchanged, else its saved metadata (no text: it is only removed)
  const savedSources = saved.sources.map(({ meta }) => {
    const now = current.get(meta.id);
    return now && same(now) ? now : { ...meta, paragraphs: [] };
  });
  const previous = fromSave(saved, corpus, savedSources, file);
  const added = corpus.sources.filter((s) => !same(s));
  const removed = saved.sources.map((s) => s.meta.id).filter((id) => !current.has(id) || !same(current.get(id) as Source));
  const { knowledge } = updateKnowledge(previous, { added, removed }, corpus);
  return { knowledge, changed: new Set([...added.map((s) => s.id), ...removed]).size };
}

/**
 * Where the knowledge of `corpus` is saved beside it, named by its fingerprint.
 *
 * @example
 * cacheFileOf('corpus', loadCorpus('corpus')) // → 'corpus/.cache/knowledge-3f9c0a…16 hex….v8'
 */
export function cacheFileOf(dir: string, corpus: Corpus): string {
  return join(dir, CACHE_DIR, `knowledge-${knowledgeFingerprint(corpus).slice(0, 16)}.v8`);
}

/**
 * The knowledge base for a loaded corpus: read from `dir/.cache/` when a build of this very corpus was saved there,
 * else brought up to date from a save of an earlier version of a large corpus (`catchUpKnowledge`), else built; then
 * saved (older saves removed). `report` hears what happened, in words for a log.
 */
export function openCachedKnowledge(
  dir: string,
  corpus: Corpus,
  report: (message: string) => void = () => undefined,
  options: { incrementalFrom?: number } = {},
): { knowledge: Knowledge; from: 'cache' | 'update' | 'build'; ms: number } {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const cacheDir = join(dir, CACHE_DIR);
  const file = cacheFileOf(dir, corpus);
  if (existsSync(file)) {
    try {
      const knowledge = loadKnowledge(file, corpus);
      report(`read the saved knowledge (${knowledge.passages.length} passages) in ${ms()} ms`);
      return { knowledge, from: 'cache', ms: ms() };
    } catch (error) {
      report(`${(error as Error).message}: building it again`);
    }
  }
  for (const other of existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => FILE.test(f) && join(cacheDir, f) !== file) : []) {
    try {
      const { knowledge, changed } = catchUpKnowledge(join(cacheDir, other), corpus, options.incrementalFrom);
      report(`read the knowledge saved before ${changed} source(s) changed and updated it in ${ms()} ms`);
      const read = ms();
      save(cacheDir, file, knowledge, (outcome) => report(`${outcome} (${ms() - read} ms)`));
      return { knowledge, from: 'update', ms: ms() };
    } catch (error) {
      // a save of another entities.yaml or a small corpus is simply not used; a damaged one is worth a line in the log
      if (error instanceof DamagedSaveError) report(`${error.message}: it is not used`);
      else if (!(error instanceof KnowledgeCacheError))
        report(`the saved knowledge ${other} could not be brought up to date (${(error as Error).message})`);
    }
  }
  report(`building the knowledge base for ${corpus.sources.length} sources (nothing saved for this corpus yet)…`);
  const knowledge = buildKnowledge(corpus, progressLines(report));
  const built = ms();
  save(cacheDir, file, knowledge, (outcome) =>
    report(`built ${knowledge.passages.length} passages in ${built} ms; ${outcome} (${ms() - built} ms)`),
  );
  return { knowledge, from: 'build', ms: ms() };
}

/**
 * Saves `knowledge` as `file` (in place of a damaged save of the same name), removing older saves and the temporary
 * files of saves killed before they were renamed into place; a corpus directory that cannot be written still serves.
 */
function save(cacheDir: string, file: string, knowledge: Knowledge, report: (outcome: string) => void): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    removeLeftoverTemporaries(cacheDir);
    saveKnowledge(knowledge, file);
    for (const old of readdirSync(cacheDir))
      if (FILE.test(old) && join(cacheDir, old) !== file) rmSync(join(cacheDir, old), { force: true });
    report('saved for the next start');
  } catch (error) {
    // a read-only corpus directory still serves: it only starts slower next time
    report(`could not save it (${(error as Error).message})`);
  }
}
