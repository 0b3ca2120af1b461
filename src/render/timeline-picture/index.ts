/**
 * The timeline as a picture: the dated statements of the corpus on a time axis, grouped into phases, each point
 * labelled with a few words and its outlet, inferred dates hollow, conflicting dates bracketed. `/timeline` and
 * `/when` attach it on Discord, the console writes it to a file, and the web pages serve it.
 *
 * @example
 * writeFileSync('timeline.png', renderTimelinePng(knowledge));
 */
import { dealsOf } from '../../deals/deals.ts';
import type { Knowledge } from '../../knowledge/knowledge.ts';
import { knowledgeView } from '../../knowledge/knowledge-view.ts';
import { type LayoutOptions, layoutTimeline, type TimelineLayout } from './layout.ts';
import { groupPhases } from './phases.ts';
import { type PictureData, timelinePictureData } from './timeline-points.ts';
import { svgToPng, svgToPngAsync } from './timeline-png.ts';
import { type TextMode, timelineSvg } from './timeline-svg.ts';

export type { PictureData, PicturePoint, DateConflict } from './timeline-points.ts';
export { answerPictureData, timelinePictureData } from './timeline-points.ts';
export type { LayoutOptions, TimelineLayout } from './layout.ts';
export type { TextMode } from './timeline-svg.ts';

/** The file name the picture is attached under (the embed shows `attachment://timeline.png`). */
export const TIMELINE_PNG = 'timeline.png';

/**
 * The layout of any picture data, its phases cut with the knowledge base's deals.
 *
 * @example
 * pictureLayout(knowledge, timelinePictureData(knowledge)).labels.length // → 36 at most
 */
export function pictureLayout(knowledge: Knowledge, data: PictureData, options: LayoutOptions = {}): TimelineLayout {
  const phases = groupPhases(data.points, dealsOf(knowledge).deals);
  return layoutTimeline(data.title, phases, data.conflicts, options);
}

/**
 * The picture of some points (a `/when` answer's dates) as SVG.
 *
 * @example
 * renderPictureSvg(knowledge, answerPictureData(knowledge, 'When: Raanan release', results, [])) // → '<svg …'
 */
export function renderPictureSvg(knowledge: Knowledge, data: PictureData, options: LayoutOptions = {}, mode: TextMode = 'text'): string {
  return timelineSvg(pictureLayout(knowledge, data, options), mode);
}

/**
 * The picture of some points as PNG (its texts handed to resvg as glyph outlines).
 *
 * @example
 * renderPicturePng(knowledge, { title: 'When: Raanan release', points, conflicts }).readUInt32BE(16) // → 1400
 */
export function renderPicturePng(knowledge: Knowledge, data: PictureData, options: LayoutOptions = {}): Buffer {
  return svgToPng(renderPictureSvg(knowledge, data, options, 'paths'));
}

/**
 * `renderPicturePng` drawn off the event loop (`svgToPngAsync`); the layout is still worked out here.
 *
 * @example
 * await renderPicturePngAsync(knowledge, data) // → <PNG>, as renderPicturePng(knowledge, data)
 */
export function renderPicturePngAsync(knowledge: Knowledge, data: PictureData, options: LayoutOptions = {}): Promise<Buffer> {
  return svgToPngAsync(renderPictureSvg(knowledge, data, options, 'paths'));
}

/**
 * The whole timeline of the corpus as SVG.
 *
 * @example
 * renderTimelineSvg(knowledge).startsWith('<svg') // → true
 */
export function renderTimelineSvg(knowledge: Knowledge, options: LayoutOptions = {}, mode: TextMode = 'text'): string {
  return renderPictureSvg(knowledge, timelinePictureData(knowledge), options, mode);
}

/** The whole timeline's picture with the default options: a corpus change brings new dates, so it is drawn again. */
const TIMELINE_PICTURE = knowledgeView({
  name: 'timeline picture',
  compute: (knowledge) => renderPicturePng(knowledge, timelinePictureData(knowledge)),
  carry: null,
});

/**
 * The whole timeline of the corpus as PNG, made once per knowledge base with the default options (a corpus update
 * brings a new knowledge base, and so a new picture).
 *
 * @example
 * renderTimelinePng(knowledge).subarray(1, 4).toString() // → 'PNG'
 */
export function renderTimelinePng(knowledge: Knowledge, options?: LayoutOptions): Buffer {
  if (options) return renderPicturePng(knowledge, timelinePictureData(knowledge), options);
  return TIMELINE_PICTURE.of(knowledge);
}
