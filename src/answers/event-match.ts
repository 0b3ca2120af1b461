/**
 * What a `/when` question is about, and how much of it a sentence says. The question's event words are its content
 * words without question filler ("when", "did", "happen"); each word counts by how rare it is in the corpus, so the
 * names and event nouns that tell one event from another ("Sharm", "Sinwar", "summit") weigh more than words every
 * passage has ("hostages", "talks"). A sentence covers a word when it has the word (any form of a hyphenated word),
 * a close spelling of it (a typo), an entity the word names ("Tamim" → "the emir"), or — for less credit — a synonym.
 *
 * @example
 * const groups = eventGroups(knowledge, 'when was Blinken in Cairo'); // → [blinken, cairo], Cairo weighing more
 * coverageIn(passage, groups, sentence).coverage // → 1 when the sentence names both
 */
import { type Knowledge, type KnownPassage, passageWordPositions } from '../knowledge/knowledge.ts';
import { knowledgeView } from '../knowledge/knowledge-view.ts';
import { type PassageStems, readStemsAt, stemNumbersOf, stemsAt } from '../knowledge/passage-stems.ts';
import { expandAbbreviations, synonymsOf } from '../search/synonyms.ts';
import { isStopWord, stemTerm, tokenize } from '../search/tokenize.ts';

/** Words that ask about an event without naming it. */
const FILLER = new Set([
  'happen',
  'happened',
  'happens',
  'occur',
  'occurred',
  'take',
  'took',
  'taken',
  'place',
  'date',
  'day',
  'time',
  'exactly',
  'ever',
]);
/**
 * Past forms the stemmer leaves apart from their verb ("struck" / "strike"), compared as the verb on both sides.
 */
const IRREGULAR = new Map<string, string>(
  Object.entries({
    struck: 'strike',
    began: 'begin',
    begun: 'begin',
    took: 'take',
    taken: 'take',
    held: 'hold',
    led: 'lead',
    met: 'meet',
    fought: 'fight',
    brought: 'bring',
    sought: 'seek',
    broke: 'break',
    broken: 'break',
    gave: 'give',
    given: 'give',
    went: 'go',
    gone: 'go',
    came: 'come',
    sent: 'send',
    spoke: 'speak',
    spoken: 'speak',
    left: 'leav',
    fell: 'fall',
    won: 'win',
    chose: 'choos',
    chosen: 'choos',
    drew: 'draw',
    drawn: 'draw',
    ran: 'run',
    shot: 'shoot',
    hid: 'hide',
    built: 'build',
    kept: 'keep',
    laid: 'lay',
    paid: 'pay',
    sold: 'sell',
    stood: 'stand',
    told: 'tell',
    wrote: 'write',
  }),
);
const lemma = (stem: string): string => IRREGULAR.get(stem) ?? stem;

/**
 * The form an event word is compared by: its stem, an irregular verb's as its base ("met" → "meet").
 *
 * @example
 * formOf('Hostages') // → 'hostag'
 */
export function formOf(word: string): string {
  return lemma(stemTerm(word.toLowerCase()));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The period a question names ("in March", "November 2023", "October 7"): it narrows the date, it is not the event. */
export interface AskedPeriod {
  year?: number;
  month?: number;
  day?: number;
}

/**
 * The month, day and year a question names, and the question without them.
 *
 * @example
 * askedPeriod('when did the November 2023 truce begin') // → { period: { year: 2023, month: 11 }, rest: 'when did the truce begin' }
 */
export function askedPeriod(query: string): { period: AskedPeriod | null; rest: string } {
  const period: AskedPeriod = {};
  const month = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?/i;
  let rest = query;
  const m = month.exec(rest);
  // "may" is a month only next to a day or a year
  if (m && (m[1]?.toLowerCase() !== 'may' || m[2] !== undefined || /\b(?:19|20)\d{2}\b/.test(rest))) {
    period.month = MONTHS.indexOf((m[1] ?? '').toLowerCase().slice(0, 3)) + 1;
    if (m[2]) period.day = Number(m[2]);
    rest = rest.replace(m[0], ' ');
  }
  const y = /\b((?:19|20)\d{2})\b/.exec(rest);
  if (y) {
    period.year = Number(y[1]);
    rest = rest.replace(y[0], ' ');
  }
  if (period.month === undefined && period.year === undefined) return { period: null, rest: query };
  return {
    period,
    rest: rest
      .replace(/\b(?:in|of|on)\s*$/i, '')
      .replace(/\s+/g, ' ')
      .trim(),
  };
}

/** True when an ISO date falls in the period asked about. */
export function inPeriod(iso: string, period: AskedPeriod): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  return (
    (period.year === undefined || y === period.year) &&
    (period.month === undefined || m === period.month) &&
    (period.day === undefined || d === period.day)
  );
}

