/**
 * What a picture of dates shows, decided here and drawn by src/render/timeline-picture/: each dated statement as a
 * point (its date, how precise, whether the text states the date or the bot worked it out from the publication
 * date, the clause it dates, the people it names, and the outlet), a sentence several sources carry as one point,
 * the pairs of points where sources give different days for one event — drawn as a bracket between the two dates —
 * and the phases the points fall into (phases.ts, cut at the deals src/deals/ recognises).
 */
import { dealsOf } from '../../deals/deals.ts';
import { openingWords, type QuoteResult, type SourceRef, sourceRef } from '../answer.ts';
import { sentenceAt } from '../excerpt.ts';
import { timelineOrder } from '../timeline.ts';
import { daysApart } from '../../dates/day-count.ts';
import type { DateMention } from '../../dates/resolve-dates.ts';
import type { Knowledge, KnownPassage } from '../../knowledge/knowledge.ts';
import { isStopWord, stemTerm, tokenize } from '../../search/tokenize.ts';
// further apart than this, two days are two events told in the same words: `/when`'s rule, not a copy of it
import { DISAGREEMENT_DAYS } from '../when.ts';
import { groupPhases, type Phase } from './phases.ts';
import type { DateConflict, PicturePoint } from './picture-point.ts';

/** What the picture is drawn from. */
export interface PictureData {
  title: string;
  points: PicturePoint[];
  conflicts: DateConflict[];
  /** The points in their phases, earliest first. */
  phases: Phase[];
}

/**
 * Picture data from points and the disagreements among them, its phases cut at the knowledge base's deals: the one
 * place a picture's data is put together, for the timeline, a `/when` answer, or points made elsewhere (the bench).
 *
 * @example
 * pictureDataOf(knowledge, 'When: Raanan release', points, []).phases.length // → 1 for points a week apart
 */
export function pictureDataOf(knowledge: Knowledge, title: string, points: PicturePoint[], conflicts: DateConflict[]): PictureData {
  return { title, points, conflicts, phases: groupPhases(points, dealsOf(knowledge).deals) };
}

/** Event words two sentences must share, and the share of the shorter one's words, to be told of one event. */
const SAME_EVENT_WORDS = 3;
const SAME_EVENT_SHARE = 0.4;
/** Words each side of the date that say what it dates. */
const NEAR_WORDS = 8;

/**
 * A short credit for a source, by what is known of it: its outlet, "via" the outlet it retells, else its first few
 * words in quotation marks (never a file id).
 *
 * @example
 * outletOf({ outlet: null, reports_on: 'CNN', opening_words: '…' }) // → 'via CNN'
 * outletOf({ outlet: null, reports_on: null, opening_words: 'Gaza’s Hamas rulers on Friday released two…' }) // → '“Gaza’s Hamas rulers…”'
 */
export function outletOf(source: Pick<SourceRef, 'outlet' | 'reports_on' | 'opening_words'>): string {
  return source.outlet ?? (source.reports_on ? `via ${source.reports_on}` : `“${openingWords(source.opening_words, 20)}”`);
}

/** Words before a date that belong to it: "on", "in late", "as late as", "earlier this". */
const DATE_LEAD = /(?:\b(?:on|in|by|since|until|as late as|throughout|before|after|early|late|mid|earlier|later|this|last|next)\s+)+$/i;
/** Leads that make the date a bound or a condition ("before Friday", "not until March"): the date is part of what is said. */
const BOUND_LEAD = /\b(?:until|till|before|after|not)\b/i;

/**
 * The sentence that gives a date, without the date: what the label says happened.
 *
 * @example
 * eventWords('On Wednesday, Israel’s war cabinet signed off.', 'On Wednesday') // → 'Israel’s war cabinet signed off'
 * eventWords('No hostages were to be released before Friday.', 'Friday') // → 'No hostages were to be released before Friday'
 */
export function eventWords(sentence: string, dateText: string): string {
  const at = dateText === '' ? -1 : sentence.indexOf(dateText);
  const lead = at < 0 ? '' : (DATE_LEAD.exec(sentence.slice(0, at))?.[0] ?? '');
  // "no hostages were to be released before Friday" without "before Friday" says the opposite: such a date stays
  const without =
    at < 0 || BOUND_LEAD.test(lead) ? sentence : `${sentence.slice(0, at).replace(DATE_LEAD, '')} ${sentence.slice(at + dateText.length)}`;
  const words = without
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/^[\s,;:—–-]+|[\s,;:—–.-]+$/g, '')
    .replace(/,(?=\s*,)/g, '');
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}

