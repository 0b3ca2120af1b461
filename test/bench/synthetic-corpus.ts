/**
 * A synthetic corpus in the real corpus format (`sources/*.md` with YAML front matter, plus `entities.yaml`), for
 * measuring the engine at 1,000, 10,000 and 100,000 passages, far beyond the bundled corpus.
 *
 * Everything is made from our own templates and word lists: English-like news sentences about the talks that name
 * the people of `entities.yaml` with their roles, dated in the forms articles use ("on Tuesday", "on Nov. 24",
 * "on 16 January 2025", "last week") and quoting deal terms (hostages for prisoners, ratios, "a four-day pause").
 * Pseudo-words drawn with a Zipf-like law give the vocabulary the size a real news corpus has (measured: about 2,300
 * distinct terms at 1,000 passages, 11,600 at 10,000, 64,000 at 100,000). Stock phrases are varied so that two
 * articles share few word 5-grams (median containment about 0.05, far below NEAR_CONTAINMENT), and no passage is
 * copied between sources. A seeded PRNG makes the output byte-identical for a seed. Each paragraph's passages are
 * counted with the project's own `groupSentences` over the sentences as generated (every generated sentence is one
 * sentence to `splitSentences`), so the built corpus has the requested number of passages, give or take one.
 */
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEntities } from '../../src/corpus/load-corpus.ts';
import type { Entity } from '../../src/corpus/entity-schema.ts';
import { formatSourceFile } from '../../src/corpus/source-file.ts';
import type { SourceMeta } from '../../src/corpus/source-schema.ts';
import { groupSentences } from '../../src/passages/passage.ts';
import type { Sentence } from '../../src/text/sentences.ts';
import { Dice, seededRandom } from './seeded-random.ts';

export interface SyntheticCorpusOptions {
  /** How many passages the built corpus should have (the project's own splitting decides; ±1 in practice). */
  passages: number;
  /** PRNG seed: the same seed gives byte-identical files. Default 1. */
  seed?: number;
  /** The entities file whose names and roles the text mentions. Default: the bundled `corpus/entities.yaml`. */
  entitiesFrom?: string;
}

export interface SyntheticFile {
  fileName: string;
  text: string;
}

const DEFAULT_ENTITIES = join(import.meta.dirname, '../../corpus/entities.yaml');
const LEXICON = 300_000;
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2023, 9, 7);
const LAST_DAY = Date.UTC(2025, 11, 31);

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const AP_MONTHS = 'Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.'.split(' ');
const WEEKDAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');
const NUMBER_WORDS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
const words = (text: string, sep = ' '): string[] => text.split(sep);
const W = {
  city: words('Doha|Cairo|Washington|Jerusalem|Paris|Tel Aviv|Amman|Riyadh|Istanbul|Geneva|Rome|Muscat', '|'),
  group: words('mediators negotiators officials diplomats envoys delegations aides analysts families lawmakers'),
  noun: words(
    'proposal framework draft text plan offer list timetable clause annex guarantee corridor crossing withdrawal map sequence exchange truce pause channel cell track mechanism round meeting summit memo response counterproposal demand assurance',
  ),
  adj: words(
    'revised new final initial phased detailed broad narrow tentative formal written verbal indirect direct urgent fragile comprehensive limited partial parallel',
  ),
  verb: words(
    'discussed reviewed rejected accepted amended studied examined questioned welcomed criticized delayed revived narrowed widened',
  ),
  adverb: words('quietly publicly privately repeatedly briefly cautiously firmly openly late early again'),
  speech: words('said|told reporters|added|warned|insisted|noted|confirmed|acknowledged|stressed', '|'),
  outletA: words('Harbor Meridian Northgate Lantern Summit Crescent Keystone Beacon Granite Tideline Riverside Compass Atlas Pinnacle'),
  outletB: words('Ledger Wire Dispatch Herald Review Chronicle Tribune Courier Post Journal Observer Report'),
  first: words(
    'Miriam Daniel Leila Omar Sarah Jonah Rania Tomas Hana Elias Nadia Karim Ruth Samuel Yara Adam Laura Faris Dina Peter Amal Noah Ines Victor',
  ),
  last: words(
    'Hartley Mansour Feld Okafor Brandt Haddad Lindqvist Serrano Kovac Nasser Whitcombe Arad Delacroix Farouk Jensen Moreau Saleh Petrov Castell Yilmaz',
  ),
  onset: words('b br d dr f g gr k kl l m n p pr r s st t tr v z sh ch h'),
  vowel: words('a e i o u ai ou ea'),
  coda: ['', 'n', 'r', 'l', 's', 'm', 'th', 'nd'],
};

