/**
 * Lists capitalised names in the corpus that `entities.yaml` does not cover, so moderators know what to add.
 *
 * The heuristic: runs of capitalised words ("Sameh Shoukry", "Al-Qassam Brigades"), less the words that the entity
 * file's names, aliases and short forms and its `not_entities` list (places, months) already cover, and less titles
 * and the function words that open sentences ("The", "On", "Minister"). What is left of a run is reported.
 *
 * @example
 * uncoveredNames(corpus) // → [{ name: 'Jake Sullivan', count: 1, example: 'ap-…#10' }] when Sullivan is missing
 */
import type { Corpus } from '../corpus/load-corpus.ts';
import { splitIntoPassages } from '../passages/passage.ts';

export interface UncoveredName {
  name: string;
  count: number;
  /** A passage id where it occurs. */
  example: string;
}

const CAPITALISED_RUN = /(?:(?:[A-Z][\p{L}’'.-]*|al|bin|bint|ibn|de|of the|of)\s+)*[A-Z][\p{L}’'.-]*[\p{L}]/gu;
const LOWER_JOINERS = /^(?:al|bin|bint|ibn|de|of|the)$/;
const COMMON = new Set(
  (
    'the a an as but by on in at of for to from when while with throughout tell there these this that those indeed everything ' +
    'we i he she it they you our his her their if and or after before writers four-day humanitarian ' +
    'president prime minister foreign secretary state director sheikh emir amir ruling chief head general minister of affairs ' +
    'us u.s uk un'
  ).split(' '),
);

function key(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/[\s-]+/g, ' ')
    .trim();
}

export function uncoveredNames(corpus: Corpus): UncoveredName[] {
  const covered = new Set<string>();
  for (const e of corpus.entities)
    for (const f of [e.name, ...e.aliases, ...e.short_forms]) for (const w of key(f).split(' ')) covered.add(w);
  for (const f of corpus.notEntities) for (const w of key(f).split(' ')) covered.add(w);
  const known = (w: string) => COMMON.has(w.toLowerCase()) || covered.has(key(w)) || LOWER_JOINERS.test(w);
  const found = new Map<string, UncoveredName>();
  for (const source of corpus.sources) {
    for (const p of splitIntoPassages(source)) {
      for (const s of p.sentences) {
        for (const m of s.text.matchAll(CAPITALISED_RUN)) {
          const words = m[0].split(/[\s-]+/).map((w) => w.replace(/[’']s$|[.’']+$/g, ''));
          // a sentence's first word is capitalised anyway: it says nothing about being a name
          if (/^[\s“"‘']*$/.test(s.text.slice(0, m.index))) words.shift();
          const name = words.filter((w) => w !== '' && !known(w)).join(' ');
          if (name === '' || /^[A-Z][a-z]?$/.test(name)) continue;
          const k = key(name);
          const entry = found.get(k) ?? { name, count: 0, example: p.id };
          entry.count += 1;
          found.set(k, entry);
        }
      }
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
