/**
 * The knowledge base: everything the answers need, computed once from a loaded corpus — passages with their
 * resolved dates, entity mentions, speakers and term tags, the passage index and the entity resolver.
 */
import { createHash } from 'node:crypto';
import { normaliseText } from '../corpus/duplicates.ts';
import type { Corpus } from '../corpus/load-corpus.ts';
import type { Entity } from '../corpus/entity-schema.ts';
import type { Source } from '../corpus/source-schema.ts';
import { type DateMention, resolveDates } from '../dates/resolve-dates.ts';
import { discoverPeople } from '../entities/discover-people.ts';
import { compileMentionPatterns, findMentions, type Mention } from '../entities/mentions.ts';
import type { DiscoveredRole } from '../entities/discover-people.ts';
import { mergeEntities } from '../entities/merge-entities.ts';
import { EntityResolver } from '../entities/resolve-entity.ts';
import { type Passage, splitIntoPassages } from '../passages/passage.ts';
import { findSpeakers, type SpeakerAttribution } from '../entities/speakers.ts';
import { type TermTopic, tagTerms } from '../passages/terms-tags.ts';
import { type IndexedPassage, PassageIndex } from '../search/passage-index.ts';
import { type ProgressListener, trackEach, trackStep } from './build-progress.ts';
import { inferSourceYear, type YearEvidence } from './source-years.ts';
import { stemTerm, tokenize } from '../search/tokenize.ts';

/** A word of a passage with its stems, where it stands in the passage text. */
export interface WordAt {
  index: number;
  stems: readonly string[];
}

/**
 * How the corpus uses each stem, counted at build: in how many passages it stands (`/when` weighs rare event words
 * more), and how often it is written with a capital inside a sentence, of how often it stands there at all (a name).
 */
export interface WordStats {
  df: Map<string, number>;
  capitals: Map<string, [number, number]>;
}

export interface KnownPassage extends Passage {
  source: Source;
  dates: DateMention[];
  mentions: Mention[];
  speakers: SpeakerAttribution[];
  terms: TermTopic[];
}

export interface Knowledge {
  corpus: Corpus;
  passages: KnownPassage[];
  passageById: Map<string, KnownPassage>;
  sourceById: Map<string, Source>;
  entityById: Map<string, Entity>;
  index: PassageIndex;
  entities: EntityResolver;
  /** Every entity: the curated ones (with the roles the text adds) and the people only the text names. */
  allEntities: Entity[];
  /** The dated role statements the text makes, by entity id ("Shin Bet chief" in a source of 2024-03-01). */
  statedRoles: Map<string, DiscoveredRole[]>;
  /** Ids of the entities found in the text alone (not in `entities.yaml`). */
  discoveredIds: Set<string>;
  /** The stems of each entity's name and aliases: a query word among them points at the entity's mentions. */
  entityNameStems: Map<string, Set<string>>;
  /**
   * Passages whose text (after `normaliseText`) stands in more than one source, by passage id: copies share a group
   * number, so an answer shows such a passage once, with "also in", without comparing passages per query.
   */
  copyGroupOf: Map<string, number>;
  /** Passages by `textKeyOf` their text: a one-article update finds the copies of its passages here. */
  passagesByText: Map<string, KnownPassage[]>;
  /** The passages that mention each entity, in corpus order: `/who` reads these, not every passage. */
  passagesByEntity: Map<string, KnownPassage[]>;
  wordStats: WordStats;
}

/** Each entity's passages, in corpus order, a passage once however often it names the entity. */
function passagesByEntity(passages: readonly KnownPassage[]): Map<string, KnownPassage[]> {
  const byEntity = new Map<string, KnownPassage[]>();
  for (const p of passages) {
    for (const id of new Set(p.mentions.map((m) => m.entityId))) {
      const list = byEntity.get(id);
      if (list) list.push(p);
      else byEntity.set(id, [p]);
    }
  }
  return byEntity;
}