function syllable(i: number): string {
  const { onset, vowel, coda } = W;
  return `${onset[i % onset.length]}${vowel[Math.floor(i / onset.length) % vowel.length]}${coda[Math.floor(i / (onset.length * vowel.length)) % coda.length]}`;
}

/** The pseudo-word of a rank: two or three syllables; the rank is scrambled so common words do not look alike. */
function pseudoWord(rank: number): string {
  const per = W.onset.length * W.vowel.length * W.coda.length;
  const x = Math.imul(rank + 1, 0x9e3779b1) >>> 0;
  const head = syllable(x % per) + syllable(Math.floor(x / per) % per);
  return x >>> 29 === 0 ? head + syllable(x >>> 20) : head;
}

const capitalise = (s: string): string => (s[0]?.toUpperCase() ?? '') + s.slice(1);

interface Person {
  names: string[];
  title: string;
}

/** People to mention: the curated ones with a role, and invented officials, so names and roles are many. */
function peopleOf(entities: readonly Entity[], rand: () => number, invented: number): Person[] {
  const curated = entities
    .filter((e) => e.kind === 'person' && e.roles.length > 0 && !e.name.includes(' and '))
    .map((e) => {
      const surname = e.name.split(' ').pop() ?? e.name;
      const title = e.roles[0]?.title ?? '';
      const common = /^(?:Director|Head|Member|Legal|Former|Prime|President|Emir)\b/.test(title);
      return {
        names: [e.name, ...e.aliases.filter((a) => a.includes(surname) && a !== surname)],
        title: common ? title[0]?.toLowerCase() + title.slice(1) : title,
      };
    });
  const roles = [
    'a senior Egyptian official',
    'a Qatari negotiator',
    'an Israeli security official',
    'a Hamas spokesman',
    'a State Department spokesman',
    'an adviser to the mediators',
    'a former hostage negotiator',
  ];
  const made = Array.from({ length: invented }, (_v, i) => ({
    names: [`${W.first[i % W.first.length]} ${capitalise(pseudoWord(LEXICON + i))}`],
    title: roles[Math.floor(rand() * roles.length)] ?? '',
  }));
  return [...curated, ...made];
}

/** One article's sentence maker, with the article's publication date for the dates it states. */
class Writer extends Dice {
  constructor(
    rand: () => number,
    private readonly people: readonly Person[],
    private readonly published: number,
  ) {
    super(rand);
  }

  /** A pseudo-word, rank drawn log-uniformly (Zipf-like): few common words, a long tail of rare ones. */
  rare(): string {
    return pseudoWord(Math.floor(Math.exp(this.rand() * Math.log(LEXICON))));
  }

  person(withRole: boolean): string {
    const p = this.pick(this.people);
    return withRole ? `${p.names[0]}, ${p.title},` : this.pick(p.names);
  }

  /** A date before publication in one of the forms articles use. */
  when(): string {
    const back = this.int(0, 40);
    const d = new Date(this.published - back * DAY);
    const [day, month, year, weekday] = [d.getUTCDate(), d.getUTCMonth(), d.getUTCFullYear(), WEEKDAYS[d.getUTCDay()]];
    if (back <= 6 && this.rand() < 0.5)
      return this.pick([`on ${weekday}`, `late on ${weekday}`, `${weekday} morning`, `on ${weekday}, ${AP_MONTHS[month]} ${day}`]);
    return this.pick([
      `on ${AP_MONTHS[month]} ${day}`,
      `on ${day} ${MONTHS[month]} ${year}`,
      `on ${MONTHS[month]} ${day}, ${year}`,
      'last week',
      'earlier this month',
      `in mid-${MONTHS[month]}`,
    ]);
  }

  phrase(): string {
    return `${this.alt('the|the|a|this')} ${this.pick(W.adj)} ${this.rare()} ${this.pick(W.noun)}`;
  }

  /** One of the `|`-separated choices: stock phrases vary, so articles share few five-word runs. */
  alt(choices: string): string {
    return this.pick(choices.split('|'));
  }

  issue(): string {
    return `${this.alt('the sequencing of|the timing of|disputes over|the order of|guarantees on')} ${this.alt('releases|withdrawals|aid convoys|prisoner lists|the pause|the Rafah crossing|the Philadelphi corridor|displaced families|a permanent truce')}`;
  }

