/**
 * The timeline picture of the bundled corpus as a reader sees it: its SVG's labels say the right things (dates,
 * words, outlets, phases, the legend), inferred dates are drawn hollow and dashed, the disagreement about the
 * Raanans' release is bracketed; the PNG is valid, 1,400 px wide, and looks like the reviewed golden image (pixel
 * difference within a tolerance, not byte equality). Arabic is shaped, right to left, never boxes.
 *
 * Every PNG made here is written to `<tmpdir>/talks-bot-test-output/timeline/` to be looked at. When the picture is
 * changed on purpose, look at the new images there, then regenerate the golden images with
 *   UPDATE_GOLDEN=1 npx vitest run test/render/timeline-picture/timeline-picture.test.ts
 * and commit them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import pngjs from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerTimeline } from '../../../src/answers/timeline.ts';
import { answerWhen } from '../../../src/answers/when.ts';
import { answerPicture } from '../../../src/interactions/quote-replies/picture-attachment.ts';
import { buildKnowledge } from '../../../src/knowledge/knowledge.ts';
import { pictureDataOf, timelinePictureData } from '../../../src/answers/picture/picture-data.ts';
import { renderPicturePng, renderTimelinePng, renderTimelineSvg } from '../../../src/render/timeline-picture/index.ts';
import { layoutTimeline } from '../../../src/render/timeline-picture/layout.ts';
import { groupPhases } from '../../../src/answers/picture/phases.ts';
import { timelineSvg } from '../../../src/render/timeline-picture/timeline-svg.ts';
import { svgToPng } from '../../../src/render/timeline-picture/timeline-png.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import { syntheticPoints } from '../../answers/picture/synthetic-points.ts';

const OUTPUT = join(tmpdir(), 'talks-bot-test-output', 'timeline');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** The texts of an SVG, unescaped, in document order. */
function svgTexts(svg: string): string[] {
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>|<g aria-label="([^"]*)"/g)].map((m) => unescape(m[1] ?? m[2] ?? ''));
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The share of pixels that differ visibly between a PNG and the golden PNG of that name (written first if asked). */
function differenceFromGolden(png: Buffer, name: string): number {
  const golden = join(import.meta.dirname, name);
  if (UPDATE || !existsSync(golden)) {
    if (!UPDATE) throw new Error(`${golden} is missing: run with UPDATE_GOLDEN=1 after looking at ${join(OUTPUT, name)}`);
    writeFileSync(golden, png);
  }
  const [actual, expected] = [pngjs.PNG.sync.read(png), pngjs.PNG.sync.read(readFileSync(golden))];
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  const diff = new pngjs.PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
  if (differing > 0) writeFileSync(join(OUTPUT, `diff-${name}`), pngjs.PNG.sync.write(diff));
  return differing / (actual.width * actual.height);
}

beforeAll(() => {
  mkdirSync(OUTPUT, { recursive: true });
  console.log(`timeline pictures written to ${OUTPUT}`);
});

describe('the timeline picture of the bundled corpus', () => {
  const knowledge = bundledKnowledge();
  const svg = renderTimelineSvg(knowledge);
  const texts = svgTexts(svg);

  it('labels each point with its date, a few of its words and its outlet', () => {
    expect(texts).toContain('22 Nov 2023');
    expect(texts).toContain('Biden had had enough');
    expect(texts).toContain('The Associated Press');
    expect(texts).toContain('via The New York Times');
    // a date only a week or a month precise says so
    expect(texts).toContain('week of 20 Nov 2023');
    expect(texts).toContain('Mar 2024');
  });

  it('groups the points into the phases the data shows, each with its dates and deal', () => {
    expect(texts.filter((t) => /^\d\. /.test(t))).toEqual([
      '1. 2012',
      // no deal in October 2023 ("Hamas seemingly agreed to the parameters of a deal" is not one), and named by people
      '2. Sep 2023 – 23 Oct 2023 · Judith and Natalie Raanan, Blinken',
      '3. 10 Nov 2023 – 24 Nov 2023 · deal agreed Nov · Biden, Netanyahu',
      '4. Mar 2024 – week of 25 Mar 2024 · Blinken',
    ]);
    expect(texts).toContain('42 dated statements from 5 sources, in 4 phases');
  });

  it('draws worked-out dates hollow and dashed, explained in the legend', () => {
    expect(texts).toContain('date in the text');
    expect(texts).toContain('date worked out (weekday, “last month”)');
    expect(texts).toContain('sources disagree');
    const inferred = timelinePictureData(knowledge).points.filter((p) => p.inferred).length;
    // one more for the legend's sample
    expect(svg.match(/<circle [^>]*stroke-dasharray/g)?.length).toBe(inferred + 1);
  });

  it('brackets the two days sources give for the Raanans’ release (20 and 23 October 2023)', () => {
    const { conflicts } = timelinePictureData(knowledge);
    expect(conflicts.map((c) => [c.earlier.iso, c.later.iso])).toEqual([['2023-10-20', '2023-10-23']]);
    expect(conflicts[0]?.later.words).toMatch(/release of two American citizens/);
    // three strokes for the legend's bracket, three for this one
    expect(svg.match(/stroke="#c2410c"/g)?.length).toBe(6);
  });

  it('says how many statements it left unlabelled', () => {
    expect(texts.join(' ')).toMatch(/Left out: 6 of 42 statements have a mark but no label/);
  });

  it('is a valid PNG, 1,400 px wide, that looks like the reviewed golden image', () => {
    const png = renderTimelinePng(knowledge);
    writeFileSync(join(OUTPUT, 'bundled-corpus.png'), png);
    const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
    expect(pngSize(png)).toEqual({ width: 1400, height });
    expect(differenceFromGolden(png, 'golden-bundled-corpus.png')).toBeLessThan(0.002);
  });

  it('gives the glyph outlines resvg is handed the same pixels as resvg’s own text (kerning aside)', () => {
    // words without kerning pairs, accents built from two glyphs, digits, bold and regular
    const line = 'Hamas in Doha, 1,200 held; Qatari mediation — Éé ñ';
    const point = {
      iso: '2023-11-22',
      granularity: 'day',
      inferred: false,
      words: line,
      near: line,
      outlet: 'Reuters',
      passageId: 'x#1',
      sourceId: 'x',
      copies: 0,
      people: [],
    } as const;
    const svgOf = (mode: 'text' | 'paths') => timelineSvg(layoutTimeline(line, groupPhases([point]), []), mode);
    const [a, b] = [pngjs.PNG.sync.read(svgToPng(svgOf('text'))), pngjs.PNG.sync.read(svgToPng(svgOf('paths')))];
    writeFileSync(join(OUTPUT, 'glyph-outlines-as-paths.png'), svgToPng(svgOf('paths')));
    const differing = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 });
    // resvg kerns its text ("Nov", "fr"), the outlines are placed by advance widths alone: a few glyphs move a pixel
    expect(differing / (a.width * a.height)).toBeLessThan(0.003);
  });
});

