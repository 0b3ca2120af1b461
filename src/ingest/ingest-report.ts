/**
 * The report a moderator reads after `npm run ingest`: what the page was read as (headline, sub-heading, outlet,
 * authors, date and the line it rests on, dateline), the first words of every kept paragraph, and every dropped line
 * with its reason — short enough to check in seconds.
 */
import type { CleanedText } from './read/cleaned-text.ts';
import type { PreparedSource } from './ingest-source.ts';

/** The first words of a paragraph, for one report line. */
function firstWords(text: string, words = 12): string {
  const all = text.split(/\s+/);
  return all.length <= words ? text : `${all.slice(0, words).join(' ')} …`;
}

/** Consecutive drops for the same reason (a menu, a link list) as one line: "reason (N lines): a · b · c". */
function groupedDrops(dropped: CleanedText['dropped']): string[] {
  const lines: string[] = [];
  for (let i = 0; i < dropped.length;) {
    const reason = dropped[i]?.reason ?? '';
    let j = i;
    while (j < dropped.length && dropped[j]?.reason === reason) j++;
    const texts = dropped.slice(i, j).map((d) => d.text);
    const joined = texts.join(' · ');
    const shown = joined.length > 140 ? `${joined.slice(0, 139)}…` : joined;
    lines.push(`  - ${reason}${texts.length > 1 ? ` (${texts.length} lines)` : ''}: ${shown}`);
    i = j;
  }
  return lines;
}

/**
 * The report lines for one prepared (and perhaps written) source.
 *
 * @example
 * ingestReport(prepared, 'corpus/sources/2024-07-31-….md')
 * // → ['wrote corpus/sources/2024-07-31-….md', '  title: …', …, 'kept 9 paragraphs:', '  1. Doha (AFP) - Qatar on …', 'dropped 31 lines:', '  - skip link: Skip to main content', …]
 */
export function ingestReport(prepared: PreparedSource, file: string | null): string[] {
  const { meta, cleaned } = prepared;
  const basis = meta.published_basis;
  const lines = [
    file ? `wrote ${file}` : `would write sources/${meta.id}.md (dry run: nothing written)`,
    `  title: ${meta.title ?? '(none found)'}`,
    `  subtitle: ${cleaned.subtitle ?? '(none)'}`,
    `  outlet: ${meta.outlet ?? '(unknown)'}${meta.reports_on ? ` — reports on ${meta.reports_on}` : ''}`,
    `  authors: ${meta.authors.join(', ') || '(none named)'}`,
    `  published: ${meta.published ?? '(unknown)'} [${basis.kind}: ${basis.evidence}]`,
    `  dateline: ${cleaned.dateline ? `${cleaned.dateline.place}${cleaned.dateline.wire ? ` (${cleaned.dateline.wire})` : ''}` : '(none)'}`,
    ...(meta.url ? [`  url: ${meta.url}`] : []),
    `kept ${cleaned.paragraphs.length} paragraph${cleaned.paragraphs.length === 1 ? '' : 's'}:`,
    ...cleaned.paragraphs.map((p, i) => `  ${i + 1}. ${firstWords(p)}`),
    ...(cleaned.truncated ? [`  (left out: the last paragraph stops mid-sentence: "${firstWords(cleaned.truncated.text)}")`] : []),
    `dropped ${cleaned.dropped.length} line${cleaned.dropped.length === 1 ? '' : 's'}${cleaned.dropped.length > 0 ? ':' : ''}`,
    ...groupedDrops(cleaned.dropped),
  ];
  return lines;
}
