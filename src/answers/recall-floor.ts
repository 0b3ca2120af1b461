/**
 * The recall floor every command stands on. Plain full-text ranking — the passage index's BM25+ over stems, exact
 * words and entity names, with no domain logic — finds the right passage on pages the bot has never seen more often
 * than any rule built on top of it: a role given to the wrong person, an event sentence without its own date, a
 * deal's terms worded in a way no tag knows. So each command computes that ranking too and builds on it. Its own
 * logic may add passages, reorder them and annotate them (a date, a role, a deal), but plain search's best passages
 * stay in view: each is guaranteed a place near the top of the command's ranking (`FLOOR_SLOTS`), not filtered by it.
 * Measured on the development set of real pages, guaranteed places kept the commands' own best answers in the top
 * three more often than reciprocal-rank fusion did, and found as many of plain search's.
 *
 * @example
 * const floor = plainFloor(knowledge, 'Shin Bet chief');
 * fuseRankings(ownResults, floor.map(toResult), (r) => r.passage_id) // → own #1, floor #1, own #2, floor #2, …
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { FindOptions, PassageHit } from '../search/passage-index.ts';
import { passageStemsOf } from '../knowledge/passage-stems.ts';
import { normaliseQuery } from '../search/query.ts';
import { ENTITY_PASSAGE_NUMBERS, type EventGroup, coverageShare, eventGroups, formOf } from './event-match.ts';

/** How many of plain search's best passages every answer keeps in view. */
export const FLOOR_DEPTH = 5;
/**
 * The share of the question's content words a passage must hold to count as found by plain search; with none found,
 * "no quote found". Measured on the development set of real pages (and the unseen and seed questions): floors at 0.3
 * and 0.4 found no more right answers than half the words, which keeps a question about something no page tells at
 * "no quote found". It is the share `/search` has always required (MIN_COVERAGE).
 */
export const FLOOR_COVERAGE = 0.5;

/**
 * The floor among hits a command has already searched for `query`, best first: plain search's best, in its order,
 * each holding half the question's words and half their weight. Reads the hits only as far as it needs.
 *
 * @example
 * floorOf(knowledge, knowledge.index.find('Sharm summit'), 'Sharm summit') // → at most FLOOR_DEPTH hits
 */
export function floorOf(knowledge: Knowledge, hits: Iterable<PassageHit>, query?: string): PassageHit[] {
  const found = query === undefined ? (hit: PassageHit) => hit.coverage >= FLOOR_COVERAGE : foundBy(knowledge, query);
  const out: PassageHit[] = [];
  for (const hit of hits) {
    if (out.length >= FLOOR_DEPTH) break;
    if (found(hit) && knowledge.passageById.has(hit.id)) out.push(hit);
  }
  return out;
}

/**
 * True for a hit that holds half the question's words, counted and weighed: each word weighs by its rarity in the
 * corpus (a word no page uses, the most) and a word found only through a synonym counts half (`coverageIn`, as `/when`
 * weighs an event's words). So "football scores" is not found by "took scores of hostages", nor "when does the truce
 * start" by "since the start of the war", while "truce extension" is found by "the truce … would be extended".
 *
 * @example
 * const found = foundBy(knowledge, 'football scores'); found(hitOnScoresAlone) // → false
 */
export function foundBy(knowledge: Knowledge, query: string): (hit: PassageHit) => boolean {
  const groups = eventGroups(knowledge, normaliseQuery(query).text);
  const share = coverageShare(groups, passageStemsOf(knowledge), ENTITY_PASSAGE_NUMBERS.of(knowledge));
  const surely = surelySaid(knowledge, groups);
  return (hit) => {
    if (hit.coverage < FLOOR_COVERAGE) return false;
    // the words the index matched exactly decide most hits, without a lookup (every hit is a passage of the knowledge
    // base: its index is built and updated with them); the passage is read for the rest (an inflection, a close
    // spelling, a name the index matched fuzzily may add to them)
    if (groups.length === 0 || surely(hit.matched) >= FLOOR_COVERAGE) return true;
    return share(() => knowledge.passageById.get(hit.id), hit.doc) >= FLOOR_COVERAGE;
  };
}

/**
 * The weighted share of the question's words a hit surely says, from the words the index matched as written (a word
 * the corpus uses is looked up exactly, never as a typo): at most what reading the passage finds. Worked out once for
 * each set of matched words — hits that matched the same words share one list. `/terms` on a common word at 100,000
 * passages judges tens of thousands of hits, and reading each passage's words cost seconds.
 */
function surelySaid(knowledge: Knowledge, groups: readonly EventGroup[]): (matched: readonly string[]) => number {
  const total = groups.reduce((sum, g) => sum + g.weight, 0);
  const shares = new Map<readonly string[], number>();
  return (matched) => {
    let share = shares.get(matched);
    if (share === undefined) {
      const forms = new Set(matched.filter((w) => knowledge.index.knowsWord(w)).map((w) => formOf(w)));
      const got = groups.reduce((sum, g) => sum + (g.forms.some((f) => forms.has(f)) ? g.weight : 0), 0);
      shares.set(matched, (share = total > 0 ? got / total : 0));
    }
    return share;
  };
}

/**
 * Plain search's best passages for a question: the floor under every command's answer.
 *
 * @example
 * plainFloor(knowledge, 'Sharm El-Sheikh summit').map((h) => h.id) // → ['tass-…#3', …] (at most FLOOR_DEPTH)
 */
export function plainFloor(knowledge: Knowledge, query: string, options: FindOptions = {}): PassageHit[] {
  // best first, each hit made when reached: the floor seldom reads past a few dozen of tens of thousands
  return floorOf(knowledge, knowledge.index.findInOrder(query, options), query);
}

/**
 * The places plain search's best passages are guaranteed in a command's answer, 1-based: its first is at worst
 * second, its second at worst fourth, and so on. Whatever the command's logic ranks — a role holder, a dated
 * sentence, a stated term — keeps its order around them.
 */
export const FLOOR_SLOTS: readonly number[] = [2, 4, 6, 8, 10];

/**
 * The command's ranking with plain search's best passages in it: each floor passage the command ranks lower than its
 * guaranteed place (`FLOOR_SLOTS`), or not at all, moves up to that place; the command's own order is kept otherwise.
 *
 * @example
 * fuseRankings(['a', 'b', 'c', 'd'], ['d', 'x'], (s) => s) // → ['a', 'd', 'b', 'x', 'c']
 */
export function fuseRankings<T>(own: readonly T[], floor: readonly T[], idOf: (result: T) => string): T[] {
  const out = [...own];
  floor.slice(0, FLOOR_SLOTS.length).forEach((result, i) => {
    const id = idOf(result);
    const slot = (FLOOR_SLOTS[i] ?? Infinity) - 1;
    const at = out.findIndex((r) => idOf(r) === id);
    if (at >= 0 && at <= slot) return;
    if (at >= 0) out.splice(at, 1);
    out.splice(Math.min(slot, out.length), 0, at >= 0 ? (own[own.findIndex((r) => idOf(r) === id)] as T) : result);
  });
  return out;
}
