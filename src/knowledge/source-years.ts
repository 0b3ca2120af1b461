/**
 * The year of a source that shows none, inferred from the rest of the corpus. A wire story whose dateline reads
 * "WASHINGTON, October 14" and a page whose date line was lost still say "the October 16 killing" or "On September
 * 29, the White House released …": without a year those dates are unknown, and `/when` cannot place what the page
 * is the best witness of. The corpus usually knows the year: the sources most alike are from it, and a title whose
 * seat changed hands in the corpus ("US President Donald Trump") is held in known years.
 *
 * The year is only ever a basis for the source's yearless calendar dates (marked `year-inferred`, and said so in
 * every answer that shows one); the source's publication date stays unknown. No year is given when the evidence is
 * split evenly, or points to a year before a full date the page itself gives.
 */
import type { DiscoveredRole } from '../entities/discover-people.ts';
import type { Passage } from '../passages/passage.ts';
import type { PassageHit } from '../search/passage-index.ts';
import { resolveDates } from '../dates/resolve-dates.ts';
import { isStopWord, stemTerm, tokenize } from '../search/tokenize.ts';

/** What the year of a source is inferred from: the corpus as the last build or update knows it. */
export interface YearEvidence {
  /** Plain full-text search over every passage. */
  find: (query: string) => readonly PassageHit[];
  /** The publication date of the source a passage belongs to (YYYY-MM-DD), or null when it is unknown. */
  publishedOf: (passageId: string) => string | null;
  /** In how many passages each stem occurs, and how many passages there are. */
  df: ReadonlyMap<string, number>;
  passageCount: number;
  /** Who the sources say holds which title (by entity id), with the publication date of each statement. */
  statedRoles: ReadonlyMap<string, readonly DiscoveredRole[]>;
  /** An entity's name, for the evidence told. */
  nameOf: (entityId: string) => string;
}

export interface InferredYear {
  year: number;
  /** In plain words, for the logs and the source's page: what made this year the likeliest. */
  evidence: string;
}

/** How many of the source's most distinctive words look for the sources most alike. */
const LIKENESS_WORDS = 10;
/** How many of the most alike dated sources vote for their years. */
const LIKE_SOURCES = 3;
/** How many of a source's best passages make its likeness. */
const PASSAGES_PER_SOURCE = 3;

