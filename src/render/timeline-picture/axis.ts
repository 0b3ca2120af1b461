/**
 * Where dates stand on a phase's stretch of the picture's axis, and how far a week, a month or a year reaches.
 */
import type { PicturePoint } from '../../answers/picture/picture-point.ts';
import type { Phase } from '../../answers/picture/phases.ts';

/**
 * Where a date stands on a phase's stretch of axis: half by time, half by the rank of its day among the phase's
 * days, so that days crowded together in time still get room for their marks and short leader lines, and the order
 * is always the order of time.
 *
 * @example
 * axisPosition(phase, 100, 500)(phase.start) // → 100; (phase.end) // → 500
 */
export function axisPosition(phase: Phase, top: number, bottom: number): (iso: string) => number {
  const days = [...new Set(phase.points.map((p) => p.iso))].sort();
  const rank = new Map(days.map((d, i) => [d, i]));
  const [from, to] = [Date.parse(phase.start), Date.parse(phase.end)];
  return (iso) => {
    if (days.length <= 1 || to === from) return (top + bottom) / 2;
    const time = (Date.parse(iso) - from) / (to - from);
    const order = (rank.get(iso) ?? 0) / (days.length - 1);
    return top + (0.5 * time + 0.5 * order) * (bottom - top);
  };
}

/**
 * The first day after a week, month or year; null for a day.
 *
 * @example
 * periodEndOf({ iso: '2023-10-01', granularity: 'month' } as PicturePoint) // → '2023-11-01'
 */
export function periodEndOf(p: PicturePoint): string | null {
  const d = new Date(`${p.iso}T00:00:00Z`);
  if (p.granularity === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else if (p.granularity === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else if (p.granularity === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1);
  else return null;
  return d.toISOString().slice(0, 10);
}
