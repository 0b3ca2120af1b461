/**
 * The tokenizer shared by the index and the queries, so that what a user types meets what the sources say:
 * case, curly and straight apostrophes, possessives ("Hamas’" / "Qatar's"), hyphen variants ("cease-fire",
 * "cease fire" and "ceasefire" are one word, "Al-Thani" gives "al" and "thani" like "Al Thani"), "U.S." as "us", digit groups ("1,200"),
 * Arabic diacritics and article prefixes (ال، وال، بال، كال، فال، لل).
 *
 * @example
 * tokenize('Qatar’s four-day cease-fire') // → ['qatar', 'four', 'day', 'fourday', 'ceasefire']
 */
import stem from 'wink-porter2-stemmer';

const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const ARABIC_ARTICLE = /^(?:وال|بال|كال|فال|ال|لل)(?=\p{Script=Arabic}{2,})/u;

/**
 * Spellings that are one word however they are written: "cease-fire", "cease fire", "cease‑fire" → "ceasefire".
 *
 * @example
 * foldCompounds('a Cease fire now') // → 'a Ceasefire now'
 */
export function foldCompounds(text: string): string {
  return text.replace(/\b(cease)[\s\u00AD\u2010-\u2015-]*(fires?)\b/gi, '$1$2');
}

export function tokenize(text: string): string[] {
  const prepared = foldCompounds(text.normalize('NFKC'))
    .replace(/\b([A-Z])\.([A-Z])\.(?=[\s,;:)]|$)/g, '$1$2')
    .replace(/(\d),(\d{3})\b/g, '$1$2')
    .replace(/[’‘`´]/g, "'")
    .replace(ARABIC_MARKS, '')
    .toLowerCase();
  const tokens: string[] = [];
  for (const word of prepared.split(/[^\p{L}\p{N}'-]+/u)) {
    const bare = word
      .replace(/^['-]+|['-]+$/g, '')
      .replace(/'s$/, '')
      .replace(/'$/, '');
    if (bare === '') continue;
    const parts = bare.split(/[-']+/).filter((p) => p !== '');
    for (const p of parts) tokens.push(p.replace(ARABIC_ARTICLE, ''));
    if (parts.length > 1) tokens.push(parts.join(''));
  }
  return tokens;
}

const STOP_WORDS = new Set(
  (
    'a an the and or but of to in on at by for with from as is are was were be been being it its this that these those ' +
    'he she they we you i his her their our your them him who whom which what when where why how do does did has have had ' +
    'not no so if than then there also into about over after before such can could would should will may might just ' +
    'said says say tell me show find any some all more most other s'
  ).split(' '),
);

export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term);
}

/** Stems already computed: a corpus has tens of thousands of distinct words but millions of word occurrences. */
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 500_000;

/**
 * Adjectives of the places in this story, which Porter2 keeps apart from the place ("Israeli" → "isra", "Israel" →
 * "israel"): one stem, so "Israeli withdrawal" finds "Israel would pull back" without a fuzzy lookup.
 */
const PLACE_ADJECTIVES = new Map<string, string>(
  Object.entries({
    israeli: 'israel',
    israelis: 'israel',
    qatari: 'qatar',
    qataris: 'qatar',
    egyptian: 'egypt',
    egyptians: 'egypt',
    american: 'america',
    americans: 'america',
    iranian: 'iran',
    iranians: 'iran',
    lebanese: 'lebanon',
    jordanian: 'jordan',
    turkish: 'turkey',
    saudi: 'saudi',
    palestinian: 'palestin',
    palestinians: 'palestin',
    palestine: 'palestin',
  }),
);

/** Porter2 stem for English words; words in other scripts and numbers are left as they are. */
export function stemTerm(term: string): string {
  // a Map, not an object: "constructor" or "__proto__" typed by a member is a word, not a property of Object
  const place = PLACE_ADJECTIVES.get(term);
  if (place !== undefined) return place;
  if (!/^[a-z]+$/.test(term) || term.length <= 3) return term;
  let stemmed = stems.get(term);
  if (stemmed === undefined) {
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stemmed = stem(term);
    stems.set(term, stemmed);
  }
  return stemmed;
}

/** The content terms of a text: tokens without stop words, stemmed. */
export function contentStems(text: string): string[] {
  return [
    ...new Set(
      tokenize(text)
        .filter((t) => !isStopWord(t))
        .map(stemTerm),
    ),
  ];
}