  terms(): string {
    const hostages = this.int(3, 120);
    const ratio = this.int(2, 50);
    return this.pick([
      () =>
        `Hamas ${this.alt('would free|was to release|offered to hand over')} ${hostages} ${this.alt('hostages|captives|Israelis')} ${this.alt('in exchange for|in return for|for')} ${(hostages * ratio).toLocaleString('en-US')} Palestinian ${this.alt('prisoners|detainees')}, ${this.alt('a ratio of|or')} one ${this.alt('to|for every')} ${ratio}`,
      () =>
        `the ${this.alt('first|opening|initial')} ${this.alt('stage|phase|round')} ${this.alt('would|could|was to')} ${this.alt('last|run for|span')} ${this.int(2, 9) * 7} days ${this.alt('and see|with|freeing')} ${hostages} ${this.alt('hostages|captives')} ${this.alt('released|freed|returned')}`,
      () =>
        `a ${this.pick(NUMBER_WORDS)}-day ${this.alt('pause|truce|lull')} ${this.alt('would allow|was to let|could bring')} ${this.int(100, 600)} ${this.alt('aid trucks|lorries|fuel tankers')} ${this.alt('a day|daily|each day')} ${this.alt('into|toward|through')} ${this.rare()}`,
      () =>
        `a ${this.pick([6, 10, 21, 42, 60])}-day ${this.alt('first|opening')} phase ${this.alt('would cover|was to free|could return')} ${this.alt('women and children|children, women|minors')} and ${this.int(2, 30)} ${this.alt('elderly|sick|older|wounded')} ${this.alt('captives|hostages')}`,
      () =>
        `${this.pick(NUMBER_WORDS)} ${this.alt('prisoners|detainees|inmates')} ${this.alt('serving life terms|on long sentences|convicted of attacks')} ${this.alt('would be|were to be|could be')} ${this.alt('freed|released|exchanged')} for ${this.alt('each|every')} ${this.alt('soldier|civilian|captive|woman')}`,
    ])();
  }

  sentence(): string {
    switch (this.int(0, 9)) {
      case 0:
        return `${this.person(true)} ${this.pick(W.speech)} ${this.when()} that ${this.phrase()} was ${this.pick(W.adverb)} ${this.pick(W.verb)} by ${this.rare()} ${this.pick(W.group)}.`;
      case 1:
        return `${capitalise(this.when())}, ${this.person(false)} met ${this.person(false)} in ${this.pick(W.city)} to discuss ${this.issue()} and ${this.phrase()}.`;
      case 2:
        return `Under ${this.phrase()}, ${this.terms()}, according to ${this.pick(['two', 'three', 'several'])} ${this.pick(W.group)} briefed on the ${this.rare()} talks.`;
      case 3:
        return `“${this.alt('We are|They are|Both sides are|Everyone is')} ${this.alt('close to|far from|nearing|not yet at')} ${this.alt('agreement|a deal|an understanding')} on ${this.issue()},” ${this.person(false)} ${this.pick(W.speech)} ${this.when()}.`;
      case 4:
        return `The ${this.pick(W.group)} ${this.pick(W.verb)} ${this.phrase()} ${this.when()}, ${this.pick(['although', 'while', 'after', 'because'])} ${this.rare()} ${this.pick(W.noun)}s ${this.pick(['stalled', 'moved', 'shifted', 'collapsed', 'resumed'])} ${this.pick(W.adverb)}.`;
      case 5:
        return `${capitalise(this.terms())}, ${this.person(false)} ${this.pick(['said', 'told reporters', 'wrote'])} in ${this.pick(W.city)}.`;
      case 6:
        return `${this.person(true)} ${this.pick(['called', 'phoned', 'flew to see', 'wrote to'])} ${this.person(false)} ${this.when()} about ${this.issue()}.`;
      case 7:
        return `${capitalise(this.pick(W.group))} ${this.pick(['expect', 'doubt', 'hope', 'fear'])} that ${this.phrase()} ${this.pick(['will', 'could', 'may not'])} ${this.pick(['survive', 'hold', 'unravel', 'pass'])} the ${this.rare()} ${this.pick(W.noun)} ${this.pick(['vote', 'review', 'deadline', 'stage'])}.`;
      case 8:
        return `A ${this.pick(NUMBER_WORDS)}-day pause ${this.pick(['began', 'was extended', 'ended', 'was proposed'])} ${this.when()}, and ${this.int(2, 80)} hostages and ${this.int(10, 300)} prisoners were ${this.pick(['freed', 'listed', 'named'])}.`;
      default:
        return `${capitalise(this.rare())} ${this.pick(W.noun)}s ${this.pick(['in', 'near', 'outside'])} ${this.pick(W.city)} ${this.pick(W.verb)} ${this.phrase()} ${this.pick(W.adverb)}, ${this.person(false)} ${this.pick(W.speech)}.`;
    }
  }

