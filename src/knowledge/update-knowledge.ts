/**
 * A change to sources without a full rebuild, how a running bot takes in every source change whatever the size of
 * its corpus (`LiveKnowledge`): the added, changed or removed sources' passages go in or out of the index
 * (MiniSearch's `addAll` and `discard`), the word statistics, the copy groups and each entity's passages, and
 * everything else is carried over. A full build takes seconds at 10,000 passages and minutes at 100,000, all of it
 * time the event loop would not answer in; this takes milliseconds.
 *
 * What it does not redo: finding the people the text names (`discoverPeople` reads the whole corpus), and the year
 * inferred for the sources without a publication date that were already there (an added one gets its own). The new
 * passages are read for the entities of the last full build, curated and discovered; someone first named in the
 * new article has no entity of their own until the next full build (`LiveKnowledge` makes one, in a worker, when
 * `entities.yaml` changes; a restart builds a corpus under INCREMENTAL_FROM_PASSAGES afresh). Role statements made
 * only by a removed article are dropped with it.
 *
 * The index, the word statistics, the passage list and the passages by id, by text and by entity are updated in place: the knowledge passed in is
 * retired and must not answer again. The update is synchronous, so no answer can run between the first change and the switch to the result.
 *
 * It returns the change explicitly (`KnowledgeUpdate`): the knowledge after, the one before, and the passages that
 * went and came, which the views of the knowledge follow (`followUpdate` in knowledge-view.ts).
 *
 * @example
 * const { knowledge: next } = updateKnowledge(knowledge, { added: [newSource], removed: [] });
 * next.passageById.has(`${newSource.id}#1`) // → true
 */
import type { Corpus } from '../corpus/load-corpus.ts';
import type { Source } from '../corpus/source-schema.ts';
import { splitIntoPassages } from '../passages/passage.ts';
import { insertOrdered, removeRuns } from './ordered-merge.ts';
import {
  addCopyGroup,
  corpusPosition,
  countWords,
  indexedPassage,
  type Knowledge,
  type KnownPassage,
  knowSource,
  textKeyOf,
  yearEvidence,
} from './knowledge.ts';
import { inferSourceYear } from './source-years.ts';

/**
 * From this many passages on, a start that finds the save of an earlier version of the corpus brings it up to date
 * with updates (`catchUpKnowledge`) rather than building again: a build of 20,000 passages takes about half a minute
 * here, an update milliseconds. Below it a start builds afresh, which also finds the people that articles added by
 * updates were the first to name. (A running bot applies source changes as updates at every size.)
 */
export const INCREMENTAL_FROM_PASSAGES = 20_000;

/** Sources to add (or to replace: a changed source is listed here under its id) and ids of sources to remove. */
export interface CorpusChange {
  added: readonly Source[];
  removed: readonly string[];
}

/** The order `loadCorpus` gives sources: by file name. */
const byFile = (a: Source, b: Source) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/**
 * The knowledge of the corpus after `change`. `corpus` is the corpus as loaded after the change (its source order
 * is kept); without it, the sources are the old ones less the removed, plus the added, in file order.
 */
export function updateKnowledge(knowledge: Knowledge, change: CorpusChange, corpus?: Corpus): KnowledgeUpdate {
  const gone = new Set([...change.removed, ...change.added.map((s) => s.id)]);
  const nextCorpus: Corpus = corpus ?? {
    ...knowledge.corpus,
    sources: [...knowledge.corpus.sources.filter((s) => !gone.has(s.id)), ...change.added].sort(byFile),
  };
  // everything that can fail (a source that will not split) is done before anything shared is touched
  // a source without a publication date has its yearless dates placed in the year the rest of the corpus suggests
  const evidence = yearEvidence(knowledge);
  const fresh = new Map(
    change.added.map((s) => {
      const split = splitIntoPassages(s);
      const year = s.published === null ? (inferSourceYear(s.id, split, evidence)?.year ?? null) : null;
      return [s.id, knowSource(s, split, knowledge.allEntities, knowledge.entityById, year)];
    }),
  );
  // a source's passages are numbered from 1 (`<source>#<n>`): the passages going are looked up, not searched for
  const dropped: KnownPassage[] = [];
  for (const id of gone) for (let n = 1, p; (p = knowledge.passageById.get(`${id}#${n}`)); n++) dropped.push(p);
  const added = [...fresh.values()].flat();

  const { entityById, discoveredIds } = knowledge;
  knowledge.index.remove(dropped.map((p) => indexedPassage(p, entityById, discoveredIds)));
  knowledge.index.add(added.map((p) => indexedPassage(p, entityById, discoveredIds)));
  for (const p of dropped) countWords(knowledge.wordStats, p, -1);
  for (const p of added) countWords(knowledge.wordStats, p);

  // the large lists and maps are changed in place too: copying 100,000 entries would cost more than the update
  const { passageById, passages } = knowledge;
  for (const p of dropped) passageById.delete(p.id);
  for (const p of added) passageById.set(p.id, p);
  removeRuns(passages, dropped);
  const position = corpusPosition(nextCorpus);
  insertOrdered(passages, added, (a, b) => position(a) - position(b));
  entityPassagesAfter(knowledge.passagesByEntity, dropped, added, position);
  const next: Knowledge = {
    ...knowledge,
    corpus: nextCorpus,
    passages,
    sourceById: new Map(nextCorpus.sources.map((s) => [s.id, s])),
    statedRoles: withoutStatementsOf(knowledge.statedRoles, dropped),
    copyGroupOf: copiesAfter(knowledge, dropped, added),
  };
  return { knowledge: next, previous: knowledge, change: { dropped, added } };
}