const sourceOf = (passageId: string) => passageId.replace(/#\d+$/, '');

/**
 * The year a source without a publication date most likely comes from, or null when the corpus cannot say.
 *
 * @example
 * // a yearless page about "the October 16 killing of Sinwar", in a corpus whose sources on Sinwar's death are from 2024
 * inferSourceYear('in-warning', passages, evidence) // → { year: 2024, evidence: 'the sources most alike are from 2024 …' }
 */
export function inferSourceYear(sourceId: string, passages: readonly Passage[], evidence: YearEvidence): InferredYear | null {
  const votes = new Map<number, number>();
  const said: string[] = [];
  const alike = likeSourceYears(sourceId, passages, evidence);
  for (const [year, share] of alike) votes.set(year, (votes.get(year) ?? 0) + share);
  if (alike.size > 0) said.push(`the sources most alike are from ${[...alike.keys()].sort().join(', ')}`);
  for (const seat of seatYears(sourceId, evidence.statedRoles)) {
    for (const year of seat.years) votes.set(year, (votes.get(year) ?? 0) + 1 / seat.years.length);
    said.push(`${evidence.nameOf(seat.who)} is called ${seat.title} in sources from ${seat.years.join(', ')}`);
  }
  const notBefore = latestFullDateYear(passages);
  const ranked = [...votes.entries()]
    .filter(([year]) => notBefore === null || year >= notBefore)
    .sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  const [best, second] = ranked;
  if (!best || (second && second[1] === best[1])) return null;
  return { year: best[0], evidence: said.join('; ') };
}

/**
 * The years of the dated sources most like this one, each with its share of their likeness: its most distinctive
 * words (frequent in it, rare in the corpus, found elsewhere too) searched for in full text, passage scores summed by
 * source.
 */
function likeSourceYears(sourceId: string, passages: readonly Passage[], evidence: YearEvidence): Map<number, number> {
  const counts = new Map<string, { word: string; n: number }>();
  for (const p of passages)
    for (const word of tokenize(p.text)) {
      if (isStopWord(word) || /^\d+$/.test(word) || word.length < 3) continue;
      const stem = stemTerm(word);
      const c = counts.get(stem);
      if (c) c.n += 1;
      else counts.set(stem, { word, n: 1 });
    }
  const weighed = [...counts.entries()]
    .map(([stem, { word, n }]) => {
      const df = evidence.df.get(stem) ?? 0;
      // a word only this source uses cannot find another
      const elsewhere = df - Math.min(n, passages.length);
      // rarity counts for more than repetition: a name the corpus uses twice says more than "officials" said often
      const idf = Math.log(1 + evidence.passageCount / df);
      return { word, weight: elsewhere > 0 ? (1 + Math.log(n)) * idf * idf : 0 };
    })
    .filter((w) => w.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word))
    .slice(0, LIKENESS_WORDS);
  // a source is as alike as its best few passages: a long article is not more alike for being long
  const bySource = new Map<string, { scores: number[]; published: string }>();
  for (const hit of evidence.find(weighed.map((w) => w.word).join(' '))) {
    const id = sourceOf(hit.id);
    const published = evidence.publishedOf(hit.id);
    if (id === sourceId || published === null) continue;
    const s = bySource.get(id);
    if (s) s.scores.push(hit.score);
    else bySource.set(id, { scores: [hit.score], published });
  }
  const like = [...bySource.values()]
    .map((s) => ({
      published: s.published,
      score: s.scores
        .sort((a, b) => b - a)
        .slice(0, PASSAGES_PER_SOURCE)
        .reduce((a, b) => a + b, 0),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, LIKE_SOURCES);
  const sum = like.reduce((n, s) => n + s.score, 0);
  const years = new Map<number, number>();
  for (const s of like) {
    const year = Number(s.published.slice(0, 4));
    years.set(year, (years.get(year) ?? 0) + s.score / sum);
  }
  return years;
}

/** A title reduced to what identifies the seat: its stemmed words ("US President" → "us presid"). */
function seatWords(title: string): string[] {
  return tokenize(title)
    .filter((w) => !isStopWord(w))
    .map(stemTerm);
}

/** One seat is another when the last word (the office) is the same and the qualifiers match, or one has none. */
function sameSeat(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0 || a[a.length - 1] !== b[b.length - 1]) return false;
  const qa = a.slice(0, -1).join(' ');
  const qb = b.slice(0, -1).join(' ');
  return qa === qb || qa === '' || qb === '';
}

/**
 * The titles this source gives people, for a seat the corpus shows changing hands (two holders or more in dated
 * sources), with the years the dated sources give this holder that title: a one-holder seat (an emir throughout)
 * says nothing about the year.
 */
function seatYears(
  sourceId: string,
  statedRoles: ReadonlyMap<string, readonly DiscoveredRole[]>,
): Array<{ who: string; title: string; years: number[] }> {
  const { dated, bySource } = seatsOf(statedRoles);
  const seen = new Set<string>();
  const out: Array<{ who: string; title: string; years: number[] }> = [];
  for (const h of bySource.get(sourceId) ?? []) {
    const key = `${h.who} ${h.seat.join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const holders = (dated.get(h.seat[h.seat.length - 1] ?? '') ?? []).filter((d) => sameSeat(d.seat, h.seat) && d.sourceId !== sourceId);
    if (new Set(holders.map((d) => d.who)).size < 2) continue;
    const years = [...new Set(holders.filter((d) => d.who === h.who).map((d) => d.year))].sort();
    if (years.length > 0) out.push({ who: h.who, title: h.title, years });
  }
  return out;
}

interface Seats {
  /** Titles held in dated sources, by the office's last word. */
  dated: Map<string, Array<{ who: string; seat: string[]; year: number; sourceId: string }>>;
  /** Titles given by each source. */
  bySource: Map<string, Array<{ who: string; title: string; seat: string[] }>>;
}

/** The role statements sorted once per build or update: a corpus with many yearless sources reads them once. */
const seatsByRoles = new WeakMap<ReadonlyMap<string, readonly DiscoveredRole[]>, Seats>();

function seatsOf(statedRoles: ReadonlyMap<string, readonly DiscoveredRole[]>): Seats {
  let seats = seatsByRoles.get(statedRoles);
  if (seats) return seats;
  seats = { dated: new Map(), bySource: new Map() };
  for (const [who, roles] of statedRoles)
    for (const r of roles) {
      if (r.former || r.change) continue;
      const seat = seatWords(r.title);
      const sourceId = sourceOf(r.passageId);
      const here = seats.bySource.get(sourceId) ?? [];
      here.push({ who, title: r.title, seat });
      seats.bySource.set(sourceId, here);
      if (r.date === null) continue;
      const office = seat[seat.length - 1] ?? '';
      const held = seats.dated.get(office) ?? [];
      held.push({ who, seat, year: Number(r.date.slice(0, 4)), sourceId });
      seats.dated.set(office, held);
    }
  seatsByRoles.set(statedRoles, seats);
  return seats;
}

/** The year of the latest full date (day, month and year) the source's text gives: the page is not older. */
function latestFullDateYear(passages: readonly Passage[]): number | null {
  let latest: number | null = null;
  for (const p of passages)
    for (const d of resolveDates(p.text, null))
      if (d.kind === 'explicit' && d.granularity === 'day') latest = Math.max(latest ?? 0, Number(d.iso.slice(0, 4)));
  return latest;
}