/** "X said in a report that", "the book quoted Y as saying that": who reports, before what is reported. */
const REPORTING_FRAME =
  /^[^"“”]{0,160}?\b(?:said|says|reported|reports|wrote|writes|added|noted|confirmed|announced|stated|told\b[^,;"“”]{1,60}?|as saying)\b[^,;"“”]{0,60}?\bthat\b[\s,]*/i;
/** Where one clause of a sentence ends and the next begins: the break's text is in neither clause. */
const CLAUSE_BREAK = /[;:]\s+|,\s+|\s+[—–]\s+|\s+(?:in light of|following|because|while|when|whereas|but)\s+/gi;
/** A clause a label may be cut down to says at least this many words besides its date. */
const MIN_CLAUSE_WORDS = 3;

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * The part of a sentence its date belongs to: without a reporting frame before it ("Writers … said in a report
 * that, …"), and, where the sentence gives other dates, cut at the clause break between this date and each of them,
 * so that a sentence dating two things labels each with its own ("aid into Gaza on Saturday morning" / "the
 * detainees' release on Friday night"). A cut leaves at least MIN_CLAUSE_WORDS words besides the date, or is not made.
 *
 * @example
 * dateClause("Israel allowed aid in on Saturday in light of the detainees' release on Friday", 'on Friday', ['on Saturday'])
 * // → "the detainees' release on Friday"
 * dateClause('The report said that talks resumed on Friday', 'on Friday') // → 'talks resumed on Friday'
 */
export function dateClause(sentence: string, dateText: string, otherDates: readonly string[] = []): string {
  let text = sentence;
  const frame = REPORTING_FRAME.exec(text);
  const rest = frame ? text.slice(frame[0].length) : '';
  if (frame && text.indexOf(dateText) >= frame[0].length && wordCount(rest.replace(dateText, ' ')) >= MIN_CLAUSE_WORDS) {
    text = text.slice(frame[0].length);
  }
  const at = dateText === '' ? -1 : text.indexOf(dateText);
  if (at < 0) return text;
  const end = at + dateText.length;
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const enough = (from: number, to: number) => wordCount(`${text.slice(from, at)} ${text.slice(end, to)}`) >= MIN_CLAUSE_WORDS;
  let [from, to] = [0, text.length];
  for (const other of otherDates) {
    const o = other === '' || other === dateText ? -1 : text.indexOf(other);
    if (o < 0) continue;
    if (o >= end) {
      const cut = breaks.find((b) => b.start >= end && b.end <= o && enough(from, b.start));
      if (cut) to = Math.min(to, cut.start);
    } else if (o + other.length <= at) {
      const cut = [...breaks].reverse().find((b) => b.start >= o + other.length && b.end <= at && enough(b.end, to));
      if (cut) from = Math.max(from, cut.end);
    }
  }
  return text.slice(from, to);
}

/**
 * The words on either side of a date in its sentence.
 *
 * @example
 * wordsNear('Hamas has released two American captives on Friday following Qatari mediation', 'on Friday') // → 'Hamas has released two American captives following Qatari mediation'
 */
export function wordsNear(sentence: string, dateText: string): string {
  const at = dateText === '' ? -1 : sentence.indexOf(dateText);
  if (at < 0)
    return sentence
      .split(/\s+/)
      .slice(0, 2 * NEAR_WORDS)
      .join(' ');
  const before = sentence
    .slice(0, at)
    .split(/\s+/)
    .filter((w) => w !== '')
    .slice(-NEAR_WORDS);
  const after = sentence
    .slice(at + dateText.length)
    .split(/\s+/)
    .filter((w) => w !== '')
    .slice(0, NEAR_WORDS);
  return [...before, ...after].join(' ');
}

/** A date the text writes out is stated; a weekday or a relative date is worked out from the publication date. */
const isInferred = (d: Pick<DateMention, 'kind'>) => d.kind === 'weekday' || d.kind === 'relative';

/** The other dates the sentence of a date gives, as written: where its label may be cut. */
function otherDatesOf(passage: KnownPassage, date: DateMention): string[] {
  const sentence = sentenceAt(passage, date.index);
  return passage.dates.filter((d) => d !== date && d.text !== date.text && sentenceAt(passage, d.index) === sentence).map((d) => d.text);
}

/**
 * The people a passage's sentence names, once each: by the name as the sentence writes it ("Biden"), or by their
 * full name where the sentence only describes them ("the two detainees").
 */
function peopleIn(knowledge: Knowledge, passage: KnownPassage, sentence: number): Array<{ id: string; name: string }> {
  const seen = new Map<string, string>();
  for (const m of passage.mentions) {
    const entity = knowledge.entityById.get(m.entityId);
    if (sentenceAt(passage, m.start) !== sentence || entity?.kind !== 'person') continue;
    const name = /^\p{Lu}/u.test(m.text) ? m.text : entity.name;
    const shorter = seen.get(m.entityId);
    if (shorter === undefined || name.length < shorter.length) seen.set(m.entityId, name);
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

function pointOf(knowledge: Knowledge, passage: KnownPassage, date: DateMention): PicturePoint {
  const sentence = passage.sentences[sentenceAt(passage, date.index)]?.text ?? passage.text;
  return {
    iso: date.iso,
    granularity: date.granularity,
    inferred: isInferred(date),
    words: eventWords(dateClause(sentence, date.text, otherDatesOf(passage, date)), date.text),
    near: wordsNear(sentence, date.text),
    outlet: outletOf(sourceRef(passage.source)),
    passageId: passage.id,
    sourceId: passage.source.id,
    copies: 0,
    people: peopleIn(knowledge, passage, sentenceAt(passage, date.index)),
  };
}

/** Points with the same date and the same words are one point, credited once with the number of copies. */
function withoutCopies(points: readonly PicturePoint[]): PicturePoint[] {
  const kept = new Map<string, PicturePoint>();
  for (const p of points) {
    const key = `${p.iso}|${p.granularity}|${tokenize(p.words).join(' ')}`;
    const first = kept.get(key);
    if (!first) kept.set(key, { ...p });
    else if (first.sourceId !== p.sourceId) first.copies++;
  }
  return [...kept.values()];
}

/** The event words of a point: stems of the words near its date that are not stop words or numbers. */
function eventStems(p: PicturePoint): Set<string> {
  return new Set(
    tokenize(p.near)
      .filter((t) => !isStopWord(t) && !/^\d+$/.test(t))
      .map(stemTerm),
  );
}

/**
 * Pairs of day-precise points from different sources whose dates are of the same event (the words near the two
 * dates share at least SAME_EVENT_WORDS event words, 40 % of the shorter side’s) on different days at most a month apart.
 *
 * @example
 * conflictsAmong(points) // → [{ earlier: 'Hamas has released two American captives' (10-20), later: 'The successful release of two American citizens' (10-23) }]
 */
export function conflictsAmong(points: readonly PicturePoint[]): DateConflict[] {
  const days = points.filter((p) => p.granularity === 'day').sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0));
  const stems = new Map(days.map((p) => [p, eventStems(p)]));
  const conflicts: DateConflict[] = [];
  const paired = new Set<string>();
  for (const [i, a] of days.entries()) {
    for (const b of days.slice(i + 1)) {
      if (daysApart(a.iso, b.iso) > DISAGREEMENT_DAYS) break;
      if (a.iso === b.iso || a.sourceId === b.sourceId) continue;
      const [x, y] = [stems.get(a) ?? new Set<string>(), stems.get(b) ?? new Set<string>()];
      const shared = [...x].filter((s) => y.has(s)).length;
      const key = `${a.iso}|${b.iso}`;
      if (shared >= SAME_EVENT_WORDS && shared >= SAME_EVENT_SHARE * Math.min(x.size, y.size) && !paired.has(key)) {
        paired.add(key);
        conflicts.push({ earlier: a, later: b });
      }
    }
  }
  return conflicts;
}

/**
 * Every dated statement of the corpus as a point, copies once, and where sources disagree on a day.
 *
 * @example
 * timelinePictureData(knowledge).points.length // → 40 on the bundled corpus
 */
export function timelinePictureData(knowledge: Knowledge): PictureData {
  const points = withoutCopies(timelineOrder(knowledge).map((e) => pointOf(knowledge, e.passage, e.date)));
  return pictureDataOf(knowledge, 'Timeline of the talks', points, conflictsAmong(points));
}

/**
 * The dated results of one answer (`/when`) as points: a date from the paragraph before or the article's opening
 * is worked out, like a weekday. Sources that disagree are the pairs the answer itself reports.
 *
 * @example
 * answerPictureData('When: Raanan release', results, [['2023-10-20', '2023-10-23']]).conflicts.length // → 1
 */
export function answerPictureData(
  knowledge: Knowledge,
  title: string,
  results: readonly QuoteResult[],
  disagreeing: ReadonlyArray<readonly string[]>,
): PictureData {
  const points: PicturePoint[] = [];
  for (const r of results) {
    if (!r.date || !r.granularity) continue;
    const passage = knowledge.passageById.get(r.passage_id);
    const mention = passage?.dates.find((d) => d.iso === r.date && d.text === r.date_text);
    const sentence =
      passage && mention ? (passage.sentences[sentenceAt(passage, mention.index)]?.text ?? r.quote) : r.quote.replace(/^… |…$/g, '');
    points.push({
      iso: r.date,
      granularity: r.granularity,
      inferred: (r.date_basis ?? 'quote') !== 'quote' || (mention ? isInferred(mention) : false),
      words: eventWords(
        dateClause(sentence, r.date_text ?? '', passage && mention ? otherDatesOf(passage, mention) : []),
        r.date_text ?? '',
      ),
      near: wordsNear(sentence, r.date_text ?? ''),
      outlet: outletOf(r.source),
      passageId: r.passage_id,
      sourceId: r.source.id,
      copies: r.also_in?.length ?? 0,
      people: passage && mention ? peopleIn(knowledge, passage, sentenceAt(passage, mention.index)) : [],
    });
  }
  const kept = withoutCopies(points).sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0));
  const conflicts: DateConflict[] = [];
  for (const dates of disagreeing) {
    const sides = [...dates].sort().map((d) => kept.find((p) => p.iso === d));
    for (let i = 0; i + 1 < sides.length; i++) {
      const [earlier, later] = [sides[i], sides[i + 1]];
      if (earlier && later) conflicts.push({ earlier, later });
    }
  }
  return pictureDataOf(knowledge, title, kept, conflicts);
}
