/**
 * `/when <event>`: the passages about an event with the date they give, resolved against each source's publication
 * date. When sources give different dates for what looks like the same event, both are shown and a note says so.
 */
import type { DateMention } from '../dates/resolve-dates.ts';
import type { Knowledge, KnownPassage } from '../knowledge/knowledge.ts';
import type { PassageHit } from '../search/passage-index.ts';
import { contentStems, stemTerm, tokenize } from '../search/tokenize.ts';
import { type Answer, type QuoteResult, notFound, pageOf, sourceRef } from './answer.ts';
import { areCopies, collapseCopies } from './collapse-copies.ts';
import { excerpt, sentenceAt } from './excerpt.ts';
import { MIN_COVERAGE, suggestionsFor } from './search.ts';
import { answerTimeline } from './timeline.ts';

export const WHEN_CANDIDATES = 50;

/** A passage that carries on from the one before ("He called …", "Shortly after that call, …"). */
const CONTINUES = /^(?:He|She|They|It|That|This|Then|Shortly after|Soon after|Days later)\b/;

interface EventDate {
  mention: DateMention;
  basis: 'quote' | 'preceding-paragraph';
  sentence: number;
}

/** Where a passage has the words the user asked about (`wanted`: stems), as offsets in its text. */
function wordPositions(p: KnownPassage, wanted: ReadonlySet<string>): number[] {
  return p.words.filter((w) => w.stems.some((st) => wanted.has(st))).map((w) => w.index);
}

/** Mentions of entities whose names hold a wanted word ("Raanan" for "two American captives"). */
function mentionPositions(knowledge: Knowledge, p: KnownPassage, wanted: ReadonlySet<string>): number[] {
  return p.mentions.filter((m) => [...(knowledge.entityNameStems.get(m.entityId) ?? [])].some((st) => wanted.has(st))).map((m) => m.start);
}

/**
 * The date in the passage nearest the words the user asked about (`positions`), or the date of the paragraph it
 * carries on.
 */
export function eventDateOf(knowledge: Knowledge, p: KnownPassage, positions: readonly number[]): EventDate | null {
  // the sentence(s) that match the most of what was asked: a date elsewhere in the passage dates something else
  const perSentence = new Map<number, number>();
  for (const pos of positions) perSentence.set(sentenceAt(p, pos), (perSentence.get(sentenceAt(p, pos)) ?? 0) + 1);
  const most = Math.max(0, ...perSentence.values());
  const hitSentences = new Set([...perSentence].filter(([, n]) => n === most).map(([i]) => i));
  const candidates = p.dates.filter((d) => hitSentences.has(sentenceAt(p, d.index)));
  if (candidates.length > 0) {
    const distance = (d: DateMention) => Math.min(...positions.map((pos) => Math.abs(pos - d.index)));
    const rank = (d: DateMention) => distance(d) + (d.granularity === 'day' ? 0 : 200);
    const best = [...candidates].sort((a, b) => rank(a) - rank(b))[0];
    if (best) return { mention: best, basis: 'quote', sentence: sentenceAt(p, best.index) };
  }
  if (p.dates.length === 0 && CONTINUES.test(p.text)) {
    const before = knowledge.passageById.get(`${p.sourceId}#${p.n - 1}`);
    const last = before?.dates[before.dates.length - 1];
    if (last) return { mention: last, basis: 'preceding-paragraph', sentence: 0 };
  }
  return null;
}

