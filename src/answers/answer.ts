/**
 * The transport-neutral answer every command returns. The console, the JSON output and Discord embeds all render
 * this one object, so every face of the bot shows the same quotes. Field names here are the JSON contract.
 */
import type { Source } from '../corpus/source-schema.ts';
import { clipAtWord } from '../text/clip.ts';
import { dateDisplay, dayInWords } from '../dates/date-display.ts';
import type { DateMention, Granularity } from '../dates/resolve-dates.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { SpeakerAttribution } from '../entities/speakers.ts';
import type { TermTopic } from '../passages/terms-tags.ts';

export interface SourceRef {
  id: string;
  title: string | null;
  outlet: string | null;
  authors: string[];
  published: string | null;
  published_basis: 'stated' | 'inferred' | 'unknown';
  published_evidence: string;
  reports_on: string | null;
  url: string | null;
  /**
   * The opening words of the article (about 60 characters, cut at a word, "…" when cut): what names a source that has
   * no headline, where an answer would otherwise show a file id.
   */
  opening_words: string;
}

/** Another source that carries the same passage (or a near-identical one), shown once under the first. */
export interface AlsoIn {
  passage_id: string;
  source_id: string;
  outlet: string | null;
  published: string | null;
  /** What the source is called where no outlet is known: its headline, or its opening words in quotation marks. */
  name: string;
}

export interface QuoteResult {
  /** The source's own words: whole sentences, "…" where the passage was cut. */
  quote: string;
  passage_id: string;
  source: SourceRef;
  score: number;
  /** The event date the command resolved, YYYY-MM-DD (first day of the period for coarser granularity). */
  date?: string;
  granularity?: Granularity;
  /** The date as people read it, as precise as it is known: "2023-11-22", "week of 20 Nov 2023", "October 2023", "2023". */
  date_display?: string;
  /**
   * The words that give the date, and where they stand: in the quote itself, in the paragraph before it, in the
   * article's opening paragraph (the day an undated early paragraph reports), or nowhere in the text: `publication`
   * is the day the source was published, for a quote that dates nothing itself ("reported on …").
   */
  date_text?: string;
  date_basis?: 'quote' | 'preceding-paragraph' | 'opening-paragraph' | 'publication';
  /**
   * True when neither the text nor its source gives the year: the source shows no publication date and its year was
   * inferred from the rest of the corpus (the sources most alike, the titles it gives people).
   */
  year_inferred?: true;
  speaker?: { name: string; entity_id: string | null; direct: boolean };
  topics?: TermTopic[];
  /** The other sources with the same passage (or a near-identical one, giving the same date): shown once, here. */
  also_in?: AlsoIn[];
}

export interface EntitySummary {
  id: string;
  name: string;
  kind: string;
  roles: string[];
  description: string;
}

/**
 * A member's guide to the bot, for `/help`: what it is, each command with what it answers and one example, and the
 * tips of each face (the console's `/more` and `/quit`, Discord's buttons). Each face lays out the same guide.
 */
export interface Guide {
  intro: string[];
  commands: Array<{ usage: string; description: string; example: string | null }>;
  tips: Array<{ face: 'console' | 'discord'; text: string }>;
}

export interface Answer {
  command: string;
  query: string | null;
  /** A short heading: "Who is David Barnea?", "When: Raanans freed". */
  title: string;
  /** False when nothing passed the relevance threshold: `results` is empty and `suggestions` say what to try. */
  found: boolean;
  results: QuoteResult[];
  /** How many results exist in all, for pagination (results hold one page). */
  total: number;
  /** Plain statements the bot makes about the results, never quotes: sources that disagree, how a date was read. */
  notes: string[];
  suggestions: string[];
  /** `/help`: the member's guide, laid out by each face. */
  guide?: Guide;
  entity?: EntitySummary;
  /** For a FAQ entry: the moderators' own answer text (not a quote) and the entry number. */
  faq?: { id: number; answer: string };
  /**
   * `/when`: the days sources give for the same event when they differ, as the "Sources disagree" note says in words;
   * each side a date and the sources that give it, the side most sources give first. Faces that draw (the timeline
   * picture) read this, never the note.
   */
  disagreements?: DateDisagreement[];
  /**
   * The picture that goes with this page: `timeline`, the whole timeline (`/timeline`'s first page); `dates`, the dates
   * of this answer's quotes with the sides of a disagreement bracketed (`/when`'s first page, when it gives more than
   * one date). None: no picture.
   */
  picture?: 'timeline' | 'dates';
}

