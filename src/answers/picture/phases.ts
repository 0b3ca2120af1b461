/**
 * The phases of the talks as the data shows them, for the picture's sections: dated points are cut where the
 * corpus falls silent for much longer than usual (a gap of more than PHASE_GAP_DAYS, or of more than GAP_FACTOR
 * times the median gap between dated days), and the run-up to each deal the corpus recognises (src/deals/) is cut
 * from the story before it at its widest silence in the month before the agreement. Each phase is named by its
 * dates, the deal it holds, and the people its sentences name most and the other phases least. Too many phases are
 * merged across their shortest gaps, so the picture keeps a readable number of sections.
 */
import { MS_PER_DAY } from '../../dates/day-count.ts';
import type { DealStatus } from '../../deals/deals.ts';
import type { PicturePoint } from './picture-point.ts';

/** A deal as src/deals/ recognises it: its first and last agreement dates and how far it got. */
export interface PhaseDeal {
  agreed: string;
  last: string;
  status: DealStatus;
}

export interface Phase {
  start: string;
  end: string;
  /** Earliest first. */
  points: PicturePoint[];
  /** The deal agreed within the phase, if any (the latest, when several are). */
  deal: PhaseDeal | null;
  /** Names the phase's sentences use most, and the other phases least: "Biden", "Netanyahu". */
  names: string[];
}

export const PHASE_GAP_DAYS = 30;
const GAP_FACTOR = 3;
/** The run-up to a deal looked at for the silence that starts it, and the least silence that counts. */
const RUN_UP_DAYS = 30;
const RUN_UP_MIN_GAP_DAYS = 7;
export const MAX_PHASES = 7;

const dayNumber = (iso: string) => Math.round(Date.parse(iso) / MS_PER_DAY);
const byDate = (a: PicturePoint, b: PicturePoint) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0);

/** The median of some numbers (0 for none). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0);
}

/** Indexes i where a new phase starts at days[i] (the distinct dated days, in order). */
function cutsAtSilences(days: readonly number[]): Set<number> {
  const gaps = days.slice(1).map((d, i) => d - (days[i] ?? d));
  const threshold = Math.max(PHASE_GAP_DAYS, GAP_FACTOR * median(gaps));
  return new Set(gaps.flatMap((g, i) => (g > threshold ? [i + 1] : [])));
}

/** For each deal: the widest silence of at least RUN_UP_MIN_GAP_DAYS in the month before it is agreed. */
function cutsBeforeDeals(days: readonly number[], deals: readonly PhaseDeal[]): Set<number> {
  const cuts = new Set<number>();
  for (const deal of deals) {
    const agreed = dayNumber(deal.agreed);
    let best: { at: number; gap: number } | null = null;
    for (let i = 1; i < days.length; i++) {
      const [before, after] = [days[i - 1] ?? 0, days[i] ?? 0];
      if (after > agreed || after < agreed - RUN_UP_DAYS) continue;
      const gap = after - before;
      if (gap >= RUN_UP_MIN_GAP_DAYS && (!best || gap > best.gap)) best = { at: i, gap };
    }
    if (best) cuts.add(best.at);
  }
  return cuts;
}

/**
 * Per phase, the people its sentences name most and the other phases least (at most two, each named in two sentences
 * or more), each as the shortest way a sentence writes their name ("Biden", "Sheikh Mohammed"). People only: "Hamas"
 * or "Qatari" is in every phase of these talks and says nothing of one.
 */
function nameThePhases(groups: readonly PicturePoint[][]): string[][] {
  const shortest = new Map<string, string>();
  const counts = groups.map((g) => {
    const c = new Map<string, number>();
    for (const p of g) {
      for (const person of p.people) {
        c.set(person.id, (c.get(person.id) ?? 0) + 1);
        const known = shortest.get(person.id);
        if (known === undefined || person.name.length < known.length) shortest.set(person.id, person.name);
      }
    }
    return c;
  });
  const phasesWith = new Map<string, number>();
  for (const c of counts) for (const id of c.keys()) phasesWith.set(id, (phasesWith.get(id) ?? 0) + 1);
  return counts.map((c) =>
    [...c]
      .filter(([, n]) => n >= 2)
      .map(([id, n]) => ({ name: shortest.get(id) ?? id, weight: n * Math.log(1 + groups.length / (phasesWith.get(id) ?? 1)) }))
      .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name))
      .slice(0, 2)
      .map((x) => x.name),
  );
}

/**
 * The points grouped into phases, earliest first.
 *
 * @example
 * groupPhases(timelinePictureData(knowledge).points, dealsOf(knowledge).deals).map((p) => `${p.start}…${p.end}`)
 * // → ['2012-01-01…2012-01-01', '2023-09-01…2023-09-01', '2023-10-01…2023-10-23', '2023-11-10…2023-11-24', '2024-03-01…2024-03-25']
 */
export function groupPhases(points: readonly PicturePoint[], deals: readonly PhaseDeal[] = []): Phase[] {
  const sorted = [...points].sort(byDate);
  const days = [...new Set(sorted.map((p) => dayNumber(p.iso)))];
  const cuts = [...new Set([...cutsAtSilences(days), ...cutsBeforeDeals(days, deals)])].sort((a, b) => a - b);
  // the phases as runs of days, then merged across their shortest gaps down to MAX_PHASES
  let runs: Array<[number, number]> = [];
  let from = 0;
  for (const cut of [...cuts, days.length]) {
    if (cut > from) runs.push([from, cut - 1]);
    from = cut;
  }
  while (runs.length > MAX_PHASES) {
    const gapAfter = (i: number) => (days[runs[i + 1]?.[0] ?? 0] ?? 0) - (days[runs[i]?.[1] ?? 0] ?? 0);
    const narrowest = runs.slice(0, -1).reduce((best, _r, i) => (gapAfter(i) < gapAfter(best) ? i : best), 0);
    runs = [...runs.slice(0, narrowest), [runs[narrowest]?.[0] ?? 0, runs[narrowest + 1]?.[1] ?? 0], ...runs.slice(narrowest + 2)];
  }
  const groups = runs.map(([a, b]) => sorted.filter((p) => dayNumber(p.iso) >= (days[a] ?? 0) && dayNumber(p.iso) <= (days[b] ?? 0)));
  const names = nameThePhases(groups);
  return groups.map((g, i) => {
    const [start, end] = [g[0]?.iso ?? '', g[g.length - 1]?.iso ?? ''];
    const deal = [...deals].reverse().find((d) => d.agreed >= start && d.agreed <= end) ?? null;
    return { start, end, points: g, deal, names: names[i] ?? [] };
  });
}