/** A word found only through a synonym counts this much. */
const SYNONYM_CREDIT = 0.5;

/** One word of the question: the stems of all its forms ("El-Sheikh": el, sheikh, elsheikh) and of its synonyms. */
export interface EventGroup {
  word: string;
  forms: string[];
  synonyms: string[];
  /** Entities whose name or aliases hold the word: a mention of one covers it. */
  entityIds: string[];
  /** Inverse document frequency: rare words weigh more. */
  weight: number;
  /** A name ("Sinwar", "Cairo"): a sentence that dates the event must say the rarest one. */
  name: boolean;
}

/**
 * True for a name: a word the corpus writes with a capital inside sentences ("Sinwar", "Cairo", "Sharm"), or one
 * it never writes inside a sentence that the user capitalised — anywhere but first in the question, or first when
 * the corpus has it only where a sentence starts ("Yocheved Lifshitz, 85, …"). A sentence must say the question's
 * rarest name to date its event.
 */
function isName(knowledge: Knowledge, stem: string, typed: string, first: boolean): boolean {
  if (/^\d+$/.test(stem)) return false;
  const [capital, all] = knowledge.wordStats.capitals.get(stem) ?? [0, 0];
  if (all === 0) return /^\p{Lu}/u.test(typed) && (!first || knowledge.wordStats.df.has(stem));
  return capital / all >= 0.7;
}

/** The inverse document frequency of a stem: log(1 + N / df), a word the corpus never uses weighing the most. */
export function rarity(knowledge: Knowledge, stem: string): number {
  const n = knowledge.passages.length;
  return Math.log(1 + n / (knowledge.wordStats.df.get(stem) ?? 0.5));
}

/** Words after which a question names the time of its event, not the event: "fighting resumed *after the truce*". */
const ANCHOR = /^(?:after|before|following|since|until|till|during|amid)$/i;
/** An anchor word counts this much of its weight: a sentence that says the event but not its anchor still dates it. */
const ANCHOR_WEIGHT = 0.5;

/**
 * The question's event words, one group per word as typed; words after "after", "before", "since", … weigh half,
 * as they tell when the event is, not what.
 */
/**
 * Stop words an event can turn on: "all hostages released" is another day than "hostages released". Too common to
 * find a passage by, they count among the words a found passage says.
 */
const QUANTIFIERS = new Set(['all']);

export function eventGroups(knowledge: Knowledge, query: string): EventGroup[] {
  const groups: EventGroup[] = [];
  let anchored = false;
  for (const [at, chunk] of expandAbbreviations(query).split(/\s+/).entries()) {
    if (ANCHOR.test(chunk) && at > 0) anchored = true;
    const tokens = tokenize(chunk).filter((t) => (!isStopWord(t) || QUANTIFIERS.has(t)) && !FILLER.has(t));
    if (tokens.length === 0) continue;
    const forms = [...new Set(tokens.map((t) => lemma(stemTerm(t))))];
    if (groups.some((g) => g.forms.join(' ') === forms.join(' '))) continue;
    const synonyms = [
      ...new Set(
        synonymsOf(tokens)
          .flatMap((s) => tokenize(s))
          .filter((t) => !isStopWord(t))
          .map(stemTerm),
      ),
    ].filter((s) => !forms.includes(s));
    const entityIds = [...knowledge.entityNameStems]
      .filter(([, stems]) => forms.some((f) => stems.has(f) && f.length > 2))
      .map(([id]) => id);
    // a word weighs as much as its meaning is rare: "freed" as little as the "released" the sources write
    const known = [...forms, ...synonyms].filter((f) => (knowledge.wordStats.df.get(f) ?? 0) > 0);
    const weight =
      known.length > 0 ? Math.min(...known.map((f) => rarity(knowledge, f))) : Math.max(...forms.map((f) => rarity(knowledge, f)));
    const name = forms.some((f) => isName(knowledge, f, chunk, at === 0));
    groups.push({ word: chunk, forms, synonyms, entityIds, weight: anchored ? weight * ANCHOR_WEIGHT : weight, name });
  }
  return groups;
}

