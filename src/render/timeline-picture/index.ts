/**
 * The timeline as a picture: the dated statements of the corpus on a time axis, grouped into phases, each point
 * labelled with a few words and its outlet, inferred dates hollow, conflicting dates bracketed. `/timeline` and
 * `/when` attach it on Discord, the console writes it to a file, and the web pages serve it.
 *
 * @example
 * writeFileSync('timeline.png', renderTimelinePng(knowledge));
 */
import type { Knowledge } from '../../knowledge/knowledge.ts';
import { knowledgeView } from '../../knowledge/knowledge-view.ts';
import { type LayoutOptions, layoutTimeline, type TimelineLayout } from './layout.ts';
import { type PictureData, timelinePictureData } from '../../answers/picture/picture-data.ts';
import { svgToPng, svgToPngAsync } from './timeline-png.ts';
import { type TextMode, timelineSvg } from './timeline-svg.ts';

export type { LayoutOptions, TimelineLayout } from './layout.ts';
export type { TextMode } from './timeline-svg.ts';

/** The file name the picture is attached under (the embed shows `attachment://timeline.png`). */
export const TIMELINE_PNG = 'timeline.png';

/**
 * The layout of any picture data: its points, phases and disagreements as src/answers/picture/ decided them.
 *
 * @example
 * pictureLayout(timelinePictureData(knowledge)).labels.length // → 36 at most
 */
export function pictureLayout(data: PictureData, options: LayoutOptions = {}): TimelineLayout {
  return layoutTimeline(data.title, data.phases, data.conflicts, options);
}

/**
 * The picture of some points (a `/when` answer's dates) as SVG.
 *
 * @example
 * renderPictureSvg(answerPictureData(knowledge, 'When: Raanan release', results, [])) // → '<svg …'
 */
export function renderPictureSvg(data: PictureData, options: LayoutOptions = {}, mode: TextMode = 'text'): string {
  return timelineSvg(pictureLayout(data, options), mode);
}

/**
 * The picture of some points as PNG (its texts handed to resvg as glyph outlines).
 *
 * @example
 * renderPicturePng({ title: 'When: Raanan release', points, conflicts }).readUInt32BE(16) // → 1400
 */
export function renderPicturePng(data: PictureData, options: LayoutOptions = {}): Buffer {
  return svgToPng(renderPictureSvg(data, options, 'paths'));
}

/**
 * `renderPicturePng` drawn off the event loop (`svgToPngAsync`); the layout is still worked out here.
 *
 * @example
 * await renderPicturePngAsync(data) // → <PNG>, as renderPicturePng(data)
 */
export function renderPicturePngAsync(data: PictureData, options: LayoutOptions = {}): Promise<Buffer> {
  return svgToPngAsync(renderPictureSvg(data, options, 'paths'));
}

/**
 * The whole timeline of the corpus as SVG.
 *
 * @example
 * renderTimelineSvg(knowledge).startsWith('<svg') // → true
 */
export function renderTimelineSvg(knowledge: Knowledge, options: LayoutOptions = {}, mode: TextMode = 'text'): string {
  return renderPictureSvg(timelinePictureData(knowledge), options, mode);
}

/** The whole timeline's picture with the default options: a corpus change brings new dates, so it is drawn again. */
const TIMELINE_PICTURE = knowledgeView({
  name: 'timeline picture',
  compute: (knowledge) => renderPicturePng(timelinePictureData(knowledge)),
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
  if (options) return renderPicturePng(timelinePictureData(knowledge), options);
  return TIMELINE_PICTURE.of(knowledge);
}
