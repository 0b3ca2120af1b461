/**
 * Whose role a role question asks about. "Turkish intelligence chief", "Israeli army chief", "Trump's envoy" name a
 * role (its head noun: chief, envoy) and whose it is (a country, a body, a person). A holder of another country's or
 * body's role with the same head noun is not an answer: Mossad's director is no "Turkish intelligence chief", nor
 * Biden's coordinator "Trump's envoy". So every qualifier of the question must be said by the entity's own role
 * titles, role phrases or names — as written, by its stem, by a synonym, or as the same country under another form
 * ("Turkish" / "Turkey's").
 *
 * @example
 * qualifiersMet(barnea, 'Turkish intelligence chief') // → false (his roles say Mossad, Israel)
 * qualifiersMet(barnea, 'Mossad director')            // → true
 */
import type { Entity } from '../corpus/entity-schema.ts';
import { expandAbbreviations, synonymsOf } from '../search/synonyms.ts';
import { isStopWord, stemTerm, tokenize } from '../search/tokenize.ts';
import { ROLE_HEADS } from './name-words.ts';
import { placeForms } from '../lexicon/places.ts';

/** Words that rank a role without saying whose it is: "senior Hamas leader" is asked of Hamas's leader. */
const RANKING_WORDS = new Set(
  'senior top new current former acting interim key main lead leading chief head deputy then ex late veteran longtime long-time'.split(' '),
);

/**
 * The words of a role question that say whose role it is: its content words other than role head nouns ("chief",
 * "envoy") and the words that only rank a role ("senior", "new").
 *
 * @example
 * roleQualifiers('the Turkish intelligence chief') // → ['turkish', 'intelligence']
 * roleQualifiers("Trump's envoy")                 // → ['trump']
 */
export function roleQualifiers(query: string): string[] {
  const words = tokenize(expandAbbreviations(query.replace(/[’']s\b/g, ''))).filter((w) => !isStopWord(w));
  return [...new Set(words.filter((w) => !ROLE_HEADS.has(w) && !RANKING_WORDS.has(w) && !['who', 'whos'].includes(w)))];
}

/** `saidBy` of each entity met so far: an entity's roles and names do not change, and every role question reads them. */
const saidOf = new WeakMap<Entity, Set<string>>();

/** The stems an entity's roles and names say, with every form of the countries among them. */
function saidBy(entity: Entity): Set<string> {
  const known = saidOf.get(entity);
  if (known) return known;
  const texts = [entity.name, ...entity.aliases, ...entity.short_forms, ...entity.roles.flatMap((r) => [r.title, ...r.phrases])];
  const out = new Set<string>();
  for (const word of tokenize(texts.join(' | ').replace(/[’']s\b/g, ''))) {
    out.add(stemTerm(word));
    for (const form of placeForms(word)) out.add(stemTerm(form));
  }
  saidOf.set(entity, out);
  return out;
}

/**
 * True when the entity's roles or names say every qualifier of the question, or the question has none.
 *
 * @example
 * qualifiersMet(witkoff, "Trump's envoy") // → true ("President Donald Trump's envoy")
 * qualifiersMet(mcgurk, "Trump's envoy")  // → false
 */
export function qualifiersMet(entity: Entity, query: string): boolean {
  const qualifiers = roleQualifiers(query);
  if (qualifiers.length === 0) return true;
  const said = saidBy(entity);
  return qualifiers.every((q) => {
    const forms = [q, ...placeForms(q), ...synonymsOf([q]).flatMap((s) => tokenize(s))];
    return forms.some((f) => said.has(stemTerm(f)));
  });
}