/** True when two words are one edit apart (a typo), for words long enough that this is not another word. */
function closeSpelling(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}

export interface Coverage {
  /** The weighted share of the event words the span covers, 0–1. */
  coverage: number;
  /** True when the rarest name of the question is covered (not only through a synonym), or it names none. */
  key: boolean;
  /** The groups covered fully (not only through a synonym). */
  covered: EventGroup[];
  /** Entities mentioned in the span. */
  entityIds: Set<string>;
  /** Where the covered words stand in the passage. */
  positions: number[];
}

/**
 * The people a passage quotes or reports who are not named where they speak ("…,” he said" after Qatar’s prime
 * minister; "the prime minister said"), as mentions at their words: what someone says, they say, so a question that
 * names them ("Qatar announced …") is answered by their words. A speaker named where they speak is a mention already.
 *
 * @example
 * speakerMentions(passage) // → [{ entityId: 'mohammed-bin-abdulrahman-al-thani', start: 141 }] for "… ceasefire,” he said."
 */
export function speakerMentions(p: KnownPassage): Array<{ entityId: string; start: number }> {
  const out: Array<{ entityId: string; start: number }> = [];
  for (const s of p.speakers) {
    if (s.entityId === null || p.mentions.some((m) => m.entityId === s.entityId)) continue;
    const start = s.quote !== null ? p.text.indexOf(s.quote) : wordIndex(p.text, s.speaker);
    if (start >= 0) out.push({ entityId: s.entityId, start });
  }
  return out;
}

/**
 * The passages each entity is named in or speaks in (a mention, or `speakerMentions`), by their numbers in the index
 * (`PassageIndex.numberOf`): a question that names someone credits that word to every hit naming them, and reading
 * this list once per question replaces looking each hit's passage up. A one-article update adds its new passages'
 * numbers (a passage keeps its number; one taken out is never a hit again).
 *
 * @example
 * ENTITY_PASSAGE_NUMBERS.of(knowledge).get('tamim-bin-hamad-al-thani') // → [12, 40, 41, …]
 */
export const ENTITY_PASSAGE_NUMBERS = knowledgeView<Map<string, number[]>>({
  name: 'passage numbers naming each entity',
  compute: (knowledge) => withNumbersOf(new Map(), knowledge, knowledge.passages),
  carry: (numbers, { knowledge, change }) => withNumbersOf(numbers, knowledge, change.added),
});

/** Adds the numbers of `passages` to the lists of the entities they name or that speak in them. */
function withNumbersOf(numbers: Map<string, number[]>, knowledge: Knowledge, passages: readonly KnownPassage[]): Map<string, number[]> {
  for (const p of passages) {
    const doc = knowledge.index.numberOf(p.id);
    if (doc === undefined) continue;
    for (const id of new Set([...p.mentions, ...speakerMentions(p)].map((m) => m.entityId))) {
      const list = numbers.get(id);
      if (list) list.push(doc);
      else numbers.set(id, [doc]);
    }
  }
  return numbers;
}

/** Where `words` first stand in `text` as whole words ("he" not inside "the"), or -1. */
function wordIndex(text: string, words: string): number {
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').exec(text)?.index ?? -1;
}

/** True when a stem of a passage says an event word itself: as typed, inflected, or one letter off (a typo). */
function saysWord(g: EventGroup, stem: string): boolean {
  return g.forms.includes(lemma(stem)) || g.forms.some((f) => closeSpelling(f, stem));
}

