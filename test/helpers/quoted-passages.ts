/**
 * Which passages a Discord answer quotes, read as a member would: each field's quote found in the corpus by its
 * words. The footer no longer lists passage ids (a member has no use for them), so tests that check a quote's
 * context link find the passage from what the field shows, independently of the links they check.
 */
import type { Knowledge } from '../../src/knowledge/knowledge.ts';

/** A quote field's words as the source has them: markdown escapes undone, the longest part of an excerpt. */
function quotedWords(value: string): string {
  const quote = value
    .split('\n')
    .filter((l) => l.startsWith('> '))
    .map((l) => l.slice(2))
    .join(' ');
  // an excerpt's parts are joined by "…": its longest part is the surest to find
  const parts = quote
    .replace(/\\(.)/g, '$1')
    .split('…')
    .map((part) => part.trim());
  return parts.reduce((a, b) => (b.length > a.length ? b : a), '').slice(0, 60);
}

/**
 * @example
 * quotedPassageIds(bundledKnowledge(), embed.fields) // → ['ap-how-the-hostage-deal-came-about#10', …]
 */
export function quotedPassageIds(knowledge: Knowledge, fields: ReadonlyArray<{ value?: string }>): string[] {
  return fields.map((f) => {
    const words = quotedWords(f.value ?? '');
    const found = knowledge.passages.filter((p) => words !== '' && p.text.replace(/\s+/g, ' ').includes(words));
    if (found.length !== 1) throw new Error(`the quote "${words}" is in ${found.length} passages, not one`);
    return found[0]!.id;
  });
}
