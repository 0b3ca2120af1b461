/**
 * `/source <id>`: what the corpus knows about one source — its attribution, how its date was established, and its
 * opening passage — so that anyone can check where a quote came from.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { type Answer, notFound, quoteOf } from './answer.ts';
import { pageOf } from './answer-pages.ts';

export function answerSource(knowledge: Knowledge, id: string | null, limit = 5, offset = 0): Answer {
  const wanted = (id ?? '').trim().replace(/#\d+$/, '');
  const source = knowledge.sourceById.get(wanted);
  if (!source) {
    const ids = [...knowledge.sourceById.keys()];
    const close = ids.filter((s) => wanted !== '' && (s.includes(wanted) || wanted.includes(s)));
    if (close.length !== 1) {
      return notFound(
        'source',
        id,
        'Sources',
        close.length > 0 ? close : ids,
        wanted === '' ? 'Sources in the corpus:' : `No source "${wanted}".`,
      );
    }
    return answerSource(knowledge, close[0] ?? null, limit, offset);
  }
  const passages = knowledge.passages.filter((p) => p.sourceId === source.id);
  const results = passages.map((p) => quoteOf(p));
  const notes = [`Date ${source.published ?? 'unknown'} (${source.published_basis.kind}): ${source.published_basis.evidence}`];
  if (source.notes) notes.push(source.notes);
  return pageOf(
    knowledge,
    { command: 'source', query: source.id, title: source.title ?? `Untitled source ${source.id}`, notes },
    results,
    limit,
    offset,
  );
}
