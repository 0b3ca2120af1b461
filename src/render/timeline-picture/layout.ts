/**
 * Where everything of the timeline picture goes, as plain numbers (no drawing): time runs down a vertical axis cut
 * into the phases, each phase under a header band; every point is a mark at its date, and the labels — a date, a few
 * of the source's words, the outlet — sit one to a row to the right, joined to their marks by leader lines that never
 * cross (labels are given rows in date order). Rows are a budget: past MAX_LABEL_ROWS the clearest statement of
 * each day is labelled first, spread over the phase, the rest stay unlabelled marks, and the picture says how many
 * were left out. Every text has its box, so tests can check that no two overlap.
 */
import { fitStatement, fitText, pictureDate, wrapText } from './label-text.ts';
import { axisPosition, periodEndOf } from './axis.ts';
import { labelRows, pointsToLabel } from './label-choice.ts';
import type { Phase } from '../../answers/picture/phases.ts';
import { drawable, textWidth } from './picture-fonts.ts';
import type { DateConflict, PicturePoint } from '../../answers/picture/picture-point.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Ink = 'ink' | 'muted' | 'accent' | 'conflict';

export interface TextItem {
  text: string;
  /** Where the text starts (or ends, for anchor 'end') and its baseline. */
  x: number;
  y: number;
  size: number;
  bold: boolean;
  ink: Ink;
  anchor: 'start' | 'end';
  box: Box;
}

export interface Mark {
  x: number;
  y: number;
  inferred: boolean;
  labelled: boolean;
  /** A week, month or year: the stretch of the axis it covers. */
  period?: { y1: number; y2: number };
}

export interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  texts: TextItem[];
  /** The boxes of the labels (one per labelled point), a subset of the texts' area, for the overlap checks. */
  labels: Box[];
  marks: Mark[];
  leaders: Line[];
  axes: Line[];
  /** Vertical brackets between two dates of one event, with ticks toward the axis. */
  brackets: Line[];
  bands: Box[];
  /** Points labelled, and all points. */
  shown: number;
  total: number;
}

export interface LayoutOptions {
  width?: number;
  /** At most this many labelled rows. */
  maxLabels?: number;
}

export const DEFAULT_WIDTH = 1400;
export const MAX_LABEL_ROWS = 36;
export const LABEL_SIZE = 22;
const TITLE_SIZE = 34;
const HEADER_SIZE = 24;
const ROW = 38;
const MARGIN = 40;
const BAND = 50;
const SEGMENT_PAD = 14;
const MIN_SEGMENT = 64;
const GAP_AFTER_SEGMENT = 18;
const GRANULARITY_RANK = { day: 0, week: 1, month: 2, year: 3 } as const;

/** The box a line of text takes (Noto Sans: 1.07 em above the baseline, 0.29 em below). */
function textBox(text: string, x: number, y: number, size: number, bold: boolean, anchor: 'start' | 'end'): Box {
  const width = textWidth(text, size, bold);
  return { x: anchor === 'start' ? x : x - width, y: y - 1.07 * size, width, height: 1.36 * size };
}

function textItem(
  text: string,
  x: number,
  y: number,
  size: number,
  options: { bold?: boolean; ink?: Ink; anchor?: 'start' | 'end' } = {},
): TextItem {
  const [bold, anchor] = [options.bold ?? false, options.anchor ?? 'start'];
  return { text, x, y, size, bold, ink: options.ink ?? 'ink', anchor, box: textBox(text, x, y, size, bold, anchor) };
}

/** The label of a point: its date in bold, a few of its words, its outlet — each cut to fit. */
function labelTexts(p: PicturePoint, x: number, y: number, right: number): TextItem[] {
  const date = pictureDate(p.iso, p.granularity);
  const dateWidth = textWidth(date, LABEL_SIZE, true);
  const credit = `${drawable(p.outlet)}${p.copies > 0 ? ` +${p.copies}` : ''}`;
  const creditText = fitText(credit, Math.min(300, textWidth(credit, LABEL_SIZE)), LABEL_SIZE);
  const creditWidth = textWidth(creditText, LABEL_SIZE);
  const wordsX = x + dateWidth + 14;
  const words = isolateRtl(fitStatement(drawable(p.words), right - creditWidth - 16 - wordsX, LABEL_SIZE));
  const items = [textItem(date, x, y, LABEL_SIZE, { bold: true })];
  if (words !== '') items.push(textItem(words, wordsX, y, LABEL_SIZE));
  items.push(textItem(creditText, right, y, LABEL_SIZE, { ink: 'muted', anchor: 'end' }));
  return items;
}