const positions = new WeakMap<Corpus, (p: Pick<Passage, 'sourceId' | 'n'>) => number>();

/**
 * Where a passage stands in the corpus's reading order (its source's place, then its number), as one number: what
 * lists kept in corpus order are sorted and bisected by. Worked out once per corpus.
 *
 * @example
 * const position = corpusPosition(knowledge.corpus); position(a) < position(b) // → a comes first
 */
export function corpusPosition(corpus: Corpus): (p: Pick<Passage, 'sourceId' | 'n'>) => number {
  let position = positions.get(corpus);
  if (!position) {
    const order = new Map(corpus.sources.map((s, i) => [s.id, i]));
    position = (p) => (order.get(p.sourceId) ?? 0) * 1e6 + p.n;
    positions.set(corpus, position);
  }
  return position;
}

/** A passage's text as copies share it: normalised (`normaliseText`), then hashed, so the key stays short. */
export const textKeyOf = (text: string): string => createHash('sha1').update(normaliseText(text)).digest('base64');

/**
 * Passages by `textKeyOf` their text, in corpus order: where copies of a text are looked up. `keys` are the
 * passages' keys when known already (a save keeps them: hashing 100,000 texts again takes most of a second).
 */
export function passagesByText(passages: readonly KnownPassage[], keys?: readonly string[]): Map<string, KnownPassage[]> {
  const byText = new Map<string, KnownPassage[]>();
  for (const [i, p] of passages.entries()) {
    const key = keys?.[i] ?? textKeyOf(p.text);
    const group = byText.get(key);
    if (group) group.push(p);
    else byText.set(key, [p]);
  }
  return byText;
}

/**
 * Numbers the groups of passages that are the same text in different sources (a wire story republished, a statement
 * quoted in full by two outlets). Passages without a copy elsewhere get no group.
 *
 * @example
 * copyGroups(passagesByText(passages)).get('reuters-deal#4') === copyGroups(…).get('ap-deal#4') // → true when the texts match
 */
export function copyGroups(byText: ReadonlyMap<string, readonly KnownPassage[]>): Map<string, number> {
  const groupOf = new Map<string, number>();
  let n = 0;
  for (const group of byText.values()) if (addCopyGroup(groupOf, group, n)) n++;
  return groupOf;
}

/** Gives `group` the number `n` when it spans two sources or more; says whether it did. */
export function addCopyGroup(groupOf: Map<string, number>, group: readonly KnownPassage[], n: number): boolean {
  if (group.length < 2 || new Set(group.map((p) => p.sourceId)).size < 2) return false;
  for (const p of group) groupOf.set(p.id, n);
  return true;
}

