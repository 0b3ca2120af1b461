/**
 * Passages: the quotable units of the corpus. Each stays inside one paragraph, holds one to three whole sentences and
 * fits in one Discord embed field with room to spare, and has an id (`<source id>#<n>`) that is the same on every
 * run while the source text is unchanged.
 */
import type { Source } from '../corpus/source-schema.ts';
import { type Sentence, splitSentences } from '../text/sentences.ts';

export interface Passage {
  id: string;
  sourceId: string;
  /** 1-based position in the source. */
  n: number;
  paragraph: number;
  text: string;
  sentences: Sentence[];
}

/**
 * Passage ids in reading order, numbers compared as numbers: the tie-break every ordered list of passages uses.
 *
 * @example
 * comparePassageIds('ap#9', 'ap#10') // → negative
 */
export const comparePassageIds = new Intl.Collator('en', { numeric: true }).compare;

export const PASSAGE_MAX_SENTENCES = 3;
/** Well under Discord's 1,024-character field value, to leave room for quotation marks and an ellipsis. */
export const PASSAGE_TARGET_CHARS = 480;

/** True for a paragraph that is a heading ("Captured soldiers"): no sentence punctuation, a handful of words. */
export function isHeading(paragraph: string): boolean {
  return !/[.!?…:"”]$/.test(paragraph.trim()) && paragraph.split(/\s+/).length <= 8;
}

/** Groups a paragraph's sentences into windows of 1–3 sentences and at most PASSAGE_TARGET_CHARS where possible. */
export function groupSentences(sentences: readonly Sentence[]): Sentence[][] {
  const groups: Sentence[][] = [];
  let current: Sentence[] = [];
  const length = (g: Sentence[]) => (g.length === 0 ? 0 : (g[g.length - 1]?.end ?? 0) - (g[0]?.start ?? 0));
  for (const s of sentences) {
    const next = [...current, s];
    if (current.length > 0 && (next.length > PASSAGE_MAX_SENTENCES || length(next) > PASSAGE_TARGET_CHARS)) {
      groups.push(current);
      current = [s];
    } else current = next;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * @example
 * splitIntoPassages(source)[0].id // → 'ap-how-the-hostage-deal-came-about#1'
 */
export function splitIntoPassages(source: Source): Passage[] {
  const passages: Passage[] = [];
  source.paragraphs.forEach((paragraph, p) => {
    if (isHeading(paragraph)) return;
    for (const group of groupSentences(splitSentences(paragraph))) {
      const start = group[0]?.start ?? 0;
      const end = group[group.length - 1]?.end ?? 0;
      const n = passages.length + 1;
      passages.push({
        id: `${source.id}#${n}`,
        sourceId: source.id,
        n,
        paragraph: p + 1,
        text: paragraph.slice(start, end),
        sentences: group.map((s) => ({ text: s.text, start: s.start - start, end: s.end - start })),
      });
    }
  });
  return passages;
}
