/**
 * Renders an Answer as plain text for the console: heading, the entity line for `/who`, each quote as a "> " block
 * with its attribution and event date, then notes, suggestions and the page position.
 */
import type { Answer, Guide } from '../answers/answer.ts';
import { alsoInLine, attributionLine, eventDateLine, headingLabel, speakerLine } from './attribution.ts';

export function renderText(answer: Answer, offset = 0): string {
  const lines: string[] = [answer.title];
  if (answer.faq) lines.push(answer.faq.answer);
  if (answer.entity) {
    lines.push(`${answer.entity.roles.join('; ') || answer.entity.kind} — ${answer.entity.description}`);
  }
  answer.results.forEach((r, i) => {
    lines.push('');
    lines.push(`${offset + i + 1}. ${eventDateLine(r) ?? ''}`.trimEnd());
    for (const l of r.quote.split('\n')) lines.push(`   > ${l}`);
    const heading = headingLabel(r.source);
    lines.push(`   — ${attributionLine(r.source)}${heading ? ` · ${heading}` : ''}`);
    const extra = [speakerLine(r), alsoInLine(r), r.source.url, `[${r.passage_id}]`].filter(Boolean).join(' · ');
    lines.push(`     ${extra}`);
  });
  if (answer.guide) lines.push(...guideLines(answer.guide));
  if (answer.notes.length > 0) {
    lines.push('');
    for (const n of answer.notes) lines.push(answer.found || answer.results.length > 0 ? `Note: ${n}` : n);
  }
  if (!answer.found && answer.suggestions.length > 0) lines.push(`Try: ${answer.suggestions.join(' · ')}`);
  if (answer.total > answer.results.length && answer.results.length > 0) {
    lines.push(`(${offset + 1}–${offset + answer.results.length} of ${answer.total})`);
  }
  return lines.join('\n');
}

/** `/help` in the console: the introduction, each command with what it answers and an example, the console's tips. */
function guideLines(guide: Guide): string[] {
  const lines = ['', ...guide.intro, '', 'Commands:'];
  for (const c of guide.commands) {
    lines.push(`  ${c.usage} — ${c.description}`);
    if (c.example) lines.push(`      e.g. ${c.example}`);
  }
  const tips = guide.tips.filter((t) => t.face === 'console');
  if (tips.length > 0) lines.push('', ...tips.map((t) => t.text));
  return lines;
}
