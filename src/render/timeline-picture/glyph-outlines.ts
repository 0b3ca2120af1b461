/**
 * Glyph outlines read from a TrueType font's `glyf` table, as SVG path commands in font units (y up). The picture
 * draws its Latin text as paths built from these, each glyph read once per process: resvg lays out and outlines
 * every glyph of every text element anew (about 0.1 ms a glyph on a busy machine, most of a picture's build time),
 * while a path costs it almost nothing. Text in scripts that need shaping (Arabic) stays text for resvg to shape.
 */

/** One contour point: on the curve, or a quadratic control point. */
interface Point {
  x: number;
  y: number;
  on: boolean;
}

/** A glyph's contours in font units. */
export type Contours = Point[][];

export interface GlyphTables {
  font: Buffer;
  loca: number;
  glyf: number;
  longOffsets: boolean;
}

/** Where glyph `id`'s data starts and ends in the font, or null for an empty glyph (a space). */
function glyphRange(t: GlyphTables, id: number): [number, number] | null {
  const [start, end] = t.longOffsets
    ? [t.font.readUInt32BE(t.loca + id * 4), t.font.readUInt32BE(t.loca + id * 4 + 4)]
    : [t.font.readUInt16BE(t.loca + id * 2) * 2, t.font.readUInt16BE(t.loca + id * 2 + 2) * 2];
  return end > start ? [t.glyf + start, t.glyf + end] : null;
}

function simpleGlyph(font: Buffer, at: number, contours: number): Contours {
  const ends = Array.from({ length: contours }, (_x, i) => font.readUInt16BE(at + 10 + i * 2));
  const count = (ends[ends.length - 1] ?? -1) + 1;
  let p = at + 10 + contours * 2;
  p += 2 + font.readUInt16BE(p);
  const flags: number[] = [];
  while (flags.length < count) {
    const flag = font.readUInt8(p++);
    flags.push(flag);
    if (flag & 8) for (let r = font.readUInt8(p++); r > 0; r--) flags.push(flag);
  }
  const coordinates = (short: number, same: number): number[] => {
    const values: number[] = [];
    let v = 0;
    for (const flag of flags) {
      if (flag & short) v += flag & same ? font.readUInt8(p++) : -font.readUInt8(p++);
      else if (!(flag & same)) {
        v += font.readInt16BE(p);
        p += 2;
      }
      values.push(v);
    }
    return values;
  };
  const xs = coordinates(2, 16);
  const ys = coordinates(4, 32);
  const out: Contours = [];
  let first = 0;
  for (const end of ends) {
    out.push(
      Array.from({ length: end - first + 1 }, (_x, i) => ({
        x: xs[first + i] ?? 0,
        y: ys[first + i] ?? 0,
        on: ((flags[first + i] ?? 0) & 1) === 1,
      })),
    );
    first = end + 1;
  }
  return out;
}

function compositeGlyph(t: GlyphTables, at: number, depth: number): Contours {
  const { font } = t;
  const out: Contours = [];
  let p = at + 10;
  for (;;) {
    const flags = font.readUInt16BE(p);
    const component = font.readUInt16BE(p + 2);
    p += 4;
    const words = (flags & 1) !== 0;
    const [dx, dy] = words ? [font.readInt16BE(p), font.readInt16BE(p + 2)] : [font.readInt8(p), font.readInt8(p + 1)];
    p += words ? 4 : 2;
    const f2dot14 = (q: number) => font.readInt16BE(q) / 16384;
    // the component's 2×2 transform: one scale, x and y scales, or a full matrix
    let [a, b, c, d] = [1, 0, 0, 1];
    if (flags & 8) [a, d, p] = [f2dot14(p), f2dot14(p), p + 2];
    else if (flags & 0x40) [a, d, p] = [f2dot14(p), f2dot14(p + 2), p + 4];
    else if (flags & 0x80) [a, b, c, d, p] = [f2dot14(p), f2dot14(p + 2), f2dot14(p + 4), f2dot14(p + 6), p + 8];
    // args as point numbers (flag 2 unset) are rare in Latin fonts; those components are placed unshifted
    const [ox, oy] = flags & 2 ? [dx, dy] : [0, 0];
    for (const contour of contoursOf(t, component, depth + 1))
      out.push(contour.map((pt) => ({ x: pt.x * a + pt.y * c + ox, y: pt.x * b + pt.y * d + oy, on: pt.on })));
    if (!(flags & 0x20)) break;
  }
  return out;
}

/**
 * The contours of glyph `id`.
 *
 * @example
 * contoursOf(tables, 36).length // → 2 for "A" (the outside and the counter)
 */
export function contoursOf(t: GlyphTables, id: number, depth = 0): Contours {
  const range = glyphRange(t, id);
  if (!range || depth > 8) return [];
  const contours = t.font.readInt16BE(range[0]);
  return contours >= 0 ? simpleGlyph(t.font, range[0], contours) : compositeGlyph(t, range[0], depth);
}

const num = (v: number) => (Math.round(v * 10) / 10).toString();

/**
 * The contours drawn at (x, y) at `scale` pixels per font unit, as SVG path commands: quadratic curves with the
 * on-curve points TrueType leaves implied between two control points.
 *
 * @example
 * pathOf(contoursOf(tables, 36), 100, 50, 0.0107) // → 'M100.2 50L103.1 42.5…Z'
 */
export function pathOf(contours: Contours, x: number, y: number, scale: number): string {
  const px = (pt: { x: number }) => num(x + pt.x * scale);
  const py = (pt: { y: number }) => num(y - pt.y * scale);
  let d = '';
  for (const contour of contours) {
    if (contour.length === 0) continue;
    const firstOn = contour.findIndex((pt) => pt.on);
    const [p0, p1] = [contour[0] as Point, contour[1] ?? (contour[0] as Point)];
    const start: { x: number; y: number } = firstOn >= 0 ? (contour[firstOn] as Point) : { x: (p0.x + p1.x) / 2, y: (p0.y + p1.y) / 2 };
    const from = firstOn >= 0 ? firstOn : 0;
    d += `M${px(start)} ${py(start)}`;
    let control: Point | null = null;
    for (let k = 1; k <= contour.length; k++) {
      const pt = contour[(from + k) % contour.length] as Point;
      if (pt.on) {
        d += control ? `Q${px(control)} ${py(control)} ${px(pt)} ${py(pt)}` : `L${px(pt)} ${py(pt)}`;
        control = null;
      } else {
        if (control) {
          const mid = { x: (control.x + pt.x) / 2, y: (control.y + pt.y) / 2 };
          d += `Q${px(control)} ${py(control)} ${px(mid)} ${py(mid)}`;
        }
        control = pt;
      }
    }
    if (control) d += `Q${px(control)} ${py(control)} ${px(start)} ${py(start)}`;
    d += 'Z';
  }
  return d;
}