/** The first and last dates of a phase, each as precise as its statement ("2012", "Sep 2023 – 23 Oct 2023"). */
function phaseSpan(phase: Phase): [string, string | null] {
  const finest = (iso: string) =>
    phase.points.filter((p) => p.iso === iso).sort((a, b) => GRANULARITY_RANK[a.granularity] - GRANULARITY_RANK[b.granularity])[0];
  const [first, last] = [finest(phase.start), finest(phase.end)];
  const start = first ? pictureDate(first.iso, first.granularity) : '';
  const end = last ? pictureDate(last.iso, last.granularity) : '';
  return [start, phase.start === phase.end || end === start ? null : end];
}

/**
 * The header band's text: the phase's dates and what it holds. A deal is named by its month only: its date is the
 * first date its passages give (often a week, a month or a publication date), not the day it was agreed.
 */
function phaseHeading(phase: Phase, index: number, count: number): string {
  const [start, end] = phaseSpan(phase);
  const deal = phase.deal
    ? ` · deal agreed ${pictureDate(phase.deal.agreed, 'month', false)}${phase.deal.status === 'agreed' ? '' : `, ${phase.deal.status}`}`
    : '';
  const names = phase.names.length > 0 ? ` · ${phase.names.join(', ')}` : '';
  return drawable(`${count > 1 ? `${index + 1}. ` : ''}${start}${end ? ` – ${end}` : ''}${deal}${names}`);
}

/** Right-to-left words (Arabic) kept in one isolate, so a "…" cut stays at their end, on the left. */
function isolateRtl(text: string): string {
  const firstStrong = /[\p{L}]/u.exec(text)?.[0] ?? '';
  return /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(firstStrong) ? `\u2067${text}\u2069` : text;
}

/**
 * The whole picture laid out.
 *
 * @example
 * layoutTimeline('Timeline of the talks', phases, conflicts).height // → about 1,900 for the bundled corpus
 */
