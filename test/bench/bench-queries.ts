/**
 * Realistic benchmark queries, made from the corpus being measured: names, aliases and role phrases from its
 * `entities.yaml`, names and words sampled from its passages, some with one typo (one edit), event phrases for
 * `/when`, topics for `/terms`, and pasted passages of 20–60 words for "Find sources". A seeded PRNG makes the lists
 * the same for the same corpus and seed, so two runs time the same work.
 */
import type { Entity } from '../../src/corpus/entity-schema.ts';
import { Dice, seededRandom } from './seeded-random.ts';

export { seededRandom };

/** The query lists, one per command measured; `terms` uses '' for "no topic". */
export interface BenchQueries {
  search: string[];
  who: string[];
  when: string[];
  terms: string[];
  /** The message context command "Find sources": pasted text, searched whole by `/search`. */
  findSources: string[];
  /** What a user has typed so far, for each command's autocomplete. */
  autocomplete: { who: string[]; when: string[]; terms: string[] };
}

export type BenchCommand = Exclude<keyof BenchQueries, 'autocomplete'>;

/**
 * How each measured command is run: the command's name and its input for a query. "Find sources" goes to `/search`
 * with the whole message, as the Discord handler does.
 *
 * @example
 * BENCH_COMMANDS.findSources.input('Hamas would free 50 hostages …') // → { text: 'Hamas would free 50 hostages …' }
 * BENCH_COMMANDS.terms.input('') // → {} (no topic)
 */
export const BENCH_COMMANDS: Record<BenchCommand, { label: string; command: string; input: (q: string) => Record<string, unknown> }> = {
  search: { label: '/search', command: 'search', input: (q) => ({ text: q }) },
  who: { label: '/who', command: 'who', input: (q) => ({ name: q }) },
  when: { label: '/when', command: 'when', input: (q) => ({ event: q }) },
  terms: { label: '/terms', command: 'terms', input: (q) => (q === '' ? {} : { topic: q }) },
  findSources: { label: 'Find sources', command: 'search', input: (q) => ({ text: q }) },
};

export interface QuerySource {
  /** The corpus's curated entities (`corpus.entities`). */
  entities: readonly Entity[];
  /** The passage texts, in corpus order. */
  texts: readonly string[];
}

const TOPICS = [
  'ratio',
  'hostages',
  'length',
  'aid',
  'final deal',
  '',
  'prisoners',
  'cease-fire length',
  'conditions',
  'exchange ratio',
  'humanitarian aid',
  'how many hostages',
  'how long is the pause',
  'aid trucks per day',
  'prisoners for each hostage',
];
const EVENTS = [
  'pause began',
  'pause was extended',
  'truce ended',
  'hostages freed',
  'prisoners released',
  'hostages released',
  'deal approved',
  'talks resumed',
  'talks stalled',
  'war cabinet approval',
  'cease-fire collapsed',
  'aid trucks entered',
  'Raanans freed',
  'October 7 attack',
  'proposal rejected',
  'first phase began',
];
const EVENT_WORDS = ['met', 'called', 'visited', 'talks', 'proposal', 'release', 'pause', 'meeting'];
const CITIES = ['Doha', 'Cairo', 'Paris', 'Washington', 'Jerusalem'];
const NOT_NAME_START =
  /^(?:The|A|An|Under|On|In|At|Late|Last|Earlier|This|When|Both|Everyone|They|We|Hamas|Israel|Israeli|Qatar|Qatari|Egypt|Egyptian|Palestinian|White|State|Middle|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec)$/;

/**
 * The word with one typo: a letter replaced, dropped or added (never the first letter), so the result is exactly
 * one edit (Levenshtein distance 1) from the word. Words under three letters are returned with a letter added.
 *
 * @example
 * misspell('Blinken', seededRandom(1)) // → 'Blinkn' (or 'Blinkon', 'Bliinken'…: always one edit)
 */
export function misspell(word: string, rand: () => number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const at = 1 + Math.floor(rand() * Math.max(1, word.length - 1));
  const letter = letters[Math.floor(rand() * letters.length)] ?? 'e';
  const op = word.length < 3 ? 2 : Math.floor(rand() * 3);
  if (op === 0) {
    const old = word[at]?.toLowerCase();
    const other = letter === old ? letters[(letters.indexOf(letter) + 1) % letters.length] : letter;
    return word.slice(0, at) + other + word.slice(at + 1);
  }
  if (op === 1) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + letter + word.slice(at);
}

class Picker extends Dice {
  constructor(
    rand: () => number,
    private readonly source: QuerySource,
  ) {
    super(rand);
  }

  text(): string {
    return this.pick(this.source.texts);
  }

  /** The words of a random passage, lower-cased, punctuation dropped. */
  words(): string[] {
    return (
      this.text()
        .toLowerCase()
        .match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []
    );
  }

  /** A run of 2–6 consecutive words from a passage, or 2–4 content words from several passages. */
  wordQuery(): string {
    if (this.rand() < 0.5) {
      const words = this.words();
      const n = this.int(2, 6);
      const from = this.int(0, Math.max(0, words.length - n));
      return words.slice(from, from + n).join(' ');
    }
    return Array.from({ length: this.int(2, 4) }, () => this.contentWord()).join(' ');
  }

