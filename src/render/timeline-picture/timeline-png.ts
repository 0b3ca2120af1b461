/**
 * SVG to PNG with resvg (@resvg/resvg-js: a maintained Rust renderer shipped as prebuilt binaries, no system
 * libraries), with only the shipped fonts loaded and system fonts off, so a fresh machine renders the same pixels.
 * resvg shapes Arabic and lays it right to left.
 */
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { fontFiles } from './picture-fonts.ts';

const renderOptions = (): ResvgRenderOptions => ({
  font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
  fitTo: { mode: 'original' },
  shapeRendering: 2,
  textRendering: 1,
  logLevel: 'off',
});

/**
 * A PNG of an SVG document, at the SVG's own size.
 *
 * @example
 * svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>').subarray(1, 4).toString() // → 'PNG'
 */
export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, renderOptions()).render().asPng();
}

/**
 * The same PNG, drawn on libuv's thread pool: a bot answering others meanwhile keeps its event loop free (drawing
 * takes tens to hundreds of milliseconds, which would hold up every interaction behind it).
 *
 * @example
 * (await svgToPngAsync(svg)).equals(svgToPng(svg)) // → true
 */
export async function svgToPngAsync(svg: string): Promise<Buffer> {
  return (await renderAsync(svg, renderOptions())).asPng();
}