function resultOf(knowledge: Knowledge, hit: PassageHit): (QuoteResult & { stems: string[] }) | null {
  const p = knowledge.passageById.get(hit.id);
  if (!p) return null;
  const wanted = new Set(hit.matched.map(stemTerm));
  const words = wordPositions(p, wanted);
  const event = eventDateOf(knowledge, p, [...words, ...mentionPositions(knowledge, p, wanted)]);
  const keep = [...new Set(words.map((pos) => sentenceAt(p, pos)))];
  if (event && event.basis === 'quote') keep.push(event.sentence);
  return {
    quote: excerpt(p, keep.length > 0 ? keep : p.sentences.map((_s, i) => i)),
    passage_id: p.id,
    source: sourceRef(p.source),
    score: Number(hit.score.toFixed(3)),
    ...(event
      ? { date: event.mention.iso, granularity: event.mention.granularity, date_text: event.mention.text, date_basis: event.basis }
      : {}),
    stems: contentStems(p.sentences[event?.sentence ?? 0]?.text ?? p.text),
  };
}

/**
 * Pairs of strong results from different sources that give different days for what reads as the same event. Two
 * copies of one passage that resolve to different days (read against different publication dates) are one source
 * repeated, not two sources disagreeing.
 */
function disagreements(knowledge: Knowledge, results: ReadonlyArray<QuoteResult & { stems: string[] }>): Array<[QuoteResult, QuoteResult]> {
  const pairs: Array<[QuoteResult, QuoteResult]> = [];
  const dated = results.slice(0, 8).filter((r) => r.granularity === 'day' && r.date_basis === 'quote');
  for (const [i, a] of dated.entries()) {
    for (const b of dated.slice(i + 1)) {
      if (a.source.id === b.source.id || a.date === b.date || areCopies(knowledge, a, b)) continue;
      const shared = a.stems.filter((s) => b.stems.includes(s) && !/^\d+$/.test(s)).length;
      if (shared >= 4) pairs.push([a, b]);
    }
  }
  return pairs;
}

export function answerWhen(knowledge: Knowledge, query: string, limit = 5, offset = 0): Answer {
  // an autocomplete pick arrives as "2023-11-22 — the sentence": the words are the event
  query = query.replace(/^\d{4}-\d{2}-\d{2} — /, '');
  if (tokenize(query).length === 0) return answerTimeline(knowledge, limit, offset);
  // dating a hit reads its words again: only the best WHEN_CANDIDATES hits are worth it
  const hits = knowledge.index.find(query).filter((h) => h.coverage >= MIN_COVERAGE).slice(0, WHEN_CANDIDATES);
  const found = hits.map((h) => resultOf(knowledge, h)).filter((r): r is QuoteResult & { stems: string[] } => r !== null);
  // a /when answer is about dates: dated quotes first, the best of them first; undated context after
  found.sort((a, b) => Number(b.date !== undefined) - Number(a.date !== undefined) || b.score - a.score);
  // copies giving the same date are one result, before the top results are compared for disagreements
  const scored = [...collapseCopies(knowledge, found)];
  if (scored.length === 0) {
    return notFound('when', query, `When: ${query}`, suggestionsFor(knowledge, query), `No dated quote found for "${query}".`);
  }
  const notes: string[] = [];
  const conflicts = disagreements(knowledge, scored);
  if (conflicts.length > 0) {
    const byDate = new Map<string, string[]>();
    for (const r of conflicts.flat()) byDate.set(r.date ?? '', [...new Set([...(byDate.get(r.date ?? '') ?? []), r.source.id])]);
    notes.push(`Sources disagree on the date: ${[...byDate].map(([d, ids]) => `${d} (${ids.join(', ')})`).join(' vs ')}.`);
    // keep every side of the disagreement in view: the best result for each date moves into the top three
    for (const date of byDate.keys()) {
      const at = scored.findIndex((r) => r.date === date);
      if (at >= 3) scored.splice(2, 0, ...scored.splice(at, 1));
    }
  }
  if (scored.some((r) => r.date_basis === 'preceding-paragraph')) {
    notes.push('Some dates come from the paragraph just before the quote, which the quote carries on from.');
  }
  const results = scored.map(({ stems: _stems, ...r }) => r);
  return pageOf(knowledge, { command: 'when', query, title: `When: ${query}`, notes }, results, limit, offset);
}
