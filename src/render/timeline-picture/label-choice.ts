/**
 * Which statements get a label when there are more than the picture has rows for: rows are shared among the
 * phases by how many statements each has (at least one each), and within a phase the clearest statement of each day
 * is labelled first, the days spread evenly over the phase; the rest keep their marks, unlabelled.
 */
import type { PicturePoint } from '../../answers/picture/picture-point.ts';

/**
 * How many label rows each phase gets: all its points when they fit, else shares of the budget, at least one each.
 *
 * @example
 * labelRows([400, 90, 9, 1], 36) // → [28, 6, 1, 1]
 */
export function labelRows(counts: readonly number[], budget: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= budget) return [...counts];
  const rows = counts.map((c) => Math.min(c, Math.max(1, Math.floor((c / total) * budget))));
  let left = budget - rows.reduce((a, b) => a + b, 0);
  // the rest to the phases that lose the most, one by one
  while (left > 0) {
    let best = -1;
    for (const [i, c] of counts.entries())
      if ((rows[i] ?? 0) < c && (best < 0 || c / ((rows[i] ?? 0) + 1) > (counts[best] ?? 0) / ((rows[best] ?? 0) + 1))) best = i;
    if (best < 0) break;
    rows[best] = (rows[best] ?? 0) + 1;
    left--;
  }
  return rows;
}

/** How clear a point's date is, lower first: a stated day, then a worked-out day, then coarser dates. */
const clarity = (p: PicturePoint) =>
  ({ day: 0, week: 2, month: 3, year: 4 })[p.granularity] + (p.inferred ? 1 : 0) - Math.min(p.copies, 3) * 0.1;

/**
 * The points of a phase that get a label, in date order: the clearest of each day, spread evenly, then the rest.
 *
 * @example
 * pointsToLabel(phase.points, 3) // → the first day's, a middle day's and the last day's clearest statement
 */
export function pointsToLabel(points: readonly PicturePoint[], rows: number): PicturePoint[] {
  if (points.length <= rows) return [...points];
  const byDay = new Map<string, PicturePoint[]>();
  for (const p of points) byDay.set(p.iso, [...(byDay.get(p.iso) ?? []), p]);
  const best = [...byDay.values()].map((ps) => [...ps].sort((a, b) => clarity(a) - clarity(b))[0] as PicturePoint);
  let chosen: PicturePoint[];
  if (best.length >= rows) {
    // evenly over time, the first and last days included
    const step = rows === 1 ? 0 : (best.length - 1) / (rows - 1);
    chosen = [...new Set(Array.from({ length: rows }, (_x, i) => best[Math.round(i * step)] as PicturePoint))];
  } else {
    const rest = points.filter((p) => !best.includes(p)).sort((a, b) => clarity(a) - clarity(b));
    chosen = [...best, ...rest.slice(0, rows - best.length)];
  }
  const order = new Map(points.map((p, i) => [p, i]));
  return chosen.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}