/** One disagreement on a date: the sides, each a day and the ids of the sources that give it. */
export interface DateDisagreement {
  sides: Array<{ date: string; source_ids: string[] }>;
}

/** The attribution block of a source as every answer carries it. */
export function sourceRef(source: Source): SourceRef {
  return {
    id: source.id,
    title: source.title,
    outlet: source.outlet,
    authors: source.authors,
    published: source.published,
    published_basis: source.published_basis.kind,
    published_evidence: source.published_basis.evidence,
    reports_on: source.reports_on ?? null,
    url: source.url ?? null,
    opening_words: openingWords(source.paragraphs[0] ?? ''),
  };
}

/**
 * An article's first words, about `max` characters cut at a word, with "…" when cut: how an untitled source is told
 * apart from the others.
 *
 * @example
 * openingWords('US Secretary of State Antony Blinken delivered a stern message to Qatar earlier this month') // → 'US Secretary of State Antony Blinken delivered a stern…'
 */
export function openingWords(text: string, max = 60): string {
  return clipAtWord(text, max, { ellipsis: 'after', dropTrailing: /[,;:]$/ });
}

/**
 * What a source is called in one phrase, by what is known of it: its outlet (and what it retells), else "retold from"
 * the outlet it retells, else its headline, else its opening words — never a file id, never "Unknown outlet".
 *
 * @example
 * sourceName(ref) // → 'The Associated Press', 'retold from CNN', '“Two-Day Truce Extension Agreed…”' or '“Israel and Hamas have agreed to…”'
 */
export function sourceName(source: Pick<SourceRef, 'outlet' | 'reports_on' | 'title' | 'opening_words'>): string {
  return creditOf(source) ?? `“${source.title ?? source.opening_words}”`;
}

/**
 * Who the source credits, when anything is known of it: "The Associated Press", "Reuters, retelling AP", "retold from
 * The New York Times"; null when the source names neither its outlet nor the one it retells.
 */
export function creditOf(source: Pick<SourceRef, 'outlet' | 'reports_on'>): string | null {
  if (source.outlet && source.reports_on) return `${source.outlet}, retelling ${source.reports_on}`;
  if (source.outlet) return source.outlet;
  if (source.reports_on) return `retold from ${source.reports_on}`;
  return null;
}

/** What a quote result is made from: a passage and the source it stands in. */
export interface QuotedPassage {
  id: string;
  text: string;
  source: Source;
}

/** What a command gives a quote result beyond its passage: the words shown, the score, a date, … (and its own fields). */
export type QuoteFields = Partial<Omit<QuoteResult, 'passage_id' | 'source'>>;

/**
 * The date fields of a quote dated by a mention in the text, `where` says which text: the quote's own, the paragraph
 * before, the opening paragraph. One place, so every command says alike when a year was inferred.
 *
 * @example
 * dateOfMention({ iso: '2024-10-16', granularity: 'day', text: 'October 16', kind: 'year-inferred', index: 0 }, 'quote')
 * // → { date: '2024-10-16', granularity: 'day', date_text: 'October 16', date_basis: 'quote', year_inferred: true }
 */
export function dateOfMention(
  mention: DateMention,
  where: NonNullable<QuoteResult['date_basis']>,
): Pick<QuoteResult, 'date' | 'granularity' | 'date_text' | 'date_basis' | 'year_inferred'> {
  return {
    date: mention.iso,
    granularity: mention.granularity,
    date_text: mention.text,
    date_basis: where,
    ...(mention.kind === 'year-inferred' ? { year_inferred: true as const } : {}),
  };
}

/**
 * A passage as a quote result, the one way every command builds one: the passage's words (all of them unless `quote`
 * gives an excerpt), its id, its source's attribution and a score of 1 unless `score` says otherwise, then whatever
 * else the command adds — a date, a speaker, topics, its own ranking fields — in the order given (the order of the
 * JSON). So an answer's attribution is always the passage's own source, made the same way.
 *
 * @example
 * quoteOf(passage) // → { quote: passage.text, passage_id: passage.id, source: sourceRef(passage.source), score: 1 }
 * quoteOf(passage, { quote: excerpt(passage, [0]), score: 0.8, speaker }) // → the same, cut, scored, with a speaker
 */
