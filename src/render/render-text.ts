/**
 * Renders an Answer as plain text for the console: heading, the entity line for `/who`, each quote as a "> " block
 * with its attribution and event date, then notes, suggestions and the page position. A source is credited in full
 * the first time it appears on a page and named once more after that ("— The Associated Press, as in 2"), so five
 * quotes from one article are not five copies of its byline.
 *
 * With a `TextLayout` from a terminal, every line is wrapped to its width (words whole, each block's indent kept)
 * and the names and dates a reader looks for are bold; with none (output piped, scripts), the text is plain and
 * unwrapped.
 *
 * @example
 * renderText(answer, 0, { width: 80, bold: false }) // → 'Terms: prisoners\n\n1.\n   > Hamas has made it clear…'
 */
import type { Answer, Guide, QuoteResult } from '../answers/answer.ts';
import { creditOf, sourceName } from '../answers/answer.ts';
import { wrapLine } from '../text/wrap.ts';
import { alsoInLine, attributionLine, eventDateLine, headingLabel, speakerLine } from './attribution.ts';

/** What a terminal tells the renderer: its width in columns, and whether it shows bold. */
export interface TextLayout {
  width?: number;
  bold?: boolean;
}

const BOLD_ON = '\x1b[1m';
const BOLD_OFF = '\x1b[22m';

export function renderText(answer: Answer, offset = 0, layout: TextLayout = {}): string {
  const strong = (text: string) => (layout.bold ? `${BOLD_ON}${text}${BOLD_OFF}` : text);
  const lines: Array<[string, string]> = [[strong(answer.title), '']];
  const add = (line: string, indent = '') => lines.push([line, indent]);
  if (answer.faq) add(answer.faq.answer);
  if (answer.entity) add(`${answer.entity.roles.join('; ') || answer.entity.kind} — ${answer.entity.description}`);
  // where each source was first credited on this page: later quotes from it name it and point back
  const creditedAt = new Map<string, number>();
  answer.results.forEach((r, i) => {
    const n = offset + i + 1;
    add('');
    const dated = eventDateLine(r);
    add(`${n}.${dated ? ` ${strong(dated)}` : ''}`, '   ');
    for (const l of r.quote.split('\n')) add(`   > ${l}`, '   > ');
    const credit = creditLine(r, creditedAt.get(r.source.id), strong);
    if (!creditedAt.has(r.source.id)) creditedAt.set(r.source.id, n);
    const speaker = speakerLine(r);
    const extra = [
      speaker && r.speaker ? speaker.replace(r.speaker.name, strong(r.speaker.name)) : null,
      alsoInLine(r),
      r.source.url,
      `[${r.passage_id}]`,
    ].filter(Boolean);
    // a repeated source's short credit leaves room for the rest on its line
    if (creditedAt.get(r.source.id) !== n) add(`   — ${[credit, ...extra].join(' · ')}`, '     ');
    else {
      add(`   — ${credit}`, '     ');
      add(`     ${extra.join(' · ')}`, '     ');
    }
  });
  if (answer.guide) for (const l of guideLines(answer.guide)) add(l, /^ {2}\S/.test(l) ? '      ' : '');
  if (answer.notes.length > 0) {
    add('');
    for (const n of answer.notes) add(answer.found || answer.results.length > 0 ? `Note: ${n}` : n, '      ');
  }
  if (!answer.found && answer.suggestions.length > 0) add(`Try: ${answer.suggestions.join(' · ')}`, '     ');
  if (answer.total > answer.results.length && answer.results.length > 0) {
    add(`(${offset + 1}–${offset + answer.results.length} of ${answer.total})`);
  }
  return lines.flatMap(([line, indent]) => wrapLine(line, layout.width, indent)).join('\n');
}

/**
 * The source's credit under a quote: in full where the source first appears on the page, then only its name and
 * where the full credit is ("The Associated Press, as in 2"). The credit's name is what `strong` makes bold.
 */
function creditLine(r: QuoteResult, firstAt: number | undefined, strong: (text: string) => string): string {
  if (firstAt !== undefined) return `${strong(sourceName(r.source))}, as in ${firstAt}`;
  const heading = headingLabel(r.source);
  const credit = creditOf(r.source);
  // the name a reader knows the source by is bold: its credit, or for a source with none its heading
  const named = credit ?? heading;
  const full = `${attributionLine(r.source)}${heading ? ` · ${heading}` : ''}`;
  return named ? full.replace(named, strong(named)) : full;
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
