/** How `clipAtWord` cuts, where a caller's limit is not a plain one. */
export interface ClipOptions {
  /**
   * A cut at a space must keep more than this many characters; when the last space comes earlier, the text is cut at
   * the limit, mid-word, so that a label is not reduced to its first word or two. Default 0: any space but a leading
   * one.
   */
  minKeep?: number;
  /**
   * `within` (the default): the result, "…" included, is at most `max` characters — for a hard limit such as
   * Discord's. `after`: up to `max` characters of the text are kept and "…" follows them — where `max` is a guide to
   * length, not a limit.
   */
  ellipsis?: 'within' | 'after';
  /** What is dropped from the end of the cut before "…" is added: `/[,;:]$/` makes "the deal,…" "the deal…". */
  dropTrailing?: RegExp;
}

/**
 * Text shortened to a limit at a word boundary, with "…" where it was cut. Every short label the bot shows — an
 * autocomplete choice (Discord allows 100 characters), a pasted question as a title, an untitled source's opening
 * words, an embed field — is cut the same way: a reader sees whole words and knows that more follows, and a label
 * never ends in half a word ("the hostage relea…") unless its words are too long to cut anywhere else.
 *
 * @example
 * clipAtWord('Israel’s war cabinet signed off on the deal', 25) // → 'Israel’s war cabinet…'
 * clipAtWord('Israel’s war cabinet signed off on the deal', 25, { minKeep: 21 }) // → 'Israel’s war cabinet sig…'
 */
export function clipAtWord(text: string, max: number, { minKeep = 0, ellipsis = 'within', dropTrailing }: ClipOptions = {}): string {
  if (text.length <= max) return text;
  const room = text.slice(0, Math.max(0, ellipsis === 'within' ? max - 1 : max));
  const space = room.lastIndexOf(' ');
  const kept = space > minKeep ? room.slice(0, space) : room;
  return `${dropTrailing ? kept.replace(dropTrailing, '') : kept}…`;
}
