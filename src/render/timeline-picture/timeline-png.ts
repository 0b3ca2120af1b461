/**
 * SVG to PNG with resvg (@resvg/resvg-js: a maintained Rust renderer shipped as prebuilt binaries, no system
 * libraries), with only the shipped fonts loaded and system fonts off, so a fresh machine renders the same pixels.
 * resvg shapes Arabic and lays it right to left.
 */
import { Resvg } from '@resvg/resvg-js';
import { fontFiles } from './picture-fonts.ts';

/**
 * A PNG of an SVG document, at the SVG's own size.
 *
 * @example
 * svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>').subarray(1, 4).toString() // → 'PNG'
 */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
    fitTo: { mode: 'original' },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  return resvg.render().asPng();
}
