/**
 * Splits a page saved or copied as text into the units a reader sees: paragraphs, headings, menu entries, list
 * items. Blank lines separate blocks. Inside a block, a hard-wrapped paragraph (a lynx dump, "Save as text") is
 * joined back into one unit, while lines that were separate on the page (a menu, a byline above a date line) stay
 * separate: a line break is a wrap only when the next line's first word would not have fitted on the line.
 */
import { furnitureReason } from './furniture-lines.ts';

export interface TextUnit {
  /** The unit's text, its wrapped lines joined, bullet markers removed. */
  text: string;
  /** The index of the blank-line-separated block it belongs to. */
  block: number;
  /** True for a bulleted line ("* World", "• Share"), the shape of a menu or list entry. */
  bullet: boolean;
}

const BULLET = /^\s*(?:[*•◦▪]\s+)+/;
const NUMBERED = /^\s*\d{1,2}[.)]\s+\S/;

/** A line that is a button or link label by itself ("Share", "Copy link"): never the continuation of a wrapped line. */
function isWidgetLabel(line: string): boolean {
  const text = line.trim();
  return /^\p{Lu}/u.test(text) && text.split(/\s+/).length <= 3 && furnitureReason(text) !== null;
}

/**
 * Joins the wrapped lines of one paragraph, keeping a hyphen that ends a line ("Al-" + "Thani").
 *
 * @example
 * reflow(['  Sheikh Mohammed Al-', '  Thani spoke on', '  Monday.']) // → 'Sheikh Mohammed Al-Thani spoke on Monday.'
 */
export function reflow(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    out = out === '' ? line : /[A-Za-z]-$/.test(out) ? out + line : `${out} ${line}`;
  }
  return out;
}

/**
 * The width past which a line break is a wrap: Infinity when the text is not hard-wrapped (one line per paragraph),
 * else about the wrap width, read from the lines that are followed by another line of their block: wrapped lines of
 * prose cluster just under the width (60–120 columns), so a line plus the next line's first word exceeds it.
 *
 * @example
 * wrapThreshold([lynxDumpLines]) // → 75 (lines wrapped at about 77 columns)
 * wrapThreshold([['One long paragraph per line …', 'Another …']]) // → Infinity
 */
export function wrapThreshold(blocks: readonly (readonly string[])[]): number {
  const lengths: number[] = [];
  for (const lines of blocks) {
    for (const line of lines.slice(0, -1)) if (line.trim().length >= 30) lengths.push(line.trimEnd().length);
  }
  if (lengths.length < 6) return Infinity;
  lengths.sort((a, b) => a - b);
  const p90 = lengths[Math.floor(0.9 * (lengths.length - 1))] ?? 0;
  const cluster = lengths.filter((l) => l >= p90 - 16 && l <= p90);
  if (p90 < 60 || p90 > 120 || cluster.length < 0.6 * lengths.length) return Infinity;
  return p90 - 2;
}

/**
 * The units of a text, in order.
 *
 * @example
 * textUnits('Menu\nWorld\nPolitics\n\nQatar said on Monday that the talks\nwould resume.').map((u) => u.text)
 * // → ['Menu', 'World', 'Politics', 'Qatar said on Monday that the talks would resume.'] (when the text is wrapped)
 */
export function textUnits(text: string): TextUnit[] {
  const blocks = text
    .split(/\n[ \t]*\n/)
    .map((b) => b.split('\n').filter((l) => l.trim() !== ''))
    .filter((lines) => lines.length > 0);
  const width = wrapThreshold(blocks);
  const units: TextUnit[] = [];
  blocks.forEach((lines, block) => {
    let current: { lines: string[]; bullet: boolean } | null = null;
    let previous = '';
    const flush = () => {
      if (current) units.push({ text: reflow(current.lines), block, bullet: current.bullet });
    };
    for (const line of lines) {
      const bullet = BULLET.exec(line);
      const firstWord = line.trim().split(/\s+/)[0] ?? '';
      const wrapped =
        current !== null &&
        !bullet &&
        !NUMBERED.test(line) &&
        !isWidgetLabel(line) &&
        previous.trimEnd().length + 1 + firstWord.length > width;
      if (!wrapped) {
        flush();
        current = { lines: [], bullet: bullet !== null };
      }
      current?.lines.push(bullet ? line.slice(bullet[0].length) : line);
      previous = line;
    }
    flush();
  });
  return units.filter((u) => u.text !== '');
}
