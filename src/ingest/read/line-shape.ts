/**
 * The shape of a line of a page, as a reader judges it at a glance: is it a sentence, a short label (a menu entry,
 * a section name), a headline? Furniture and header rules look at these shapes, never at a first word alone.
 */

/**
 * Words in `text` (runs of letters or digits; "Israel-Gaza" and "2,000" count once).
 *
 * @example
 * wordCount('Israel-Gaza war') // → 2
 */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;
}

/**
 * True when `text` ends a sentence: with `.`, `!` or `?`, possibly followed by closing quotes or brackets.
 *
 * @example
 * endsSentence('He said it was “over.”') // → true
 * endsSentence('and that the mediators will') // → false
 */
export function endsSentence(text: string): boolean {
  return /[.!?]["'”’»)\]]*$/u.test(text.trim());
}

/**
 * True when `text` reads as article prose: it ends a sentence, has four words or more and is not shouted in capitals.
 *
 * @example
 * isProse('World leaders welcomed the proposal.') // → true
 * isProse('Most read')                            // → false
 */
export function isProse(text: string): boolean {
  return endsSentence(text) && wordCount(text) >= 4 && /\p{Ll}/u.test(text);
}

/**
 * True when `text` is a short label, the shape of a menu entry or section name: at most six words and 50
 * characters, and no sentence punctuation at the end.
 *
 * @example
 * isShortLabel('Business & Economy')                    // → true
 * isShortLabel('World leaders welcomed the proposal.')  // → false
 */
export function isShortLabel(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 50 && wordCount(t) <= 6 && !/[.!?:;,]["'”’)]*$/u.test(t);
}

/**
 * True when the letters of `text` are all capitals.
 *
 * @example
 * isAllCaps('LAKESIDE TRIBUNE') // → true
 */
export function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/**
 * Folds a line for comparing two copies of it: case, quotes, dashes and spacing aside.
 *
 * @example
 * foldLine('Qatar’s  “offer” — accepted') // → 'qatar\'s "offer" - accepted'
 */
export function foldLine(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
