/**
 * The picture's layout as a reader meets it: one event or five hundred, labels never overlap one another or any
 * other text, they stay inside the picture, the text is large enough to read at half size, leader lines do not
 * cross, every statement has its mark, and the picture says how many it left unlabelled.
 */
import { describe, expect, it } from 'vitest';
import { labelRows } from '../../../src/render/timeline-picture/label-choice.ts';
import {
  type Box,
  DEFAULT_WIDTH,
  LABEL_SIZE,
  layoutTimeline,
  MAX_LABEL_ROWS,
  type TimelineLayout,
} from '../../../src/render/timeline-picture/layout.ts';
import { groupPhases } from '../../../src/answers/picture/phases.ts';
import { conflictsAmong } from '../../../src/answers/picture/picture-data.ts';
import { syntheticPoints } from '../../answers/picture/synthetic-points.ts';

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function layoutOf(count: number): TimelineLayout {
  const points = syntheticPoints(count);
  return layoutTimeline(
    'Timeline of the talks',
    groupPhases(points, [{ agreed: points[Math.floor(count / 2)]?.iso ?? '2024-01-01', last: '2024-12-31', status: 'in force' }]),
    conflictsAmong(points),
  );
}

describe.each([1, 5, 50, 500])('the picture of %i statements', (count) => {
  const layout = layoutOf(count);

  it('has no two texts overlapping (labels, headings, dates, legend, notes)', () => {
    const boxes = layout.texts.map((t) => ({ text: t.text, box: t.box }));
    const clashes = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => overlaps(a.box, b.box))
        .map((b) => `${a.text} × ${b.text}`),
    );
    expect(clashes).toEqual([]);
  });

  it('has no two label boxes overlapping, each one row of the list', () => {
    const clashes = layout.labels.flatMap((a, i) => layout.labels.slice(i + 1).filter((b) => overlaps(a, b)));
    expect(clashes).toEqual([]);
    expect(layout.labels.length).toBe(layout.shown);
  });

  it('keeps every text inside the picture, at a size legible at 50 % zoom', () => {
    for (const t of layout.texts) {
      expect(t.box.x).toBeGreaterThanOrEqual(0);
      expect(t.box.x + t.box.width).toBeLessThanOrEqual(layout.width);
      expect(t.box.y + t.box.height).toBeLessThanOrEqual(layout.height);
      expect(t.size).toBeGreaterThanOrEqual(LABEL_SIZE);
    }
    expect(layout.width).toBe(DEFAULT_WIDTH);
  });

  it('draws a mark for every statement and labels at most the row budget', () => {
    // the legend's two sample marks are marks too
    expect(layout.marks.length).toBe(count + 2);
    expect(layout.total).toBe(count);
    expect(layout.shown).toBeLessThanOrEqual(MAX_LABEL_ROWS);
    expect(layout.shown).toBe(Math.min(count, MAX_LABEL_ROWS));
  });

  it('joins marks to labels with leader lines that never cross', () => {
    // leaders run left to right from the axis to the labels; within the picture they are in the order of both ends
    const leaders = [...layout.leaders].sort((a, b) => a.y2 - b.y2);
    for (let i = 1; i < leaders.length; i++) expect(leaders[i]?.y1 ?? 0).toBeGreaterThanOrEqual(leaders[i - 1]?.y1 ?? 0);
  });

  it('says on the picture how many statements have no label', () => {
    const note = layout.texts.map((t) => t.text).join(' ');
    if (count > MAX_LABEL_ROWS)
      expect(note).toContain(`Left out: ${count - MAX_LABEL_ROWS} of ${count} statements have a mark but no label`);
    else expect(note).not.toContain('Left out');
  });
});

describe('label rows', () => {
  it('gives every phase all its statements when they fit, else shares of the budget, at least one each', () => {
    expect(labelRows([3, 4], 36)).toEqual([3, 4]);
    const rows = labelRows([400, 90, 9, 1], 36);
    expect(rows.reduce((a, b) => a + b, 0)).toBe(36);
    expect(rows[3]).toBe(1);
    expect(rows[0]).toBeGreaterThan(rows[1] ?? 0);
  });

  it('keeps the picture of 500 statements about as tall as a phone scrolls comfortably', () => {
    const layout = layoutOf(500);
    expect(layout.height).toBeLessThanOrEqual(2600);
  });
});
