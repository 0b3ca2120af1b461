/**
 * The laid-out timeline as SVG text. The background is opaque and the colours dark on light, so the picture reads
 * the same in Discord's dark and light themes; every text names the shipped fonts, so the renderer never falls back
 * to a system font. Everything that comes from a source is escaped.
 */
import type { Ink, Mark, TimelineLayout } from './layout.ts';
import { FONT_FAMILY, glyphUses } from './picture-fonts.ts';

export const COLOURS = {
  background: '#fbfaf7',
  frame: '#c9c4b8',
  band: '#e8eef7',
  axis: '#7d8590',
  leader: '#b3bac3',
  ink: '#1f2328',
  muted: '#555d66',
  accent: '#1d4ed8',
  period: '#9db7ef',
  conflict: '#c2410c',
} as const;

const INK: Record<Ink, string> = { ink: COLOURS.ink, muted: COLOURS.muted, accent: COLOURS.accent, conflict: COLOURS.conflict };

/**
 * Text as SVG character data.
 *
 * @example
 * escapeXml('AT&T <b>') // → 'AT&amp;T &lt;b&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const n = (x: number) => (Math.round(x * 10) / 10).toString();

function markSvg(m: Mark): string {
  const parts: string[] = [];
  if (m.period)
    parts.push(
      `<rect x="${n(m.x - 4)}" y="${n(m.period.y1)}" width="8" height="${n(m.period.y2 - m.period.y1)}" rx="4" fill="${COLOURS.period}" opacity="${m.labelled ? 0.7 : 0.35}"/>`,
    );
  const r = m.labelled ? 8 : 5;
  const opacity = m.labelled ? 1 : 0.55;
  parts.push(
    m.inferred
      ? `<circle cx="${n(m.x)}" cy="${n(m.y)}" r="${r}" fill="${COLOURS.background}" stroke="${COLOURS.accent}" stroke-width="2.5" stroke-dasharray="3.5 2.5" opacity="${opacity}"/>`
      : `<circle cx="${n(m.x)}" cy="${n(m.y)}" r="${r}" fill="${COLOURS.accent}" opacity="${opacity}"/>`,
  );
  return parts.join('');
}

/**
 * How texts are written: as `<text>` (for a browser: selectable, accessible, small), or as glyph outlines with the
 * text in `aria-label` (for resvg, which then has no text to lay out: see glyph-outlines.ts). Text that needs
 * shaping stays `<text>` either way.
 */
export type TextMode = 'text' | 'paths';

/**
 * The SVG document of a laid-out timeline.
 *
 * @example
 * timelineSvg(layoutTimeline('Timeline of the talks', phases, conflicts)) // → '<svg xmlns="http://www.w3.org/2000/svg" width="1400" …'
 */
export function timelineSvg(layout: TimelineLayout, mode: TextMode = 'text'): string {
  const { width, height } = layout;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${COLOURS.background}"/>`,
    `<rect x="1.5" y="1.5" width="${width - 3}" height="${height - 3}" fill="none" stroke="${COLOURS.frame}" stroke-width="3"/>`,
  ];
  for (const b of layout.bands)
    out.push(`<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="8" fill="${COLOURS.band}"/>`);
  for (const a of layout.axes)
    out.push(`<line x1="${n(a.x1)}" y1="${n(a.y1)}" x2="${n(a.x2)}" y2="${n(a.y2)}" stroke="${COLOURS.axis}" stroke-width="3"/>`);
  for (const l of layout.leaders)
    out.push(`<line x1="${n(l.x1)}" y1="${n(l.y1)}" x2="${n(l.x2)}" y2="${n(l.y2)}" stroke="${COLOURS.leader}" stroke-width="1.5"/>`);
  for (const b of layout.brackets)
    out.push(
      `<line x1="${n(b.x1)}" y1="${n(b.y1)}" x2="${n(b.x2)}" y2="${n(b.y2)}" stroke="${COLOURS.conflict}" stroke-width="3" stroke-linecap="round"/>`,
    );
  // unlabelled marks under the labelled ones
  for (const m of [...layout.marks].sort((a, b) => Number(a.labelled) - Number(b.labelled))) out.push(markSvg(m));
  const glyphs = new Map<string, string>();
  for (const t of layout.texts) {
    const uses = mode === 'paths' ? glyphUses(t.text, t.box.x, t.y, t.size, t.bold, glyphs) : null;
    if (uses !== null) {
      out.push(`<g aria-label="${escapeXml(t.text)}" fill="${INK[t.ink]}">${uses}</g>`);
      continue;
    }
    const anchor = t.anchor === 'end' ? ' text-anchor="end"' : '';
    const weight = t.bold ? ' font-weight="700"' : '';
    out.push(
      `<text x="${n(t.x)}" y="${n(t.y)}" font-family="${FONT_FAMILY}" font-size="${t.size}"${weight}${anchor} fill="${INK[t.ink]}">${escapeXml(t.text)}</text>`,
    );
  }
  if (glyphs.size > 0) out.splice(1, 0, `<defs>${[...glyphs.values()].join('')}</defs>`);
  out.push('</svg>');
  return out.join('\n');
}
