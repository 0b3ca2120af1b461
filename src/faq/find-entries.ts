/**
 * Finds FAQ entries for what a member typed: an entry number ("#12"), an exact question or alias, questions and
 * aliases containing the text, then the closest questions, aliases and answers (typos forgiven), best first.
 *
 * @example
 * findEntries(store.list(guild), 'who mediatd') // → [entry "Who mediated the talks?", …]
 */
import MiniSearch from 'minisearch';
import { isStopWord, stemTerm, tokenize } from '../search/tokenize.ts';
import { type FaqEntry, questionKey } from './faq-entry.ts';

export function findEntries(entries: readonly FaqEntry[], typed: string, limit = 25): FaqEntry[] {
  const text = typed.trim();
  if (text === '') return entries.slice(0, limit);
  const byNumber = /^#?(\d+)\b/.exec(text);
  const numbered = byNumber ? entries.filter((e) => e.id === Number(byNumber[1])) : [];
  const key = questionKey(text);
  const exact = entries.filter((e) => questionKey(e.question) === key || e.aliases.some((a) => questionKey(a) === key));
  // the words so far, as typed: "who" is a stop word to the index but a fine start of a question
  const partial = entries.filter((e) => [e.question, ...e.aliases].some((q) => questionKey(q).includes(key)));
  const index = new MiniSearch<{ id: number; question: string; aliases: string; answer: string }>({
    fields: ['question', 'aliases', 'answer'],
    tokenize,
    processTerm: (t) => (isStopWord(t) ? null : stemTerm(t)),
  });
  index.addAll(entries.map((e) => ({ id: e.id, question: e.question, aliases: e.aliases.join(' | '), answer: e.answer })));
  const fuzzy = index
    .search(text, {
      fuzzy: (t) => (t.length >= 5 ? 0.25 : false),
      prefix: (t) => t.length >= 3,
      boost: { question: 3, aliases: 2, answer: 0.5 },
    })
    .map((r) => entries.find((e) => e.id === Number(r.id)))
    .filter((e): e is FaqEntry => e !== undefined);
  return [...new Map([...numbered, ...exact, ...partial, ...fuzzy].map((e) => [e.id, e])).values()].slice(0, limit);
}
