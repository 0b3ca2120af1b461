/**
 * Finds the people the sources name, at build time, without `entities.yaml`: runs of capitalised words that may
 * hold name particles ("Khalil al-Hayya", "Mohammed bin Abdulrahman Al Thani"), less the titles that open them
 * ("CIA Director", "Sheikh") and the runs that are places, organisations, dates or page furniture ("Photo", "ET").
 * A run counts as a person when the text gives it a role, a speech verb ("said", "told") or a possessive, or when
 * it stands mid-sentence more than once. Each person keeps the roles the text states, dated by the source.
 *
 * Why: a member asking `/who Yahya Sinwar` should get the passages that name him even when no moderator has added
 * him to the curated file.
 *
 * @example
 * discoverPeople(passagesBySource, new Set())[0] // → { name: 'Yahya Sinwar', surname: 'Sinwar', roles: [{ title: 'Hamas leader', … }], … }
 */
import type { Source } from '../corpus/source-schema.ts';
import type { Passage } from '../passages/passage.ts';
import { resolveDates } from '../dates/resolve-dates.ts';
import { roleAfterAs, roleChangeAround, rolesAround, type StatedRole } from './discover-roles.ts';
import { isAcronym, isParticle, NON_NAME_WORDS, TITLE_WORDS } from './name-words.ts';

export interface DiscoveredRole {
  title: string;
  former: boolean;
  /** The date the sentence gives for a start or an end, else the source's publication date (YYYY-MM-DD), or null. */
  date: string | null;
  passageId: string;
  /** The sentence says the role began ("was appointed …") or ended ("was dismissed") at `date`. */
  change?: 'start' | 'end';
}

export interface DiscoveredPerson {
  name: string;
  /** The last word of the name ("Sinwar", "al-Hayya"): how the sources refer to them after the first mention. */
  surname: string;
  /** Other full spellings seen: "Tamim bin Hamad" for "Tamim bin Hamad Al Thani". */
  variants: string[];
  count: number;
  passageIds: string[];
  roles: DiscoveredRole[];
  /** Dates the text says the person was killed or died: every role they held ends then. */
  deaths: Array<{ date: string; passageId: string }>;
}