export function layoutTimeline(
  title: string,
  phases: readonly Phase[],
  conflicts: readonly DateConflict[],
  options: LayoutOptions = {},
): TimelineLayout {
  const width = options.width ?? DEFAULT_WIDTH;
  const right = width - MARGIN;
  const axisX = MARGIN + 200;
  const labelX = axisX + 40;
  const total = phases.reduce((n, p) => n + p.points.length, 0);
  const layout: TimelineLayout = {
    width,
    height: 0,
    texts: [],
    labels: [],
    marks: [],
    leaders: [],
    axes: [],
    brackets: [],
    bands: [],
    shown: 0,
    total,
  };
  let y = MARGIN + TITLE_SIZE;
  layout.texts.push(textItem(fitText(drawable(title), right - MARGIN, TITLE_SIZE, true), MARGIN, y, TITLE_SIZE, { bold: true }));
  const sources = new Set(phases.flatMap((p) => p.points.map((q) => q.sourceId))).size;
  y += 40;
  const summary = `${total} dated statement${total === 1 ? '' : 's'} from ${sources} source${sources === 1 ? '' : 's'}, in ${phases.length} phase${phases.length === 1 ? '' : 's'}`;
  layout.texts.push(textItem(summary, MARGIN, y, LABEL_SIZE, { ink: 'muted' }));
  y += 44;
  // the legend: a stated date, a worked-out one, a period, a disagreement
  const legend: Array<[string, () => void]> = [
    ['date in the text', () => layout.marks.push({ x: 0, y: 0, inferred: false, labelled: true })],
    ['date worked out (weekday, “last month”)', () => layout.marks.push({ x: 0, y: 0, inferred: true, labelled: true })],
    ['sources disagree', () => undefined],
  ];
  let x = MARGIN + 10;
  for (const [text, addMark] of legend) {
    addMark();
    const mark = layout.marks[layout.marks.length - 1];
    if (text === 'sources disagree')
      layout.brackets.push(
        { x1: x, y1: y - 20, x2: x, y2: y + 4 },
        { x1: x, y1: y - 20, x2: x + 8, y2: y - 20 },
        { x1: x, y1: y + 4, x2: x + 8, y2: y + 4 },
      );
    else if (mark) Object.assign(mark, { x, y: y - 8 });
    const item = textItem(text, x + 18, y, LABEL_SIZE, { ink: 'muted' });
    layout.texts.push(item);
    x = item.box.x + item.box.width + 34;
  }
  y += 26;

  const rows = labelRows(
    phases.map((p) => p.points.length),
    options.maxLabels ?? MAX_LABEL_ROWS,
  );
  const markY = new Map<PicturePoint, number>();
  for (const [i, phase] of phases.entries()) {
    y += 14;
    const band = { x: MARGIN - 16, y, width: width - 2 * MARGIN + 32, height: BAND };
    layout.bands.push(band);
    const labelled = pointsToLabel(phase.points, rows[i] ?? 1);
    const count =
      labelled.length < phase.points.length
        ? `${phase.points.length} statements, ${labelled.length} labelled`
        : `${phase.points.length} statement${phase.points.length === 1 ? '' : 's'}`;
    const countItem = textItem(count, right, y + 34, LABEL_SIZE, { ink: 'muted', anchor: 'end' });
    const heading = fitText(phaseHeading(phase, i, phases.length), countItem.box.x - MARGIN - 24, HEADER_SIZE, true);
    layout.texts.push(textItem(heading, MARGIN, y + 34, HEADER_SIZE, { bold: true }), countItem);
    y += BAND + GAP_AFTER_SEGMENT - 6;

    const height = Math.max(MIN_SEGMENT, labelled.length * ROW + 2 * SEGMENT_PAD);
    const [top, bottom] = [y + SEGMENT_PAD, y + height - SEGMENT_PAD];
    const at = axisPosition(phase, top, bottom);
    layout.axes.push({ x1: axisX, y1: y, x2: axisX, y2: y + height });
    const [startText, endText] = phaseSpan(phase).map((t) =>
      t === null ? null : fitText(t.replace(/^week of /, ''), axisX - 46 - MARGIN + 16, LABEL_SIZE),
    );
    layout.texts.push(textItem(startText ?? '', axisX - 46, top + 8, LABEL_SIZE, { ink: 'muted', anchor: 'end' }));
    if (endText && height >= 3 * ROW)
      layout.texts.push(textItem(endText, axisX - 46, bottom + 8, LABEL_SIZE, { ink: 'muted', anchor: 'end' }));
    const isLabelled = new Set(labelled);
    for (const p of phase.points) {
      const my = at(p.iso);
      markY.set(p, my);
      const periodEnd = periodEndOf(p);
      const mark: Mark = { x: axisX, y: my, inferred: p.inferred, labelled: isLabelled.has(p) };
      if (periodEnd) mark.period = { y1: my, y2: Math.min(bottom, Math.max(my + 10, at(periodEnd))) };
      layout.marks.push(mark);
    }
    labelled.forEach((p, k) => {
      const rowY = top + (k + 0.5) * ((bottom - top) / labelled.length);
      const baseline = rowY + 8;
      const items = labelTexts(p, labelX, baseline, right);
      layout.texts.push(...items);
      const first = items[0]?.box;
      const last = items[items.length - 1]?.box;
      if (first && last) layout.labels.push({ x: first.x, y: first.y, width: last.x + last.width - first.x, height: first.height });
      layout.leaders.push({ x1: axisX + 9, y1: markY.get(p) ?? rowY, x2: labelX - 8, y2: rowY });
    });
    layout.shown += labelled.length;
    y += height;
  }
  // brackets between the two dates of one event, left of the axis, side by side when they overlap
  const lanes: number[] = [];
  for (const c of conflicts) {
    const [y1, y2] = [markY.get(c.earlier), markY.get(c.later)];
    if (y1 === undefined || y2 === undefined) continue;
    const [a, b] = [Math.min(y1, y2) - 4, Math.max(y1, y2) + 4];
    let lane = lanes.findIndex((end) => end < a - 6);
    if (lane < 0) lane = lanes.push(b) - 1;
    else lanes[lane] = b;
    const bx = axisX - 22 - lane * 12;
    layout.brackets.push(
      { x1: bx, y1: a, x2: bx, y2: b },
      { x1: bx, y1: a, x2: axisX - 10, y2: a },
      { x1: bx, y1: b, x2: axisX - 10, y2: b },
    );
  }
  y += 20;
  const left = total - layout.shown;
  if (left > 0) {
    const note = `Left out: ${left} of ${total} statements have a mark but no label (to keep labels apart, the clearest date of each day is labelled first, spread over each phase).`;
    for (const line of wrapText(note, right - MARGIN, LABEL_SIZE)) {
      y += 30;
      layout.texts.push(textItem(line, MARGIN, y, LABEL_SIZE, { ink: 'muted' }));
    }
  }
  layout.height = Math.ceil(y + MARGIN);
  return layout;
}
