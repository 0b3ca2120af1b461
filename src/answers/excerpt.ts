/**
 * Cuts a passage down to the sentences that matter, at sentence boundaries only, marking each cut with "…". What is
 * left is always the source's own characters.
 *
 * @example
 * excerpt(passage, [1]) // → '… McGurk would speak every morning with …'
 */
import type { Passage } from '../passages/passage.ts';

export function excerpt(passage: Passage, keep: readonly number[]): string {
  const indexes = [...new Set(keep)].filter((i) => i >= 0 && i < passage.sentences.length).sort((a, b) => a - b);
  if (indexes.length === 0 || indexes.length === passage.sentences.length) return passage.text;
  let out = indexes[0] === 0 ? '' : '… ';
  indexes.forEach((i, k) => {
    const s = passage.sentences[i];
    if (!s) return;
    if (k > 0) out += indexes[k - 1] === i - 1 ? ' ' : ' … ';
    out += s.text;
  });
  if (indexes[indexes.length - 1] !== passage.sentences.length - 1) out += ' …';
  return out;
}

/** Index of the sentence containing character `offset` of the passage. */
export function sentenceAt(passage: Passage, offset: number): number {
  const i = passage.sentences.findIndex((s) => offset >= s.start && offset < s.end);
  return i >= 0 ? i : passage.sentences.length - 1;
}
