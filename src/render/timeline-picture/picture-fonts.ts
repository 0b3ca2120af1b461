/**
 * The fonts the timeline picture is drawn with, shipped by npm packages so that every machine renders the same image:
 * Noto Sans (regular and bold) and Noto Sans Arabic (both SIL Open Font Licence, TrueType files in
 * @expo-google-fonts/*), which the renderer loads by file path with system fonts off. Their character maps and advance
 * widths are read here too, so the layout knows which characters can be drawn (anything else is left out, never
 * shown as a box) and how wide a label is before it is rendered.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Contours, contoursOf, type GlyphTables, pathOf } from './glyph-outlines.ts';

const require = createRequire(import.meta.url);

/** A TrueType face: which code points it draws and how far each advances, in units of the em. */
interface Face {
  family: string;
  bold: boolean;
  path: string;
  unitsPerEm: number;
  /** Code point → advance width. */
  advance: Map<number, number>;
  /** Code point → glyph id. */
  glyphs: Map<number, number>;
  tables: GlyphTables;
  outlines: Map<number, Contours>;
}

const FACE_FILES = [
  { family: 'Noto Sans', bold: false, file: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf' },
  { family: 'Noto Sans', bold: true, file: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf' },
  { family: 'Noto Sans Arabic', bold: false, file: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf' },
  { family: 'Noto Sans Arabic', bold: true, file: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf' },
] as const;

/** The font-family list every text element of the picture carries: Latin first, Arabic for what Latin lacks. */
export const FONT_FAMILY = "'Noto Sans', 'Noto Sans Arabic'";

/** The character map (format 4, or 12 when present) of a TrueType font: code point → glyph id. */
function readCmap(font: Buffer, offset: number): Map<number, number> {
  const map = new Map<number, number>();
  const count = font.readUInt16BE(offset + 2);
  const tables = Array.from({ length: count }, (_x, i) => ({
    format: font.readUInt16BE(offset + font.readUInt32BE(offset + 4 + i * 8 + 4)),
    at: offset + font.readUInt32BE(offset + 4 + i * 8 + 4),
  }));
  const full = tables.find((t) => t.format === 12);
  if (full) {
    const groups = font.readUInt32BE(full.at + 12);
    for (let g = 0; g < groups; g++) {
      const at = full.at + 16 + g * 12;
      const [start, end, glyph] = [font.readUInt32BE(at), font.readUInt32BE(at + 4), font.readUInt32BE(at + 8)];
      for (let c = start; c <= end; c++) map.set(c, glyph + c - start);
    }
    return map;
  }
  const basic = tables.find((t) => t.format === 4);
  if (!basic) return map;
  const segments = font.readUInt16BE(basic.at + 6) / 2;
  const ends = basic.at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const [end, start, delta, rangeOffset] = [
      font.readUInt16BE(ends + s * 2),
      font.readUInt16BE(starts + s * 2),
      font.readInt16BE(deltas + s * 2),
      font.readUInt16BE(rangeOffsets + s * 2),
    ];
    for (let c = start; c <= end && c !== 0xffff; c++) {
      const glyph = rangeOffset === 0 ? (c + delta) & 0xffff : font.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
      if (glyph !== 0) map.set(c, rangeOffset === 0 ? glyph : (glyph + delta) & 0xffff);
    }
  }
  return map;
}

function readFace(family: string, bold: boolean, path: string): Face {
  const font = readFileSync(path);
  const directory = new Map<string, number>();
  for (let i = 0; i < font.readUInt16BE(4); i++)
    directory.set(font.toString('latin1', 12 + i * 16, 16 + i * 16), font.readUInt32BE(12 + i * 16 + 8));
  const at = (tag: string) => {
    const offset = directory.get(tag);
    if (offset === undefined) throw new Error(`${path}: no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(at('head') + 18);
  const metrics = font.readUInt16BE(at('hhea') + 34);
  const hmtx = at('hmtx');
  const widthOf = (glyph: number) => font.readUInt16BE(hmtx + Math.min(glyph, metrics - 1) * 4);
  const advance = new Map<number, number>();
  const glyphs = readCmap(font, at('cmap'));
  for (const [code, glyph] of glyphs) advance.set(code, widthOf(glyph));
  const tables = { font, loca: at('loca'), glyf: at('glyf'), longOffsets: font.readInt16BE(at('head') + 50) === 1 };
  return { family, bold, path, unitsPerEm, advance, glyphs, tables, outlines: new Map() };
}

let faces: Face[] | null = null;

/** The shipped faces, read once per process. */
function loadedFaces(): Face[] {
  faces ??= FACE_FILES.map((f) => readFace(f.family, f.bold, require.resolve(f.file)));
  return faces;
}

/**
 * The font files the renderer loads.
 *
 * @example
 * fontFiles()[0] // → '/…/node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'
 */
export function fontFiles(): string[] {
  return loadedFaces().map((f) => f.path);
}

/** The face that draws a code point: the first in FONT_FAMILY order of this weight that has it. */
function faceFor(code: number, bold: boolean): Face | undefined {
  return loadedFaces().find((f) => f.bold === bold && f.advance.has(code));
}

/**
 * Whether one of the shipped fonts draws this character (a space or a letter, not a box).
 *
 * @example
 * canDraw('ع') // → true (Noto Sans Arabic); canDraw('✓') // → false
 */
export function canDraw(char: string): boolean {
  const code = char.codePointAt(0);
  return code !== undefined && faceFor(code, false) !== undefined;
}

/**
 * Text with every character no shipped font draws left out (emoji, symbols, scripts the picture has no font for),
 * spaces tidied: what is drawn is what the fonts have, never a box for a missing glyph.
 *
 * @example
 * drawable('Deal ✓ agreed 🎉') // → 'Deal agreed'
 */
export function drawable(text: string): string {
  return [...text.normalize('NFC')]
    .map((c) => (/\s/.test(c) ? ' ' : canDraw(c) ? c : ''))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * How wide a line of text is drawn at this size, from the fonts' advance widths (kerning only narrows it, and Arabic
 * joining forms are measured by their isolated forms, so this errs wide).
 *
 * @example
 * textWidth('Hamas', 22) // → about 68
 */
export function textWidth(text: string, size: number, bold = false): number {
  let width = 0;
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    const face = faceFor(code, bold) ?? faceFor(code, false);
    width += face ? ((face.advance.get(code) ?? 0) / face.unitsPerEm) * size : 0;
  }
  return width;
}

/** Scripts whose letters change shape with their neighbours, which only a shaping renderer draws right. */
const NEEDS_SHAPING = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/**
 * A line of text as glyphs placed with `<use>` (baseline at y), each glyph's outline added once to `defs` (id →
 * `<path>`); null for text that needs shaping (Arabic, Hebrew), which stays text for the renderer to shape.
 *
 * @example
 * const defs = new Map<string, string>();
 * glyphUses('Hamas', 40, 100, 22, false, defs) // → '<use href="#g0-43-22" x="40" y="100"/>…'; defs.size // → 4
 */
export function glyphUses(text: string, x: number, y: number, size: number, bold: boolean, defs: Map<string, string>): string | null {
  if (NEEDS_SHAPING.test(text)) return null;
  const all = loadedFaces();
  let pen = x;
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    const face = faceFor(code, bold) ?? faceFor(code, false);
    if (!face) continue;
    const glyph = face.glyphs.get(code) ?? 0;
    const scale = size / face.unitsPerEm;
    const id = `g${all.indexOf(face)}-${glyph}-${size}`;
    if (!defs.has(id)) {
      let outline = face.outlines.get(glyph);
      if (!outline) face.outlines.set(glyph, (outline = contoursOf(face.tables, glyph)));
      const d = pathOf(outline, 0, 0, scale);
      defs.set(id, d === '' ? '' : `<path id="${id}" d="${d}"/>`);
    }
    if (defs.get(id) !== '') out += `<use href="#${id}" x="${Math.round(pen * 10) / 10}" y="${Math.round(y * 10) / 10}"/>`;
    pen += (face.advance.get(code) ?? 0) * scale;
  }
  return out;
}
