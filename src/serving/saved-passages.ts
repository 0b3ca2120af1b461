/**
 * The passages of a saved knowledge base, one array per field instead of one object per passage (and per sentence,
 * date, mention and speaker): reading back a hundred thousand passages as nested objects took eight seconds, as
 * columns a fraction of that. Texts that are a stretch of the passage (a sentence, a date's words, a mention) are
 * saved as offsets and read back as slices of the passage text, which share its memory; one that is not a stretch
 * is saved whole.
 *
 * The columns are raw numbers: a count read from a damaged save would make the reader loop, and allocate, billions of
 * times. `unpackPassages` therefore checks every column's length and every count against the arrays it counts first
 * (`checkSavedPassages`), and every offset against its passage as it reads.
 *
 * @example
 * unpackPassages(packPassages(knowledge.passages), knowledge.sourceById) // → passages equal to knowledge.passages
 */
import type { Source } from '../corpus/source-schema.ts';
import type { DateMention } from '../dates/resolve-dates.ts';
import type { Mention } from '../entities/mentions.ts';
import type { SpeakerAttribution } from '../entities/speakers.ts';
import type { TermTopic } from '../passages/terms-tags.ts';
import type { KnownPassage } from '../knowledge/knowledge.ts';
import { fromTable, type StringTable, toTable } from './saved-columns.ts';

/** A text that is `text.slice(start, end)` of its passage is saved as its offsets; any other is kept in `whole`. */
interface Stretches {
  start: Uint32Array;
  end: Uint32Array;
  /** Texts that are not the stretch their offsets give, by their place in `start`. */
  whole: Map<number, string>;
}

export interface SavedPassages {
  /** The source of each passage, as a place in `sourceIds`. */
  sourceIds: string[];
  source: Uint32Array;
  n: Uint32Array;
  paragraph: Uint32Array;
  text: string[];
  /** Where each passage's text starts in its paragraph (-1: not found there): read back as a slice of the paragraph. */
  paragraphStart: Int32Array;
  /** How many sentences, dates, mentions, speakers and terms each passage has: the flat arrays below are cut by these. */
  counts: { sentences: Uint32Array; dates: Uint32Array; mentions: Uint32Array; speakers: Uint32Array; terms: Uint32Array };
  sentences: Stretches;
  dates: Stretches & { iso: StringTable; granularity: StringTable<DateMention['granularity']>; kind: StringTable<DateMention['kind']> };
  mentions: Stretches & { entityId: StringTable; via: StringTable<Mention['via']> };
  speakers: { speaker: string[]; entityId: StringTable<string | null>; direct: Uint8Array; quote: Array<string | null> };
  terms: StringTable<TermTopic>;
}

/** Offsets and exceptions for texts that should be stretches of their passage's text. */
class StretchWriter {
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly whole = new Map<number, string>();

  add(passageText: string, text: string, start: number, end: number): void {
    if (passageText.slice(start, end) !== text) this.whole.set(this.start.length, text);
    this.start.push(start);
    this.end.push(end);
  }

  done(): Stretches {
    return { start: Uint32Array.from(this.start), end: Uint32Array.from(this.end), whole: this.whole };
  }
}

/** The text `s` saves at `i` for a passage: its stretch, checked to lie inside the passage, or the text saved whole. */
function readStretch(s: Stretches, i: number, passageText: string): string {
  const whole = s.whole.get(i);
  if (whole !== undefined) return whole;
  const start = s.start[i] ?? 0;
  const end = s.end[i] ?? 0;
  if (start > end || end > passageText.length) throw new Error('a saved offset lies outside its passage');
  return passageText.slice(start, end);
}