/** How much of the event a span of a passage (a sentence, or the whole passage) says. */
export function coverageIn(
  p: KnownPassage,
  groups: readonly EventGroup[],
  span: { start: number; end: number } = { start: 0, end: p.text.length },
): Coverage {
  const words = passageWordPositions(p).filter((w) => w.index >= span.start && w.index < span.end);
  const mentions = [...p.mentions, ...speakerMentions(p)].filter((m) => m.start >= span.start && m.start < span.end);
  const entityIds = new Set(mentions.map((m) => m.entityId));
  let total = 0;
  let got = 0;
  const covered: EventGroup[] = [];
  const positions: number[] = [];
  for (const g of groups) {
    total += g.weight;
    const exact = words.filter((w) => w.stems.some((st) => saysWord(g, st)));
    const named = mentions.filter((m) => g.entityIds.includes(m.entityId));
    if (exact.length > 0 || named.length > 0) {
      got += g.weight;
      covered.push(g);
      positions.push(...exact.map((w) => w.index), ...named.map((m) => m.start));
    } else if (words.some((w) => w.stems.some((st) => g.synonyms.includes(st)))) {
      got += g.weight * SYNONYM_CREDIT;
    }
  }
  return { coverage: total > 0 ? got / total : 0, key: saysKeyName(groups, covered), covered, entityIds, positions };
}

/** What one stem says of an event's words: the groups it says (as typed or inflected), and those only by a synonym. */
interface StemReading {
  says: readonly number[];
  synonymOf: readonly number[];
}

/**
 * The weighted share of the event words a whole passage says — `coverageIn(p, groups).coverage`, worked out without
 * positions from the passage's stems read once (`passage-stems.ts`): each distinct stem is compared with the event's
 * words once per question, not once per use. For judging every hit of a common word (`foundBy` under `/terms`, tens
 * of thousands of passages on a large corpus): a hit gives its passage's number in the index (`doc`), which finds the
 * passage's stems without a lookup by id. A question that names someone credits the name to the passages that name
 * them: given `named` (`ENTITY_PASSAGE_NUMBERS`), read by number; without it, from each passage's mentions.
 *
 * @example
 * const share = coverageShare(eventGroups(knowledge, 'hostages released'), passageStemsOf(knowledge));
 * share(passage) === coverageIn(passage, groups).coverage // → true
 * share(passage, hit.doc) // → the same, read by number
 * share(() => knowledge.passageById.get(hit.id), hit.doc) // → the same; the passage looked up only if its stems are unread
 * coverageShare(groups, stems, ENTITY_PASSAGE_NUMBERS.of(knowledge))(() => …, hit.doc) // → the same, no lookup for a name
 */
