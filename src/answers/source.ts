/**
 * `/source <id>`: what the corpus knows about one source — its attribution, how its date was established, and its
 * opening passage — so that anyone can check where a quote came from.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { type Answer, notFound, quoteOf } from './answer.ts';
import { pageOf } from './answer-pages.ts';
import { excerpt } from './excerpt.ts';

export function answerSource(knowledge: Knowledge, id: string | null, limit = 5, offset = 0): Answer {
  const wanted = (id ?? '').trim().replace(/#\d+$/, '');
  if (wanted === '') return sourceList(knowledge, limit, offset);
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

/**
 * `/source` with no id: every source, newest first (those without a date last), each as its opening passage with its
 * attribution — what it is called by what it shows, its date, its id to ask for — so a member picks one by what they
 * recognise, not by a file id.
 *
 * @example
 * answerSource(knowledge, null).results[0]?.source.id // → the newest source's id
 */
function sourceList(knowledge: Knowledge, limit: number, offset: number): Answer {
  const sources = [...knowledge.corpus.sources].sort(
    (a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.id.localeCompare(b.id),
  );
  const results = sources.flatMap((s) => {
    const first = knowledge.passageById.get(`${s.id}#1`);
    return first ? [quoteOf(first, { quote: excerpt(first, [0]) })] : [];
  });
  const notes = [
    `${sources.length} source${sources.length === 1 ? '' : 's'} in the corpus, newest first: ask /source <id> for one source's passages.`,
  ];
  return pageOf(knowledge, { command: 'source', query: null, title: 'Sources', notes }, results, limit, offset);
}