/** The passages as columns, for a save. */
export function packPassages(passages: readonly KnownPassage[]): SavedPassages {
  const sourcePlace = new Map<string, number>();
  const count = passages.length;
  const columns = {
    source: new Uint32Array(count),
    n: new Uint32Array(count),
    paragraph: new Uint32Array(count),
    text: new Array<string>(count),
    paragraphStart: new Int32Array(count),
  };
  const counts = {
    sentences: new Uint32Array(count),
    dates: new Uint32Array(count),
    mentions: new Uint32Array(count),
    speakers: new Uint32Array(count),
    terms: new Uint32Array(count),
  };
  const sentences = new StretchWriter();
  const dates = Object.assign(new StretchWriter(), {
    iso: [] as string[],
    granularity: [] as Array<DateMention['granularity']>,
    kind: [] as Array<DateMention['kind']>,
  });
  const mentions = Object.assign(new StretchWriter(), { entityId: [] as string[], via: [] as Array<Mention['via']> });
  const speakers = {
    speaker: [] as string[],
    entityId: [] as Array<string | null>,
    direct: [] as number[],
    quote: [] as Array<string | null>,
  };
  const terms: TermTopic[] = [];
  passages.forEach((p, i) => {
    if (p.id !== `${p.sourceId}#${p.n}`) throw new Error(`passage ${p.id} is not numbered as its source's passage ${p.n}`);
    let place = sourcePlace.get(p.sourceId);
    if (place === undefined) sourcePlace.set(p.sourceId, (place = sourcePlace.size));
    columns.source[i] = place;
    columns.n[i] = p.n;
    columns.paragraph[i] = p.paragraph;
    columns.text[i] = p.text;
    columns.paragraphStart[i] = p.source.paragraphs[p.paragraph - 1]?.indexOf(p.text) ?? -1;
    counts.sentences[i] = p.sentences.length;
    for (const s of p.sentences) sentences.add(p.text, s.text, s.start, s.end);
    counts.dates[i] = p.dates.length;
    for (const d of p.dates) {
      dates.add(p.text, d.text, d.index, d.index + d.text.length);
      dates.iso.push(d.iso);
      dates.granularity.push(d.granularity);
      dates.kind.push(d.kind);
    }
    counts.mentions[i] = p.mentions.length;
    for (const m of p.mentions) {
      // a passage's mentions are its own (knowSource groups them by passage): the id is not saved again
      if (m.passageId !== p.id) throw new Error(`passage ${p.id} holds a mention of passage ${m.passageId}`);
      mentions.add(p.text, m.text, m.start, m.end);
      mentions.entityId.push(m.entityId);
      mentions.via.push(m.via);
    }
    counts.speakers[i] = p.speakers.length;
    for (const s of p.speakers) {
      speakers.speaker.push(s.speaker);
      speakers.entityId.push(s.entityId);
      speakers.direct.push(s.direct ? 1 : 0);
      speakers.quote.push(s.quote);
    }
    counts.terms[i] = p.terms.length;
    terms.push(...p.terms);
  });
  return {
    sourceIds: [...sourcePlace.keys()],
    ...columns,
    counts,
    sentences: sentences.done(),
    dates: { ...dates.done(), iso: toTable(dates.iso), granularity: toTable(dates.granularity), kind: toTable(dates.kind) },
    mentions: { ...mentions.done(), entityId: toTable(mentions.entityId), via: toTable(mentions.via) },
    speakers: { ...speakers, entityId: toTable(speakers.entityId), direct: Uint8Array.from(speakers.direct) },
    terms: toTable(terms),
  };
}

const COUNTED = ['sentences', 'dates', 'mentions', 'speakers', 'terms'] as const;

/**
 * Throws (naming the column) unless `saved` has the shape `packPassages` gives it: every per-passage column as long as
 * the passages, each flat column as long as the sum of its counts, every table code inside its table. What a reader
 * must know before it allocates anything a saved number asks for.
 *
 * @example
 * checkSavedPassages(packPassages(knowledge.passages)) // passes
 * checkSavedPassages({ ...saved, counts: { ...saved.counts, sentences: Uint32Array.of(0xffffffff) } }) // throws
 */
export function checkSavedPassages(saved: SavedPassages): void {
  if (checked.has(saved)) return;
  const fail = (column: string): never => {
    throw new Error(`the saved passages' ${column} do not add up`);
  };
  if (!isStrings(saved?.text) || !isStrings(saved.sourceIds)) fail('texts');
  const count = saved.text.length;
  for (const column of ['source', 'n', 'paragraph'] as const)
    if (!(saved[column] instanceof Uint32Array) || saved[column].length !== count) fail(column);
  if (!(saved.paragraphStart instanceof Int32Array) || saved.paragraphStart.length !== count) fail('paragraph starts');
  if (!allBelow(saved.source, saved.sourceIds.length)) fail('sources');
  const totals = {} as Record<(typeof COUNTED)[number], number>;
  for (const kind of COUNTED) {
    const counts = saved.counts?.[kind];
    if (!(counts instanceof Uint32Array) || counts.length !== count) fail(`${kind} counts`);
    let total = 0;
    for (let i = 0; i < counts.length; i++) total += counts[i] as number;
    totals[kind] = total;
  }
  if (!isStretches(saved.sentences, totals.sentences)) fail('sentences');
  const d = saved.dates;
  if (
    !isStretches(d, totals.dates) ||
    !isTable(d.iso, totals.dates) ||
    !isTable(d.granularity, totals.dates) ||
    !isTable(d.kind, totals.dates)
  )
    fail('dates');
  const m = saved.mentions;
  if (!isStretches(m, totals.mentions) || !isTable(m.entityId, totals.mentions) || !isTable(m.via, totals.mentions)) fail('mentions');
  const sp = saved.speakers;
  const speakers = totals.speakers;
  if (
    !isStrings(sp?.speaker) ||
    sp.speaker.length !== speakers ||
    !isTable(sp.entityId, speakers) ||
    !(sp.direct instanceof Uint8Array) ||
    sp.direct.length !== speakers
  )
    fail('speakers');
  if (!Array.isArray(sp.quote) || sp.quote.length !== speakers || !sp.quote.every((q) => q === null || typeof q === 'string'))
    fail('speakers');
  if (!isTable(saved.terms, totals.terms)) fail('terms');
  checked.add(saved);
}

/** Saves already checked: a save is checked when read, and again by `unpackPassages`, for the price of one. */
const checked = new WeakSet<SavedPassages>();