/** The passages an update took out and put in: what the views of the knowledge before follow. */
export interface PassageChange {
  dropped: readonly KnownPassage[];
  added: readonly KnownPassage[];
}

/** A one-article update: the knowledge after it, the one before (retired: it answers no more), and what changed. */
export interface KnowledgeUpdate {
  knowledge: Knowledge;
  previous: Knowledge;
  change: PassageChange;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Role statements less those made by removed passages; an entity left with none keeps an empty list. A statement is
 * made in a passage that names its entity, so only the entities the removed passages mention are looked at.
 */
function withoutStatementsOf(statedRoles: Knowledge['statedRoles'], dropped: readonly KnownPassage[]): Knowledge['statedRoles'] {
  if (dropped.length === 0) return statedRoles;
  const droppedIds = new Set(dropped.map((p) => p.id));
  const next = new Map(statedRoles);
  for (const id of new Set(dropped.flatMap((p) => p.mentions.map((m) => m.entityId)))) {
    const roles = next.get(id);
    if (roles?.some((r) => droppedIds.has(r.passageId)))
      next.set(
        id,
        roles.filter((r) => !droppedIds.has(r.passageId)),
      );
  }
  return next;
}

/** The copy groups after the change: only the texts the change touches are regrouped (`passagesByText` in place). */
function copiesAfter(knowledge: Knowledge, dropped: readonly KnownPassage[], added: readonly KnownPassage[]): Knowledge['copyGroupOf'] {
  const { passagesByText } = knowledge;
  const copyGroupOf = new Map(knowledge.copyGroupOf);
  const touched = new Set<string>();
  const droppedIds = new Set(dropped.map((p) => p.id));
  for (const p of dropped) {
    const key = textKeyOf(p.text);
    touched.add(key);
    const left = (passagesByText.get(key) ?? []).filter((q) => !droppedIds.has(q.id));
    if (left.length > 0) passagesByText.set(key, left);
    else passagesByText.delete(key);
  }
  for (const p of added) {
    const key = textKeyOf(p.text);
    touched.add(key);
    passagesByText.set(key, [...(passagesByText.get(key) ?? []), p]);
  }
  let next = 0;
  for (const n of copyGroupOf.values()) next = Math.max(next, n + 1);
  for (const p of dropped) copyGroupOf.delete(p.id);
  for (const key of touched) {
    const group = passagesByText.get(key) ?? [];
    for (const p of group) copyGroupOf.delete(p.id);
    if (addCopyGroup(copyGroupOf, group, next)) next++;
  }
  return copyGroupOf;
}

/** Each entity's passages after the change, still in corpus order, changed in place. */
function entityPassagesAfter(
  byEntity: Knowledge['passagesByEntity'],
  dropped: readonly KnownPassage[],
  added: readonly KnownPassage[],
  position: (p: KnownPassage) => number,
): void {
  const droppedBy = new Map<string, KnownPassage[]>();
  for (const p of dropped) for (const id of new Set(p.mentions.map((m) => m.entityId))) push(droppedBy, id, p);
  for (const [id, going] of droppedBy) {
    const list = byEntity.get(id) ?? [];
    removeRuns(list, going);
    if (list.length === 0) byEntity.delete(id);
  }
  const addedBy = new Map<string, KnownPassage[]>();
  for (const p of added) for (const id of new Set(p.mentions.map((m) => m.entityId))) push(addedBy, id, p);
  for (const [id, coming] of addedBy) {
    const list = byEntity.get(id);
    if (list) insertOrdered(list, coming, (a, b) => position(a) - position(b));
    else byEntity.set(id, coming);
  }
}
