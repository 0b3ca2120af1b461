/**
 * A FAQ entry as an Answer: the moderators' short answer, then the passages it cites as attributed quotes, exactly
 * like every other answer. A citation whose passage no longer exists is reported, never shown as if it were there.
 */
import type { Answer, QuoteResult } from '../answers/answer.ts';
import { quoteOf } from '../answers/answer.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { FaqEntry } from './faq-entry.ts';

/** Citations of `entry` that the current corpus no longer has. */
export function missingCitations(knowledge: Knowledge, entry: FaqEntry): string[] {
  return entry.citations.filter((id) => !knowledge.passageById.has(id));
}

export function faqEntryAnswer(knowledge: Knowledge, entry: FaqEntry): Answer {
  const results: QuoteResult[] = entry.citations.flatMap((id) => {
    const p = knowledge.passageById.get(id);
    return p ? [quoteOf(p)] : [];
  });
  const missing = missingCitations(knowledge, entry);
  const notes = [
    ...(missing.length > 0
      ? [`Cited passage${missing.length > 1 ? 's' : ''} no longer in the corpus: ${missing.join(', ')}. A moderator should re-cite.`]
      : []),
    ...(entry.reviewBy && entry.reviewBy < new Date().toISOString().slice(0, 10)
      ? [`This entry was due for review on ${entry.reviewBy}.`]
      : []),
    `FAQ #${entry.id}, revision ${entry.revision}, last changed ${entry.updatedAt.slice(0, 10)}.`,
  ];
  return {
    command: 'faq',
    query: entry.question,
    title: entry.question,
    found: true,
    results,
    total: results.length,
    notes,
    suggestions: [],
    faq: { id: entry.id, answer: entry.answer },
  };
}
