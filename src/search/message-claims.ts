/**
 * A long text — a pasted message — read as its claims: each sentence (or clause, or a stretch of a run-on message) as
 * its content words, so the index can ask which passage states which claim instead of searching for every word at
 * once. Apart from the index, which weighs and matches them.
 */
import { isStopWord, stemTerm, tokenize } from './tokenize.ts';

export interface ClaimWord {
  word: string;
  stem: string;
  /** Written with a capital inside a sentence: a name. */
  name: boolean;
}

/** A run-on sentence (a message without full stops) is read in overlapping stretches of this many words. */
export const CLAIM_WINDOW = 12;

export function slide<T>(words: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < words.length; i += CLAIM_WINDOW / 2) {
    out.push(words.slice(i, i + CLAIM_WINDOW));
    if (i + CLAIM_WINDOW >= words.length) break;
  }
  return out;
}

/** The sentences of a text as their content words (a question or a line break ends a sentence too). */
export function claimsOf(text: string): ClaimWord[][] {
  return text
    .split(
      /(?<=[.!?…;])\s+|\n+|,\s+(?:but|and|so|because|though|although|while|whereas)\s+|\s+(?:but|because|although|though|whereas)\s+|\s[-–—]\s/i,
    )
    .map((sentence) =>
      sentence.split(/\s+/).flatMap((chunk, i) => {
        const name = i > 0 && /^\p{Lu}/u.test(chunk.replace(/^\P{L}+/u, ''));
        return tokenize(chunk)
          .filter((t) => !isStopWord(t) && !/^\d{1,2}$/.test(t))
          .map((word) => ({ word, stem: stemTerm(word), name }));
      }),
    )
    .filter((c) => c.length > 0);
}
