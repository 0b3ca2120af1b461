/**
 * Lines wrapped to a terminal's width at spaces, never inside a word, each wrapped line starting with the indent its
 * block keeps (a quote's "   > "), so a quote read in an 80-column terminal stays a quote from edge to edge. A word
 * longer than the width (a link) stands alone on its line rather than being broken. Width is counted in what the
 * terminal shows: ANSI styling (bold) takes no room.
 *
 * @example
 * wrapLine('   > Talks resumed last Friday in Doha', 20, '   > ')
 * // → ['   > Talks resumed', '   > last Friday in', '   > Doha']
 */

// the ESC of an ANSI sequence, written as a string so the pattern holds no control character itself
const STYLING = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** How many columns a line takes in a terminal: its characters, less any ANSI styling. */
export function visibleLength(text: string): number {
  return [...text.replace(STYLING, '')].length;
}

/**
 * One line, wrapped: the first part keeps the line's own start, every following part starts with `indent`. A line
 * that fits is returned as it is; with no width (output piped to a file), nothing is wrapped.
 */
export function wrapLine(line: string, width: number | undefined, indent = ''): string[] {
  if (width === undefined || width <= 0 || visibleLength(line) <= width) return [line];
  const lead = /^ */.exec(line)?.[0] ?? '';
  const words = line.slice(lead.length).split(/ +/);
  const out: string[] = [];
  let current = lead;
  let empty = true;
  for (const word of words) {
    if (word === '') continue;
    if (!empty && visibleLength(`${current} ${word}`) > width) {
      out.push(current);
      current = `${indent}${word}`;
      continue;
    }
    current = empty ? `${current}${word}` : `${current} ${word}`;
    empty = false;
  }
  out.push(current);
  return out;
}