/** A word as passages are read for their words: letters, digits, apostrophes and hyphens ("Al-Thani’s"). */
const WORD = /[\p{L}\p{N}’'-]+/gu;

/** The stems of each distinct word, worked out once: a corpus has tens of thousands of words, millions of uses. */
const stemsByWord = new Map<string, readonly string[]>();
const STEMS_BY_WORD_LIMIT = 200_000;

/**
 * The stems of one word as written, as the index tokenizes it ("Al-Thani’s" → al, thani, althani), remembered.
 *
 * @example
 * stemsOfWord('hostages') // → ['hostag']
 */
export function stemsOfWord(word: string): readonly string[] {
  let stems = stemsByWord.get(word);
  if (stems === undefined) {
    if (stemsByWord.size >= STEMS_BY_WORD_LIMIT) stemsByWord.clear();
    stems = tokenize(word).map(stemTerm);
    stemsByWord.set(word, stems);
  }
  return stems;
}

function wordPositionsIn(text: string): WordAt[] {
  return [...text.matchAll(WORD)].map((m) => ({ index: m.index, stems: stemsOfWord(m[0]) }));
}

/**
 * Calls `visit` with the stems of every word of a text, in order, making no object per word: for reading the words of
 * tens of thousands of passages in one answer (`/terms` on a common word at 100,000 passages), where keeping each
 * passage's word positions would churn the memory.
 *
 * @example
 * visitWordStems('Hostages freed', (stems) => console.log(stems)) // logs ['hostag'], then ['freed']
 */
export function visitWordStems(text: string, visit: (stems: readonly string[]) => void): void {
  const words = new RegExp(WORD.source, WORD.flags);
  for (let m = words.exec(text); m !== null; m = words.exec(text)) visit(stemsOfWord(m[0]));
}

/** Keyed by the passage itself: a rebuilt corpus has new passage objects, so an edited text is never read stale. */
const recentWords = new Map<Pick<KnownPassage, 'id' | 'text'>, WordAt[]>();
const RECENT_WORDS = 20_000;

/**
 * A passage's words with their stems, worked out when an answer reads them and remembered for the passages read
 * most recently: kept for every passage, they would be millions of small objects on a large corpus.
 *
 * @example
 * passageWordPositions(passage)[0] // → { index: 0, stems: ['qatar'] } for "Qatar said …"
 */
export function passageWordPositions(p: Pick<KnownPassage, 'id' | 'text'>): WordAt[] {
  let words = recentWords.get(p);
  if (!words) {
    if (recentWords.size >= RECENT_WORDS) recentWords.clear();
    words = wordPositionsIn(p.text);
    recentWords.set(p, words);
  }
  return words;
}

/** Adds a passage's words to the corpus's word statistics, or with `sign` -1 takes them out again. */
export function countWords(stats: WordStats, p: Passage, sign: 1 | -1 = 1): void {
  const words = wordPositionsIn(p.text);
  for (const st of new Set(words.flatMap((w) => w.stems))) addTo(stats.df, st, sign);
  const starts = new Set(p.sentences.map((x) => x.start));
  for (const w of words) {
    if (starts.has(w.index) || /\d/.test(p.text[w.index] ?? '')) continue;
    const capital = /\p{Lu}/u.test(p.text[w.index] ?? '') ? sign : 0;
    for (const st of w.stems) {
      const [c, n] = stats.capitals.get(st) ?? [0, 0];
      if (n + sign > 0) stats.capitals.set(st, [c + capital, n + sign]);
      else stats.capitals.delete(st);
    }
  }
}

function addTo(counts: Map<string, number>, key: string, n: number): void {
  const next = (counts.get(key) ?? 0) + n;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

const patternsFor = new WeakMap<readonly Entity[], ReturnType<typeof compileMentionPatterns>>();

/** The mention patterns of an entity list, compiled once per list: a one-article update reuses the build's. */
function mentionPatterns(entities: readonly Entity[]): ReturnType<typeof compileMentionPatterns> {
  let patterns = patternsFor.get(entities);
  if (!patterns) patternsFor.set(entities, (patterns = compileMentionPatterns(entities)));
  return patterns;
}

/**
 * A passage's dates, resolved against its source's publication date; for a source without one, its yearless calendar
 * dates placed in the year the rest of the corpus suggests (`inferredYear`), when there is one.
 */
function datesOf(text: string, source: Source, inferredYear: number | null): DateMention[] {
  return resolveDates(text, source.published, source.published === null ? inferredYear : null);
}

/**
 * One source's passages with what the build works out for each: dates, mentions of the known entities, speakers
 * (a quote goes to the person the paragraphs before named last) and term tags. A fresh build and a one-article
 * update (`updateKnowledge`) both read a source through this.
 *
 * @example
 * knowSource(source, splitIntoPassages(source), knowledge.allEntities)[0].dates // → [{ iso: '2023-11-22', … }]
 *
 * @param inferredYear for a source without a publication date, the year the rest of the corpus suggests
 *   (`inferSourceYear`): its yearless calendar dates are placed in it, marked `year-inferred`
 */
export function knowSource(
  source: Source,
  split: readonly Passage[],
  entities: readonly Entity[],
  entityById: ReadonlyMap<string, Entity>,
  inferredYear: number | null = null,
): KnownPassage[] {
  const mentionsOf = new Map<string, Mention[]>();
  for (const m of findMentions(split, mentionPatterns(entities))) {
    const list = mentionsOf.get(m.passageId);
    if (list) list.push(m);
    else mentionsOf.set(m.passageId, [m]);
  }
  let previousPerson: string | null = null;
  return split.map((p) => {
    const own = mentionsOf.get(p.id) ?? [];
    const known = {
      ...p,
      source,
      dates: datesOf(p.text, source, inferredYear),
      mentions: own,
      speakers: findSpeakers(p, own, previousPerson),
      terms: tagTerms(p.text),
    };
    const people = own.filter((m) => entityById.get(m.entityId)?.kind === 'person');
    previousPerson = people[people.length - 1]?.entityId ?? previousPerson;
    return known;
  });
}

/**
 * A passage as the index holds it: its text and the names and aliases of the curated entities it mentions, so
 * "the emir" is found by "Tamim". People found only in the text add nothing here, their names being in the text,
 * except where a passage calls them by their office alone ("the president's plan" is found by "Trump").
 */
export function indexedPassage(
  p: KnownPassage,
  entityById: ReadonlyMap<string, Entity>,
  discoveredIds: ReadonlySet<string>,
): IndexedPassage {
  // a discovered person's name is in the text, unless the passage calls them by their office ("the president")
  const entities = [...new Set(p.mentions.filter((m) => !discoveredIds.has(m.entityId) || /^the\s/i.test(m.text)).map((m) => m.entityId))]
    .map((id) => entityById.get(id))
    .filter((e): e is Entity => e !== undefined)
    .map((e) => [e.name, ...e.aliases].join(' '))
    .join(' ');
  return { id: p.id, text: p.text, entities };
}

/**
 * @example
 * const knowledge = buildKnowledge(loadCorpus('corpus'));
 * knowledge.passageById.get('ap-how-the-hostage-deal-came-about#33')?.dates[0]?.iso // → '2023-11-22'
 */
export function buildKnowledge(corpus: Corpus, progress?: ProgressListener): Knowledge {
  const step = (n: number, doing: string) => ({ step: n, steps: BUILD_STEPS, doing, listener: progress });
  const bySource = trackEach(
    corpus.sources,
    (source) => ({ source, passages: splitIntoPassages(source) }),
    step(1, 'splitting the sources into passages'),
  );
  const notNames = new Set(corpus.notEntities.map((n) => n.toLowerCase()));
  const merged = trackStep(
    () => mergeEntities(corpus.entities, discoverPeople(bySource, notNames), corpus.notEntities),
    step(2, 'finding the people the text names'),
  );
  const allEntities = merged.entities;
  const entityById = new Map(allEntities.map((e) => [e.id, e]));
  const passages: KnownPassage[] = [];
  const wordStats: WordStats = { df: new Map(), capitals: new Map() };
  trackEach(
    bySource,
    ({ source, passages: split }) => {
      for (const p of knowSource(source, split, allEntities, entityById)) {
        passages.push(p);
        countWords(wordStats, p);
      }
    },
    step(3, 'reading each source for people, roles, dates and terms'),
  );
  // indexed a slice at a time, as MiniSearch adds documents one after another anyway: the same index, seen to move
  const index = new PassageIndex([]);
  const slices = Array.from({ length: Math.ceil(passages.length / INDEX_SLICE) }, (_x, i) =>
    passages.slice(i * INDEX_SLICE, (i + 1) * INDEX_SLICE),
  );
  trackEach(
    slices,
    (slice) => index.add(slice.map((p) => indexedPassage(p, entityById, merged.discoveredIds))),
    step(4, `indexing ${passages.length.toLocaleString('en-US')} passages, ${INDEX_SLICE.toLocaleString('en-US')} at a time`),
  );
  const passageById = new Map(passages.map((p) => [p.id, p]));
  const position = new Map(passages.map((p, i) => [p.id, i]));
  const evidence = yearEvidence({ index, passageById, wordStats, passages, statedRoles: merged.statedRoles, entityById });
  const yearless = bySource.filter(({ source }) => source.published === null);
  trackEach(
    yearless,
    ({ source, passages: split }) => {
      const inferred = inferSourceYear(source.id, split, evidence);
      if (!inferred) return;
      // the text, and so its mentions, speakers, terms, the index and the word counts, are the same: only the dates change
      for (const p of split) {
        const at = position.get(p.id);
        const known = at === undefined ? undefined : passages[at];
        if (at !== undefined && known) passages[at] = { ...known, dates: datesOf(known.text, source, inferred.year) };
      }
    },
    step(5, 'dating the sources without a publication date'),
  );
  return trackStep(
    () =>
      assembleKnowledge(corpus, {
        passages,
        allEntities,
        statedRoles: merged.statedRoles,
        discoveredIds: merged.discoveredIds,
        index,
        wordStats,
      }),
    step(6, 'putting the lookups together (by id, by entity, copies)'),
  );
}

/** The steps of a build, for its progress lines. */
const BUILD_STEPS = 6;
/** How many passages are indexed between two progress reports. */
const INDEX_SLICE = 2000;

/**
 * What the year of a source without a publication date is inferred from (`inferSourceYear`): the plain full-text
 * search, the sources' publication dates, the word counts and the titles the sources give people.
 */
export function yearEvidence(
  k: Pick<Knowledge, 'index' | 'passageById' | 'wordStats' | 'passages' | 'statedRoles' | 'entityById'>,
): YearEvidence {
  return {
    nameOf: (id) => k.entityById.get(id)?.name ?? id,
    // the source's own rarest words, not a member's: no synonyms
    find: (query) => k.index.find(query, { synonyms: false }),
    publishedOf: (id) => k.passageById.get(id)?.source.published ?? null,
    df: k.wordStats.df,
    passageCount: k.passages.length,
    statedRoles: k.statedRoles,
  };
}

/** What a build works out that cannot be had more cheaply from the rest: what `knowledge-cache.ts` saves. */
export interface KnowledgeParts {
  passages: KnownPassage[];
  allEntities: Entity[];
  statedRoles: Map<string, DiscoveredRole[]>;
  discoveredIds: Set<string>;
  index: PassageIndex;
  wordStats: WordStats;
  /** Each passage's `textKeyOf`, in the order of `passages`, when a save kept them. */
  textKeys?: readonly string[];
}

/**
 * A knowledge base from its parts, with the lookups made from them: by id, by entity, copy groups, the entity
 * resolver. A fresh build and a saved one (`loadKnowledge`) both end here, so they cannot differ in these.
 */
export function assembleKnowledge(corpus: Corpus, parts: KnowledgeParts): Knowledge {
  const { passages, allEntities, index } = parts;
  const byText = passagesByText(passages, parts.textKeys);
  return {
    corpus,
    passages,
    passageById: new Map(passages.map((p) => [p.id, p])),
    sourceById: new Map(corpus.sources.map((s) => [s.id, s])),
    entityById: new Map(allEntities.map((e) => [e.id, e])),
    index,
    entities: new EntityResolver(allEntities),
    allEntities,
    statedRoles: parts.statedRoles,
    discoveredIds: parts.discoveredIds,
    entityNameStems: new Map(corpus.entities.map((e) => [e.id, new Set(tokenize([e.name, ...e.aliases].join(' ')).map(stemTerm))])),
    copyGroupOf: copyGroups(byText),
    passagesByText: byText,
    passagesByEntity: passagesByEntity(passages),
    wordStats: parts.wordStats,
  };
}