  /** A paragraph of one to four sentences, and how many passages the project will cut from it. */
  paragraph(): { text: string; passages: number } {
    const sentences: Sentence[] = [];
    for (let k = this.int(1, 4), start = 0; sentences.length < k;) {
      const text = this.sentence();
      sentences.push({ text, start, end: start + text.length });
      start += text.length + 1;
    }
    return { text: sentences.map((x) => x.text).join(' '), passages: groupSentences(sentences).length };
  }
}

/**
 * The synthetic sources, in memory: file names (`<id>.md`) and their text, ready to write into `sources/`.
 * Why: benchmarks and tests that need a large, realistic corpus without shipping one.
 *
 * @example
 * const files = syntheticSourceFiles({ passages: 1_000, seed: 7 });
 * files[0].fileName // → 'syn-00000-….md'; every file parses with parseSourceFile
 */
export function syntheticSourceFiles(options: SyntheticCorpusOptions): SyntheticFile[] {
  return generate(options).files;
}

function generate(options: SyntheticCorpusOptions): { files: SyntheticFile[]; passages: number } {
  const rand = seededRandom(options.seed ?? 1);
  const { entities } = loadEntities(options.entitiesFrom ?? DEFAULT_ENTITIES);
  const people = peopleOf(entities, rand, 40 + Math.ceil(options.passages / 50));
  const outlets = W.outletA.flatMap((a) => W.outletB.map((b) => `The ${a} ${b}`));
  const files: SyntheticFile[] = [];
  let total = 0;
  for (let i = 0; total < options.passages; i++) {
    const published = FIRST_DAY + Math.floor(rand() * ((LAST_DAY - FIRST_DAY) / DAY + 1)) * DAY;
    const w = new Writer(rand, people, published);
    const paragraphs: string[] = [];
    for (let n = w.int(15, 40); paragraphs.length < n && total < options.passages;) {
      const p = w.paragraph();
      paragraphs.push(p.text);
      total += p.passages;
    }
    const title = `${w.pick(['Mediators', 'Negotiators', 'Envoys', 'Officials'])} ${w.pick(['weigh', 'revise', 'reject', 'debate', 'press'])} ${w.rare()} ${w.pick(W.noun)} as talks ${w.pick(['resume', 'stall', 'advance'])} in ${w.pick(W.city)}`;
    const slug = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .replace(/-$/, '');
    const id = `syn-${String(i).padStart(5, '0')}-${slug}`;
    const iso = new Date(published).toISOString().slice(0, 10);
    const stated = rand() < 0.85;
    const meta: SourceMeta = {
      id,
      title,
      outlet: w.pick(outlets),
      authors: Array.from({ length: w.int(1, 3) }, () => `${w.pick(W.first)} ${w.pick(W.last)}`),
      published: iso,
      published_basis: stated
        ? { kind: 'stated', evidence: `The dateline reads "${iso}".` }
        : { kind: 'inferred', evidence: `No dateline; the latest event the text dates falls just before ${iso}.` },
      url: `https://news.example/${iso.slice(0, 7)}/${id}`,
      language: 'en',
      notes: `Synthetic article for the scale benchmark (seed ${options.seed ?? 1}); not real reporting.`,
    };
    files.push({ fileName: `${id}.md`, text: formatSourceFile(meta, paragraphs) });
  }
  return { files, passages: total };
}

/**
 * Writes a synthetic corpus into `dir` (`dir/sources/*.md`, and `dir/entities.yaml` copied from `entitiesFrom`,
 * default the bundled one), so `loadCorpus(dir)` loads it like any corpus. Returns what it wrote.
 * Why: the scale benchmark loads and builds the same files the bot would, from disk.
 *
 * @example
 * writeSyntheticCorpus('/tmp/syn', { passages: 10_000, seed: 1 }) // → { sources: 290, passages: 10001, bytes: 2507790 }
 * buildKnowledge(loadCorpus('/tmp/syn')).passages.length // → 10000 (±1)
 */
export function writeSyntheticCorpus(dir: string, options: SyntheticCorpusOptions): { sources: number; passages: number; bytes: number } {
  const { files, passages } = generate(options);
  mkdirSync(join(dir, 'sources'), { recursive: true });
  copyFileSync(options.entitiesFrom ?? DEFAULT_ENTITIES, join(dir, 'entities.yaml'));
  let bytes = 0;
  for (const f of files) {
    writeFileSync(join(dir, 'sources', f.fileName), f.text);
    bytes += Buffer.byteLength(f.text);
  }
  return { sources: files.length, passages, bytes };
}