export function quoteOf<Fields extends QuoteFields>(passage: QuotedPassage, fields: Fields = {} as Fields): QuoteResult & Fields {
  const { quote = passage.text, score = 1, ...given } = fields;
  // a dated quote carries its date as people read it, whichever command dated it
  const display = given.date && given.granularity && !given.date_display ? dateDisplay(given.date, given.granularity) : null;
  // …placed right after the granularity, as the JSON reads
  const rest =
    display === null
      ? given
      : Object.fromEntries(
          Object.entries(given).flatMap(([k, v]) =>
            k === 'granularity'
              ? [
                  [k, v],
                  ['date_display', display],
                ]
              : [[k, v]],
          ),
        );
  return { quote, passage_id: passage.id, source: sourceRef(passage.source), score, ...rest } as QuoteResult & Fields;
}

/**
 * Who speaks in a quote, as an answer names them: the words the text uses, or — for "he said", "she told reporters" —
 * the person the pronoun stands for; a pronoun no one is known for is not shown ("quoting he" says nothing).
 *
 * @example
 * speakerOf(knowledge, { speaker: 'he', entityId: 'benjamin-netanyahu', direct: true, quote: '…' })
 * // → { name: 'Benjamin Netanyahu', entity_id: 'benjamin-netanyahu', direct: true }
 */
export function speakerOf(knowledge: Knowledge, s: SpeakerAttribution): QuoteResult['speaker'] {
  const pronoun = /^(?:he|she|they)$/i.test(s.speaker.trim());
  const name = pronoun ? (s.entityId ? knowledge.entityById.get(s.entityId)?.name : undefined) : s.speaker;
  return name === undefined ? undefined : { name, entity_id: s.entityId, direct: s.direct };
}

/** An answer with nothing to quote: says so, and offers what is close. */
export function notFound(
  command: string,
  query: string | null,
  title: string,
  suggestions: string[],
  note?: string,
  knowledge?: Knowledge,
): Answer {
  const notes = [
    ...(note ? [note] : []),
    ...(knowledge ? [corpusCoverage(knowledge)] : []),
    // what to do about it comes last
    ...(query !== null && writtenMostlyOutsideLatin(query) ? [NOT_ENGLISH_HINT] : []),
  ];
  return { command, query, title, found: false, results: [], total: 0, notes, suggestions };
}

/**
 * What the corpus covers, said when a question finds nothing: how many sources, and the span of their publication
 * dates, so a member can tell "the talks never did that" from "the corpus does not reach that far".
 *
 * @example
 * corpusCoverage(knowledge) // → 'The corpus holds 5 sources, published from 20 October 2023 to 22 March 2024.'
 */
export function corpusCoverage(knowledge: Knowledge): string {
  const sources = knowledge.corpus.sources;
  const dates = sources.flatMap((s) => (s.published ? [s.published] : [])).sort();
  const count = `${sources.length.toLocaleString('en-US')} source${sources.length === 1 ? '' : 's'}`;
  const [first, last] = [dates[0], dates[dates.length - 1]];
  const undated = sources.length - dates.length;
  const span =
    first && last
      ? first === last
        ? `, published on ${dayInWords(first)}`
        : `, published from ${dayInWords(first)} to ${dayInWords(last)}`
      : '';
  return `The corpus holds ${count}${span}${undated > 0 && dates.length > 0 ? ` (${undated} with no date)` : ''}.`;
}

/** Said when a question in another script found nothing: the words it searched for are not the sources' words. */
export const NOT_ENGLISH_HINT =
  'The sources are reports in English: try the question in English too (words the sources quote in another language, such as Arabic, are still found).';

/**
 * Whether most of a question's letters are of another script than the Latin one (Arabic, Hebrew, Cyrillic…): a
 * question that found nothing so may find something asked in English.
 *
 * @example
 * writtenMostlyOutsideLatin('متى أطلق سراح الرهائن؟') // → true
 * writtenMostlyOutsideLatin('Hamas حماس ceasefire') // → false
 */
export function writtenMostlyOutsideLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = text.match(/\p{Script=Latin}/gu) ?? [];
  return letters.length > 0 && latin.length < letters.length / 2;
}
