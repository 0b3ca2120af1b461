/**
 * Countries as a role names them: by name or by demonym ("Turkey's intelligence chief", "the Turkish intelligence
 * chief", "Türkiye's spy agency"). A role question says whose role it is with either form, and a person's role may be
 * worded with the other, so the two are read as one place.
 *
 * Library choice: `world-countries` (mledoze/countries, maintained since 2013) carries every country's common and
 * official names, alternative spellings and English demonyms; a hand table would miss the region's less common ones
 * and drift. Its data is read once, on the first role question that names a place.
 */
import { createRequire } from 'node:module';

interface CountryRecord {
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

let formsByWord: Map<string, Set<string>> | null = null;

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The one-word names of a country: its common name, a spelling of one word, the X of "Republic of X". */
function namesOf(country: CountryRecord): string[] {
  const names = [country.name.common, country.name.official, ...country.altSpellings];
  const out: string[] = [];
  for (const name of names) {
    const words = name.split(/\s+/);
    if (words.length === 1 && name.length > 3) out.push(name);
    const of = /\bof\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]+)$/u.exec(name);
    if (of?.[1]) out.push(of[1]);
  }
  return out;
}

function build(): Map<string, Set<string>> {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as CountryRecord[];
  const map = new Map<string, Set<string>>();
  for (const country of countries) {
    const forms = new Set(
      [...namesOf(country), country.demonyms?.eng?.m ?? '', country.demonyms?.eng?.f ?? ''].filter((f) => f !== '').map(fold),
    );
    for (const form of forms) map.set(form, new Set([...(map.get(form) ?? []), ...forms]));
  }
  return map;
}

/**
 * Every form of the country a word names, the word included (lower case, accents folded); just the word when it names
 * none.
 *
 * @example
 * placeForms('Turkish') // → Set { 'turkish', 'turkiye', 'turkey', … }
 * placeForms('Egypt')   // → Set { 'egypt', 'egyptian', … }
 * placeForms('chief')   // → Set { 'chief' }
 */
export function placeForms(word: string): Set<string> {
  formsByWord ??= build();
  const key = fold(word.replace(/[’']s$/, ''));
  return formsByWord.get(key) ?? new Set([key]);
}