describe('Arabic in labels', () => {
  const knowledge = bundledKnowledge();

  it('keeps the Arabic words of the Al-Qassam post, in one right-to-left run', () => {
    const texts = svgTexts(renderTimelineSvg(knowledge, {}, 'paths'));
    const arabic = texts.find((t) => /\p{Script=Arabic}/u.test(t));
    expect(arabic).toMatch(/^\u2067عاجل \| الناطق باسم كتائب القسام/);
    expect(arabic?.endsWith('…\u2069')).toBe(true);
  });

  it('is shaped and laid right to left, as in the reviewed golden image, never as boxes', () => {
    const point = timelinePictureData(knowledge).points.find((p) => /\p{Script=Arabic}/u.test(p.words));
    expect(point).toBeDefined();
    if (!point) return;
    const png = svgToPng(timelineSvg(layoutTimeline('Arabic label', groupPhases([point]), [], { width: 1400 }), 'paths'));
    writeFileSync(join(OUTPUT, 'arabic-label.png'), png);
    expect(differenceFromGolden(png, 'golden-arabic-label.png')).toBeLessThan(0.002);
  });

  it('leaves out what no shipped font draws (symbols, emoji) instead of drawing boxes', () => {
    const [point] = syntheticPoints(1);
    if (!point) return;
    const svg = timelineSvg(
      layoutTimeline('Deal ✓ 🎉', groupPhases([{ ...point, words: 'Talks resumed ✓ in Doha 🎉', outlet: 'Reuters ★' }]), []),
    );
    const texts = svgTexts(svg);
    expect(texts).toContain('Deal');
    expect(texts).toContain('Talks resumed in Doha');
    expect(texts).toContain('Reuters');
  });
});

describe('pictures of synthetic timelines, to look at', () => {
  it.each([1, 5, 50, 500])('%i statements: a valid PNG of the layout’s size', (count) => {
    const knowledge = bundledKnowledge();
    const points = syntheticPoints(count);
    const png = renderPicturePng(pictureDataOf(knowledge, `${count} synthetic statements`, points, []));
    writeFileSync(join(OUTPUT, `synthetic-${count}.png`), png);
    expect(pngSize(png).width).toBe(1400);
  });

  it('/when across several dates: the picture of those dates, the disagreement bracketed', async () => {
    const knowledge = bundledKnowledge();
    const answer = answerWhen(knowledge, 'Raanan release');
    const picture = await answerPicture(knowledge, answer);
    writeFileSync(join(OUTPUT, 'when-raanan-release.png'), picture.data);
    expect(picture.name).toBe('timeline.png');
    expect(pngSize(picture.data).width).toBe(1400);
    // drawn off the event loop, the same pixels as the console's picture
    expect((await answerPicture(knowledge, answerTimeline(knowledge))).data.equals(renderTimelinePng(knowledge))).toBe(true);
  });

  it('brackets what the answer says sources disagree on, whatever its notes say in words', async () => {
    const knowledge = bundledKnowledge();
    const answer = answerWhen(knowledge, 'Raanan release');
    expect(answer.disagreements?.length).toBeGreaterThan(0);
    const drawn = await answerPicture(knowledge, answer);
    // the notes are for reading: reworded or dropped, the picture is the same
    const reworded = await answerPicture(buildKnowledge(knowledge.corpus), { ...answer, notes: ['Les sources divergent.'] });
    expect(reworded.data.equals(drawn.data)).toBe(true);
    // without the disagreement as data, nothing is bracketed: a different picture
    const unbracketed = await answerPicture(buildKnowledge(knowledge.corpus), { ...answer, disagreements: undefined });
    expect(unbracketed.data.equals(drawn.data)).toBe(false);
  });

  it('draws the picture of an answer asked again only once per corpus', async () => {
    const knowledge = bundledKnowledge();
    const first = await answerPicture(knowledge, answerWhen(knowledge, 'Raanan release'));
    expect((await answerPicture(knowledge, answerWhen(knowledge, 'Raanan release'))).data).toBe(first.data);
    expect((await answerPicture(knowledge, answerTimeline(knowledge))).data).not.toBe(first.data);
    // another knowledge base (a corpus change) draws afresh
    const other = buildKnowledge(knowledge.corpus);
    expect((await answerPicture(other, answerWhen(other, 'Raanan release'))).data).not.toBe(first.data);
  });
});
