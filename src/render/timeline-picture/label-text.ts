/**
 * The words of the picture's labels: dates written for people ("22 Nov 2023", "Nov 2023"), and text cut to the
 * width it has, at a word boundary with "…", measured with the shipped fonts' own widths. A statement's words are
 * cut only where the cut cannot turn their meaning (`fitStatement`).
 */
import { monthName as nameOfMonth } from '../../dates/month-names.ts';
import type { Granularity } from '../../dates/resolve-dates.ts';
import { textWidth } from './picture-fonts.ts';

/**
 * A date as the picture writes it, as precise as the source is.
 *
 * @example
 * pictureDate('2023-11-22', 'day') // → '22 Nov 2023'; pictureDate('2023-11-20', 'week') // → 'week of 20 Nov 2023'
 */
export function pictureDate(iso: string, granularity: Granularity, withYear = true): string {
  const [year = '', month = '1', day = '1'] = iso.split('-');
  const monthName = nameOfMonth(Number(month), 3);
  const tail = withYear ? ` ${year}` : '';
  if (granularity === 'year') return year;
  if (granularity === 'month') return `${monthName}${tail}`;
  const dayText = `${Number(day)} ${monthName}${tail}`;
  return granularity === 'week' ? `week of ${dayText}` : dayText;
}

/**
 * A span of dates, the year once when both ends share it.
 *
 * @example
 * dateSpan('2023-10-01', '2023-10-23') // → '1 Oct – 23 Oct 2023'
 */
export function dateSpan(start: string, end: string): string {
  if (start === end) return pictureDate(start, 'day');
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return `${pictureDate(start, 'day', !sameYear)} – ${pictureDate(end, 'day')}`;
}

/**
 * The text cut at a word boundary (or a character, for one long word) so that it and "…" fit `maxWidth`.
 *
 * @example
 * fitText('Israel’s war cabinet signed off on the deal', 200, 22) // → 'Israel’s war cabinet…'
 */
export function fitText(text: string, maxWidth: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= maxWidth) return text;
  const room = maxWidth - textWidth('…', size, bold);
  if (room <= 0) return '';
  const words = text.split(' ');
  let kept = '';
  for (const w of words) {
    const next = kept === '' ? w : `${kept} ${w}`;
    if (textWidth(next, size, bold) > room) break;
    kept = next;
  }
  if (kept === '') {
    for (const c of text) {
      if (textWidth(kept + c, size, bold) > room) break;
      kept += c;
    }
  }
  kept = kept.replace(/[\s,;:—–-]+$/, '');
  return kept === '' ? '' : `${kept}…`;
}

/**
 * Text broken into lines no wider than `maxWidth`.
 *
 * @example
 * wrapText('Showing 36 of 500 statements …', 600, 22) // → ['Showing 36 of 500', 'statements …']
 */
export function wrapText(text: string, maxWidth: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    const next = line === '' ? w : `${line} ${w}`;
    if (line !== '' && textWidth(next, size, bold) > maxWidth) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => fitText(l, maxWidth, size, bold));
}

/** Where a clause ends: after a comma, semicolon, colon, dash or an opening bracket, or before a joining word. */
const CLAUSE_END = /[,;:—–(](?=\s)|\s(?=(?:and|but|while|whereas|although|though|because|which|who|so)\s)/g;
/** What a clause cut must not drop: the condition or time bound of what is kept ("…, unless …", "… only if …"). */
const BOUND_CLAUSE = /^[\s,;:—–(]*(?:unless|until|till|before|after|if|when|once|provided|only|except|not|but not)\b/i;
/** Words that, cut off, would turn what is kept: a negation, a condition, a time bound, an exception. */
const MEANING_TURNS = /\b(?:not|no|never|nor|unless|until|till|before|after|if|except|without|only|yet|but|than)\b|n[’']t\b/i;

/**
 * A statement's words cut to the width they have, so that the label never says less than its source in a way that
 * turns it: cut at the end of a clause ("Talks continued, and no hostages were to be released before Friday" →
 * "Talks continued…", never "…and no hostages were to be released"), always with "…"; cut at a word only when
 * nothing in the words cut off is a negation, condition or time bound; otherwise no words at all (the mark stays,
 * and the list under the picture gives the whole quote).
 *
 * @example
 * fitStatement('Talks continued, and no hostages were to be released before Friday', 260, 22) // → 'Talks continued…'
 */
export function fitStatement(text: string, maxWidth: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= maxWidth) return text;
  const room = maxWidth - textWidth('…', size, bold);
  let clause = '';
  for (const m of text.matchAll(CLAUSE_END)) {
    const kept = text.slice(0, m.index).replace(/[\s,;:—–(-]+$/, '');
    if (kept === '' || textWidth(kept, size, bold) > room) break;
    if (!BOUND_CLAUSE.test(text.slice(m.index))) clause = kept;
  }
  if (clause !== '') return `${clause}…`;
  const cut = fitText(text, maxWidth, size, bold);
  const kept = cut.replace(/…$/, '');
  return kept !== '' && !MEANING_TURNS.test(text.slice(kept.length)) ? cut : '';
}
