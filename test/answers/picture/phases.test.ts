/**
 * The phases of the picture come from the data: a long silence starts a new phase, the run-up to a deal is cut from
 * the story before it at its widest silence, too many phases are merged across their shortest gaps, and each phase
 * is named by the names its sentences use most.
 */
import { describe, expect, it } from 'vitest';
import { dealsOf } from '../../../src/deals/deals.ts';
import { groupPhases, MAX_PHASES } from '../../../src/answers/picture/phases.ts';
import { timelinePictureData } from '../../../src/answers/picture/picture-data.ts';
import type { PicturePoint } from '../../../src/answers/picture/picture-point.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import { syntheticPoints } from './synthetic-points.ts';

const point = (iso: string, words = 'Talks went on', people: string[] = []): PicturePoint => ({
  iso,
  granularity: 'day',
  inferred: false,
  words,
  near: words,
  outlet: 'Reuters',
  passageId: `${iso}#1`,
  sourceId: iso,
  copies: 0,
  people: people.map((name) => ({ id: name.toLowerCase().replace(/\W+/g, '-'), name })),
});
const spans = (phases: ReturnType<typeof groupPhases>) => phases.map((p) => `${p.start}…${p.end}`);

describe('phases', () => {
  it('start where the sources fall silent for more than a month', () => {
    const points = ['2024-01-01', '2024-01-03', '2024-01-10', '2024-03-01', '2024-03-02'].map((d) => point(d));
    expect(spans(groupPhases(points))).toEqual(['2024-01-01…2024-01-10', '2024-03-01…2024-03-02']);
  });

  it('cut the run-up to a deal from the story before it, at the widest silence of the month before', () => {
    const points = ['2024-05-01', '2024-05-03', '2024-05-05', '2024-05-20', '2024-05-22', '2024-05-25'].map((d) => point(d));
    expect(spans(groupPhases(points))).toEqual(['2024-05-01…2024-05-25']);
    const deal = { agreed: '2024-05-24', last: '2024-05-25', status: 'in force' as const };
    const phases = groupPhases(points, [deal]);
    expect(spans(phases)).toEqual(['2024-05-01…2024-05-05', '2024-05-20…2024-05-25']);
    expect(phases[1]?.deal).toEqual(deal);
    expect(phases[0]?.deal).toBeNull();
  });

  it(`are at most ${MAX_PHASES}, however long the story`, () => {
    const phases = groupPhases(syntheticPoints(500));
    expect(phases.length).toBe(MAX_PHASES);
    expect(phases.reduce((n, p) => n + p.points.length, 0)).toBe(500);
  });

  it('are named by the people their sentences name most and the other phases least, never by a place or a group', () => {
    const points = [
      point('2024-01-01', 'Talks with Blinken in Doha', ['Blinken']),
      point('2024-01-02', 'Then Antony Blinken flew to Cairo and met Hamas envoys', ['Antony Blinken']),
      point('2024-04-01', 'Then Burns met the mediators in Cairo', ['Burns']),
      point('2024-04-02', 'A new draft from Burns in Cairo, and Hamas replied', ['Burns']),
    ];
    // the same person by one id, named as shortly as a sentence names them; "Cairo" and "Hamas" are no one
    points[1] = { ...points[1]!, people: [{ id: 'blinken', name: 'Antony Blinken' }] };
    expect(groupPhases(points).map((p) => p.names)).toEqual([['Blinken'], ['Burns']]);
  });

  it('on the bundled corpus: the 2012 background, the Raanans’ release, the November 2023 truce, March 2024', () => {
    const knowledge = bundledKnowledge();
    const phases = groupPhases(timelinePictureData(knowledge).points, dealsOf(knowledge).deals);
    expect(spans(phases)).toEqual(['2012-01-01…2012-01-01', '2023-09-01…2023-10-23', '2023-11-10…2023-11-24', '2024-03-01…2024-03-25']);
    expect(phases[2]?.deal?.agreed).toBe('2023-11-20');
  });
});