/** A capitalised word, with an optional "al-"/"el-" particle glued on; a possessive ends it. */
const WORD = String.raw`(?:(?:al|el|Al|El|ad|ud)[-‑])?\p{Lu}[\p{L}’'.‑-]*`;
const RUN = new RegExp(String.raw`${WORD}(?:\s+(?:(?:al|el|bin|bint|ibn|ben|abu|van|von|de|da)\s+)?${WORD})*`, 'gu');
const CUE_AFTER =
  /^(?:[’']s\b|,\s+(?:the|a|an|who|former|\p{Lu})|\s+(?:said|says|told|added|wrote|asked|warned|insisted|confirmed|denied|announced|met|called|spoke))/u;

/** A title among the words cut from the front of the run ("CIA Director"), not merely an acronym or "Photo". */
const TITLE_BEFORE = new RegExp(`(?:^|\\s)(?:${[...TITLE_WORDS].map((w) => w.replace(/[.]/g, '\\.')).join('|')})\\s`, 'i');
const CREDIT = /\b(?:contributed|reporting by|written by|edited by|photographs? by)\b/i;
const bare = (w: string) => w.replace(/[’']s$/, '').replace(/[.,’'”]+$/, '');
const lower = (w: string) => bare(w).toLowerCase();
export const nameKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[\s‑-]+/g, ' ')
    .trim();

interface Candidate {
  words: string[];
  /** Offsets of the name (after the titles that opened the run) in the sentence. */
  start: number;
  end: number;
}

/** Cuts a capitalised run down to the name it may hold: drops leading titles, acronyms and trailing non-names. */
function nameIn(run: string, at: number, notNames: ReadonlySet<string>, common: ReadonlySet<string>): Candidate | null {
  const parts = [...run.matchAll(/\S+/g)].map((m) => ({ w: m[0], at: at + m.index }));
  // a possessive ends the name ("Sinwar’s deputy" → "Sinwar") — unless a name follows it: "Shin Bet’s Ronen Bar" is
  // Ronen Bar, whom the owner before the possessive only places
  const poss = parts.findIndex((p) => /[’']s$/.test(p.w));
  if (poss >= 0 && parts.length - poss - 1 >= 2) parts.splice(0, poss + 1);
  else if (poss >= 0) parts.splice(poss + 1);
  const isNon = (w: string) => NON_NAME_WORDS.has(lower(w)) || notNames.has(lower(w)) || isAcronym(bare(w));
  // "Strategic Affairs Minister Ron Dermer": the name is what follows the last title word of the run
  const lastTitle = parts.map((p) => TITLE_WORDS.has(lower(p.w))).lastIndexOf(true);
  if (lastTitle >= 0) parts.splice(0, lastTitle + 1);
  // a leading word the sources also write in lower case ("Writers", "Photo") is an ordinary word, not a given name
  const opener = (w: string) => TITLE_WORDS.has(lower(w)) || isNon(w) || isParticle(w) || common.has(lower(w));
  while (parts.length > 0 && opener(parts[0]?.w ?? '')) parts.shift();
  while (parts.length > 0 && (isNon(parts[parts.length - 1]?.w ?? '') || isParticle(parts[parts.length - 1]?.w ?? ''))) parts.pop();
  const words = parts.map((p) => bare(p.w));
  const capitals = words.filter((w) => !isParticle(w));
  if (capitals.length < 2 || capitals.length > 5) return null;
  if (words.some((w) => isNon(w) || TITLE_WORDS.has(w.toLowerCase()) || w.length < 2 || /[.]/.test(w))) return null;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!first || !last) return null;
  return { words, start: first.at, end: last.at + bare(last.w).length };
}

/**
 * @param passagesBySource every source's passages, in corpus order
 * @param notNames lower-case words the curated file says are not entities (`not_entities`), plus authors' names
 */
export function discoverPeople(
  passagesBySource: ReadonlyArray<{ source: Source; passages: readonly Passage[] }>,
  notNames: ReadonlySet<string>,
): DiscoveredPerson[] {
  const found = new Map<string, DiscoveredPerson & { cues: number; midSentence: number }>();
  const common = new Set<string>();
  for (const { passages } of passagesBySource)
    for (const p of passages) for (const m of p.text.matchAll(/(?<![\p{L}’'-])\p{Ll}+(?![\p{L}’'-])/gu)) common.add(m[0]);
  for (const { source, passages } of passagesBySource) {
    const authors = new Set(source.authors.map(nameKey));
    for (const p of passages) {
      for (const s of p.sentences) {
        // a credit line ("Jennifer Shutt contributed reporting") names a journalist, not someone in the talks
        if (CREDIT.test(s.text)) continue;
        const named: Named[] = [];
        for (const m of s.text.matchAll(RUN)) {
          const c = nameIn(m[0], m.index, notNames, common);
          if (!c) continue;
          const name = c.words.join(' ');
          const key = nameKey(name);
          if (authors.has(key)) continue;
          const person = found.get(key) ?? {
            name,
            surname: c.words[c.words.length - 1] ?? name,
            variants: [],
            count: 0,
            passageIds: [],
            roles: [],
            deaths: [],
            cues: 0,
            midSentence: 0,
          };
          found.set(key, person);
          person.count += 1;
          // passages come in order: the id is new unless it is the last one noted
          if (person.passageIds[person.passageIds.length - 1] !== p.id) person.passageIds.push(p.id);
          if (!/^[\s“"‘'(—–-]*$/.test(s.text.slice(0, m.index))) person.midSentence += 1;
          const roles = rolesAround(s.text, c.start, c.end);
          named.push({ person, start: c.start, end: c.end, roles });
          if (roles.length > 0 || TITLE_BEFORE.test(s.text.slice(m.index, c.start)) || CUE_AFTER.test(s.text.slice(c.end)))
            person.cues += 1;
        }
        const changed = noteRoleChanges(s.text, named, source.published, p.id);
        // a role the sentence starts or ends is dated by that statement, not also stated as held at publication
        for (const n of changed) n.person.cues += 1;
        for (const n of named)
          if (!changed.has(n)) for (const r of n.roles) n.person.roles.push({ ...r, date: source.published, passageId: p.id });
      }
    }
  }
  const people = [...found.values()].filter((p) => p.cues > 0 || p.midSentence >= 2);
  return foldVariants(people).map(({ cues: _c, midSentence: _m, ...p }) => p);
}

/**
 * "Tamim bin Hamad" and "Tamim bin Hamad Al Thani" are one person: a name that opens a longer one folds into it.
 * The longer names kept so far are indexed by every word-prefix of their key and by their first and last words, so
 * each name is looked up, not compared with every other (a large corpus names thousands of people).
 */
function foldVariants<T extends DiscoveredPerson>(people: T[]): T[] {
  const byLength = [...people].sort((a, b) => b.name.length - a.name.length);
  const kept: T[] = [];
  const byPrefix = new Map<string, T[]>();
  const byEnds = new Map<string, T[]>();
  const note = (map: Map<string, T[]>, key: string, p: T) => {
    const list = map.get(key);
    if (list) list.push(p);
    else map.set(key, [p]);
  };
  const endsOf = (words: string[]) => `${words[0]} ${words[words.length - 1]}`;
  for (const p of byLength) {
    const key = nameKey(p.name);
    const words = key.split(' ');
    const longer = byPrefix.get(key) ?? [];
    // "Hassan Mahmoud Rashad" and "Hassan Rashad": the same first and last name, one with a middle name
    const middle = words.length > 1 ? (byEnds.get(endsOf(words)) ?? []) : [];
    const into = longer.length === 1 ? longer[0] : middle.length === 1 ? middle[0] : undefined;
    if (into) {
      if (p.count > into.count) [into.name, p.name] = [p.name, into.name];
      into.variants.push(p.name);
      into.count += p.count;
      into.roles.push(...p.roles);
      into.deaths.push(...p.deaths);
      const ids = new Set(into.passageIds);
      for (const id of p.passageIds) if (!ids.has(id)) into.passageIds.push(id);
    } else {
      kept.push(p);
      // every proper word-prefix of the key: a shorter name equal to one of them opens this one
      for (let n = 1; n < words.length; n++) note(byPrefix, words.slice(0, n).join(' '), p);
      note(byEnds, endsOf(words), p);
    }
  }
  return kept.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

interface Named {
  person: DiscoveredPerson & { cues: number };
  start: number;
  end: number;
  roles: StatedRole[];
}

/**
 * The date a sentence gives for the event worded at `at`: the nearest date mention in the verb's clause that is not
 * after publication and not inside `aside`, else the publication date.
 */
function eventDate(sentence: string, at: number, published: string | null, aside: { from: number; to: number } | null): string | null {
  // a date that dates the event stands in its clause, after the verb ("was killed on Wednesday") or just before it
  // ("On Sunday, the cabinet dismissed …"); one inside an appositive ("the attack of 7 October 2023") dates another event
  const near = resolveDates(sentence, published).filter((d) => {
    if (d.kind === 'relative' && d.granularity !== 'day') return false;
    if (published && d.iso > published) return false;
    if (aside && d.index >= aside.from && d.index < aside.to) return false;
    const between = d.index >= at ? sentence.slice(at, d.index) : sentence.slice(d.index + d.text.length, at);
    return between.length <= (d.index >= at ? 60 : 40) && !/[,;()—–]/.test(d.index >= at ? between : between.replace(/^,/, ''));
  });
  const nearest = [...near].sort((a, b) => Math.abs(a.index - at) - Math.abs(b.index - at))[0];
  return nearest?.iso ?? published;
}

/**
 * Starts and ends of roles the sentence states: "Israel killed Hamas leader X" ends X's roles; "Y replaced X as Shin
 * Bet chief" ends X's and starts Y's; "named Y as …" starts Y's. The role is the one stated around the person, the
 * one after "as", or, when two people trade a role, the one the other is given in the same sentence.
 */
function noteRoleChanges<N extends Named>(sentence: string, named: readonly N[], published: string | null, passageId: string): Set<N> {
  const changes = named
    .map((n) => ({ n, change: roleChangeAround(sentence, n.start, n.end), roles: n.roles, person: n.person }))
    .filter((c) => c.change !== null);
  if (changes.length === 0) return new Set();
  const as = roleAfterAs(sentence);
  const told = new Set<N>();
  const traded = changes.some((n) => n.change?.kind === 'start') && changes.some((n) => n.change?.kind !== 'start');
  for (const n of changes) {
    const change = n.change;
    if (!change) continue;
    // a date in the appositive between the name and the verb ("X, the leader behind the attack of 7 October 2023, was
    // killed") dates something else
    const aside = sentence.slice(n.n.end, change.at).startsWith(',') ? { from: n.n.end, to: change.at } : null;
    const date = eventDate(sentence, change.at, published, aside);
    if (change.kind === 'death' && date) {
      n.person.deaths.push({ date, passageId });
      told.add(n.n);
    }
    // the one who takes over takes the role the other held ("Shin Bet chief Bar’s successor, Zini"); not the reverse, for
    // what describes the newcomer ("Zini, a reserve general who succeeded Bar") was never the other's role
    const others = traded && change.kind === 'start' ? changes.filter((o) => o.change?.kind !== 'start').flatMap((o) => o.roles) : [];
    const titles = new Map<string, StatedRole>();
    for (const r of [...n.roles, ...(as ? [as] : []), ...others]) if (!r.former) titles.set(r.title.toLowerCase(), r);
    for (const r of titles.values())
      n.person.roles.push({ title: r.title, former: false, date, passageId, change: change.kind === 'start' ? 'start' : 'end' });
    if (titles.size > 0) told.add(n.n);
  }
  return told;
}