  /** A word of four letters or more from a random passage. */
  contentWord(): string {
    const words = this.words().filter((w) => w.length >= 4);
    return words.length > 0 ? this.pick(words) : 'talks';
  }

  /** A curated person's name, alias or surname. */
  entityName(): string {
    const people = this.source.entities.filter((e) => e.kind === 'person');
    const e = this.pick(people.length > 0 ? people : this.source.entities);
    const name = this.pick([e.name, ...e.aliases]);
    return this.rand() < 0.3 ? (name.split(' ').pop() ?? name) : name;
  }

  /** A two-word capitalised name as the passages write it ("Miriam Brailou"), or a curated one if none is found. */
  textName(): string {
    for (let tries = 0; tries < 20; tries++) {
      const names = [...this.text().matchAll(/\b([A-Z][a-z]+) ([A-Z][a-z]+)\b/g)].filter((m) => !NOT_NAME_START.test(m[1] ?? ''));
      if (names.length > 0) return this.pick(names)[0];
    }
    return this.entityName();
  }

  /** A role as users write it: a role phrase ("head of mossad"), or the role's title. */
  role(): string {
    const roles = this.source.entities.flatMap((e) => e.roles.flatMap((r) => [...r.phrases, r.title]));
    const role = roles.length > 0 ? this.pick(roles) : 'Qatari prime minister';
    return this.rand() < 0.5 ? role : role[0]?.toUpperCase() + role.slice(1);
  }

  /** The query with one of its longer words misspelled (one edit). */
  typo(query: string): string {
    const words = query.split(' ');
    const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 4);
    if (long.length === 0) return query;
    const [word, i] = this.pick(long);
    words[i] = misspell(word, this.rand);
    return words.join(' ');
  }

  /** 20–60 words of passage text from a passage's start, running into the next passages when one is too short. */
  pasted(): string {
    const want = this.int(20, 60);
    const start = Math.floor(this.rand() * this.source.texts.length);
    const words: string[] = [];
    for (let i = start; words.length < want && i < start + 50; i++)
      words.push(...(this.source.texts[i % this.source.texts.length] ?? '').split(/\s+/).filter((w) => w !== ''));
    return words.slice(0, want).join(' ');
  }

  surname(): string {
    return this.textName().split(' ').pop() ?? 'Doha';
  }

  eventQuery(): string {
    const r = this.rand();
    if (r < 0.5) return this.pick(EVENTS);
    if (r < 0.7) return `${this.surname()} ${this.pick(EVENT_WORDS)} ${this.rand() < 0.5 ? this.surname() : this.pick(CITIES)}`;
    if (r < 0.8) return `${this.pick(['four', 'six', 'seven', '42'])}-day pause ${this.pick(['began', 'extended', 'ended'])}`;
    return this.wordQuery();
  }

  /** A prefix (2 characters or more) of a label, as a user types it into an autocomplete box. */
  prefix(label: string): string {
    return label.slice(0, Math.min(label.length, this.int(2, 12)));
  }
}

/**
 * Deterministic query lists for every measured command, `count` each, made from the corpus: `/search` mixes word
 * runs, names, role phrases and typos (2–6 words); `/who` names, aliases, surnames, text names, roles and typos;
 * `/when` event phrases; `/terms` topics (ratio, hostages, length, aid, "final deal", none); "Find sources" pasted
 * passage text of 20–60 words. Autocomplete gets prefixes of names, events and topics.
 *
 * @example
 * const q = benchQueries({ entities: corpus.entities, texts: knowledge.passages.map((p) => p.text) }, { count: 1050, seed: 1 });
 * q.who.slice(0, 3) // → ['McGurk', 'head of Mossad', 'Miriam Brailou'] (the same for the same corpus and seed)
 */
export function benchQueries(source: QuerySource, options: { count: number; seed?: number }): BenchQueries {
  const p = new Picker(seededRandom(options.seed ?? 1), source);
  const list = (make: () => string) => Array.from({ length: options.count }, make);
  const maybeTypo = (q: string, share: number) => (p.rand() < share ? p.typo(q) : q);
  const search = list(() => {
    const r = p.rand();
    const q =
      r < 0.6
        ? p.wordQuery()
        : r < 0.75
          ? `${p.entityName()} ${p.contentWord()}`
          : r < 0.85
            ? p.role()
            : `what did ${p.surname()} say about ${p.pick(['hostages', 'the pause', 'aid', 'the proposal', 'prisoners'])}`;
    return maybeTypo(q, 0.2);
  });
  const who = list(() => {
    const r = p.rand();
    const q = r < 0.4 ? p.entityName() : r < 0.6 ? p.textName() : p.role();
    return maybeTypo(q, 0.2);
  });
  const when = list(() => maybeTypo(p.eventQuery(), 0.15));
  const terms = list(() => maybeTypo(p.pick(TOPICS), 0.1));
  const findSources = list(() => p.pasted());
  const autocomplete = {
    who: list(() => p.prefix(p.rand() < 0.6 ? p.entityName() : p.textName())),
    when: list(() => p.prefix(p.eventQuery())),
    terms: list(() => p.prefix(p.pick(TOPICS.filter((t) => t !== '')))),
  };
  return { search, who, when, terms, findSources, autocomplete };
}
