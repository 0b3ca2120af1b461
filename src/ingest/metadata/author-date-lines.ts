/**
 * The author's box many sites print under the headline: the byline and the date on one line, split by a bar or a
 * dot — "Jane Roe | November 25, 2023, 03:59 PM", "By Jane Roe · 25 Nov 2023" — often with the text of the author's
 * photo and a follow button around the name ("Photo of Jane Roe Jane Roe Follow on Twitter | Published: 27th November
 * 2023 11:07 pm IST"). Neither half is a whole line by itself, so the byline and date-line readers each miss it; read
 * together, the date says the name is a byline. A photo caption that ends in a photographer and a date ("… in Rafah.
 * Photo by Jane Roe | Published 16 Jan 2025") is not one: its first part is a sentence, not a name.
 */
import { type Byline, looksLikeName, parseByline, personName } from './bylines.ts';
import { type DateLine, parseDateLine } from './publication-date-lines.ts';
import { furnitureReason } from '../read/furniture-lines.ts';

/** The alt text of the author's photo before the name: "Photo of", "Image of", "Avatar of", "Profile picture of". */
const AVATAR = /^(?:(?:author|profile)\s+)?(?:photo|image|picture|avatar|headshot|pic)\s+of\s+/i;
/** A follow button or handle after the name: "Follow on Twitter", "Follow us on X", "@janeroe". */
const FOLLOW = /\s+(?:follow(?:\s+us)?(?:\s+on)?\s+(?:twitter|x|facebook|instagram|linkedin|threads|bluesky|telegram)|@\w{2,30})\s*$/i;

/**
 * A name printed twice, as an author box does under the photo ("Jane Roe Jane Roe"), once.
 *
 * @example
 * onceOnly('Jane Roe Jane Roe') // → 'Jane Roe'
 */
export function onceOnly(text: string): string {
  const words = text.split(/\s+/);
  const half = words.length / 2;
  if (words.length >= 4 && Number.isInteger(half) && words.slice(0, half).join(' ') === words.slice(half).join(' '))
    return words.slice(0, half).join(' ');
  return text;
}

/** The person an author-box part names, or null: a byline ("By Jane Roe") or, beside a date, a bare name. */
function authorOf(part: string): Byline | null {
  let text = part.replace(AVATAR, '');
  for (let i = 0; i < 3 && FOLLOW.test(text); i++) text = text.replace(FOLLOW, '');
  text = onceOnly(text.trim());
  const byline = parseByline(text);
  if (byline) return { ...byline, evidence: part };
  return looksLikeName(text) ? { authors: [personName(text)], wire: null, evidence: part } : null;
}

/**
 * Reads a line that holds a byline and a date line together, or returns null. Every part of the line must be the
 * name, a date, or furniture ("3 min read"); one name and at least one date are needed.
 *
 * @example
 * parseAuthorDateLine('Jane Roe | November 25, 2023, 03:59 PM')
 * // → { byline: { authors: ['Jane Roe'], wire: null, … }, dates: [{ iso: '2023-11-25', kind: 'published', … }] }
 * parseAuthorDateLine('Crowds wait in Rafah. Photo by Jane Roe | Published 16 Jan 2025') // → null
 */
export function parseAuthorDateLine(line: string): { byline: Byline; dates: DateLine[] } | null {
  const flat = line.replace(/\s+/g, ' ').trim();
  if (flat.length > 200) return null;
  const parts = flat.split(/\s*[|·•]\s*/).filter((p) => p !== '');
  if (parts.length < 2) return null;
  let byline: Byline | null = null;
  const dates: DateLine[] = [];
  for (const part of parts) {
    const dated = parseDateLine(part);
    if (dated) {
      dates.push(...dated.map((d) => ({ ...d, evidence: flat })));
      continue;
    }
    const author: Byline | null = byline ? null : authorOf(part);
    if (author) byline = { ...author, evidence: flat };
    else if (furnitureReason(part) === null) return null;
  }
  return byline && dates.length > 0 ? { byline, dates } : null;
}