export function coverageShare(
  groups: readonly EventGroup[],
  stems: PassageStems,
  named?: ReadonlyMap<string, readonly number[]>,
): (passage: KnownPassage | (() => KnownPassage | undefined), doc?: number) => number {
  const total = groups.reduce((sum, g) => sum + g.weight, 0);
  // by stem number: 0 not compared yet, 1 says none of the words, 2 has its reading in `readings`
  let state = new Uint8Array(stems.stems.length);
  const readings = new Map<number, StemReading>();
  const readingOf = (n: number): StemReading | null => {
    if (n >= state.length) {
      // a stem numbered after this question began (a passage read for the first time)
      const grown = new Uint8Array(Math.max(n + 1, state.length * 2));
      grown.set(state);
      state = grown;
    }
    if (state[n] === 1) return null;
    if (state[n] === 2) return readings.get(n) as StemReading;
    const stem = stems.stems[n] as string;
    const says: number[] = [];
    const synonymOf: number[] = [];
    groups.forEach((g, i) => {
      if (saysWord(g, stem)) says.push(i);
      if (g.synonyms.includes(stem)) synonymOf.push(i);
    });
    if (says.length === 0 && synonymOf.length === 0) {
      state[n] = 1;
      return null;
    }
    state[n] = 2;
    const reading = { says, synonymOf };
    readings.set(n, reading);
    return reading;
  };
  const names = groups.some((g) => g.entityIds.length > 0);
  // with the entities' passage numbers: by number, bit i for group i, the passages that name an entity of that group
  const namedBits = names && named && groups.length <= 32 ? new Uint32Array(stems.index.numberLimit) : undefined;
  if (namedBits)
    groups.forEach((g, i) => {
      for (const id of g.entityIds) for (const doc of named?.get(id) ?? []) namedBits[doc] = (namedBits[doc] as number) | (1 << i);
    });
  // per group: 2 said, 1 said only by a synonym, 0 not said
  const said = new Uint8Array(groups.length);
  return (passage, doc) => {
    if (total <= 0) return 0;
    // the passage itself is looked up only when its stems are still to be read or the question names someone; one it
    // cannot find says nothing
    let known = typeof passage === 'function' ? undefined : passage;
    const lookUp = (): KnownPassage | undefined => (known ??= (passage as () => KnownPassage | undefined)());
    if (doc === undefined) {
      const p = lookUp();
      if (!p) return 0;
      doc = stems.index.numberOf(p.id);
    }
    // the passage's run of the pool, read in place (a new array only for a passage the index does not hold); the pool
    // is read after `stemsAt`, which may grow it
    let [from, numbers, to] = [0, stems.pool, 0];
    if (doc === undefined) {
      numbers = stemNumbersOf(stems, lookUp() as KnownPassage);
      to = numbers.length;
    } else {
      let start = readStemsAt(stems, doc);
      if (start === undefined) {
        const p = lookUp();
        if (!p) return 0;
        start = stemsAt(stems, p, doc);
      }
      [from, numbers, to] = [start, stems.pool, start + (stems.count[doc] as number)];
    }
    said.fill(0);
    for (let k = from; k < to; k++) {
      const reading = readingOf(numbers[k] as number);
      if (reading === null) continue;
      for (const i of reading.says) said[i] = 2;
      for (const i of reading.synonymOf) if (said[i] === 0) said[i] = 1;
    }
    if (namedBits && doc !== undefined) {
      const bits = namedBits[doc] ?? 0;
      if (bits !== 0) for (let i = 0; i < groups.length; i++) if ((bits & (1 << i)) !== 0) said[i] = 2;
    } else if (names) {
      const p = lookUp();
      if (!p) return 0;
      for (const m of [...p.mentions, ...speakerMentions(p)]) groups.forEach((g, i) => g.entityIds.includes(m.entityId) && (said[i] = 2));
    }
    let got = 0;
    groups.forEach((g, i) => (got += said[i] === 2 ? g.weight : said[i] === 1 ? g.weight * SYNONYM_CREDIT : 0));
    return got / total;
  };
}

/** True when the rarest name of the question is among the covered words, or it names none. */
function saysKeyName(groups: readonly EventGroup[], covered: readonly EventGroup[]): boolean {
  const names = groups.filter((g) => g.name).sort((a, b) => b.weight - a.weight);
  return names[0] === undefined || covered.includes(names[0]);
}

/**
 * How much of the event a passage says together with the paragraphs it carries on from ("… the largest prisoner
 * swap between the United States and Russia" / "That exchange, carried out in Ankara …"): each word counts once,
 * with the best credit any of them gives it. Positions and entities are those of the first, the quoted passage.
 *
 * @example
 * coverageAcross([thatExchange, swapParagraph], eventGroups(knowledge, 'US-Russia prisoner swap in Ankara')).coverage // → 1
 */
export function coverageAcross(passages: readonly KnownPassage[], groups: readonly EventGroup[]): Coverage {
  const [first, ...rest] = passages;
  if (!first) return { coverage: 0, key: saysKeyName(groups, []), covered: [], entityIds: new Set(), positions: [] };
  if (rest.length === 0) return coverageIn(first, groups);
  // each word alone: 1 when some passage says it, SYNONYM_CREDIT when one says only a synonym
  const credit = groups.map((g) => Math.max(...passages.map((p) => coverageIn(p, [g]).coverage)));
  const covered = groups.filter((_g, i) => credit[i] === 1);
  const total = groups.reduce((sum, g) => sum + g.weight, 0);
  const got = groups.reduce((sum, g, i) => sum + g.weight * (credit[i] ?? 0), 0);
  return { ...coverageIn(first, groups), coverage: total > 0 ? got / total : 0, key: saysKeyName(groups, covered), covered };
}