function isStrings(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

/** Whether every number of `codes` is below `limit` (a plain loop: these columns hold millions of numbers). */
function allBelow(codes: Uint32Array | Uint8Array, limit: number): boolean {
  for (let i = 0; i < codes.length; i++) if ((codes[i] as number) >= limit) return false;
  return true;
}

function isTable(t: StringTable<string | null> | undefined, length: number): boolean {
  return (
    t !== undefined &&
    Array.isArray(t.table) &&
    t.codes instanceof Uint32Array &&
    t.codes.length === length &&
    allBelow(t.codes, t.table.length)
  );
}

function isStretches(s: Stretches | undefined, length: number): boolean {
  if (
    s === undefined ||
    !(s.start instanceof Uint32Array) ||
    !(s.end instanceof Uint32Array) ||
    s.start.length !== length ||
    s.end.length !== length ||
    !(s.whole instanceof Map)
  )
    return false;
  for (const [i, text] of s.whole) if (!Number.isInteger(i) || i < 0 || i >= length || typeof text !== 'string') return false;
  return true;
}

/**
 * The passages back from their columns, joined to their sources; `sourceOf` returns undefined for a source the
 * corpus lacks, and the first such source is reported by name. Throws when the columns do not add up (see
 * `checkSavedPassages`) before reading any.
 */
export function unpackPassages(saved: SavedPassages, sourceOf: (id: string) => Source | undefined): KnownPassage[] {
  checkSavedPassages(saved);
  const sources = saved.sourceIds.map((id) => {
    const source = sourceOf(id);
    if (!source) throw new MissingSourceError(id);
    return source;
  });
  const at = { sentence: 0, date: 0, mention: 0, speaker: 0, term: 0 };
  const dateIso = fromTable(saved.dates.iso);
  const dateGranularity = fromTable(saved.dates.granularity);
  const dateKind = fromTable(saved.dates.kind);
  const mentionEntity = fromTable(saved.mentions.entityId);
  const mentionVia = fromTable(saved.mentions.via);
  const speakerEntity = fromTable(saved.speakers.entityId);
  const terms = fromTable(saved.terms);
  const passages = new Array<KnownPassage>(saved.text.length);
  for (let i = 0; i < passages.length; i++) {
    const source = sources[saved.source[i] ?? 0] as Source;
    const n = saved.n[i] ?? 0;
    const id = `${source.id}#${n}`;
    const text = inParagraph(source, saved.paragraph[i] ?? 0, saved.paragraphStart[i] ?? -1, saved.text[i] ?? '');
    const sentences = [];
    for (let k = saved.counts.sentences[i] ?? 0; k > 0; k--, at.sentence++) {
      sentences.push({
        text: readStretch(saved.sentences, at.sentence, text),
        start: saved.sentences.start[at.sentence] ?? 0,
        end: saved.sentences.end[at.sentence] ?? 0,
      });
    }
    const dates: DateMention[] = [];
    for (let k = saved.counts.dates[i] ?? 0; k > 0; k--, at.date++) {
      const d = saved.dates;
      dates.push({
        text: readStretch(d, at.date, text),
        index: d.start[at.date] ?? 0,
        iso: dateIso[at.date] ?? '',
        granularity: dateGranularity[at.date] ?? 'day',
        kind: dateKind[at.date] ?? 'explicit',
      });
    }
    const mentions: Mention[] = [];
    for (let k = saved.counts.mentions[i] ?? 0; k > 0; k--, at.mention++) {
      const m = saved.mentions;
      mentions.push({
        entityId: mentionEntity[at.mention] ?? '',
        passageId: id,
        start: m.start[at.mention] ?? 0,
        end: m.end[at.mention] ?? 0,
        text: readStretch(m, at.mention, text),
        via: mentionVia[at.mention] ?? 'alias',
      });
    }
    const speakers: SpeakerAttribution[] = [];
    for (let k = saved.counts.speakers[i] ?? 0; k > 0; k--, at.speaker++) {
      const s = saved.speakers;
      speakers.push({
        speaker: s.speaker[at.speaker] ?? '',
        entityId: speakerEntity[at.speaker] ?? null,
        direct: s.direct[at.speaker] === 1,
        quote: s.quote[at.speaker] ?? null,
      });
    }
    const passageTerms = terms.slice(at.term, (at.term += saved.counts.terms[i] ?? 0));
    passages[i] = {
      id,
      sourceId: source.id,
      n,
      paragraph: saved.paragraph[i] ?? 0,
      text,
      sentences,
      source,
      dates,
      mentions,
      speakers,
      terms: passageTerms,
    };
  }
  return passages;
}

/**
 * A passage's text as a slice of its source's paragraph when the source still has it there, so that the two share
 * memory (at 100,000 passages the texts are some 50 MB); else the saved text (a source changed since the save).
 */
function inParagraph(source: Source, paragraph: number, start: number, text: string): string {
  if (start < 0) return text;
  const slice = source.paragraphs[paragraph - 1]?.slice(start, start + text.length);
  return slice === text ? slice : text;
}

/** A save with passages of a source the corpus no longer has. */
export class MissingSourceError extends Error {
  constructor(readonly sourceId: string) {
    super(`names a source the corpus lacks: ${sourceId}`);
  }
}
