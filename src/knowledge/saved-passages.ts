/**
 * The passages of a saved knowledge base, one array per field instead of one object per passage (and per sentence,
 * date, mention and speaker): reading back a hundred thousand passages as nested objects took eight seconds, as
 * columns a fraction of that. Texts that are a stretch of the passage (a sentence, a date's words, a mention) are
 * saved as offsets and read back as slices of the passage text, which share its memory; one that is not a stretch
 * is saved whole.
 *
 * @example
 * unpackPassages(packPassages(knowledge.passages), knowledge.sourceById) // → passages equal to knowledge.passages
 */
import type { Source } from '../corpus/source-schema.ts';
import type { DateMention } from '../dates/resolve-dates.ts';
import type { Mention } from '../entities/mentions.ts';
import type { SpeakerAttribution } from '../passages/speakers.ts';
import type { TermTopic } from '../passages/terms-tags.ts';
import type { KnownPassage } from './knowledge.ts';
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

const readStretch = (s: Stretches, i: number, passageText: string): string => s.whole.get(i) ?? passageText.slice(s.start[i], s.end[i]);

/** The passages as columns, for a save. */
export function packPassages(passages: readonly KnownPassage[]): SavedPassages {
  const sourcePlace = new Map<string, number>();
  const count = passages.length;
  const columns = { source: new Uint32Array(count), n: new Uint32Array(count), paragraph: new Uint32Array(count), text: new Array<string>(count), paragraphStart: new Int32Array(count) };
  const counts = { sentences: new Uint32Array(count), dates: new Uint32Array(count), mentions: new Uint32Array(count), speakers: new Uint32Array(count), terms: new Uint32Array(count) };
  const sentences = new StretchWriter();
  const dates = Object.assign(new StretchWriter(), { iso: [] as string[], granularity: [] as Array<DateMention['granularity']>, kind: [] as Array<DateMention['kind']> });
  const mentions = Object.assign(new StretchWriter(), { entityId: [] as string[], via: [] as Array<Mention['via']> });
  const speakers = { speaker: [] as string[], entityId: [] as Array<string | null>, direct: [] as number[], quote: [] as Array<string | null> };
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

/**
 * The passages back from their columns, joined to their sources; `sourceOf` returns undefined for a source the
 * corpus lacks, and the first such source is reported by name.
 */
export function unpackPassages(saved: SavedPassages, sourceOf: (id: string) => Source | undefined): KnownPassage[] {
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
      sentences.push({ text: readStretch(saved.sentences, at.sentence, text), start: saved.sentences.start[at.sentence] ?? 0, end: saved.sentences.end[at.sentence] ?? 0 });
    }
    const dates: DateMention[] = [];
    for (let k = saved.counts.dates[i] ?? 0; k > 0; k--, at.date++) {
      const d = saved.dates;
      dates.push({ text: readStretch(d, at.date, text), index: d.start[at.date] ?? 0, iso: dateIso[at.date] ?? '', granularity: dateGranularity[at.date] ?? 'day', kind: dateKind[at.date] ?? 'explicit' });
    }
    const mentions: Mention[] = [];
    for (let k = saved.counts.mentions[i] ?? 0; k > 0; k--, at.mention++) {
      const m = saved.mentions;
      mentions.push({ entityId: mentionEntity[at.mention] ?? '', passageId: id, start: m.start[at.mention] ?? 0, end: m.end[at.mention] ?? 0, text: readStretch(m, at.mention, text), via: mentionVia[at.mention] ?? 'alias' });
    }
    const speakers: SpeakerAttribution[] = [];
    for (let k = saved.counts.speakers[i] ?? 0; k > 0; k--, at.speaker++) {
      const s = saved.speakers;
      speakers.push({ speaker: s.speaker[at.speaker] ?? '', entityId: speakerEntity[at.speaker] ?? null, direct: s.direct[at.speaker] === 1, quote: s.quote[at.speaker] ?? null });
    }
    const passageTerms = terms.slice(at.term, (at.term += saved.counts.terms[i] ?? 0));
    passages[i] = { id, sourceId: source.id, n, paragraph: saved.paragraph[i] ?? 0, text, sentences, source, dates, mentions, speakers, terms: passageTerms };
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
