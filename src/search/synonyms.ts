/**
 * Words that mean the same thing but are not spelled alike, so a member who says "truce" finds "cease-fire", one who
 * says "freed" finds "released" and one who says "captives" finds "hostages". Applied to queries only; a word found
 * only through a synonym counts half and weighs less than the words the member typed.
 *
 * Three sources, in this order of authority:
 * - **WordNet** (`../lexicon/wordnet.ts`), for the language: a word's base forms ("met" → "meet"), the synonyms of its
 *   commonest senses (each where that meaning is the synonym's own common one), the narrower nouns of its first sense ("captives" → "hostages", "detainees"), and the words
 *   derived from it ("withdrawal" → "withdraw").
 * - **Countries** (`../lexicon/places.ts`, from world-countries): a country's names and demonyms ("Qatari" → "Qatar").
 * - **The story's glossary** below: what reporting on these talks uses interchangeably and no dictionary records as
 *   one meaning — a "humanitarian pause" is this war's truce, an "offer" its draft deal, "Washington" the US
 *   government. Each group is checked against WordNet by a test, so it holds only what WordNet does not already give.
 *
 * @example
 * synonymsOf(['truce']) // → ['armistice', 'cease-fire', 'pause', 'halt', …]
 */
import { placeForms } from '../lexicon/places.ts';
import { baseForms, narrowerWords, PARTS_OF_SPEECH, relatedForms, synonymsIn, taggedSenses } from '../lexicon/wordnet.ts';
import { tokenize } from './tokenize.ts';

/**
 * The story's glossary: groups of words and phrases this reporting uses for one thing, which WordNet does not join.
 * Multi-word entries are here because WordNet's synonyms are taken one word at a time.
 */
export const STORY_GLOSSARY: readonly (readonly string[])[] = [
  // a pause in the fighting is reported as any of these
  ['ceasefire', 'truce', 'pause', 'halt'],
  // the people held in Gaza and in Israeli jails, as each side's reporting calls them
  ['hostages', 'captives', 'detainees', 'abductees'],
  ['prisoners', 'detainees', 'imprisoned'],
  // the stemmer keeps "freed" apart from "free", which WordNet gives for "released"
  ['freed', 'released', 'release', 'free'],
  ['prime minister', 'premier'],
  // titles of the people who lead the intelligence services and delegations
  ['head', 'director', 'chief'],
  ['lawyer', 'legal adviser', 'legal advisor'],
  // countries by their two-letter names and capitals, which world-countries does not list as names
  ['uk', 'united kingdom', 'british', 'britain'],
  ['us', 'united states', 'american', 'washington'],
  // the stages of a deal
  ['deal', 'agreement'],
  ['proposal', 'offer', 'draft'],
  ['rejected', 'refused', 'turned down'],
  ['aid', 'humanitarian assistance'],
  ['kidnapped', 'abducted', 'taken captive', 'taken hostage'],
  ['fighting', 'offensive', 'hostilities', 'combat'],
  ['extension', 'extended', 'extend', 'prolonged'],
  ['withdrawal', 'withdraw', 'pull back', 'pullback', 'pulling back'],
  // a mediator that stops mediating
  ['suspended', 'suspending', 'step back', 'stepped back', 'stepping back'],
];

/** Abbreviations people type for titles and bodies, spelled out before matching, at full weight. */
const ABBREVIATIONS = new Map<string, string>(
  Object.entries({
    pm: 'prime minister',
    fm: 'foreign minister',
    nsc: 'national security council',
    potus: 'president of the united states',
    idf: 'israel defense forces',
    gcc: 'gulf cooperation council',
  }),
);

/**
 * @example
 * expandAbbreviations('Qatari PM') // → 'Qatari prime minister'
 */
export function expandAbbreviations(text: string): string {
  return text.replace(/\b[A-Za-z]{2,5}\b/g, (w) => ABBREVIATIONS.get(w.toLowerCase()) ?? w);
}

const BY_WORD = new Map<string, string[]>();
for (const group of STORY_GLOSSARY)
  for (const word of group) BY_WORD.set(word, [...(BY_WORD.get(word) ?? []), ...group.filter((w) => w !== word)]);

/** How many of a word's senses lend their synonyms: its commonest two, fewer when WordNet's tagged texts attest fewer. */
const SENSES = 2;

/**
 * Words already looked up, kept up to DICTIONARY_CACHE_WORDS (the oldest dropped first): whatever members type, the
 * cache stays small.
 */
const dictionaryCache = new Map<string, string[]>();
const DICTIONARY_CACHE_WORDS = 10_000;

/**
 * What WordNet and the country names give for a word or two-word phrase: its base forms, the synonyms of its commonest
 * senses, the narrower nouns of its first sense, the words derived from it, and a country's other names — one word
 * each (a phrase would be searched word by word, and "state of Qatar" is not "state").
 *
 * @example
 * dictionarySynonyms('captives') // → ['captive', 'prisoner', 'hostage', 'detainee', …]
 * dictionarySynonyms('met')      // → ['meet', 'encounter', …]
 */
export function dictionarySynonyms(word: string): string[] {
  const cached = dictionaryCache.get(word);
  if (cached) return cached;
  const out = new Set<string>();
  if (word.length >= 3 && !/\d/.test(word)) {
    const key = word.replace(/ /g, '_');
    // a word that is a noun as typed ("talks", "remains") is that noun, not an inflection of another word
    const asTyped = baseForms(key, 'noun').includes(key);
    for (const pos of PARTS_OF_SPEECH) {
      for (const base of baseForms(key, pos).filter((b) => !asTyped || b === key || pos === 'adj')) {
        out.add(base);
        const senses = Math.min(SENSES, Math.max(1, taggedSenses(base, pos)));
        for (const w of synonymsIn(base, pos, senses)) out.add(w);
        if (pos === 'noun') for (const w of narrowerWords(base)) out.add(w);
        for (const w of relatedForms(base, pos, senses)) out.add(w);
      }
    }
    for (const f of placeForms(word)) out.add(f);
  }
  const single = [...out].filter((w) => {
    const tokens = tokenize(w.replace(/_/g, ' '));
    return tokens.length === 1 && tokens[0] !== word;
  });
  if (dictionaryCache.size >= DICTIONARY_CACHE_WORDS) dictionaryCache.delete(dictionaryCache.keys().next().value as string);
  dictionaryCache.set(word, single);
  return single;
}

/**
 * The synonyms of each token and of each two running tokens ("step back" → "suspended").
 *
 * @example
 * synonymsOf(['truce', 'length']) // → ['ceasefire', 'pause', 'halt', 'armistice', 'cease-fire', …]
 * synonymsOf(['qatar', 'step', 'back']) // → ['qatari', 'suspended', 'suspending', 'stepped back', 'stepping back', …]
 */
export function synonymsOf(tokens: readonly string[]): string[] {
  const out = new Set<string>();
  const phrases = [...tokens, ...tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`)];
  for (const t of phrases) {
    for (const s of BY_WORD.get(t) ?? []) if (!phrases.includes(s)) out.add(s);
    for (const s of dictionarySynonyms(t)) if (!phrases.includes(s)) out.add(s);
  }
  return [...out];
}
